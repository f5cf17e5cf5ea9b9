/**
 * What the bridge relies on underneath `ws` (gateway/under-ws.ts), checked against
 * the installed ws. If this fails after a ws upgrade, the bridge's own frames are no
 * longer safe: fix under-ws.ts, or set framesUnderWs to false, before shipping it.
 */
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { Queue } from '../test/support/queue.js';
import { assertNoExtensions, writeLineFrames } from './under-ws.js';

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
