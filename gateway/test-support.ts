/**
 * Test helpers for the gateway: tiny line servers on port 0 and a WebSocket
 * client that waits on events. Every helper returns a handle that stops what it started.
 */
import net from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { WebSocket, type ClientOptions } from 'ws';

/** A waiter queue: `next()` resolves with the next pushed item, or one already pushed. */
class Queue<T> {
  private items: T[] = [];
  private waiters: ((item: T) => void)[] = [];
  push(item: T): void {
    const w = this.waiters.shift();
    if (w) w(item);
    else this.items.push(item);
  }
  next(): Promise<T> {
    if (this.items.length > 0) return Promise.resolve(this.items.shift()!);
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

/** One TCP connection as the line server sees it. */
export class Peer {
  /** Everything received, decoded as UTF-8 (line ends kept), to check exact bytes. */
  text = '';
  readonly ended: Promise<void>;
  readonly closed: Promise<void>;
  private readonly decoder = new StringDecoder('utf8');
  private readonly lines = new Queue<string>();
  private partial = '';

  constructor(readonly socket: net.Socket) {
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => {
      const s = this.decoder.write(chunk);
      this.text += s;
      const parts = (this.partial + s).split('\n');
      this.partial = parts.pop()!;
      for (const p of parts) this.lines.push(p);
    });
    this.ended = new Promise((resolve) => socket.once('end', () => resolve()));
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  /** The next line received (without its `\n`). */
  nextLine(): Promise<string> {
    return this.lines.next();
  }

  /** Sends raw text; resolves once it is handed to the kernel. */
  write(text: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.socket.write(text, (err) => (err ? reject(err) : resolve())));
  }
}

/** A line server on 127.0.0.1, port 0, that runs `onPeer` for each connection. */
export interface TestServer {
  readonly port: number;
  /** Resolves with the next connection accepted. */
  nextPeer(): Promise<Peer>;
  /** Connections accepted so far. */
  readonly accepted: number;
  close(): Promise<void>;
}

/** Starts a scripted line server; `onPeer` may talk to each connection. */
export async function startLineServer(
  onPeer: (peer: Peer) => void = () => {},
  opts: { allowHalfOpen?: boolean } = {},
): Promise<TestServer> {
  const peers = new Queue<Peer>();
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer({ allowHalfOpen: opts.allowHalfOpen ?? false }, (socket) => {
    accepted++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    const peer = new Peer(socket);
    onPeer(peer);
    peers.push(peer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    nextPeer: () => peers.next(),
    get accepted() {
      return accepted;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An echo line server: each line comes back as it was sent. */
export function startEchoServer(): Promise<TestServer> {
  return startLineServer((peer) => {
    peer.socket.on('data', (chunk) => peer.socket.write(chunk));
  });
}

/** A port with nothing listening on it (it was free a moment ago). */
export async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** How a WebSocket ended. */
export interface Closed {
  code: number;
  reason: string;
}

/** A WebSocket client that records text frames and waits on events. */
export class TestClient {
  readonly ws: WebSocket;
  readonly received: string[] = [];
  readonly closed: Promise<Closed>;
  private readonly frames = new Queue<string>();

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('error', () => {});
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? `<binary ${String(data)}>` : String(data);
      this.received.push(text);
      this.frames.push(text);
    });
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
  }

  /** Opens a WebSocket and resolves once it is open; rejects with the HTTP status if refused. */
  static open(url: string, options: ClientOptions = {}): Promise<TestClient> {
    const ws = new WebSocket(url, options);
    const client = new TestClient(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(client));
      ws.once('unexpected-response', (_req, res) => {
        reject(new HttpRefusal(res.statusCode ?? 0));
        res.resume();
        ws.terminate();
      });
      ws.once('error', reject);
    });
  }

  /** The next text frame. */
  next(): Promise<string> {
    return this.frames.next();
  }

  /** The next `n` text frames. */
  async take(n: number): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(await this.next());
    return out;
  }

  send(text: string | Buffer, binary = false): void {
    this.ws.send(text, { binary });
  }
}

/** A WebSocket upgrade answered with an HTTP status instead of 101. */
export class HttpRefusal extends Error {
  constructor(readonly status: number) {
    super(`upgrade refused with HTTP ${status}`);
  }
}

/** The HTTP status a refused upgrade got; fails the test if the upgrade succeeded. */
export async function refusalStatus(url: string, options: ClientOptions = {}): Promise<number> {
  try {
    const client = await TestClient.open(url, options);
    client.ws.terminate();
  } catch (err) {
    if (err instanceof HttpRefusal) return err.status;
    throw err;
  }
  throw new Error(`expected ${url} to be refused, but the WebSocket opened`);
}
