/**
 * The gateway's command line: flags in, a checked options object out.
 *
 * A bad flag throws UsageError with a message that names the flag and what it
 * accepts; main.ts prints it with the usage and exits 2.
 */
import { fileURLToPath } from 'node:url';
import * as flag from '../node/flags.js';
import { UsageError, parseFlags as parseFlagSpec, parseHostPort, wantsHelp, type Parsed } from '../node/flags.js';
import { DEV_PORT, GAME_PORT, GATEWAY_PORT } from '../node/ports.js';
import type { Target } from './bridge.js';

export { UsageError };

/** Everything the gateway process is started with. */
export interface GatewayFlags {
  host: string;
  port: number;
  /** One or more line servers; each new browser goes to the next live one. */
  target: Target[];
  /** Send each browser's address first, as a PROXY protocol v1 line. */
  sendProxy: boolean;
  /** Proxies whose X-Forwarded-For names the browser. */
  trustForwarded: string[];
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
  --port PORT              HTTP and WebSocket port (default ${GATEWAY_PORT}; 0 picks a free one)
  --target HOST:PORT       the line server every WebSocket is connected to
                           (default 127.0.0.1:${GAME_PORT}); repeat it for several
                           servers: each new browser goes to the next one that
                           answers (round robin)
  --send-proxy             send each browser's address first as a PROXY protocol
                           v1 line (the server must --trust the gateway's address;
                           off by default: another line server would read it as input)
  --trust-forwarded ADDRESS a proxy in front of the gateway (a TLS terminator) whose
                           X-Forwarded-For names the browser (may be repeated)
  --static DIR             built web client to serve (default: dist/web)
  --allow-origin ORIGIN    another page origin allowed to open WebSockets,
                           e.g. http://localhost:${DEV_PORT} (may be repeated)
  --max-connections N      WebSockets open at once (default 10000)
  --max-per-ip N           WebSockets open at once from one address (default 50)
  --heartbeat SECONDS      ping interval; a peer that misses a pong is cut (default 30; 0 off)
  --header-timeout SECONDS time a client has to send its HTTP headers (default 10)
  --help                   show this text`;

/** The gateway's flags, as node/flags reads them. */
export const GATEWAY_FLAGS = {
  host: flag.string({ default: '127.0.0.1' }),
  port: flag.port({ default: GATEWAY_PORT }),
  target: flag.hostPort({ repeated: true, default: [{ host: '127.0.0.1', port: GAME_PORT }] }),
  'send-proxy': flag.boolean(),
  'trust-forwarded': flag.string({ repeated: true }),
  static: flag.string({ default: DEFAULT_STATIC_DIR }),
  'allow-origin': flag.custom(parseOrigin, { repeated: true }),
  'max-connections': flag.integer({ min: 1, max: 1_000_000, default: 10_000 }),
  'max-per-ip': flag.integer({ min: 1, max: 1_000_000, default: 50 }),
  heartbeat: flag.integer({ min: 0, max: 3600, default: 30 }),
  'header-timeout': flag.integer({ min: 1, max: 3600, default: 10 }),
};

/** The options object for createGateway from parsed flags. */
export function gatewayFlags(values: Parsed<typeof GATEWAY_FLAGS>): GatewayFlags {
  return {
    host: values.host,
    port: values.port,
    target: values.target,
    sendProxy: values['send-proxy'],
    trustForwarded: values['trust-forwarded'],
    staticDir: values.static,
    allowOrigins: values['allow-origin'],
    maxConnections: values['max-connections'],
    maxPerIp: values['max-per-ip'],
    heartbeatMs: values.heartbeat * 1000,
    headersTimeoutMs: values['header-timeout'] * 1000,
  };
}

/** Parses argv (without node and the script); returns undefined for --help. */
export function parseFlags(argv: readonly string[]): GatewayFlags | undefined {
  if (wantsHelp(argv, GATEWAY_FLAGS)) return undefined;
  return gatewayFlags(parseFlagSpec(argv, GATEWAY_FLAGS));
}

/** Parses `HOST:PORT` (`[::1]:PORT` for IPv6) as --target. */
export function parseTarget(raw: string): Target {
  return parseHostPort(raw, '--target');
}

/** Parses an origin as a browser sends it: scheme://host[:port], nothing after. */
export function parseOrigin(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--allow-origin must be an origin like http://localhost:${DEV_PORT} (got "${raw}")`);
  }
  const origin = url.origin;
  if (origin === 'null' || raw.replace(/\/$/, '').toLowerCase() !== origin) {
    throw new UsageError(`--allow-origin must be scheme://host[:port] with no path, e.g. ${origin} (got "${raw}")`);
  }
  return origin;
}
