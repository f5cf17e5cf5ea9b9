/**
 * The two relay transports the cluster bench compares carry lines whole and in
 * order (correctness only; the bench measures them).
 */
import { describe, expect, it } from 'vitest';
import { startClusterRelay, type RelayMode } from './cluster-relay.js';
import { redisPerFile } from '../test/support/redis-per-file.js';
import { connectLines } from '../test/support/line-client.js';

const redis = redisPerFile();

describe('the cluster relay transports', () => {
  it.each(['tcp', 'pubsub'] as RelayMode[])('%s carries each line to the owner and its echo back, in order', async (mode) => {
    const relay = await startClusterRelay(mode, redis.url);
    const client = await connectLines(relay.port);
    try {
      const lines = Array.from({ length: 50 }, (_, i) => `line ${i}`);
      client.write(lines.map((l) => l + '\n').join(''));
      for (const line of lines) expect(await client.next()).toBe(line);
    } finally {
      client.close();
      await relay.close();
    }
  });
});
