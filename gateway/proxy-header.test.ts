/**
 * The gateway's PROXY header: with sendProxy the server's first line names the
 * browser's address; without it (the default) the browser's first frame is first,
 * as another line server behind the gateway expects.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGateway, type GatewayOptions } from './gateway.js';
import { TestClient, refusalStatus } from '../test/support/ws-client.js';
import { createScriptedServer } from '../test/support/scripted-server.js';
import { createGameServer } from '../server/server.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function gatewayTo(port: number, extra: Partial<GatewayOptions> = {}) {
  const gw = await createGateway({ host: '127.0.0.1', port: 0, target: { host: '127.0.0.1', port }, log: () => {}, ...extra });
  stops.push(() => gw.close());
  const client = await TestClient.open(`ws://127.0.0.1:${gw.address().port}/ws`);
  stops.push(async () => void client.ws.terminate());
  return { gw, client };
}

describe('the PROXY header from the gateway', () => {
  it('with sendProxy comes first and names the browser and the gateway', async () => {
    const server = await createScriptedServer();
    stops.push(() => server.close());
    const { gw, client } = await gatewayTo(server.port, { sendProxy: true });
    client.send('Ann');
    const peer = await server.nextPeer();
    expect(await peer.next()).toMatch(/^PROXY TCP4 /);
    expect(await peer.next()).toBe('Ann');
    // The header ends in CRLF, as the PROXY protocol requires; the browser's line in LF.
    expect(peer.text).toMatch(new RegExp(`^PROXY TCP4 127\\.0\\.0\\.1 127\\.0\\.0\\.1 \\d+ ${gw.address().port}\r\nAnn\n$`));
  });

  it('is not sent by default', async () => {
    const server = await createScriptedServer();
    stops.push(() => server.close());
    const { client } = await gatewayTo(server.port);
    client.send('Ann');
    const peer = await server.nextPeer();
    expect(await peer.next()).toBe('Ann');
  });

  it('reaches the game server, which logs the browser by its own address', async () => {
    const log: string[] = [];
    const game = await createGameServer({ host: '127.0.0.1', port: 0, players: 1, words: ['data'], lang: 'en', turnSeconds: 0, log: (l) => log.push(l) });
    stops.push(() => game.close());
    const { client } = await gatewayTo(game.address().port, { sendProxy: true });
    client.send('Ann');
    expect(await client.next()).toBe('Ann joined the game');
    expect(log.some((l) => /^c1 is 127\.0\.0\.1 \(PROXY header from 127\.0\.0\.1:\d+\)$/.test(l))).toBe(true);
  });

  it('behind a trusted TLS terminator names the browser its X-Forwarded-For names, and the per-address limit counts that browser', async () => {
    const server = await createScriptedServer();
    stops.push(() => server.close());
    const gw = await createGateway({
      host: '127.0.0.1',
      port: 0,
      target: { host: '127.0.0.1', port: server.port },
      sendProxy: true,
      trustForwarded: ['127.0.0.1'],
      maxPerIp: 1,
      log: () => {},
    });
    stops.push(() => gw.close());
    const url = `ws://127.0.0.1:${gw.address().port}/ws`;
    const open = async (xff: string) => {
      const c = await TestClient.open(url, { headers: { 'X-Forwarded-For': xff } });
      stops.push(async () => void c.ws.terminate());
      return c;
    };
    const ann = await open('198.51.100.1, 203.0.113.7');
    ann.send('Ann');
    const peer = await server.nextPeer();
    expect(await peer.next()).toBe(`PROXY TCP4 203.0.113.7 127.0.0.1 0 ${gw.address().port}`);
    // A second browser from the same address is over the limit of 1; another browser is not.
    expect(await refusalStatus(url, { headers: { 'X-Forwarded-For': '203.0.113.7' } })).toBe(429);
    await open('203.0.113.8');
  });
});
