/**
 * Test support: a TCP line server on 127.0.0.1 port 0 whose side of the
 * conversation the test plays by hand, line by line, one peer per connection.
 */
import net from 'node:net';
import { lineQueue, type LineQueue } from './lines.js';
import { Queue } from './queue.js';

/** One connection as the scripted server sees it: its lines to take, and ways to answer. */
export interface ScriptedPeer extends LineQueue {
  readonly socket: net.Socket;
  /** Sends lines, each with `\n`. */
  send(...lines: string[]): void;
  /** Sends raw text or bytes; resolves once they are handed to the kernel. */
  write(data: string | Uint8Array): Promise<void>;
  /** Every byte received so far, decoded as UTF-8 with line ends kept (to check exact bytes). */
  readonly text: string;
  /** Resolves when the connection has closed. */
  readonly closed: Promise<void>;
}

export interface ScriptedServer {
  readonly port: number;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** The next client to connect (already connected ones are kept in order). */
  nextPeer(): Promise<ScriptedPeer>;
  /** Stops listening and drops every peer. */
  close(): Promise<void>;
}

export interface ScriptedServerOptions {
  /** Runs for each connection as it is accepted, before the test takes it. */
  onPeer?: (peer: ScriptedPeer) => void;
  /** Keep a peer's side open after the client ends its own. Default false. */
  allowHalfOpen?: boolean;
}

/** Starts a scripted line server. */
export async function createScriptedServer(opts: ScriptedServerOptions = {}): Promise<ScriptedServer> {
  const peers = new Queue<ScriptedPeer>();
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer({ allowHalfOpen: opts.allowHalfOpen ?? false }, (socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const peer = scriptedPeer(socket);
    opts.onPeer?.(peer);
    peers.push(peer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    get accepted() {
      return accepted;
    },
    nextPeer: () => peers.next(),
    close: () => closeServer(server, sockets),
  };
}

function scriptedPeer(socket: net.Socket): ScriptedPeer {
  const lines = lineQueue(socket); // gives the socket its 'error' listener too
  const received: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => received.push(chunk));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    ...lines,
    socket,
    closed,
    get text() {
      return Buffer.concat(received).toString();
    },
    send: (...out: string[]) => void socket.write(out.map((l) => l + '\n').join('')),
    write: (data) => new Promise((resolve, reject) => socket.write(data, (err) => (err ? reject(err) : resolve()))),
  };
}

/** Stops listening, drops every open connection, resolves when the server has closed. */
export function closeServer(server: net.Server, sockets: Iterable<net.Socket>): Promise<void> {
  return new Promise((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
}
