import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Connection, DEFAULT_LIMITS, type ConnectionLimits } from './connection.js';
import { connectLines, type LineClient } from '../test/support/line-client.js';

// One Connection on a real loopback socket, answering every line with a long reply, as
// the game server answers a stray line with UNEXPECTED and a 32-letter name.
const REPLY = 'Неочікувані дані від клієнта ' + '𝔸'.repeat(32);
const REPLY_BYTES = Buffer.byteLength(REPLY + '\n');

interface Accepted {
  readonly conn: Connection;
  readonly socket: net.Socket;
  /** Resolves when the server first stops reading the peer. */
  readonly paused: Promise<void>;
}

interface Served {
  readonly port: number;
  /** The server side of the first connection, once accepted. */
  readonly accepted: Promise<Accepted>;
  /** The most bytes the server's socket ever held unsent, looked at after every send. */
  maxQueued(): number;
  /** Lines handled so far. */
  handled(): number;
}

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

async function serve(limits: Partial<ConnectionLimits> = {}, onLine?: (conn: Connection, text: string) => void): Promise<Served> {
  let maxQueued = 0;
  let handled = 0;
  let resolve: (v: Accepted) => void = () => {};
  const accepted = new Promise<Accepted>((r) => (resolve = r));
  const server = net.createServer((socket) => {
    const conn: Connection = new Connection(
      socket,
      'c1',
      {
        line(text) {
          handled++;
          if (onLine) onLine(conn, text);
          else conn.send(REPLY);
          maxQueued = Math.max(maxQueued, socket.writableLength);
        },
        tooLong() {},
        close() {},
      },
      { ...DEFAULT_LIMITS, ...limits },
    );
    const paused = new Promise<void>((r) => socket.once('pause', () => r()));
    resolve({ conn, socket, paused });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  stops.push(() => server.close());
  const port = (server.address() as net.AddressInfo).port;
  return { port, accepted, maxQueued: () => maxQueued, handled: () => handled };
}

async function reader(port: number): Promise<LineClient> {
  const c = await connectLines(port);
  stops.push(() => c.close());
  return c;
}

describe('Connection: output to a peer is bounded at every moment', () => {
  it('a burst of 32 768 lines in one write, from a peer that does not read: the replies queued never pass the pause mark by more than one line', async () => {
    const served = await serve();
    const peer = await reader(served.port);
    peer.socket.pause(); // reads nothing
    peer.write('x\n'.repeat(32 * 1024));
    // The server stops reading the peer and waits for it to read.
    await (await served.accepted).paused;
    expect(served.handled()).toBeLessThan(32 * 1024);
    expect(served.maxQueued()).toBeLessThanOrEqual(DEFAULT_LIMITS.pauseOutputBytes + REPLY_BYTES);
    // Once the peer reads, the held lines are served, every one, in order.
    peer.socket.resume();
    await peer.until(() => peer.seen.length === 32 * 1024);
    expect(peer.seen.every((l) => l === REPLY)).toBe(true);
    expect(served.maxQueued()).toBeLessThanOrEqual(DEFAULT_LIMITS.pauseOutputBytes + REPLY_BYTES);
  });

  it('cuts a peer whose unsent output passes the cap in the same tick, not at the next send', async () => {
    const served = await serve({ pauseOutputBytes: 2 ** 40, maxOutputBytes: 64 * 1024 });
    const peer = await reader(served.port);
    peer.socket.pause();
    const { conn } = await served.accepted;
    // Lines from elsewhere (the table), all in one tick: the cut comes at the send that passes the cap.
    let sent = 0;
    while (conn.open && sent < 10_000) {
      conn.send(REPLY);
      sent++;
    }
    expect(conn.open).toBe(false);
    expect(sent).toBeLessThanOrEqual(Math.ceil((64 * 1024) / REPLY_BYTES) + 1);
    await peer.closed;
  });

  it('a peer that reads gets every reply to a burst, and stays connected', async () => {
    const served = await serve();
    const peer = await reader(served.port);
    const { conn } = await served.accepted;
    peer.write('x\n'.repeat(64 * 1024));
    await peer.until(() => peer.seen.length === 64 * 1024);
    expect(conn.open).toBe(true);
    expect(served.maxQueued()).toBeLessThanOrEqual(DEFAULT_LIMITS.pauseOutputBytes + REPLY_BYTES);
  });

  it('a line held while the peer does not read is still handled when the peer then closes its side', async () => {
    const served = await serve();
    const peer = await reader(served.port);
    peer.socket.pause();
    peer.socket.end('x\n'.repeat(32 * 1024) + 'last');
    await (await served.accepted).paused;
    peer.socket.resume();
    await peer.closed;
    expect(served.handled()).toBe(32 * 1024 + 1);
    expect(peer.seen).toHaveLength(32 * 1024 + 1);
  });
});
