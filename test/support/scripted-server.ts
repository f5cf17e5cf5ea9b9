/**
 * Test support: a TCP server on 127.0.0.1 port 0 whose side of the conversation
 * the test plays by hand, line by line.
 */
import net from 'node:net';
import { readLines, type LineReader } from './lines.js';

export interface ScriptedPeer extends LineReader {
  readonly socket: net.Socket;
  /** Sends lines, each with `\n`. */
  send(...lines: string[]): void;
  /** Every byte received so far, as text (to check line ends). */
  raw(): string;
}

export interface ScriptedServer {
  readonly port: number;
  /** The next client to connect (already connected ones are kept in order). */
  nextPeer(): Promise<ScriptedPeer>;
  /** Stops listening and drops every peer. */
  close(): Promise<void>;
}

export async function createScriptedServer(): Promise<ScriptedServer> {
  const waiting: ((peer: ScriptedPeer) => void)[] = [];
  const arrived: ScriptedPeer[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    const peer: ScriptedPeer = Object.assign(readLines(socket), {
      socket,
      raw: () => Buffer.concat(received).toString(),
      send: (...lines: string[]) => void socket.write(lines.map((l) => l + '\n').join('')),
    });
    const w = waiting.shift();
    if (w) w(peer);
    else arrived.push(peer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    nextPeer: () => {
      const peer = arrived.shift();
      return peer ? Promise.resolve(peer) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
