/**
 * Test support: a WebSocket client that records text frames and waits on events,
 * for the gateway's tests (the line servers behind it are scripted-server.ts and
 * echo-server.ts).
 */
import { WebSocket, type ClientOptions } from 'ws';
import { Queue } from './queue.js';

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
