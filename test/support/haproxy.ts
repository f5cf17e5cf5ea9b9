/**
 * Test support: Debian's HAProxy in front of line servers, as docs/SCALING.md
 * recommends (TCP mode, round robin, the PROXY header on), on a free port and
 * stopped by its handle.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../node/free-port.js';

export interface TestHaproxy {
  /** The port players connect to. */
  readonly port: number;
  /** The configuration it runs with. */
  readonly config: string;
  stop(): Promise<void>;
}

/** The haproxy.cfg of docs/SCALING.md for these game ports. */
export function haproxyConfig(port: number, readyPort: number, backends: readonly number[], maxconn = 1000): string {
  return `global
  # Each connection takes two descriptors: raise \`ulimit -n\` to past twice this.
  maxconn ${maxconn}

defaults
  mode tcp
  timeout connect 2s
  # Players think between moves: idle connections stay open for an hour.
  timeout client 1h
  timeout server 1h

frontend word_guess
  bind 127.0.0.1:${port}
  default_backend game_servers

backend game_servers
  balance roundrobin
${backends.map((p, i) => `  server game${i + 1} 127.0.0.1:${p} send-proxy`).join('\n')}

# Answers once every listener is bound: tests wait on it instead of probing the game port.
frontend ready
  mode http
  bind 127.0.0.1:${readyPort}
  monitor-uri /ready
`;
}

const HAPROXY = ['/usr/sbin/haproxy', 'haproxy'];

/** Starts haproxy in the foreground (`-db`) in front of `backends`; resolves once it listens. */
export async function startHaproxy(backends: readonly number[]): Promise<TestHaproxy> {
  const port = await freePort();
  const readyPort = await freePort();
  const config = haproxyConfig(port, readyPort, backends);
  const file = join(mkdtempSync(join(tmpdir(), 'word-guess-haproxy-')), 'haproxy.cfg');
  writeFileSync(file, config);
  const child = await launch(file);
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = once(child, 'exit');
  await Promise.race([
    waitForReady(readyPort),
    exited.then(() => {
      throw new Error(`haproxy exited before it was ready:\n${log}`);
    }),
  ]);
  return {
    port,
    config,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

function launch(file: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const tryNext = (i: number) => {
      if (i >= HAPROXY.length) return reject(new Error('haproxy is not installed: `apt-get install -y haproxy` (Debian), or run `.ci/run`, which installs it.'));
      const child = spawn(HAPROXY[i], ['-f', file, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
      child.once('error', () => tryNext(i + 1));
      child.once('spawn', () => resolve(child));
    };
    tryNext(0);
  });
}

/** Retries the monitor URI until HAProxy answers it (it binds every listener before serving any). */
async function waitForReady(port: number): Promise<void> {
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => s.end('GET /ready HTTP/1.0\r\n\r\n'));
      let answer = '';
      s.on('data', (d) => (answer += d.toString()));
      s.on('close', () => resolve(/^HTTP\/1\.[01] 200/.test(answer)));
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}
