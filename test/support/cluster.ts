/**
 * Game servers in this process that share one real Redis as a cluster: the Redis
 * runs for the whole test file, each start() gets a fresh key prefix, and after each
 * test every player is closed, every server stopped, and a Redis the test stopped is
 * started again.
 */
import { afterEach } from 'vitest';
import { createGameServer, type GameServer, type GameServerOptions } from '../../server/server.js';
import { connectLines, type LineClient } from './line-client.js';
import type { TestRedis } from './redis.js';
import { redisPerFile } from './redis-per-file.js';
import { TEST_SERVER } from './game-server.js';

export interface ClusterHarness {
  /** The file's Redis. */
  readonly redis: TestRedis;
  /** The servers this test started, in order. */
  readonly servers: readonly GameServer[];
  /** Starts `n` servers under one fresh prefix; resolves with their ports and each one's log. */
  start(n: number, extra?: Partial<GameServerOptions>): Promise<{ ports: number[]; logs: string[][] }>;
  /** Connects a raw TCP player (sends `name` first when given), closed after the test. */
  player(port: number, name?: string): Promise<LineClient>;
}

/** Registers the Redis for the file and the per-test clean-up. */
export function clusterPerTest(): ClusterHarness {
  const redis = redisPerFile();
  let prefixes = 0;
  const servers: GameServer[] = [];
  const clients: LineClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const s of servers.splice(0)) await s.close();
    if (!redis.running) await redis.restart();
  });
  const harness: ClusterHarness = {
    redis,
    servers,
    async start(n, extra = {}) {
      const prefix = `c${++prefixes}:`;
      const ports: number[] = [];
      const logs: string[][] = [];
      for (let i = 0; i < n; i++) {
        const log: string[] = [];
        const server = await createGameServer({
          ...TEST_SERVER,
          cluster: { redis: redis.url, prefix, heartbeatMs: 100 },
          log: (l) => log.push(l),
          ...extra,
        });
        servers.push(server);
        ports.push(server.address().port);
        logs.push(log);
      }
      return { ports, logs };
    },
    async player(port, name) {
      const c = await connectLines(port, name);
      clients.push(c);
      return c;
    },
  };
  return harness;
}
