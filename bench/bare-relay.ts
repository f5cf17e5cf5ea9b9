/**
 * The reference relay: the thinnest `ws` → `net` pipe that still speaks our
 * framing (one text frame = one line). None of the gateway's checks: no origin or
 * connection limits, no line length or line-break checks, no backpressure, no
 * heartbeat, no UTF-8 decoding of server lines. Only Nagle is off on the TCP leg,
 * as `ws` does for the WebSocket leg, so that small lines are not held back.
 *
 * As a program: `node --import tsx bench/bare-relay.ts --target 127.0.0.1:PORT [--port 0]`
 * prints `bare relay listening on 127.0.0.1:PORT`.
 */
import net from 'node:net';
import { WebSocketServer } from 'ws';
import * as flag from '../node/flags.js';
import { GAME_PORT } from '../node/ports.js';
import { isMain } from '../node/entry.js';

const NL = Buffer.from('\n');

export interface BareRelay {
  readonly port: number;
  close(): Promise<void>;
}

/** Starts the relay on 127.0.0.1 in front of `target`. */
export async function startBareRelay(target: { host: string; port: number }, port = 0): Promise<BareRelay> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port, backlog: 4096 });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  wss.on('connection', (ws) => {
    const tcp = net.connect(target);
    tcp.setNoDelay(true);
    let rest: Buffer | null = null;
    ws.on('message', (data) => tcp.write(Buffer.concat([data as Buffer, NL])));
    tcp.on('data', (chunk: Buffer) => {
      const buf = rest ? Buffer.concat([rest, chunk]) : chunk;
      let start = 0;
      for (let i = buf.indexOf(0x0a); i !== -1; i = buf.indexOf(0x0a, start)) {
        ws.send(buf.subarray(start, i), { binary: false });
        start = i + 1;
      }
      rest = start < buf.length ? buf.subarray(start) : null;
    });
    ws.on('close', () => tcp.destroy());
    tcp.on('close', () => ws.close());
    ws.on('error', () => tcp.destroy());
    tcp.on('error', () => ws.terminate());
  });
  return {
    port: (wss.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        wss.close(() => resolve());
      }),
  };
}

if (isMain(import.meta.url)) {
  const opts = flag.parseFlagsOrExit(
    process.argv.slice(2),
    { target: flag.hostPort({ default: { host: '127.0.0.1', port: GAME_PORT } }), port: flag.port({ default: 0 }) },
    'usage: node --import tsx bench/bare-relay.ts --target 127.0.0.1:PORT [--port 0]',
  );
  const relay = await startBareRelay(opts.target, opts.port);
  process.stdout.write(`bare relay listening on 127.0.0.1:${relay.port}\n`);
  const stop = () => void relay.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
