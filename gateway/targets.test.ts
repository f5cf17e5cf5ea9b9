/**
 * Several targets: each new browser goes to the next one (round robin), a target
 * that refuses is skipped, 1013 comes only when none answers, and /healthz shows
 * every target. Real sockets, real WebSockets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../protocol/close-codes.js';
import { CloseReason, type Target } from './bridge.js';
import { createGateway } from './gateway.js';
import { freePort } from '../node/free-port.js';
import { startEchoServer, type EchoServer } from '../test/support/echo-server.js';
import { TestClient } from '../test/support/ws-client.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function echo(): Promise<EchoServer> {
  const server = await startEchoServer();
  stops.push(() => server.close());
  return server;
}

const at = (port: number): Target => ({ host: '127.0.0.1', port });

async function gatewayTo(targets: Target[]) {
  const logs: string[] = [];
  const gw = await createGateway({ host: '127.0.0.1', port: 0, target: targets, log: (l) => logs.push(l) });
  stops.push(() => gw.close());
  const port = gw.address().port;
  const browser = async () => {
    const c = await TestClient.open(`ws://127.0.0.1:${port}/ws`);
    stops.push(async () => void c.ws.terminate());
    return c;
  };
  return { browser, logs, base: `http://127.0.0.1:${port}` };
}

/** A browser's line comes back from an echo server: it reached one. */
async function roundTrip(c: TestClient, text: string): Promise<void> {
  c.send(text);
  expect(await c.next()).toBe(text);
}

describe('several targets', () => {
  it('sends each new browser to the next target in turn', async () => {
    const a = await echo();
    const b = await echo();
    const { browser } = await gatewayTo([at(a.port), at(b.port)]);
    for (let i = 0; i < 4; i++) await roundTrip(await browser(), `hello ${i}`);
    expect([a.accepted, b.accepted]).toEqual([2, 2]);
  });

  it('skips a target that refuses: the browser is served by the next one', async () => {
    const dead = await freePort();
    const a = await echo();
    const { browser, logs } = await gatewayTo([at(dead), at(a.port)]);
    for (let i = 0; i < 3; i++) await roundTrip(await browser(), `hi ${i}`);
    expect(a.accepted).toBe(3);
    expect(logs.some((l) => l.includes(`cannot reach 127.0.0.1:${dead}`))).toBe(true);
  });

  it('closes with 1013 only when no target answers', async () => {
    const { browser } = await gatewayTo([at(await freePort()), at(await freePort())]);
    const c = await browser();
    expect(await c.closed).toEqual({ code: CloseCode.tryAgainLater, reason: CloseReason.unreachable });
  });

  it('/healthz lists every target; ok while any answers', async () => {
    const dead = await freePort();
    const a = await echo();
    const { base } = await gatewayTo([at(a.port), at(dead)]);
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      connections: 0,
      target: `127.0.0.1:${a.port}`,
      targetReachable: true,
      targets: [
        { target: `127.0.0.1:${a.port}`, reachable: true },
        { target: `127.0.0.1:${dead}`, reachable: false },
      ],
    });
  });
});
