/**
 * The system under chaos, in a child process of its own: a game server and a
 * gateway in front of it, both on 127.0.0.1 and port 0. It answers the chaos
 * driver over IPC with counts (tables, connections, open handles) and memory, after
 * a full garbage collection when asked. Started by scripts/chaos-run.ts with
 * --expose-gc; it exits when the driver disconnects or tells it to stop.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGameServer } from '../server/server.js';
import { createGateway } from '../gateway/gateway.js';

/** Words with an apostrophe, a hyphen and repeated letters. */
export const CHAOS_WORDS = ['apple', 'banana', 'cherry', "o'clock", 'well-being', 'kiwi', 'mississippi', 'queue'];

export interface TargetStats {
  server: { connections: number; waiting: number; playing: number; started: number; finished: number; discarded: number };
  gateway: { connections: number };
  /** Sockets and timers open in the process (process.getActiveResourcesInfo()). */
  resources: Record<string, number>;
  heapUsed: number;
  rss: number;
}

export type TargetRequest = { type: 'stats'; gc?: boolean } | { type: 'stop' };
export type TargetReply = { type: 'ready'; serverPort: number; gatewayPort: number } | { type: 'stats'; stats: TargetStats } | { type: 'log'; line: string };

const send = (msg: TargetReply) => process.send?.(msg);

const staticDir = mkdtempSync(path.join(tmpdir(), 'chaos-web-'));
writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Word Guess</title>\n');

const server = await createGameServer({
  host: '127.0.0.1',
  port: 0,
  players: 3,
  words: CHAOS_WORDS,
  lang: 'en',
  turnSeconds: 2,
  nameTimeoutMs: 3000,
  // Vanished bots keep their seats a little (PROTOCOL.md §8.4), then leave: the chaos meets kept seats too.
  seatGraceSeconds: 2,
  // Only problems go to the driver; the game's own log would be thousands of lines.
  log: (line) => {
    if (line.startsWith('server error')) send({ type: 'log', line });
  },
});
const gateway = await createGateway({
  host: '127.0.0.1',
  port: 0,
  target: { host: '127.0.0.1', port: server.address().port },
  staticDir,
  // Every bot comes from 127.0.0.1; the per-address limit has its own test.
  maxPerIp: 1_000_000,
  heartbeatMs: 10_000,
  headersTimeoutMs: 2000,
  lingerMs: 2000,
  // Refusals and one peer's bad frames are what the bots provoke; anything else is a problem.
  log: (line) => {
    if (!/^(refused|WebSocket from )/.test(line)) send({ type: 'log', line: `gateway: ${line}` });
  },
});

function stats(gc: boolean): TargetStats {
  if (gc) (globalThis as { gc?: () => void }).gc?.();
  const resources: Record<string, number> = {};
  for (const r of process.getActiveResourcesInfo()) resources[r] = (resources[r] ?? 0) + 1;
  const { heapUsed, rss } = process.memoryUsage();
  return { server: server.stats(), gateway: { connections: gateway.stats().connections }, resources, heapUsed, rss };
}

async function stop(): Promise<void> {
  await gateway.close();
  await server.close();
  rmSync(staticDir, { recursive: true, force: true });
  process.exit(0);
}

process.on('message', (msg: TargetRequest) => {
  if (msg.type === 'stats') send({ type: 'stats', stats: stats(msg.gc ?? false) });
  else void stop();
});
process.on('disconnect', () => void stop());
send({ type: 'ready', serverPort: server.address().port, gatewayPort: gateway.address().port });
