import { afterEach, describe, expect, it } from 'vitest';
import type { ClientOptions } from 'ws';
import { CloseCode } from '../protocol/close-codes.js';
import { CloseReason } from './bridge.js';
import { createGateway, type Gateway, type GatewayOptions } from './gateway.js';
import { TestClient } from '../test/support/ws-client.js';
import { type ScriptedPeer, type ScriptedServer, createScriptedServer } from '../test/support/scripted-server.js';
import { startEchoServer } from '../test/support/echo-server.js';
import { freePort } from '../node/free-port.js';

// Every test registers what it starts; afterEach stops it by its own handle.
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function gatewayFor(port: number, extra: Partial<GatewayOptions> = {}): Promise<{ gw: Gateway; url: string; logs: string[] }> {
  const logs: string[] = [];
  const gw = await createGateway({ host: '127.0.0.1', port: 0, target: { host: '127.0.0.1', port }, log: (l) => logs.push(l), ...extra });
  stops.push(() => gw.close());
  return { gw, url: `ws://127.0.0.1:${gw.address().port}/ws`, logs };
}

async function lineServer(onPeer?: (peer: ScriptedPeer) => void, opts?: { allowHalfOpen?: boolean }): Promise<ScriptedServer> {
  const server = await createScriptedServer({ onPeer, ...opts });
  stops.push(() => server.close());
  return server;
}

async function open(url: string, options?: ClientOptions): Promise<TestClient> {
  const client = await TestClient.open(url, options);
  stops.push(async () => {
    client.ws.terminate();
  });
  return client;
}

/** After a close path: no pair left, nothing buffered. */
async function expectNothingHeld(gw: Gateway): Promise<void> {
  await gw.whenIdle();
  expect(gw.stats()).toEqual({ connections: 0, bufferedToClients: 0, bufferedToServer: 0, pausedUpstreams: 0, pausedClients: 0 });
}

describe('translation', () => {
  it('forwards each text frame as exactly one line ending in \\n', async () => {
    const server = await lineServer();
    const { url } = await gatewayFor(server.port);
    const client = await open(url);
    const peer = await server.nextPeer();
    client.send('hello');
    client.send('привіт, світе');
    client.send('');
    client.send('/letter а');
    expect([await peer.next(), await peer.next(), await peer.next(), await peer.next()]).toEqual([
      'hello',
      'привіт, світе',
      '',
      '/letter а',
    ]);
    expect(peer.text).toBe('hello\nпривіт, світе\n\n/letter а\n');
  });

  it('sends each server line as one text frame, LF and CRLF stripped', async () => {
    const server = await lineServer((peer) => void peer.write('one\r\ntwo\nthree\r\n'));
    const { url } = await gatewayFor(server.port);
    const client = await open(url);
    expect(await client.take(3)).toEqual(['one', 'two', 'three']);
  });

  it('keeps a UTF-8 character whole when it is split across TCP writes', async () => {
    const bytes = Buffer.from('Слово: ла*а\n');
    const server = await lineServer(async (peer) => {
      peer.socket.setNoDelay(true);
      for (const byte of bytes) await peer.write(Buffer.from([byte]));
    });
    const { url } = await gatewayFor(server.port);
    const client = await open(url);
    expect(await client.next()).toBe('Слово: ла*а');
  });

  it('relays many lines both ways in order through an echo server', async () => {
    const echo = await startEchoServer();
    stops.push(() => echo.close());
    const { url } = await gatewayFor(echo.port);
    const client = await open(url);
    const sent = Array.from({ length: 2000 }, (_, i) => `line ${i} ${'ї'.repeat(i % 50)}`);
    for (const line of sent) client.send(line);
    expect(await client.take(sent.length)).toEqual(sent);
  });

  it('accepts a line of exactly 1024 bytes', async () => {
    const server = await lineServer();
    const { url } = await gatewayFor(server.port);
    const client = await open(url);
    const peer = await server.nextPeer();
    client.send('я'.repeat(512)); // 2 bytes each
    expect(await peer.next()).toBe('я'.repeat(512));
  });
});

describe('refused frames are never forwarded', () => {
  const cases: [string, string | Buffer, boolean, number, string][] = [
    ['LF inside a frame', 'a\n/word x', false, CloseCode.invalidData, CloseReason.lineBreak],
    ['CR inside a frame', 'a\r/word x', false, CloseCode.invalidData, CloseReason.lineBreak],
    ['CRLF at the end', 'a\r\n', false, CloseCode.invalidData, CloseReason.lineBreak],
    ['a binary frame', Buffer.from('hello'), true, CloseCode.unsupportedData, CloseReason.binary],
    ['1025 ASCII bytes', 'x'.repeat(1025), false, CloseCode.tooBig, CloseReason.tooBig],
    ['513 two-byte letters (1026 bytes)', 'я'.repeat(513), false, CloseCode.tooBig, CloseReason.tooBig],
  ];
  for (const [name, payload, binary, code, reason] of cases) {
    it(`refuses ${name} with ${code}; the server sees only the lines before it`, async () => {
      const server = await lineServer();
      const { gw, url, logs } = await gatewayFor(server.port);
      const client = await open(url);
      const peer = await server.nextPeer();
      client.send('before');
      client.send(payload, binary);
      client.send('after');
      expect(await client.closed).toEqual({ code, reason });
      await peer.ended;
      expect(peer.text).toBe('before\n');
      await expectNothingHeld(gw);
      expect(logs).toEqual([`WebSocket from 127.0.0.1: refused a frame: ${code} ${reason}`]);
    });
  }

  it('judges a fragmented message whole: a line end in a later fragment is refused too', async () => {
    const server = await lineServer();
    const { gw, url } = await gatewayFor(server.port);
    const client = await open(url);
    const peer = await server.nextPeer();
    client.ws.send('hel', { fin: false });
    client.ws.send('lo', { fin: true });
    expect(await peer.next()).toBe('hello');
    client.ws.send('/letter a', { fin: false });
    client.ws.send('\n/word x', { fin: true });
    expect((await client.closed).code).toBe(CloseCode.invalidData);
    await peer.ended;
    expect(peer.text).toBe('hello\n');
    await expectNothingHeld(gw);
  });

  it('closes with 1009 a frame far over the limit, before it is buffered whole', async () => {
    const server = await lineServer();
    const { gw, url, logs } = await gatewayFor(server.port);
    const client = await open(url);
    const peer = await server.nextPeer();
    client.send('x'.repeat(100_000));
    expect((await client.closed).code).toBe(CloseCode.tooBig);
    await peer.ended;
    expect(peer.text).toBe('');
    await expectNothingHeld(gw);
    expect(logs).toEqual(['WebSocket from 127.0.0.1: WebSocket error: Max payload size exceeded']);
  });

  it('closes with 1007 a text frame that is not valid UTF-8', async () => {
    const server = await lineServer();
    const { gw, url } = await gatewayFor(server.port);
    const client = await open(url);
    const peer = await server.nextPeer();
    client.send(Buffer.from([0x61, 0xff, 0x0a, 0x62]), false);
    expect((await client.closed).code).toBe(CloseCode.invalidData);
    await peer.ended;
    expect(peer.text).toBe('');
    await expectNothingHeld(gw);
  });
});

describe('close paths', () => {
  it('closes with 1013 and a reason to show when the target is unreachable', async () => {
    const port = await freePort();
    const { gw, url, logs } = await gatewayFor(port);
    const client = await open(url);
    expect(await client.closed).toEqual({ code: CloseCode.tryAgainLater, reason: CloseReason.unreachable });
    await expectNothingHeld(gw);
    expect(logs).toEqual([`WebSocket from 127.0.0.1: cannot reach 127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`]);
  });

  it('delivers every line the server sent, a last one without \\n too, then closes with 1000', async () => {
    const server = await lineServer((peer) => peer.socket.end('GAME_OVER\nAnn 3\n/quit\ntail'));
    const { gw, url } = await gatewayFor(server.port);
    const client = await open(url);
    expect(await client.closed).toEqual({ code: CloseCode.normal, reason: CloseReason.serverEnded });
    expect(client.received).toEqual(['GAME_OVER', 'Ann 3', '/quit', 'tail']);
    await expectNothingHeld(gw);
  });

  it('ends the TCP connection when the browser closes, after its last line', async () => {
    const server = await lineServer();
    const { gw, url, logs } = await gatewayFor(server.port);
    const client = await open(url);
    const peer = await server.nextPeer();
    client.send('bye');
    client.ws.close(1000);
    await peer.ended;
    expect(peer.text).toBe('bye\n');
    expect((await client.closed).code).toBe(1000);
    await expectNothingHeld(gw);
    expect(logs).toEqual([]); // an ordinary goodbye is not news
  });

  it('ends the TCP connection when the browser vanishes without a close frame', async () => {
    const server = await lineServer();
    const { gw, url } = await gatewayFor(server.port);
    const client = await open(url);
    const peer = await server.nextPeer();
    client.ws.terminate();
    await peer.ended;
    await expectNothingHeld(gw);
  });

  it('cuts the TCP connection when the server never closes its side after the browser left', async () => {
    // A half-open server that ignores end-of-stream: the gateway waits lingerMs, then destroys.
    const server = await lineServer(undefined, { allowHalfOpen: true });
    const { gw, url } = await gatewayFor(server.port, { lingerMs: 50 });
    const client = await open(url);
    const peer = await server.nextPeer();
    client.ws.close();
    await peer.ended;
    await expectNothingHeld(gw); // would wait forever without the linger timer
  });

  it('closes with 1011 when the server resets the connection', async () => {
    const server = await lineServer();
    const { gw, url } = await gatewayFor(server.port);
    const client = await open(url);
    const peer = await server.nextPeer();
    client.send('hi');
    await peer.next();
    peer.socket.resetAndDestroy();
    expect(await client.closed).toEqual({ code: CloseCode.unexpected, reason: CloseReason.serverFailed });
    await expectNothingHeld(gw);
  });

  it('closes with 1011 when the server sends a line over 64 KiB', async () => {
    const server = await lineServer((peer) => void peer.write('ok\n' + 'x'.repeat(70_000) + '\n'));
    const { gw, url } = await gatewayFor(server.port);
    const client = await open(url);
    expect(await client.closed).toEqual({ code: CloseCode.unexpected, reason: CloseReason.serverLineTooLong });
    expect(client.received).toEqual(['ok']);
    await expectNothingHeld(gw);
  });
});

describe('heartbeat', () => {
  it('beats on its own every heartbeatMs', async () => {
    const server = await lineServer();
    const { url } = await gatewayFor(server.port, { heartbeatMs: 20 });
    const client = await open(url);
    await new Promise((resolve) => client.ws.once('ping', resolve));
  });

  // The tests below beat by hand (heartbeatMs 0), so a slow machine cannot make a pong late.
  it('terminates a peer that does not answer pings, and ends its TCP connection', async () => {
    const server = await lineServer();
    const { gw, url } = await gatewayFor(server.port, { heartbeatMs: 0 });
    const client = await open(url, { autoPong: false });
    const peer = await server.nextPeer();
    const pinged = new Promise((resolve) => client.ws.once('ping', resolve));
    gw.heartbeat();
    await pinged;
    gw.heartbeat(); // no pong since the last ping
    expect((await client.closed).code).toBe(1006); // cut without a closing handshake
    await peer.ended;
    await expectNothingHeld(gw);
  });

  it('keeps a peer that answers pings', async () => {
    const echo = await startEchoServer();
    stops.push(() => echo.close());
    const { gw, url } = await gatewayFor(echo.port, { heartbeatMs: 0 });
    const client = await open(url);
    for (let i = 0; i < 5; i++) {
      const pinged = new Promise((resolve) => client.ws.once('ping', resolve));
      gw.heartbeat();
      await pinged;
      // The pong left before this line, so once the line is back the gateway has read the pong.
      client.send(`still here ${i}`);
      expect(await client.next()).toBe(`still here ${i}`);
    }
    gw.heartbeat();
    expect(gw.stats().connections).toBe(1);
    client.send('after the checks');
    expect(await client.next()).toBe('after the checks');
  });
});
