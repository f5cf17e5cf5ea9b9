/**
 * What listens on a local port, for `npm run dev`: nothing, a Word Guess gateway
 * (it answers GET /healthz with its JSON), or something else, described well
 * enough that a person can find it and stop it or pick another port.
 */
import { spawnSync } from 'node:child_process';
import http from 'node:http';

/** What a port on 127.0.0.1 turned out to hold. */
export type PortUse =
  | { readonly kind: 'free' }
  | { readonly kind: 'gateway'; readonly status: string; readonly targets: readonly { target: string; reachable: boolean }[] }
  | { readonly kind: 'other'; readonly what: string };

/** How long the probe waits for an answer to GET /healthz. */
export const PROBE_TIMEOUT_MS = 2000;
/** The most of an answer read: /healthz is a few hundred bytes. */
const MAX_BODY_BYTES = 64 * 1024;

/** Asks 127.0.0.1:port for /healthz and says what answered. */
export function probeGatewayPort(port: number, timeoutMs = PROBE_TIMEOUT_MS): Promise<PortUse> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: timeoutMs, headers: { Connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        body += d;
        if (body.length > MAX_BODY_BYTES) res.destroy();
      });
      res.on('close', () => resolve(judge(res, body)));
    });
    req.on('timeout', () => {
      req.destroy();
      resolve({ kind: 'other', what: `a program that accepted a connection but did not answer GET /healthz within ${timeoutMs} ms` });
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') resolve({ kind: 'free' });
      else if (err.code?.startsWith('HPE_')) resolve({ kind: 'other', what: 'a program that does not speak HTTP' });
      else if (err.code === 'ECONNRESET') resolve({ kind: 'other', what: 'a program that closed the connection without answering GET /healthz' });
      else resolve({ kind: 'other', what: `a program that answered GET /healthz with an error (${err.code ?? err.message})` });
    });
  });
}

function judge(res: http.IncomingMessage, body: string): PortUse {
  const health = parseHealth(body);
  if (health) return { kind: 'gateway', ...health };
  const server = res.headers.server ? ` (Server: ${res.headers.server})` : '';
  const type = res.headers['content-type'] ? `, ${res.headers['content-type']}` : '';
  return { kind: 'other', what: `an HTTP server that is not a Word Guess gateway: GET /healthz answered ${res.statusCode} ${res.statusMessage ?? ''}${type}${server}`.replace(/ ,/, ',') };
}

/** The gateway's /healthz JSON (docs/GATEWAY.md), or null for anything else. */
function parseHealth(body: string): { status: string; targets: { target: string; reachable: boolean }[] } | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const h = json as { status?: unknown; target?: unknown; targetReachable?: unknown; targets?: unknown };
  if (h.status !== 'ok' && h.status !== 'target-unreachable') return null;
  if (Array.isArray(h.targets)) {
    const targets = h.targets.filter((t): t is { target: string; reachable: boolean } => typeof t?.target === 'string');
    return { status: h.status, targets };
  }
  if (typeof h.target === 'string') return { status: h.status, targets: [{ target: h.target, reachable: h.targetReachable === true }] };
  return null;
}

/** The program listening on a TCP port, as `ss` shows it (e.g. `nginx (pid 812)`), when it can be seen. */
export function listeningProgram(port: number): string | undefined {
  const ss = spawnSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8', timeout: PROBE_TIMEOUT_MS });
  const m = ss.status === 0 ? /users:\(\("([^"]+)",pid=(\d+)/.exec(ss.stdout) : null;
  return m ? `${m[1]} (pid ${m[2]})` : undefined;
}
