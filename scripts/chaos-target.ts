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
import { createGameServer, type GameServer } from '../server/server.js';
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
export type TargetReply = { type: 'ready'; serverPorts: number[]; gatewayPort: number } | { type: 'stats'; stats: TargetStats } | { type: 'log'; line: string };

const send = (msg: TargetReply) => process.send?.(msg);

const staticDir = mkdtempSync(path.join(tmpdir(), 'chaos-web-'));
writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Word Guess</title>\n');

// `--redis URL`: two game servers in one cluster (the same code as two processes: a relay
// between them is a real TCP connection, the directory a real Redis); the gateway in front of both.
const redisAt = process.argv.indexOf('--redis');
const redis = redisAt >= 0 ? process.argv[redisAt + 1] : undefined;
const servers: GameServer[] = [];
for (let i = 0; i < (redis ? 2 : 1); i++) servers.push(await startServer());

function startServer(): Promise<GameServer> {
  return createGameServer({
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
      if (line.startsWith('server error') || (line.startsWith('cluster:') && !line.includes(' is reachable'))) send({ type: 'log', line });
    },
    cluster: redis ? { redis, heartbeatMs: 200 } : undefined,
  });
}

const gateway = await createGateway({
  host: '127.0.0.1',
  port: 0,
  target: servers.map((s) => ({ host: '127.0.0.1', port: s.address().port })),
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
  // Each cluster member keeps one connection to Redis: those are not players' sockets.
  if (redis && resources.TCPSocketWrap !== undefined) resources.TCPSocketWrap -= servers.length;
  const { heapUsed, rss } = process.memoryUsage();
  const counts = servers.map((s) => s.stats());
  const sum = (key: keyof TargetStats['server']) => counts.reduce((n, c) => n + c[key], 0);
  const server = { connections: sum('connections'), waiting: sum('waiting'), playing: sum('playing'), started: sum('started'), finished: sum('finished'), discarded: sum('discarded') };
  return { server, gateway: { connections: gateway.stats().connections }, resources, heapUsed, rss };
}

async function stop(): Promise<void> {
  await gateway.close();
  for (const s of servers) await s.close();
  rmSync(staticDir, { recursive: true, force: true });
  process.exit(0);
}

process.on('message', (msg: TargetRequest) => {
  if (msg.type === 'stats') send({ type: 'stats', stats: stats(msg.gc ?? false) });
  else void stop();
});
process.on('disconnect', () => void stop());
send({ type: 'ready', serverPorts: servers.map((s) => s.address().port), gatewayPort: gateway.address().port });
