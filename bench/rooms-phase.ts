/**
 * The rooms section of `npm run bench` (`--only rooms`): memory per open room and
 * per waiting player, rooms opened per second, and rooms of four playing game after
 * game against public tables of four at the same players and pace, side by side in
 * one run. Each measurement gets a fresh game server, started as a user starts it.
 */
import os from 'node:os';
import type { Service } from './procs.js';
import { forgetHeap, probeArgs, readHeap, type HeapReading } from './heap.js';
import { openRoomsLoop, roomPool, runRoomGames, type HeldKind, type OpenLoopResult } from './rooms.js';
import { runBots } from './bots.js';
import { Reading, markAll, sleep } from './util.js';
import { kib, mib, num } from './format.js';

export interface RoomsPlan {
  /** Units held at each memory reading (e.g. 1 000 and 5 000). */
  readonly memorySizes: readonly number[];
  /** Units set up and kept before the baseline, so the code is warm. */
  readonly memoryWarmup: number;
  /** Rooms opened per second: clients at once, rooms before timing, at most this many rooms, at most this long. */
  readonly openClients: number;
  readonly openWarmup: number;
  readonly openMax: number;
  readonly openMs: number;
  /** Rooms playing game after game, each of `seats` players, against public tables of as many players. */
  readonly rooms: number;
  readonly seats: number;
  readonly thinkMs: number;
  readonly pauseSeconds: number;
  /** Rounds of rooms and public tables, each round both at once on servers of their own. */
  readonly rounds: number;
  readonly warmupMs: number;
  readonly durationMs: number;
}

export const FULL_ROOMS: RoomsPlan = {
  memorySizes: [1000, 5000],
  memoryWarmup: 50,
  openClients: 50,
  openWarmup: 500,
  openMax: 20_000,
  openMs: 5000,
  rooms: 1000,
  seats: 4,
  thinkMs: 1000,
  pauseSeconds: 0,
  rounds: 5,
  warmupMs: 2000,
  durationMs: 8000,
};

export const QUICK_ROOMS: RoomsPlan = {
  memorySizes: [100, 300],
  memoryWarmup: 20,
  openClients: 10,
  openWarmup: 20,
  openMax: 1000,
  openMs: 700,
  rooms: 50,
  seats: 4,
  thinkMs: 200,
  pauseSeconds: 0,
  rounds: 1,
  warmupMs: 300,
  durationMs: 1200,
};

export interface RoomsMemoryPoint {
  readonly wanted: number;
  readonly held: number;
  readonly rss: number;
  readonly heap: number;
}

export interface RoomsMemoryResult {
  readonly kind: HeldKind;
  /** Seats of each room and players seated in each, for `player`. */
  readonly seats?: number;
  readonly seated?: number;
  /** After start-up and the warm-up units, after a full collection. */
  readonly baseline: { readonly rss: number; readonly heap: number };
  readonly points: readonly RoomsMemoryPoint[];
  /** Bytes a unit at the largest point: (value − baseline) / held. */
  readonly rssPerUnit: number;
  readonly heapPerUnit: number;
  /** Bytes a unit between the first and the last point (start-up costs left out). */
  readonly rssSlope: number;
  readonly heapSlope: number;
}

export interface RoomsOpenResult extends OpenLoopResult {
  readonly clients: number;
  /** Server CPU share while measured, and its CPU time per room opened, µs. */
  readonly serverCpu: number;
  readonly cpuPerRoomUs: number;
}

export type GamesKind = 'rooms' | 'public tables';

export interface RoomsGamesRound {
  readonly kind: GamesKind;
  readonly round: number;
  readonly players: number;
  /** Players connected and seated when the measurement started (rooms: players of full rooms). */
  readonly connected: number;
  readonly movesPerSec: number;
  readonly gamesPerSec: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly serverCpu: number;
  readonly cpuPerMoveUs: number;
  readonly clientCpu: number;
  readonly rss: number;
}

export interface RoomsResult {
  readonly plan: RoomsPlan;
  /** The machine's 1-minute load average when the section started and when it ended. */
  readonly load: { readonly start: number; readonly end: number };
  readonly memory: RoomsMemoryResult[];
  readonly open: RoomsOpenResult | null;
  readonly games: RoomsGamesRound[];
}

export interface RoomsContext {
  readonly plan: RoomsPlan;
  /** Starts `node <nodeArgs…>` as a program under test (pinned like the others); resolves once it listens. */
  start(name: string, nodeArgs: string[]): Promise<Service>;
  stop(service: Service): Promise<void>;
  /** A progress line. */
  say(line: string): void;
  /** Something the reader of the results must know. */
  note(line: string): void;
}

/** The game server's flags for every rooms measurement: rooms and their `/new`s limited by nothing the bench reaches. */
export function serverArgs(connections: number, rooms: number): string[] {
  return [
    'server/main.ts',
    ...['--host', '127.0.0.1', '--port', '0', '--players', '4', '--turn-seconds', '0', '--lang', 'en', '--words', 'game/words/en.txt'],
    ...['--max-connections', String(connections), '--max-rooms', String(rooms), '--new-rooms-per-minute', String(1_000_000)],
  ];
}

/** Runs the whole rooms section. */
export async function roomsPhase(ctx: RoomsContext): Promise<RoomsResult> {
  const plan = ctx.plan;
  const loadAtStart = os.loadavg()[0];
  const memory: RoomsMemoryResult[] = [];
  for (const kind of ['connection', 'room', 'player'] as const) memory.push(await memoryOf(ctx, kind));
  const open = await openRate(ctx);
  const games: RoomsGamesRound[] = [];
  for (let round = 0; round < plan.rounds; round++) {
    games.push(...(await gamesRound(ctx, round + 1)));
  }
  return { plan, load: { start: loadAtStart, end: os.loadavg()[0] }, memory, open, games };
}

async function memoryOf(ctx: RoomsContext, kind: HeldKind): Promise<RoomsMemoryResult> {
  const plan = ctx.plan;
  const max = Math.max(...plan.memorySizes) + plan.memoryWarmup;
  const server = await ctx.start(`game server (${kind}s held)`, [...TSX_PROBE, ...serverArgs(max + 1000, max + 1000)]);
  const seats = kind === 'player' ? 10 : undefined;
  const seated = kind === 'player' ? 5 : undefined;
  const pools = [roomPool({ port: server.port, kind, seats, seated }), roomPool({ port: server.port, kind, seats, seated })];
  try {
    const [warm, pool] = pools;
    await warm.growTo(plan.memoryWarmup);
    const base = await settled(server);
    const points: RoomsMemoryPoint[] = [];
    for (const wanted of plan.memorySizes) {
      const held = await pool.growTo(wanted);
      const m = await settled(server);
      points.push({ wanted, held, rss: m.rss, heap: m.heapUsed });
      ctx.say(`  ${num(held)} ${kind}s held: RSS ${mib(m.rss)}, heap ${mib(m.heapUsed)}; a ${kind}: RSS ${kib((m.rss - base.rss) / held)}, heap ${kib((m.heapUsed - base.heapUsed) / held)}`);
      if (held < wanted) ctx.note(`rooms: ${num(held)} of ${num(wanted)} ${kind}s were held (${pool.failed()} failed to set up).`);
    }
    const first = points[0];
    const last = points[points.length - 1];
    const slope = (k: 'rss' | 'heap') => (last.held > first.held ? (last[k] - first[k]) / (last.held - first.held) : NaN);
    return {
      kind,
      seats,
      seated,
      baseline: { rss: base.rss, heap: base.heapUsed },
      points,
      rssPerUnit: (last.rss - base.rss) / last.held,
      heapPerUnit: (last.heap - base.heapUsed) / last.held,
      rssSlope: slope('rss'),
      heapSlope: slope('heap'),
    };
  } finally {
    await Promise.all(pools.map((p) => p.close()));
    await ctx.stop(server);
    forgetHeap(server.pid);
  }
}

/** Memory after the server has had a moment and a full collection. */
async function settled(server: Service): Promise<HeapReading> {
  await sleep(500);
  return readHeap(server.pid);
}

async function openRate(ctx: RoomsContext): Promise<RoomsOpenResult> {
  const plan = ctx.plan;
  const rooms = plan.openWarmup + plan.openMax + plan.openClients;
  const server = await ctx.start('game server (rooms opened)', [...TSX, ...serverArgs(plan.openClients * 2 + 1000, rooms + 1000)]);
  try {
    const cpu = new Reading(() => server.cpu());
    const r = await openRoomsLoop({
      port: server.port,
      clients: plan.openClients,
      warmupRooms: plan.openWarmup,
      maxRooms: plan.openMax,
      durationMs: plan.openMs,
      onMeasure: cpu.mark,
    });
    ctx.say(`  ${plan.openClients} clients: ${num(r.roomsPerSec)} rooms opened/s (${num(r.rooms)} in ${r.seconds.toFixed(1)} s), connect → seated p99 ${r.p99.toFixed(2)} ms`);
    if (r.failed > 0) ctx.note(`rooms: ${r.failed} rooms did not open or seat their creator in time while measured.`);
    return { ...r, clients: plan.openClients, serverCpu: cpu.rise / r.seconds, cpuPerRoomUs: (cpu.rise / r.rooms) * 1e6 };
  } finally {
    await ctx.stop(server);
  }
}

/**
 * One round: rooms on one server and public tables on another, both at once, so that
 * whatever else the machine does hits both alike; their measured intervals start together.
 */
async function gamesRound(ctx: RoomsContext, round: number): Promise<RoomsGamesRound[]> {
  const plan = ctx.plan;
  const players = plan.rooms * plan.seats;
  const args = serverArgs(players * 2 + 100, plan.rooms * 2 + 100);
  const servers: Service[] = [];
  try {
    for (const kind of KINDS) servers.push(await ctx.start(`game server (${kind})`, [...TSX, ...args]));
    const ready = together(KINDS.length);
    const measures = servers.map((server) => {
      const m = { cpu: new Reading(() => server.cpu()), rss: new Reading(() => server.rss()) };
      const onMeasure = markAll(m.cpu, m.rss);
      return { m, common: { port: server.port, warmupMs: plan.warmupMs, durationMs: plan.durationMs, thinkMs: plan.thinkMs, onMeasure, ready } };
    });
    const [rooms, tables] = await Promise.all([
      runRoomGames({ ...measures[0].common, rooms: plan.rooms, seats: plan.seats, pauseSeconds: plan.pauseSeconds }),
      runBots({ ...measures[1].common, players, tableSize: plan.seats }),
    ]);
    const rows = [
      { kind: KINDS[0], r: rooms, connected: rooms.full * plan.seats },
      { kind: KINDS[1], r: tables, connected: tables.connected },
    ].map(({ kind, r, connected }, k): RoomsGamesRound => {
      const { cpu, rss } = measures[k].m;
      return {
        kind,
        round,
        players,
        connected,
        movesPerSec: r.movesPerSec,
        gamesPerSec: r.gamesPerSec,
        p50: r.p50,
        p99: r.p99,
        max: r.max,
        serverCpu: cpu.rise / r.seconds,
        cpuPerMoveUs: (cpu.rise / r.moves) * 1e6,
        clientCpu: r.clientCpu,
        rss: rss.end,
      };
    });
    for (const row of rows) {
      ctx.say(`  round ${round}, ${row.kind}: ${num(players)} players, ${num(row.movesPerSec)} moves/s, p99 ${row.p99.toFixed(2)} ms, ${row.cpuPerMoveUs.toFixed(0)} µs CPU a move`);
      if (row.connected < players) ctx.note(`rooms: round ${round}, ${row.kind}: ${num(row.connected)} of ${num(players)} players were seated when measured.`);
    }
    return rows;
  } finally {
    for (const server of servers) await ctx.stop(server);
  }
}

const KINDS: readonly GamesKind[] = ['rooms', 'public tables'];

/** A barrier: each of `n` callers gets a promise that settles once all `n` have called. */
export function together(n: number): () => Promise<void> {
  let left = n;
  let release = () => {};
  const all = new Promise<void>((resolve) => (release = resolve));
  return () => {
    if (--left <= 0) release();
    return all;
  };
}

const TSX = ['--import', 'tsx'];
const TSX_PROBE = [...probeArgs];
