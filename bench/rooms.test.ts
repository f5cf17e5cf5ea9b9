/**
 * The rooms bench's pieces, run small and checked for correctness only (no timing
 * assertions): the pools that hold connections, rooms and waiting players, the loop
 * that opens rooms, rooms playing game after game, the heap probe, the whole section
 * against the real `server/main.ts`, and its report.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createGameServer, type GameServer } from '../server/server.js';
import { openRoomsLoop, roomPool, runRoomGames } from './rooms.js';
import { forgetHeap, probeArgs, readHeap } from './heap.js';
import { startService, type Service } from './procs.js';
import { QUICK_ROOMS, roomsPhase, serverArgs, together, type RoomsGamesRound, type RoomsPlan, type RoomsResult } from './rooms-phase.js';
import { P99_TOLERANCE, ROOMS_HEADING, compareGames, median, roomsSection, roomsTargets, roomsText, starvedRounds } from './rooms-report.js';
import { checkTargets, formatTable, markdown, spliceSection } from './report.js';
import type { Results } from './results.js';
import { eventually } from '../test/support/eventually.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function gameServer(): Promise<GameServer> {
  const server = await createGameServer({ host: '127.0.0.1', port: 0, players: 4, words: ['cab', 'bead'], lang: 'en', turnSeconds: 0, lobbyLimits: { newRoomsPerMinute: 1000 } });
  stops.push(() => server.close());
  return server;
}

function startServer(name: string, nodeArgs: string[]): Promise<Service> {
  return startService(name, process.execPath, nodeArgs, { cwd: ROOT, portPattern: /listening on \S*?:(\d+)/ }).then((s) => {
    stops.push(() => s.stop());
    return s;
  });
}

describe('room pools', () => {
  it('hold connections in the lobby, open rooms, and players seated in rooms that wait', async () => {
    const server = await gameServer();
    const port = server.address().port;

    const conns = roomPool({ port, kind: 'connection', batch: 4 });
    expect(await conns.growTo(6)).toBe(6);
    expect(server.stats()).toMatchObject({ connections: 6, rooms: 0 });
    await conns.close();

    const rooms = roomPool({ port, kind: 'room', batch: 4 });
    expect(await rooms.growTo(5)).toBe(5);
    expect(rooms.rooms()).toBe(5);
    expect(server.stats().rooms).toBe(5);

    const players = roomPool({ port, kind: 'player', seats: 3, seated: 2, batch: 4 });
    expect(await players.growTo(6)).toBe(6);
    expect(players.failed()).toBe(0);
    expect(players.rooms()).toBe(3);
    expect(server.stats().rooms).toBe(8);
    await rooms.close();
    await players.close();
  });

  it('refuses a waiting room that would be full', () => {
    expect(() => roomPool({ port: 1, kind: 'player', seats: 2, seated: 2 })).toThrow(/seated < seats/);
  });
});

describe('rooms opened in a closed loop', () => {
  it('opens a room, sits in it and leaves, again and again, within its count', async () => {
    const server = await gameServer();
    const r = await openRoomsLoop({ port: server.address().port, clients: 3, warmupRooms: 3, maxRooms: 12, durationMs: 30_000 });
    expect(r.failed).toBe(0);
    expect(r.rooms).toBeGreaterThan(0);
    expect(r.rooms).toBeLessThanOrEqual(12);
    expect(r.p50).toBeLessThanOrEqual(r.p99);
    // Every room opened stays open (its idle time has not run out); the creators have left.
    expect(server.stats().rooms).toBeGreaterThanOrEqual(r.rooms + 3);
    await eventually(() => server.stats().connections === 0, 'every creator gone');
  });
});

describe('rooms playing game after game', () => {
  it('seat four players a room who play several games on the same connections, timed move → WORD', async () => {
    const server = await gameServer();
    const r = await runRoomGames({ port: server.address().port, rooms: 2, seats: 4, thinkMs: 1, pauseSeconds: 0, warmupMs: 0, durationMs: 60_000, maxGames: 6 });
    expect(r.full).toBe(2);
    expect(r.players).toBe(8);
    expect(r.dropped).toBe(0);
    // Six games over in two rooms: one room at least played three in a row.
    expect(r.games).toBe(6);
    expect(r.moves).toBeGreaterThan(0);
    expect(Number.isFinite(r.p99)).toBe(true);
    expect(server.stats().rooms).toBe(2);
  });
});

describe('together', () => {
  it('lets every caller on only once all have called', async () => {
    const ready = together(2);
    let first = false;
    const a = ready().then(() => (first = true));
    await Promise.resolve();
    expect(first).toBe(false);
    await Promise.all([a, ready()]);
    expect(first).toBe(true);
  });
});

describe('heap probe', () => {
  it('reads the heap of a server started with it, after a collection, as often as asked', async () => {
    const server = await startServer('game server', [...probeArgs, ...serverArgs(100, 100)]);
    const a = await readHeap(server.pid);
    const b = await readHeap(server.pid);
    expect(b.seq).toBe(a.seq + 1);
    expect(a.heapUsed).toBeGreaterThan(0);
    expect(a.rss).toBeGreaterThan(a.heapUsed);
    forgetHeap(server.pid);
  });
});

describe('the rooms section', () => {
  it('runs end to end against server/main.ts with the flags it gives', async () => {
    const plan: RoomsPlan = { ...QUICK_ROOMS, memorySizes: [5, 10], memoryWarmup: 5, openClients: 2, openWarmup: 2, openMax: 10, openMs: 300, rooms: 2, thinkMs: 20, warmupMs: 100, durationMs: 400 };
    const lines: string[] = [];
    const notes: string[] = [];
    const r = await roomsPhase({ plan, start: startServer, stop: (s) => s.stop(), say: (l) => lines.push(l), note: (n) => notes.push(n) });
    expect(r.memory.map((m) => m.kind)).toEqual(['connection', 'room', 'player']);
    for (const m of r.memory) expect(m.points.map((p) => p.held)).toEqual([5, 10]);
    expect(r.open?.failed).toBe(0);
    expect(r.games.map((g) => g.kind)).toEqual(['rooms', 'public tables']);
    expect(r.games.every((g) => g.connected === 8)).toBe(true);
    expect(notes).toEqual([]);
    expect(lines.length).toBeGreaterThan(0);
  }, 120_000);
});

describe('rooms report', () => {
  const round = (kind: RoomsGamesRound['kind'], n: number, p99: number): RoomsGamesRound => ({
    kind,
    round: n,
    players: 4000,
    connected: 4000,
    movesPerSec: 1000,
    gamesPerSec: 60,
    p50: p99 / 4,
    p99,
    max: p99 * 2,
    serverCpu: 0.2,
    cpuPerMoveUs: kind === 'rooms' ? 150 : 200,
    clientCpu: 0.2,
    rss: 150 * 2 ** 20,
  });
  const memory = (kind: 'connection' | 'room' | 'player', each: number) => ({
    kind,
    baseline: { rss: 90 * 2 ** 20, heap: 8 * 2 ** 20 },
    points: [1000, 5000].map((n) => ({ wanted: n, held: n, rss: 90 * 2 ** 20 + n * each, heap: 8 * 2 ** 20 + n * each })),
    rssPerUnit: each,
    heapPerUnit: each,
    rssSlope: each,
    heapSlope: each,
  });
  const rooms: RoomsResult = {
    plan: { ...QUICK_ROOMS, rooms: 1000, thinkMs: 1000, rounds: 3 },
    load: { start: 1.5, end: 2.5 },
    memory: [memory('connection', 4096), memory('room', 10_240), { ...memory('player', 8192), seats: 10, seated: 5 }],
    open: { clients: 50, rooms: 5000, seconds: 5, roomsPerSec: 1000, p50: 10, p99: 40, max: 50, failed: 0, clientCpu: 0.5, serverCpu: 0.9, cpuPerRoomUs: 900 },
    games: [round('rooms', 1, 10), round('public tables', 1, 10), round('public tables', 2, 8), round('rooms', 2, 12), round('rooms', 3, 9), round('public tables', 3, 10)],
  };

  it('compares rooms with public tables round by round, as medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    const c = compareGames(rooms.games)!;
    expect(c.p99Ratios).toEqual([1, 1.5, 0.9]);
    expect(c.p99Ratio).toBe(1);
    expect(c.rooms.p99).toBe(10);
    expect(c.tables.p99).toBe(10);
    expect(c.cpuRatio).toBe(0.75);
    expect(compareGames(rooms.games.filter((g) => g.kind === 'rooms'))).toBeNull();
  });

  it('judges the target: the rooms p99 as the public tables\', within the tolerance', () => {
    expect(roomsTargets(undefined)).toEqual([]);
    expect(roomsTargets(rooms)[0].met).toBe(true);
    const slow = { ...rooms, games: rooms.games.map((g) => (g.kind === 'rooms' ? { ...g, p99: g.p99 * P99_TOLERANCE * 1.5 } : g)) };
    expect(roomsTargets(slow)[0].met).toBe(false);
  });

  it('writes its tables, its section, and its place in the page and the targets', () => {
    const t = roomsText(rooms);
    expect(t).toContain('open room');
    expect(t).toContain('rooms opened/s');
    expect(t).toContain('rooms ÷ public');
    const section = roomsSection(rooms, '2026-01-01T00:00:00Z');
    expect(section.startsWith(`${ROOMS_HEADING}\n`)).toBe(true);
    expect(section).toContain('--new-rooms-per-minute');
    expect(section).not.toContain('NaN');
    expect(roomsSection(undefined, '2026-01-01')).toContain('Not measured');
    expect(section).toContain('load average\n(1 minute) was 1.50');
    expect(starvedRounds(rooms)).toEqual([]);
    const starved = { ...rooms, games: rooms.games.map((g) => (g.round === 2 && g.kind === 'public tables' ? { ...g, movesPerSec: 500 } : g)) };
    expect(starvedRounds(starved).map((g) => `${g.round} ${g.kind}`)).toEqual(['2 public tables']);
    expect(roomsSection(starved, '2026-01-01')).toContain('In round 2 (public tables), fewer than 90 %');
    const page = '# Benchmarks\n\n## Game server\n\nold\n\n## Computer players\n\nbots\n';
    expect(spliceSection(page, section, '## Computer players')).toBe(`# Benchmarks\n\n## Game server\n\nold\n\n${section}\n## Computer players\n\nbots\n`);

    const partial: Omit<Results, 'targets'> = {
      meta: { date: '2026-01-01T00:00:00.000Z', quick: true, cpu: 'test CPU', cores: 2, memoryGiB: 4, os: 'test OS', node: 'v20', ws: '8', websockify: null, pinned: true, openFiles: '1024 soft, 4096 hard', loadAverage: [0, 0, 0], loadAverageAtEnd: [0, 0, 0], seconds: 1 },
      relay: [],
      memory: [],
      server: [],
      rooms,
      bots: [],
      web: { ok: false, reason: 'no web client' },
      notes: [],
    };
    const results = { ...partial, targets: checkTargets(partial, true) };
    expect(results.targets.at(-1)!.name).toMatch(/^rooms p99/);
    expect(formatTable(results)).toContain('rooms ÷ public');
    expect(markdown(results)).toContain(`\n${ROOMS_HEADING}\n`);
  });
});
