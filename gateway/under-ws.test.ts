/**
 * What the bridge relies on underneath `ws` (gateway/under-ws.ts), checked against
 * the installed ws. If one of these fails after a ws upgrade, the bridge's fast
 * paths are no longer safe: fix them or drop them before shipping the upgrade.
 */
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { Queue } from '../test/support/queue.js';
import { aroundEachRead, assertNoExtensions, writeLineFrames } from './under-ws.js';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0).reverse()) stop();
});

/** A ws server on port 0; each connection comes with the socket underneath it. */
async function server(perMessageDeflate = false) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate });
  await new Promise((resolve) => wss.once('listening', resolve));
  const connections = new Queue<{ ws: WebSocket; raw: Duplex }>();
  wss.on('connection', (ws, req) => connections.push({ ws, raw: req.socket }));
  stops.push(() => {
    for (const c of wss.clients) c.terminate();
    wss.close();
  });
  return { port: (wss.address() as net.AddressInfo).port, next: () => connections.next() };
}

/** One masked text frame, as a browser sends it. */
function clientFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]));
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]);
}

describe('what the bridge relies on underneath ws', () => {
  it('with no extension, ws writes its frames to the socket at once: ours keep their order, and bufferedAmount counts them', async () => {
    const { port, next } = await server();
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    client.on('error', () => {});
    stops.push(() => client.terminate());
    const received = new Queue<string>();
    client.on('message', (data) => received.push(String(data)));
    const closed = new Promise<number>((resolve) => client.once('close', resolve));
    const { ws, raw } = await next();
    assertNoExtensions(ws);

    raw.cork();
    ws.send('one');
    expect(writeLineFrames(raw, Buffer.from('two\nthree\n'), 10, 1024)).toBe(true);
    ws.send('four');
    // Nothing is held inside ws: all of it sits in the socket's own buffer.
    expect(raw.writableLength).toBeGreaterThan(0);
    expect(ws.bufferedAmount).toBe(raw.writableLength);
    raw.uncork();
    writeLineFrames(raw, Buffer.from('five\n'), 5, 1024);
    ws.close(1000);

    expect([await received.next(), await received.next(), await received.next(), await received.next(), await received.next()]).toEqual([
      'one',
      'two',
      'three',
      'four',
      'five',
    ]);
    expect(await closed).toBe(1000);
  });

  it('ws emits every message of a read inside its own data listener on the socket', async () => {
    const { port, next } = await server();
    const socket = net.connect(port, '127.0.0.1');
    stops.push(() => socket.destroy());
    socket.on('error', () => {});
    const key = randomBytes(16).toString('base64');
    socket.write(
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` + `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    const { ws, raw } = await next();
    const events: string[] = [];
    aroundEachRead(
      raw,
      () => events.push('('),
      () => events.push(')'),
    );
    const messages = new Queue<string>();
    ws.on('message', (data) => {
      events.push(String(data));
      messages.push(String(data));
    });
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    await new Promise<void>((resolve) =>
      socket.on('data', (d: Buffer) => {
        if (d.toString('latin1').includes(accept)) resolve();
      }),
    );

    // Three frames in one write; however TCP splits them, each must be emitted inside a read.
    socket.write(Buffer.concat([clientFrame('a'), clientFrame('b'), clientFrame('c')]));
    expect([await messages.next(), await messages.next(), await messages.next()]).toEqual(['a', 'b', 'c']);
    expect(events.join(' ')).toMatch(/^(\( (?:[abc] )*\) ?)+$/);
    expect(events.filter((e) => e.length === 1 && e !== '(' && e !== ')')).toEqual(['a', 'b', 'c']);
  });

  it('refuses a WebSocket that negotiated compression, where our frames could overtake ws’s', async () => {
    const { port, next } = await server(true);
    const client = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: true });
    client.on('error', () => {});
    stops.push(() => client.terminate());
    const { ws } = await next();
    expect(ws.extensions).toMatch(/permessage-deflate/);
    expect(() => assertNoExtensions(ws)).toThrow(/perMessageDeflate/);
  });
});
