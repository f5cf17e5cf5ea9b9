import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../protocol/close-codes.js';
import { CloseReason } from './bridge.js';
import { createGateway, type Gateway, type GatewayOptions } from './gateway.js';
import { TestClient, refusalStatus } from '../test/support/ws-client.js';
import { type ScriptedServer } from '../test/support/scripted-server.js';
import { startEchoServer, type EchoServer } from '../test/support/echo-server.js';
import { freePort } from '../node/free-port.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

interface Fixture {
  gw: Gateway;
  base: string;
  url: string;
  logs: string[];
  echo: EchoServer;
}

async function fixture(extra: Partial<GatewayOptions> = {}): Promise<Fixture> {
  const echo = await startEchoServer();
  stops.push(() => echo.close());
  const logs: string[] = [];
  const gw = await createGateway({
    host: '127.0.0.1',
    port: 0,
    target: { host: '127.0.0.1', port: echo.port },
    log: (line) => logs.push(line),
    ...extra,
  });
  stops.push(() => gw.close());
  const base = `http://127.0.0.1:${gw.address().port}`;
  return { gw, base, url: `ws://127.0.0.1:${gw.address().port}/ws`, logs, echo };
}

async function open(url: string, headers?: Record<string, string>): Promise<TestClient> {
  const client = await TestClient.open(url, { headers });
  stops.push(async () => void client.ws.terminate());
  return client;
}

describe('origin', () => {
  it('refuses a foreign Origin with 403 before upgrading, and logs it once', async () => {
    const { url, logs, echo } = await fixture();
    expect(await refusalStatus(url, { headers: { Origin: 'http://evil.example' } })).toBe(403);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/refused WebSocket from 127\.0\.0\.1: 403 origin "http:\/\/evil\.example" is not allowed/);
    expect(echo.accepted).toBe(0); // nothing reached the server
  });

  it("accepts the page's own origin, a listed one, and none at all", async () => {
    const { url, gw } = await fixture({ allowOrigins: ['http://localhost:5173'] });
    const own = `http://127.0.0.1:${gw.address().port}`;
    const cases: Record<string, string>[] = [{ Origin: own }, { Origin: 'http://localhost:5173' }, {}];
    for (const headers of cases) {
      const client = await open(url, headers);
      client.send('hi');
      expect(await client.next()).toBe('hi');
    }
  });

  it('refuses an origin that differs from the page only in port or scheme host', async () => {
    const { url, gw } = await fixture({ allowOrigins: ['http://localhost:5173'] });
    const port = gw.address().port;
    for (const origin of [`http://127.0.0.1:${port + 1}`, 'http://localhost:5174', 'https://localhost:5173', 'null']) {
      expect(await refusalStatus(url, { headers: { Origin: origin } })).toBe(403);
    }
  });
});

describe('paths', () => {
  it('takes WebSockets at /ws only', async () => {
    const { base, logs } = await fixture();
    const wsBase = base.replace('http', 'ws');
    expect(await refusalStatus(`${wsBase}/`)).toBe(404);
    expect(await refusalStatus(`${wsBase}/ws/other`)).toBe(404);
    expect(await refusalStatus(`${wsBase}/healthz`)).toBe(404);
    expect(logs).toHaveLength(3);
    await open(`${wsBase}/ws?lang=uk`); // a query string is fine
  });

  it('answers a plain GET of /ws with 426', async () => {
    const { base } = await fixture();
    const res = await fetch(`${base}/ws`);
    expect(res.status).toBe(426);
  });
});

describe('limits', () => {
  it('refuses with 503 past --max-connections, and accepts again once one closes', async () => {
    const { url, gw, logs } = await fixture({ maxConnections: 1 });
    const a = await open(url);
    expect(await refusalStatus(url)).toBe(503);
    expect(logs).toEqual([expect.stringMatching(/503 the gateway is full \(limit 1\)/)]);
    a.ws.close();
    await gw.whenIdle();
    const b = await open(url);
    b.send('in');
    expect(await b.next()).toBe('in');
  });

  it('refuses with 429 past --max-per-ip', async () => {
    const { url, gw, logs } = await fixture({ maxPerIp: 1 });
    const a = await open(url);
    expect(await refusalStatus(url)).toBe(429);
    expect(logs).toEqual([expect.stringMatching(/429 too many connections from this address \(limit 1\)/)]);
    a.ws.terminate();
    await gw.whenIdle();
    await open(url);
  });

  it('closes an HTTP client that is too slow to send its headers', async () => {
    const { gw } = await fixture({ headersTimeoutMs: 200 });
    const socket = net.connect(gw.address().port, '127.0.0.1');
    stops.push(async () => void socket.destroy());
    socket.write('GET /ws HTTP/1.1\r\nHost: x\r\n'); // and never the blank line
    let answer = '';
    socket.on('data', (d) => (answer += d));
    await new Promise((resolve) => socket.on('close', resolve));
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('/healthz', () => {
  it('reports status, open connections, the target and that it is reachable', async () => {
    const { base, url, echo } = await fixture();
    await open(url);
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({
      status: 'ok',
      connections: 1,
      target: `127.0.0.1:${echo.port}`,
      targetReachable: true,
      targets: [{ target: `127.0.0.1:${echo.port}`, reachable: true }],
    });
  });

  it('answers 503 when the target does not accept connections', async () => {
    const port = await freePort();
    const { base } = await fixture({ target: { host: '127.0.0.1', port } });
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'target-unreachable',
      connections: 0,
      target: `127.0.0.1:${port}`,
      targetReachable: false,
      targets: [{ target: `127.0.0.1:${port}`, reachable: false }],
    });
  });
});

describe('shutdown', () => {
  it('closes WebSockets with 1001, ends their TCP connections, and stops listening', async () => {
    const { gw, url, echo } = await fixture();
    const clients = [await open(url), await open(url)];
    const peers = [await echo.nextPeer(), await echo.nextPeer()];
    await gw.close();
    for (const c of clients) expect(await c.closed).toEqual({ code: CloseCode.goingAway, reason: CloseReason.shutdown });
    await Promise.all(peers.map((p) => p.ended));
    expect(gw.stats().connections).toBe(0);
    await expect(TestClient.open(url)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('cuts a browser that does not answer the close frame once the grace period is over', async () => {
    const { gw, url, echo } = await fixture({ shutdownGraceMs: 100 });
    const client = await open(url);
    const peer = await echo.nextPeer();
    client.ws.pause(); // never reads our close frame, so never answers it
    await gw.close();
    await peer.closed;
    expect(gw.stats().connections).toBe(0);
  });
});

describe('subprotocols', () => {
  /** A raw upgrade request offering `protocols`; resolves with the 101 answer's headers. */
  async function upgradeOffering(base: string, protocols: string): Promise<http.IncomingHttpHeaders> {
    const req = http.request(`${base}/ws`, {
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
        'Sec-WebSocket-Protocol': protocols,
      },
    });
    req.end();
    const [res, socket] = (await once(req, 'upgrade')) as [http.IncomingMessage, net.Socket];
    socket.destroy();
    expect(res.statusCode).toBe(101);
    return res.headers;
  }

  it('declines every subprotocol a client offers: no Sec-WebSocket-Protocol comes back, neither "chat" nor a 5000-byte token', async () => {
    const { base } = await fixture();
    expect(await upgradeOffering(base, 'chat, superchat')).not.toHaveProperty('sec-websocket-protocol');
    expect(await upgradeOffering(base, 'x'.repeat(5000))).not.toHaveProperty('sec-websocket-protocol');
  });

  it('a client that insists on a subprotocol fails its own handshake, as a browser does', async () => {
    const { url } = await fixture();
    const ws = new WebSocket(url, ['chat']);
    stops.push(async () => void ws.terminate());
    const outcome = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('opened'));
      ws.once('error', (err) => resolve(err.message));
    });
    expect(outcome).toMatch(/no subprotocol/i);
  });
});
