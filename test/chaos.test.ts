/**
 * A short chaos run in the test suite (npm run chaos is the long one): bots over
 * TCP and WebSockets play, send garbage, stop reading and vanish against a real
 * server and gateway in a child process. The conditions afterwards are what count,
 * never speeds: both still serve a new game, no table stuck, no game lost, no socket
 * left open, the heap back near where it started.
 */
import { expect, it } from 'vitest';
import { startRedis } from './support/redis.js';
import { runChaos } from '../scripts/chaos-run.js';

it('after 15 s of chaos from 40 bots, the server and gateway serve a new game, with no table stuck, no game lost and no socket left', async () => {
  const report = await runChaos({ seconds: 15, clients: 40 });
  expect(report.problems).toEqual([]);
  // The chaos really happened: both transports, whole games, cut sessions, refusals.
  expect(report.tcp).toBeGreaterThan(0);
  expect(report.ws).toBeGreaterThan(0);
  expect(report.gamesOver).toBeGreaterThan(0);
  expect(report.abandoned).toBeGreaterThan(0);
  expect(report.garbageLines).toBeGreaterThan(0);
  expect(report.finalGame).toBe(true);
  const tables = report.after.server;
  expect([tables.waiting, tables.playing]).toEqual([0, 0]);
}, 180_000);

it('the same chaos against a cluster of two servers (one Redis, the gateway in front of both): the same conditions hold', async () => {
  const redis = await startRedis();
  try {
    const report = await runChaos({ seconds: 10, clients: 30, redis: redis.url });
    expect(report.problems).toEqual([]);
    expect(report.gamesOver).toBeGreaterThan(0);
    expect(report.finalGame).toBe(true);
    expect([report.after.server.waiting, report.after.server.playing, report.after.server.connections]).toEqual([0, 0, 0]);
  } finally {
    await redis.stop();
  }
}, 180_000);
