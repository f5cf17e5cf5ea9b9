/**
 * The one echo server, for tests and the benchmarks: every byte goes straight
 * back, so every line comes back whole and in order. It does no framing of its
 * own, so the cost of the echo is the same whichever relay is in front of it.
 *
 * As a program (the benchmarks run it on a CPU of its own):
 * `node --import tsx test/support/echo-server.ts [--port 0]` prints
 * `echo server listening on 127.0.0.1:PORT`.
 */
import net from 'node:net';
import { isMain } from '../../node/entry.js';
import * as flag from '../../node/flags.js';
import { Queue } from './queue.js';
import { closeServer } from './scripted-server.js';
import { LISTEN_BACKLOG } from '../../node/ports.js';

/** One connection to the echo server, to watch it end. */
export interface EchoPeer {
  readonly socket: net.Socket;
  /** Resolves when the client has ended its side. */
  readonly ended: Promise<void>;
  /** Resolves when the connection has closed. */
  readonly closed: Promise<void>;
}

export interface EchoServer {
  readonly port: number;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Connections open now. */
  connections(): number;
  /** The next connection, in the order accepted; one that closed before it was asked for is not kept. */
  nextPeer(): Promise<EchoPeer>;
  close(): Promise<void>;
}

/** Starts the echo server on 127.0.0.1 (port 0: a free one). */
export async function startEchoServer(port = 0): Promise<EchoServer> {
  const sockets = new Set<net.Socket>();
  const peers = new Queue<EchoPeer>();
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      if (!socket.write(chunk)) {
        socket.pause();
        socket.once('drain', () => socket.resume());
      }
    });
    const peer: EchoPeer = {
      socket,
      ended: new Promise((resolve) => socket.once('end', () => resolve())),
      closed: new Promise((resolve) => socket.once('close', () => resolve())),
    };
    socket.on('end', () => socket.end());
    socket.on('close', () => {
      sockets.delete(socket);
      // Only peers still open are kept for nextPeer(), so a long run holds no closed ones.
      peers.remove(peer);
    });
    peers.push(peer);
  });
  server.maxConnections = 100_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port, backlog: LISTEN_BACKLOG }, () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    get accepted() {
      return accepted;
    },
    connections: () => sockets.size,
    nextPeer: () => peers.next(),
    close: () => closeServer(server, sockets),
  };
}

if (isMain(import.meta.url)) {
  const opts = flag.parseFlagsOrExit(process.argv.slice(2), { port: flag.port({ default: 0 }) }, 'usage: node --import tsx test/support/echo-server.ts [--port 0]');
  const server = await startEchoServer(opts.port);
  process.stdout.write(`echo server listening on 127.0.0.1:${server.port}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
