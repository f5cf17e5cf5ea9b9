/**
 * Idle WebSockets: opens many, checks each one really reaches the line server
 * (one line out, its echo back), then leaves them idle so the relay's memory per
 * connection can be read.
 */
import WebSocket from 'ws';

export interface IdleOptions {
  readonly port: number;
  readonly path?: string;
  /** Frames are binary (websockify) rather than text (our gateway). */
  readonly binary?: boolean;
  readonly batch?: number;
  readonly timeoutMs?: number;
}

export interface IdlePool {
  /** Connections opened and echoed, still open. */
  held(): number;
  /** Connections that failed to open or to echo. */
  failed(): number;
  /** Opens more until `total` are held or tried; resolves with the number held. */
  growTo(total: number): Promise<number>;
  close(): Promise<void>;
}

const LINE = 'ping';

/** A pool of idle WebSockets against one relay. */
export function idlePool(opts: IdleOptions): IdlePool {
  const open = new Set<WebSocket>();
  let failed = 0;
  let tried = 0;
  const batch = opts.batch ?? 250;
  const url = `ws://127.0.0.1:${opts.port}${opts.path ?? '/'}`;
  const payload = opts.binary ? Buffer.from(LINE + '\n') : LINE;

  const one = (): Promise<void> =>
    new Promise((resolve) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      let settled = false;
      const done = (ok: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (ok) open.add(ws);
        else {
          failed++;
          ws.terminate();
        }
        resolve();
      };
      const timer = setTimeout(() => done(false), opts.timeoutMs ?? 15_000);
      ws.on('error', () => done(false));
      ws.on('close', () => {
        open.delete(ws);
        done(false);
      });
      ws.once('open', () => ws.send(payload, { binary: opts.binary ?? false }));
      ws.once('message', () => done(true));
    });

  return {
    held: () => open.size,
    failed: () => failed,
    async growTo(total) {
      while (tried < total) {
        const n = Math.min(batch, total - tried);
        tried += n;
        await Promise.all(Array.from({ length: n }, one));
      }
      return open.size;
    },
    async close() {
      const closed = [...open].map((ws) => new Promise<void>((resolve) => (ws.once('close', () => resolve()), ws.terminate())));
      await Promise.all(closed);
    },
  };
}
