/**
 * The line echo server the gateway benchmarks talk to: every byte goes straight
 * back, so every line comes back whole and in order. It does no framing of its
 * own, so the cost of the echo is the same whichever relay is in front of it.
 *
 * As a program: `node --import tsx bench/echo-server.ts [--port 0]` prints
 * `echo server listening on 127.0.0.1:PORT`.
 */
import net from 'node:net';
import * as flag from '../node/flags.js';
import { isMain } from './util.js';

export interface EchoServer {
  readonly port: number;
  /** Connections open now. */
  connections(): number;
  close(): Promise<void>;
}

/** Starts the echo server on 127.0.0.1. */
export async function startEchoServer(port = 0): Promise<EchoServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (chunk) => {
      if (!socket.write(chunk)) {
        socket.pause();
        socket.once('drain', () => socket.resume());
      }
    });
    socket.on('end', () => socket.end());
  });
  server.maxConnections = 100_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port, backlog: 4096 }, () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

if (isMain(import.meta.url)) {
  const opts = flag.parseFlagsOrExit(process.argv.slice(2), { port: flag.port({ default: 0 }) }, 'usage: node --import tsx bench/echo-server.ts [--port 0]');
  const server = await startEchoServer(opts.port);
  process.stdout.write(`echo server listening on 127.0.0.1:${server.port}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
