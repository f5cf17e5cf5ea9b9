/**
 * A vitest test file's own redis-server (kept apart from redis.ts, which Playwright
 * specs import too and so must not import vitest).
 */
import { afterAll, beforeAll } from 'vitest';
import { startRedis, type TestRedis } from './redis.js';

/** One private redis-server for the test file: started before its first test, stopped after its last. */
export function redisPerFile(): TestRedis {
  let redis: TestRedis | null = null;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis?.stop());
  const started = (): TestRedis => {
    if (!redis) throw new Error('the Redis starts before the first test');
    return redis;
  };
  return {
    get port() {
      return started().port;
    },
    get url() {
      return started().url;
    },
    get running() {
      return started().running;
    },
    stop: () => started().stop(),
    restart: () => started().restart(),
  };
}
