/**
 * The cluster's bench (`npm run bench -- --only cluster`):
 *
 * 1. Relay transports: a line from a player's process to the owner of its table
 *    and back, directly, through the cluster's TCP relay, and through Redis
 *    pub/sub; lines/s, round trip, CPU per line (relaying program and Redis).
 * 2. One server on 1 process and on 2 (a private Redis between them): the same
 *    paced bots in tables of 4, connecting to the processes in turn; moves/s, p99
 *    move → WORD at every player, CPU per move (every server and Redis), and Redis
 *    commands per move and per join.
 */
import { Redis } from 'ioredis';
import { runBots } from './bots.js';
import { runLineLoad } from './line-load.js';
import type { Service } from './procs.js';
import type { ClusterLoadRow, ClusterResult, TransportRow } from './results.js';
import { Reading, sleep, type MeasurePhase } from './util.js';

export interface ClusterPlan {
  readonly transportClients: readonly number[];
  readonly windows: readonly number[];
  readonly warmupMs: number;
  readonly durationMs: number;
  readonly players: number;
  readonly thinkMs: number;
  readonly botWarmupMs: number;
  readonly botDurationMs: number;
}

export interface ClusterBenchContext {
  /** Starts a program; its port is read from its output (or known, for Redis). */
  start(name: string, command: string, args: string[], port?: number): Promise<Service>;
  stop(service: Service): Promise<void>;
  freePort(): Promise<number>;
  say(line: string): void;
}

const NODE = process.execPath;
const TSX = ['--import', 'tsx'];

/** Commands Redis has processed so far (our own INFO calls included, and subtracted by the caller). */
async function redisCommands(redis: Redis): Promise<number> {
  const info = await redis.info('stats');
  return Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? NaN);
}

/**
 * What the programs under test and Redis did over a measured interval: their CPU, and
 * the commands Redis served (its INFO answers a moment after the interval ends: wait
 * for it before reading `commands`).
 */
function clusterReadings(cpuOfPrograms: () => number, redis: Redis, redisService: Service) {
  const cpu = new Reading(cpuOfPrograms);
  const redisCpu = new Reading(() => redisService.cpu());
  const served = { start: 0, end: 0 };
  return {
    cpu,
    redisCpu,
    onMeasure(phase: MeasurePhase): void {
      cpu.mark(phase);
      redisCpu.mark(phase);
      void redisCommands(redis).then((n) => (served[phase] = n));
    },
    /** Commands served in the interval, less the INFO that counted them. */
    commands: () => Math.max(0, served.end - served.start - 1),
  };
}

export async function clusterPhase(ctx: ClusterBenchContext, plan: ClusterPlan): Promise<ClusterResult> {
  const redisPort = await ctx.freePort();
  const redisService = await ctx.start('redis-server', 'redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], redisPort);
  const url = `redis://127.0.0.1:${redisPort}`;
  const redis = new Redis(url);
  try {
    const transports = await transportRuns(ctx, plan, url, redis, redisService);
    const load: ClusterLoadRow[] = [];
    for (const processes of [1, 2]) load.push(await loadRun(ctx, plan, processes, url, redis, redisService));
    return { transports, load };
  } finally {
    redis.disconnect();
    await ctx.stop(redisService);
  }
}

async function transportRuns(ctx: ClusterBenchContext, plan: ClusterPlan, url: string, redis: Redis, redisService: Service): Promise<TransportRow[]> {
  const rows: TransportRow[] = [];
  for (const mode of ['direct', 'tcp', 'pubsub'] as const) {
    const service =
      mode === 'direct'
        ? await ctx.start('echo server', NODE, [...TSX, 'test/support/echo-server.ts'])
        : await ctx.start(`${mode} relay`, NODE, [...TSX, 'bench/cluster-relay.ts', '--mode', mode, '--redis', url]);
    for (const clients of plan.transportClients) {
      for (const window of plan.windows) {
        const m = clusterReadings(() => service.cpu(), redis, redisService);
        const r = await runLineLoad({
          transport: 'tcp',
          port: service.port,
          clients,
          window,
          warmupMs: plan.warmupMs,
          durationMs: plan.durationMs,
          onMeasure: m.onMeasure,
        });
        await sleep(50); // the second INFO's answer
        rows.push({
          mode,
          clients,
          window,
          linesPerSec: r.linesPerSec,
          p50: r.p50,
          p99: r.p99,
          cpuPerLineUs: (m.cpu.rise / r.lines) * 1e6,
          redisCpuPerLineUs: (m.redisCpu.rise / r.lines) * 1e6,
          redisCommandsPerLine: m.commands() / r.lines,
        });
        ctx.say(`  ${mode.padEnd(6)} C=${String(clients).padEnd(4)} window ${String(window).padEnd(2)}: ${Math.round(r.linesPerSec)} lines/s, p99 ${r.p99.toFixed(2)} ms, ${rows.at(-1)!.cpuPerLineUs.toFixed(1)} µs CPU/line + Redis ${rows.at(-1)!.redisCpuPerLineUs.toFixed(1)} µs`);
      }
    }
    await ctx.stop(service);
  }
  return rows;
}

async function loadRun(ctx: ClusterBenchContext, plan: ClusterPlan, processes: number, url: string, redis: Redis, redisService: Service): Promise<ClusterLoadRow> {
  await redis.flushall();
  const servers: Service[] = [];
  for (let i = 0; i < processes; i++) {
    const cluster = processes > 1 ? ['--redis', url] : [];
    servers.push(
      await ctx.start(`game server ${i + 1}`, NODE, [
        ...TSX,
        'server/main.ts',
        '--host',
        '127.0.0.1',
        '--port',
        '0',
        '--players',
        '4',
        '--turn-seconds',
        '0',
        '--words',
        'game/words/en.txt',
        '--max-connections',
        String(plan.players * 2 + 100),
        ...cluster,
      ]),
    );
  }
  // Redis's own background: the heartbeats of idle processes.
  const idle0 = await redisCommands(redis);
  const idleStart = performance.now();
  await sleep(1000);
  const idlePerSec = (await redisCommands(redis)) - idle0 - 1;
  const idleRate = idlePerSec / ((performance.now() - idleStart) / 1000);

  const m = clusterReadings(() => servers.reduce((sum, s) => sum + s.cpu(), 0), redis, redisService);
  const r = await runBots({
    port: servers[0].port,
    ports: servers.map((s) => s.port),
    players: plan.players,
    tableSize: 4,
    warmupMs: plan.botWarmupMs,
    durationMs: plan.botDurationMs,
    thinkMs: plan.thinkMs,
    onMeasure: m.onMeasure,
  });
  await sleep(50);
  for (const s of servers) await ctx.stop(s);
  const joins = r.gamesPerSec * r.seconds * 4;
  const commands = m.commands();
  const background = processes > 1 ? idleRate * r.seconds : 0;
  const row: ClusterLoadRow = {
    processes,
    players: plan.players,
    connected: r.connected,
    thinkMs: plan.thinkMs,
    movesPerSec: r.movesPerSec,
    joinsPerSec: joins / r.seconds,
    p50: r.p50,
    p99: r.p99,
    cpuPerMoveUs: (m.cpu.rise / r.moves) * 1e6,
    redisCpuPerMoveUs: processes > 1 ? (m.redisCpu.rise / r.moves) * 1e6 : 0,
    redisCommandsPerMove: commands / r.moves,
    redisCommandsPerJoin: joins > 0 ? Math.max(0, commands - background) / joins : NaN,
    redisIdleCommandsPerSec: processes > 1 ? idleRate : 0,
  };
  ctx.say(
    `  ${processes} process(es), ${plan.players} bots, think ${plan.thinkMs} ms: ${Math.round(row.movesPerSec)} moves/s, p99 ${row.p99.toFixed(2)} ms, ` +
      `${row.cpuPerMoveUs.toFixed(0)} µs CPU/move (+ Redis ${row.redisCpuPerMoveUs.toFixed(1)}), Redis commands ${row.redisCommandsPerMove.toFixed(3)}/move, ${row.redisCommandsPerJoin.toFixed(1)}/join`,
  );
  return row;
}
