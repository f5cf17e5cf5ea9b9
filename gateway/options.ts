/**
 * The gateway's command line: flags in, a checked options object out.
 *
 * A bad flag throws UsageError with a message that names the flag and what it
 * accepts; main.ts prints it with the usage and exits 2.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Target } from './bridge.js';

/** A command line the gateway cannot run with. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Everything the gateway process is started with. */
export interface GatewayFlags {
  host: string;
  port: number;
  target: Target;
  staticDir: string;
  allowOrigins: string[];
  maxConnections: number;
  maxPerIp: number;
  heartbeatMs: number;
  headersTimeoutMs: number;
}

/** The web build output at the repository root. */
export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../dist/web', import.meta.url));

/** Shown by --help and after a usage error. */
export const USAGE = `Usage: npm run gateway -- [flags]

  --host HOST              address to listen on (default 127.0.0.1; 0.0.0.0 for all)
  --port PORT              HTTP and WebSocket port (default 8080; 0 picks a free one)
  --target HOST:PORT       the line server every WebSocket is connected to
                           (default 127.0.0.1:30003)
  --static DIR             built web client to serve (default: dist/web)
  --allow-origin ORIGIN    another page origin allowed to open WebSockets,
                           e.g. http://localhost:5173 (may be repeated)
  --max-connections N      WebSockets open at once (default 10000)
  --max-per-ip N           WebSockets open at once from one address (default 50)
  --heartbeat SECONDS      ping interval; a peer that misses a pong is cut (default 30; 0 off)
  --header-timeout SECONDS time a client has to send its HTTP headers (default 10)
  --help                   show this text`;

/** Parses argv (without node and the script); returns undefined for --help. */
export function parseFlags(argv: readonly string[]): GatewayFlags | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '8080' },
        target: { type: 'string', default: '127.0.0.1:30003' },
        static: { type: 'string', default: DEFAULT_STATIC_DIR },
        'allow-origin': { type: 'string', multiple: true, default: [] },
        'max-connections': { type: 'string', default: '10000' },
        'max-per-ip': { type: 'string', default: '50' },
        heartbeat: { type: 'string', default: '30' },
        'header-timeout': { type: 'string', default: '10' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return undefined;
  if (values.host === '') throw new UsageError('--host needs an address, e.g. 127.0.0.1');
  if (values.static === '') throw new UsageError('--static needs a folder');
  return {
    host: values.host,
    port: integer('--port', values.port, 0, 65535),
    target: parseTarget(values.target),
    staticDir: values.static,
    allowOrigins: values['allow-origin'].map(parseOrigin),
    maxConnections: integer('--max-connections', values['max-connections'], 1, 1_000_000),
    maxPerIp: integer('--max-per-ip', values['max-per-ip'], 1, 1_000_000),
    heartbeatMs: integer('--heartbeat', values.heartbeat, 0, 3600) * 1000,
    headersTimeoutMs: integer('--header-timeout', values['header-timeout'], 1, 3600) * 1000,
  };
}

/** Parses `HOST:PORT` (`[::1]:PORT` for IPv6). */
export function parseTarget(raw: string): Target {
  const m = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d{1,5})$/.exec(raw);
  if (!m) throw new UsageError(`--target must be HOST:PORT, e.g. 127.0.0.1:30003 (got "${raw}")`);
  const port = Number(m[3]);
  if (port < 1 || port > 65535) throw new UsageError(`--target port must be from 1 to 65535 (got ${m[3]})`);
  return { host: m[1] ?? m[2], port };
}

/** Parses an origin as a browser sends it: scheme://host[:port], nothing after. */
export function parseOrigin(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--allow-origin must be an origin like http://localhost:5173 (got "${raw}")`);
  }
  const origin = url.origin;
  if (origin === 'null' || raw.replace(/\/$/, '').toLowerCase() !== origin) {
    throw new UsageError(`--allow-origin must be scheme://host[:port] with no path, e.g. ${origin} (got "${raw}")`);
  }
  return origin;
}

function integer(flag: string, raw: string, min: number, max: number): number {
  const n = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max)) throw new UsageError(`${flag} must be an integer from ${min} to ${max} (got "${raw}")`);
  return n;
}
