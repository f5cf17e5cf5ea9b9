/**
 * The bench's pieces, run small and checked for correctness only (no timing
 * assertions): load generators, relays, bots, and the report writers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGateway } from '../gateway/gateway.js';
import { createGameServer } from '../server/server.js';
import { startBareRelay } from './bare-relay.js';
import { runBots, seatIdlePlayers } from './bots.js';
import { startFloorProgram } from './programs.js';
import { parseAs, parseMessage } from '../protocol/catalog.js';
import { connectLines } from '../test/support/line-client.js';
import type { Comparison } from './compare.js';
import { ABOVE_FLOOR, comparisonTable, FLOOR_ROW, formatComparison, median } from './compare-report.js';
import { startEchoServer } from '../test/support/echo-server.js';
import { formatSummary, summarize } from './cpu-profile.js';
import { Histogram } from './histogram.js';
import { idlePool } from './idle.js';
import { runLineLoad } from './line-load.js';
import { measureLevels, playGame } from './computer-players.js';
import { BOTS_HEADING, MOVE_COST_HEADING, botsSection, checkTargets, formatTable, markdown, sectionOf, spliceSection, svgChart } from './report.js';
import { measureMoveCost } from './move-cost.js';
import type { Results } from './results.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function echo() {
  const server = await startEchoServer();
  stops.push(() => server.close());
  return server;
}

const short = { clients: 2, window: 4, warmupMs: 20, durationMs: 150 } as const;

describe('histogram', () => {
  it('finds quantiles within a bucket (1 %)', () => {
    const h = new Histogram();
    for (let i = 1; i <= 1000; i++) h.record(i / 10);
    expect(h.count).toBe(1000);
    expect(h.quantile(0.5)).toBeCloseTo(50, -0.5);
    expect(Math.abs(h.quantile(0.99) - 99) / 99).toBeLessThan(0.02);
    expect(h.max).toBe(100);
    expect(new Histogram().quantile(0.5)).toBeNaN();
  });
});

describe('line load', () => {
  it('runs closed loops over raw TCP against the echo server', async () => {
    const server = await echo();
    const r = await runLineLoad({ transport: 'tcp', port: server.port, ...short });
    expect(r.connected).toBe(2);
    expect(r.dropped).toBe(0);
    expect(r.lines).toBeGreaterThan(0);
    expect(r.p50).toBeLessThanOrEqual(r.p99);
  });

  it('runs through the bare relay and through the gateway, one line per text frame', async () => {
    const server = await echo();
    const relay = await startBareRelay({ host: '127.0.0.1', port: server.port });
    stops.push(() => relay.close());
    const gw = await createGateway({ host: '127.0.0.1', port: 0, target: { host: '127.0.0.1', port: server.port }, log: () => {} });
    stops.push(() => gw.close());
    const viaRelay = await runLineLoad({ transport: 'ws-text', port: relay.port, ...short });
    const viaGateway = await runLineLoad({ transport: 'ws-text', port: gw.address().port, path: '/ws', ...short });
    for (const r of [viaRelay, viaGateway]) {
      expect(r.connected).toBe(2);
      expect(r.dropped).toBe(0);
      expect(r.lines).toBeGreaterThan(0);
    }
  });

  it('holds idle WebSockets that each echoed a line', async () => {
    const server = await echo();
    const gw = await createGateway({ host: '127.0.0.1', port: 0, target: { host: '127.0.0.1', port: server.port }, log: () => {} });
    stops.push(() => gw.close());
    const pool = idlePool({ port: gw.address().port, path: '/ws', batch: 10 });
    expect(await pool.growTo(25)).toBe(25);
    expect(pool.failed()).toBe(0);
    expect(gw.stats().connections).toBe(25);
    await pool.close();
  });
});

describe('bots', () => {
  it('play whole games against the game server and time move → WORD', async () => {
    const words = ['cab', 'bead'];
    const server = await createGameServer({ host: '127.0.0.1', port: 0, players: 4, words, lang: 'en', turnSeconds: 0 });
    stops.push(() => server.close());
    const r = await runBots({ port: server.address().port, players: 8, tableSize: 4, warmupMs: 0, durationMs: 400 });
    expect(r.connected).toBe(8);
    expect(r.errors).toBe(0);
    expect(r.moves).toBeGreaterThan(0);
    expect(r.gamesPerSec).toBeGreaterThan(0);
    expect(Number.isFinite(r.p99)).toBe(true);
    expect(server.stats().finished).toBeGreaterThan(0);
  });
});

describe('floor', () => {
  async function startFloor() {
    const floor = await startFloorProgram({ root: process.cwd() });
    stops.push(() => floor.stop());
    return floor;
  }

  it('carries the bots through whole games with no game behind it', async () => {
    const floor = await startFloor();
    const r = await runBots({ port: floor.port, players: 40, tableSize: 4, warmupMs: 0, durationMs: 400 });
    expect(r.connected).toBe(40);
    expect(r.errors).toBe(0);
    expect(r.moves).toBeGreaterThan(0);
    expect(r.gamesPerSec).toBeGreaterThan(0);
  });

  it("sends the game server's English lines, a WORD line to everyone every move, and /quit after a game's moves", async () => {
    const floor = await startFloor();
    const play = async (name: string) => {
      const c = await connectLines(floor.port, name);
      const lines: string[] = [];
      for (let line = await c.next(); line !== '/quit'; line = await c.next()) {
        lines.push(line);
        if (line === '/turn') c.send('/letter e');
      }
      await c.closed;
      return lines;
    };
    const tables = await Promise.all(['ann', 'bob', 'cy', 'di'].map(play));
    for (const lines of tables) {
      const unknown = lines.filter((l) => l !== '/turn' && parseMessage(l)?.lang !== 'en');
      expect(unknown).toEqual([]);
      expect(lines).toContain('The game is over!');
    }
    // The start's WORD, then one a move, to everyone.
    const words = tables.map((lines) => lines.filter((l) => parseAs('WORD', l)).length);
    expect(new Set(words).size).toBe(1);
    expect(words[0]).toBeGreaterThan(1);
    // The first turn, then every move but the last passes it on.
    expect(tables.flat().filter((l) => l === '/turn').length).toBe(words[0] - 1);
  });
});

describe('move cost', () => {
  it('plays whole games through the lobby alone, replacing the players of every finished game', async () => {
    const cost = await measureMoveCost(process.cwd(), 2000);
    expect(cost.moves).toBe(2000);
    expect(cost.games).toBeGreaterThan(10);
    expect(cost.cpuPerMoveUs).toBeGreaterThan(0);
  });
});

describe('idle seats', () => {
  it('seats players who never move, each answered by its table', async () => {
    const server = await createGameServer({ host: '127.0.0.1', port: 0, players: 4, words: ['cab'], lang: 'en', turnSeconds: 0 });
    stops.push(() => server.close());
    const seats = await seatIdlePlayers({ port: server.address().port, players: 10 });
    expect(seats.held).toBe(10);
    expect(seats.failed).toBe(0);
    expect(server.stats()).toMatchObject({ playing: 2, waiting: 1 });
    await seats.close();
  });
});

describe('comparison report', () => {
  it('takes medians of odd and even counts and skips what was not measured', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN, 5])).toBe(5);
    expect(median([])).toBeNaN();
  });

  it('puts each measure of each scenario beside the ref, with the ratio of medians', () => {
    const sample = (cpuPerMoveUs: number, rssPerPlayer: number) => ({ movesPerSec: 1000, cpuPerMoveUs, systemPerMoveUs: cpuPerMoveUs / 2, serverCpu: 0.5, botsCpu: 0.4, p50: 1, p99: 2, rss: 100 * 2 ** 20, rssPerPlayer, connected: 1000 });
    const c: Comparison = {
      scenarios: [
        { name: 'flat out', kind: 'flat', players: 1000, thinkMs: 0, warmupMs: 0, durationMs: 1 },
        { name: 'idle', kind: 'idle', players: 1000, thinkMs: null, warmupMs: 0, durationMs: 0 },
      ],
      sides: [
        { label: 'this tree', commit: 'aaaaaaa', samples: [[sample(50, 0), sample(60, 0), sample(40, 0)], [sample(NaN, 8 * 1024)]] },
        { label: 'main', commit: 'bbbbbbb', samples: [[sample(100, 0), sample(120, 0), sample(110, 0)], [sample(NaN, 16 * 1024)]] },
      ],
      floor: [[], []],
      rounds: 3,
      loadAverage: [1, 1, 1],
      loadAverageAtEnd: [2, 2, 2],
      pinned: true,
    };
    const rows = comparisonTable(c).rows;
    // Round ratios 0.5, 0.5, 0.36: their median 0.5; the ratio of medians 50 / 110.
    expect(rows.find((r) => r[0] === 'flat out' && r[1] === 'server CPU µs/move')).toEqual(['flat out', 'server CPU µs/move', '50.0', '110.0', '0.45×', '0.50×', '50.0 / 60.0 / 40.0', '100.0 / 120.0 / 110.0']);
    expect(rows.find((r) => r[0] === 'idle' && r[1] === 'RSS per seated player')?.slice(2, 6)).toEqual(['8.0 KiB', '16.0 KiB', '0.50×', '0.50×']);
    expect(formatComparison(c, 'markdown')).toContain('| flat out | moves/s | 1000 | 1000 | 1.00× | 1.00× |');
    expect(formatComparison(c, 'text')).toContain('read the ratios');
    expect(rows.some((r) => r[0] === FLOOR_ROW || r[1] === ABOVE_FLOOR)).toBe(false);
  });

  it('puts the floor after its scenario, and each server above the floor of its own round', () => {
    const sample = (cpuPerMoveUs: number, movesPerSec = 1000) => ({ movesPerSec, cpuPerMoveUs, systemPerMoveUs: cpuPerMoveUs / 2, serverCpu: 0.5, botsCpu: 0.4, p50: 1, p99: 2, rss: 0, rssPerPlayer: 0, connected: 1000 });
    const c: Comparison = {
      scenarios: [{ name: 'flat out', kind: 'flat', players: 1000, thinkMs: 0, warmupMs: 0, durationMs: 1 }],
      sides: [
        { label: 'this tree', commit: 'aaaaaaa', samples: [[sample(50), sample(60), sample(40)]] },
        { label: 'main', commit: 'bbbbbbb', samples: [[sample(100), sample(120), sample(110)]] },
      ],
      floor: [[sample(20, 3000), sample(30, 2000), sample(10, 4000)]],
      rounds: 3,
      loadAverage: [1, 1, 1],
      loadAverageAtEnd: [1, 1, 1],
      pinned: true,
    };
    const rows = comparisonTable(c).rows;
    // The scenario's own rows first, unchanged; then the floor's, then the servers above it.
    expect(rows.map((r) => r[0])).toEqual([...Array(9).fill('flat out'), FLOOR_ROW, FLOOR_ROW, FLOOR_ROW, 'flat out']);
    expect(rows[9]).toEqual([FLOOR_ROW, 'server CPU µs/move', '20.0', '20.0', '–', '–', '20.0 / 30.0 / 10.0', '20.0 / 30.0 / 10.0']);
    expect(rows[10].slice(1, 4)).toEqual(['  of which kernel', '10.0', '10.0']);
    expect(rows[11].slice(1, 4)).toEqual(['moves/s', '3000', '3000']);
    // Round by round 30, 30, 30 above the floor against 80, 90, 100.
    expect(rows[12]).toEqual(['flat out', ABOVE_FLOOR, '30.0', '90.0', '0.33×', '0.33×', '30.0 / 30.0 / 30.0', '80.0 / 90.0 / 100.0']);
    const md = formatComparison(c, 'markdown');
    expect(md).toContain("| floor: Node's sockets, no game | server CPU µs/move | 20.0 | 20.0 |");
    expect(md).toContain('above the floor = ');
  });
});

describe('report', () => {
  const row = (target: 'direct' | 'gateway' | 'bare-relay' | 'websockify', clients: number, window: number, linesPerSec: number, p99: number) => ({
    target,
    clients,
    window,
    connected: clients,
    dropped: 0,
    linesPerSec,
    p50: p99 / 3,
    p90: p99 / 2,
    p99,
    ratio: 1,
    relayCpu: 0.9,
    clientCpu: 0.5,
    cpuPerLineUs: 15,
  });
  const partial: Omit<Results, 'targets'> = {
    meta: { date: '2026-01-01T00:00:00.000Z', quick: true, cpu: 'test CPU', cores: 2, memoryGiB: 4, os: 'test OS', node: 'v20', ws: '8', websockify: null, pinned: true, openFiles: '1024 soft, 4096 hard', loadAverage: [0, 0, 0], loadAverageAtEnd: [0, 0, 0], seconds: 1 },
    relay: [1, 50].flatMap((c) => [1, 16].flatMap((w) => [row('direct', c, w, 1e5, 1), row('gateway', c, w, 5e4, 2), row('bare-relay', c, w, 4e4, 3), row('websockify', c, w, 1e4, 9)])),
    memory: [{ target: 'gateway', baseline: 50 * 2 ** 20, points: [{ wanted: 100, held: 100, rss: 51 * 2 ** 20 }, { wanted: 1000, held: 1000, rss: 60 * 2 ** 20 }], perConnection: 10 * 1024, perConnectionSlope: 10 * 1024, maxHeld: 1000, failed: 0 }],
    server: [
      { players: 40, mode: 'flat out', thinkMs: 0, connected: 40, movesPerSec: 5000, gamesPerSec: 300, p50: 1, p99: 5, max: 9, rss: 90 * 2 ** 20, cpuPerMoveUs: 70, serverCpu: 0.9, botsCpu: 0.9 },
      { players: 40, mode: 'paced', thinkMs: 200, connected: 40, movesPerSec: 50, gamesPerSec: 3, p50: 1, p99: 4, max: 5, rss: 90 * 2 ** 20, cpuPerMoveUs: 90, serverCpu: 0.1, botsCpu: 0.1 },
    ],
    bots: [
      {
        lang: 'en',
        words: 10,
        rows: [
          { level: 'easy', winsAgainst: { normal: 0.4, hard: 0.35 }, missesPerWord: 2.7, movesPerGame: 5.9, medianMoveMicros: 30, p99MoveMicros: 900 },
          { level: 'normal', winsAgainst: { easy: 0.6, hard: 0.45 }, missesPerWord: 1.3, movesPerGame: 4.6, medianMoveMicros: 30, p99MoveMicros: 500 },
          { level: 'hard', winsAgainst: { easy: 0.65, normal: 0.55 }, missesPerWord: 1.5, movesPerGame: 4.7, medianMoveMicros: 40, p99MoveMicros: 3000 },
        ],
      },
    ],
    web: { ok: false, reason: 'no web client' },
    notes: [],
  };

  it('checks the targets against the figures', () => {
    const checks = checkTargets(partial, true);
    expect(checks.map((c) => c.met)).toEqual([true, true, true, true, true, true, true]);
    const flipped = { ...partial, bots: [{ ...partial.bots[0], rows: partial.bots[0].rows.map((x) => (x.level === 'hard' ? { ...x, winsAgainst: { ...x.winsAgainst, normal: 0.49 } } : x)) }] };
    expect(checkTargets(flipped, true).at(-1)!.met).toBe(false);
    expect(checkTargets({ ...partial, bots: [] }, true).at(-1)!.met).toBeNull();
  });

  it('writes the table, the page and a self-contained SVG', () => {
    const results = { ...partial, targets: checkTargets(partial, true) };
    expect(formatTable(results)).toContain('bare-relay');
    const page = markdown(results);
    expect(page).toContain('![lines/s and p99 against C](benchmarks.svg)');
    expect(page).toContain('npm run bench');
    expect(page).toContain(BOTS_HEADING);
    expect(formatTable(results)).toContain('wins vs normal');
    // The cluster's rows appear when the cluster phase ran.
    expect(formatTable(results)).not.toContain('Cluster');
    const cluster = {
      transports: [{ mode: 'tcp' as const, clients: 50, window: 16, linesPerSec: 64_265, p50: 11.6, p99: 24.7, cpuPerLineUs: 12.7, redisCpuPerLineUs: 0, redisCommandsPerLine: 0 }],
      load: [{ processes: 2, players: 2000, connected: 2000, thinkMs: 250, movesPerSec: 1308, joinsPerSec: 267, p50: 43, p99: 545, cpuPerMoveUs: 438, redisCpuPerMoveUs: 18.9, redisCommandsPerMove: 1.39, redisCommandsPerJoin: NaN, redisIdleCommandsPerSec: 24 }],
    };
    const withCluster = formatTable({ ...results, cluster });
    expect(withCluster).toMatch(/tcp\s+50\s+16\s+64 265/);
    expect(withCluster).toMatch(/2 000 \(think 250 ms\)\s+1 308/);
    expect(withCluster).toContain('n/a');
    const svg = svgChart(results);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<polyline/g)?.length).toBe(16);
    expect(svg).not.toContain('NaN');
  });
});

describe('computer players', () => {
  it('play whole games with the rules alone, and every pairing of levels is measured both ways', () => {
    const words = ['kite', 'bite', 'data', 'date', 'lemon', 'melon', "o'clock"];
    const g = playGame('melon', words, ['hard', 'easy'], Math.random, true);
    expect([0, 1]).toContain(g.winner);
    expect(g.moveMicros[0].length + g.moveMicros[1].length).toBe(g.moves);
    const r = measureLevels('en', words);
    expect(r.rows.map((x) => x.level)).toEqual(['easy', 'normal', 'hard']);
    const share = (a: 'easy' | 'normal' | 'hard', b: 'easy' | 'normal' | 'hard') => r.rows.find((x) => x.level === a)!.winsAgainst[b]!;
    expect(share('hard', 'normal') + share('normal', 'hard')).toBeCloseTo(1);
    expect(share('easy', 'hard') + share('hard', 'easy')).toBeCloseTo(1);
    for (const x of r.rows) {
      expect(x.winsAgainst[x.level]).toBeUndefined();
      expect(x.movesPerGame).toBeGreaterThanOrEqual(1);
      expect(x.medianMoveMicros).toBeGreaterThanOrEqual(0);
    }
  });

  it('writes its section into a page in place of the old one, or before the web client section', () => {
    const page = '# Benchmarks\n\n## Game server\n\nold\n\n## Web client\n\nweb\n';
    const section = `${BOTS_HEADING}\n\nfirst\n`;
    const once = spliceSection(page, section);
    expect(once).toBe(`# Benchmarks\n\n## Game server\n\nold\n\n${BOTS_HEADING}\n\nfirst\n\n## Web client\n\nweb\n`);
    expect(spliceSection(once, `${BOTS_HEADING}\n\nsecond\n`)).toBe(once.replace('first', 'second'));
    expect(spliceSection('# B\n', section)).toBe(`# B\n\n${section}`);
    expect(botsSection({ ...({} as Results), meta: { date: '2026-01-01T00:00:00Z' } as Results['meta'], bots: [] })).toContain('Not measured');
  });
});

describe('the section written by hand', () => {
  it('is found in the old page and kept in the new one, after the game server', () => {
    const old = `# Benchmarks\n\n## Game server\n\nold figures\n\n${MOVE_COST_HEADING}\n\nby hand\n\n## Web client\n\nweb\n`;
    const kept = sectionOf(old, MOVE_COST_HEADING)!;
    expect(kept).toBe(`${MOVE_COST_HEADING}\n\nby hand\n`);
    const fresh = '# Benchmarks\n\n## Game server\n\nnew figures\n\n## Computer players\n\nbots\n';
    expect(spliceSection(fresh, kept, '## Computer players')).toBe(`# Benchmarks\n\n## Game server\n\nnew figures\n\n${MOVE_COST_HEADING}\n\nby hand\n\n## Computer players\n\nbots\n`);
    expect(sectionOf(fresh, MOVE_COST_HEADING)).toBeNull();
  });
});

describe('CPU profile summary', () => {
  // root → main → work (self 3) → work (recursion, self 1); root → (idle) 4; root → (garbage collector) 2
  const frame = (functionName: string, url = '', lineNumber = -1) => ({ functionName, url, lineNumber });
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 5, 6] },
      { id: 2, callFrame: frame('main', 'file:///tree/server/main.ts', 9), children: [3] },
      { id: 3, callFrame: frame('work', 'file:///tree/server/work.ts', 0), children: [4] },
      { id: 4, callFrame: frame('work', 'file:///tree/server/work.ts', 0) },
      { id: 5, callFrame: frame('(idle)') },
      { id: 6, callFrame: frame('(garbage collector)') },
    ],
    startTime: 1000,
    endTime: 2000,
    samples: [3, 3, 5, 4, 5, 3, 6, 5, 6, 5, 3],
    timeDeltas: [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 500],
  };

  it('splits busy samples into self and inclusive time, counting a recursive function once a sample', () => {
    const s = summarize(profile, '/tree');
    expect(s.busySamples).toBe(7);
    expect(s.idle).toBeCloseTo(4 / 11);
    const work = s.functions.find((f) => f.name === 'work server/work.ts')!;
    expect(work.self).toBeCloseTo(5 / 7);
    expect(work.inclusive).toBeCloseTo(5 / 7);
    expect(s.functions.find((f) => f.name === 'main server/main.ts:10')).toMatchObject({ self: 0, inclusive: 5 / 7 });
    expect(s.functions.find((f) => f.name === '(garbage collector)')?.self).toBeCloseTo(2 / 7);
    expect(formatSummary(s, 3)).toContain('71.4 %  work server/work.ts');
  });

  it('counts only the samples within a window of time', () => {
    // Samples at 1010, 1020, …, 1100, then 1600: the window takes the first three.
    const s = summarize(profile, '/tree', { from: 1000, to: 1030 });
    expect(s.busySamples).toBe(2);
    expect(s.idle).toBeCloseTo(1 / 3);
  });
});
