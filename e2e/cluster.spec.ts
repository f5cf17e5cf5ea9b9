/**
 * One server on two processes (docs/SCALING.md), with a browser: a telnet player on
 * one game server and a browser that the gateway sent to the other play one game,
 * and a browser joins by its link a room a telnet player opened on the other
 * process; both through the relay between the two.
 */
import { test as base } from '@playwright/test';
import { BrowserPlayer, TcpPlayer, WEB_DIR, expect } from './fixtures.js';
import { createGameServer, type GameServer } from '../server/server.js';
import { createGateway, type Gateway } from '../gateway/gateway.js';
import { startRedis, type TestRedis } from '../test/support/redis.js';

interface Cluster {
  servers: GameServer[];
  gateway: Gateway;
  url: string;
}

const test = base.extend<{ cluster: Cluster }>({
  cluster: async ({}, use) => {
    const redis: TestRedis = await startRedis();
    const servers: GameServer[] = [];
    for (let i = 0; i < 2; i++) {
      servers.push(
        await createGameServer({ host: '127.0.0.1', port: 0, players: 2, words: ['kiwi'], lang: 'en', turnSeconds: 0, cluster: { redis: redis.url, heartbeatMs: 200 } }),
      );
    }
    // The second server first: the first browser goes to it, not to the room's server.
    const gateway = await createGateway({
      host: '127.0.0.1',
      port: 0,
      target: [servers[1], servers[0]].map((s) => ({ host: '127.0.0.1', port: s.address().port })),
      sendProxy: true,
      staticDir: WEB_DIR,
      shutdownGraceMs: 500,
      log: () => {},
    });
    await use({ servers, gateway, url: `http://127.0.0.1:${gateway.address().port}/` });
    await gateway.close();
    for (const s of servers) await s.close();
    await redis.stop();
  },
});

test('a telnet player on one process and a browser the gateway sent to the other play one game', async ({ browser, cluster }) => {
  const ann = await TcpPlayer.connect(cluster.servers[0].address().port);
  await ann.join('Ann');
  await ann.waitForLine('Waiting for players: 1 of 2');

  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(cluster.url);
  const bob = new BrowserPlayer(page, context);
  await bob.join('Bob');
  await ann.waitForLine('Bob joined the game');
  // Bob's WebSocket reached the second server, which relayed him to Ann's table on the first.
  expect(cluster.servers[1].stats().connections).toBe(1);
  expect(cluster.servers[0].stats().connections).toBe(2);

  await ann.waitForTurn();
  expect(await ann.letter('k')).toBe('hit');
  await bob.waitForLine("Letter named: 'k'");
  expect(await ann.word('kiwi')).toBe('won');
  expect(await bob.results()).toEqual(['Ann 8', 'Bob 0']);
  ann.close();
  await context.close();
});

test("a browser the gateway sent to one process joins, by the room's link, a room a telnet player opened on the other", async ({ browser, cluster }) => {
  const ann = await TcpPlayer.connect(cluster.servers[0].address().port);
  ann.send('/new players=2');
  const code = /^Room (\w{5}) is open/.exec(await ann.waitForLine(/^Room \w{5} is open/))![1];
  await ann.join('Ann');

  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${cluster.url}?room=${code}`);
  const bob = new BrowserPlayer(page, context);
  await bob.join('Bob');
  await ann.waitForLine('Bob joined the game');
  expect(cluster.servers[1].stats().connections).toBe(1);

  await ann.waitForTurn();
  expect(await ann.letter('k')).toBe('hit');
  await bob.waitForLine("Letter named: 'k'");
  expect(await ann.word('kiwi')).toBe('won');
  await bob.waitForLine(/^Room \w{5} total: Ann 8, Bob 0$/);
  ann.close();
  await context.close();
});
