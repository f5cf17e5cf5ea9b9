// The private Redis of a test: it answers, stops by its handle, and comes back on the same port.
import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startRedis, type TestRedis } from './redis.js';

describe('startRedis', () => {
  let redis: TestRedis | undefined;
  afterAll(() => redis?.stop());

  it('runs a private server that can be stopped and started again on the same port', async () => {
    redis = await startRedis();
    const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    await client.connect();
    await client.set('k', 'v');
    expect(await client.get('k')).toBe('v');
    const gone = new Promise((resolve) => client.once('end', resolve));
    await redis.stop();
    expect(redis.running).toBe(false);
    await gone;

    await redis.restart();
    expect(redis.running).toBe(true);
    const again = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    again.on('error', () => {});
    await again.connect();
    // Nothing was saved: the restarted server is empty.
    expect(await again.get('k')).toBeNull();
    again.disconnect();
    client.disconnect();
  });
});
