/**
 * `npm run bench -- --compare REF`: the game server (and the gateway) of this tree
 * against those of a git ref, side by side in one run. REF is checked out into a temporary
 * worktree (sharing this tree's node_modules when the lockfiles agree); then, for
 * every scenario, the two programs run in alternate order round after round, each
 * started fresh, under the same load from this tree. Medians and ratios come out.
 * Flat out, the floor (bench/floor-server.ts: Node's sockets, no game) runs once a
 * round between the two, so each server's CPU a move can be read above it.
 *
 * The machine may be busy with other work: what one round measures drifts with
 * it, so the rounds are interleaved and the ratio of medians is the figure to read.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBots, seatIdlePlayers } from './bots.js';
import { runLineLoad } from './line-load.js';
import { startEchoProgram, startFloorProgram, startGameServer, startGatewayProgram } from './programs.js';
import type { MoveCost } from './move-cost.js';
import type { Service } from './procs.js';
import { Reading, markAll, sleep } from './util.js';

/**
 * Bots flat out; bots that think; players seated who never move; the lobby alone,
 * without sockets (bench/move-cost.ts); the gateway in front of an echo server.
 */
export const SCENARIO_KINDS = ['flat', 'paced', 'idle', 'lobby', 'gateway'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

/** One load the two servers are measured under. */
export interface Scenario {
  readonly name: string;
  /** What `--scenarios` calls it. */
  readonly kind: ScenarioKind;
  readonly players: number;
  /** Mean think time in ms (0: flat out); null: no bots play (idle seats, the lobby alone). */
  readonly thinkMs: number | null;
  readonly warmupMs: number;
  readonly durationMs: number;
  /** Moves the lobby alone plays. */
  readonly moves?: number;
  /** The lobby alone: a turn clock of this many seconds (the server's default is 60); absent: none, as the bots' server runs. */
  readonly turnSeconds?: number;
}

export const FULL_SCENARIOS: readonly Scenario[] = [
  { name: 'flat out, 1 000 players', kind: 'flat', players: 1000, thinkMs: 0, warmupMs: 1000, durationMs: 3000 },
  // A pace both servers keep up with: flat out, latency is mostly the bots' own queue once they are busy.
  { name: 'think 40 ms, 1 000 players', kind: 'paced', players: 1000, thinkMs: 40, warmupMs: 1000, durationMs: 3000 },
  { name: 'think 250 ms, 10 000 players', kind: 'paced', players: 10_000, thinkMs: 250, warmupMs: 1500, durationMs: 3000 },
  { name: 'idle seated, 10 000 players', kind: 'idle', players: 10_000, thinkMs: null, warmupMs: 0, durationMs: 0 },
  { name: 'lobby alone, 1 000 players, 400 000 moves', kind: 'lobby', players: 1000, thinkMs: null, warmupMs: 0, durationMs: 0, moves: 400_000 },
  { name: 'lobby alone, turn clock 60 s, 400 000 moves', kind: 'lobby', players: 1000, thinkMs: null, warmupMs: 0, durationMs: 0, moves: 400_000, turnSeconds: 60 },
  { name: 'gateway, C = 50 closed loops', kind: 'gateway', players: 50, thinkMs: null, warmupMs: 300, durationMs: 1500 },
];

export const QUICK_SCENARIOS: readonly Scenario[] = [
  { name: 'flat out, 1 000 players', kind: 'flat', players: 1000, thinkMs: 0, warmupMs: 500, durationMs: 1500 },
  { name: 'think 250 ms, 2 000 players', kind: 'paced', players: 2000, thinkMs: 250, warmupMs: 1000, durationMs: 1500 },
  { name: 'idle seated, 2 000 players', kind: 'idle', players: 2000, thinkMs: null, warmupMs: 0, durationMs: 0 },
  { name: 'lobby alone, 1 000 players, 100 000 moves', kind: 'lobby', players: 1000, thinkMs: null, warmupMs: 0, durationMs: 0, moves: 100_000 },
  { name: 'lobby alone, turn clock 60 s, 100 000 moves', kind: 'lobby', players: 1000, thinkMs: null, warmupMs: 0, durationMs: 0, moves: 100_000, turnSeconds: 60 },
  { name: 'gateway, C = 50 closed loops', kind: 'gateway', players: 50, thinkMs: null, warmupMs: 200, durationMs: 1000 },
];

/** What one server did in one round of one scenario. */
export interface Sample {
  readonly movesPerSec: number;
  readonly cpuPerMoveUs: number;
  /** Of which in the kernel (system time): reads, writes, accepts and closes. */
  readonly systemPerMoveUs: number;
  /** Server CPU share while measured; 1 = one full core. */
  readonly serverCpu: number;
  readonly botsCpu: number;
  readonly p50: number;
  readonly p99: number;
  readonly rss: number;
  /** (RSS − RSS before any player came) / players connected. */
  readonly rssPerPlayer: number;
  readonly connected: number;
  /** The gateway: lines relayed a second, its CPU a line, and direct TCP's lines a second in the same round. */
  readonly linesPerSec?: number;
  readonly cpuPerLineUs?: number;
  readonly directLinesPerSec?: number;
}

/** A sample with nothing measured, for the figures a scenario does not take. */
const NONE: Sample = { movesPerSec: NaN, cpuPerMoveUs: NaN, systemPerMoveUs: NaN, serverCpu: NaN, botsCpu: NaN, p50: NaN, p99: NaN, rss: NaN, rssPerPlayer: NaN, connected: NaN };

export interface Side {
  readonly label: string;
  readonly commit: string;
  readonly samples: Sample[][];
}

export interface Comparison {
  readonly scenarios: readonly Scenario[];
  /** [this tree, the ref]; samples[scenario][round]. */
  readonly sides: readonly [Side, Side];
  /** The floor (bench/floor-server.ts) under the same bots, once a round: samples[scenario][round]; none for the scenarios it does not run in. */
  readonly floor: readonly (readonly Sample[])[];
  readonly rounds: number;
  readonly loadAverage: readonly number[];
  readonly loadAverageAtEnd: readonly number[];
  readonly pinned: boolean;
}

export interface CompareOptions {
  readonly ref: string;
  /** This tree's root. */
  readonly root: string;
  readonly scenarios: readonly Scenario[];
  readonly rounds: number;
  /** CPU the servers are pinned to (the bots run on another). */
  readonly cpu?: number;
  /** CPU of the helpers (the echo server behind the gateway), beside the load generator. */
  readonly helperCpu?: number;
  readonly say: (line: string) => void;
  /** Every server started is handed here first, so an interrupt can stop it. */
  readonly track: (service: Service) => Service;
  readonly untrack: (service: Service) => void;
}

/** Runs the comparison; the worktree of REF is removed whatever happens. */
export async function compare(opts: CompareOptions): Promise<Comparison> {
  const git = (...args: string[]) => run('git', ['-C', opts.root, ...args]);
  const head = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
  const refTree = checkoutRef(opts.root, opts.ref, opts.say);
  const commit = refTree.commit;
  const loadAverage = os.loadavg();
  try {
    const trees = [
      { label: `this tree (${head}${dirty ? ' + changes' : ''})`, commit: head, root: opts.root, samples: [] as Sample[][] },
      { label: `${opts.ref} (${commit.slice(0, 7)})`, commit: commit.slice(0, 7), root: refTree.dir, samples: [] as Sample[][] },
    ];
    const floor: Sample[][] = [];
    for (const scenario of opts.scenarios) {
      for (const t of trees) t.samples.push([]);
      floor.push([]);
      for (let round = 0; round < opts.rounds; round++) {
        // Alternate which server goes first, so drift in the machine's load hits both alike.
        const order = round % 2 === 0 ? trees : [trees[1], trees[0]];
        for (const t of order) {
          // The floor between the two servers' runs: closest in time to both.
          if (t === order[1] && FLOOR_KINDS.has(scenario.kind)) {
            const sample = await measureFloor(scenario, opts);
            floor[floor.length - 1].push(sample);
            opts.say(`  ${scenario.name}, round ${round + 1}, floor: ${describe(sample, scenario)}`);
          }
          const sample = await measure(t.root, scenario, opts);
          t.samples[t.samples.length - 1].push(sample);
          opts.say(`  ${scenario.name}, round ${round + 1}, ${t.label}: ${describe(sample, scenario)}`);
        }
      }
    }
    return {
      scenarios: opts.scenarios,
      sides: [trees[0], trees[1]],
      floor,
      rounds: opts.rounds,
      loadAverage,
      loadAverageAtEnd: os.loadavg(),
      pinned: opts.cpu !== undefined,
    };
  } finally {
    refTree.remove();
  }
}

/** The scenarios the floor runs in: the bots flat out, the traffic it was made for. */
const FLOOR_KINDS: ReadonlySet<ScenarioKind> = new Set(['flat']);

/** One fresh server of one tree under one scenario. */
async function measure(root: string, scenario: Scenario, opts: CompareOptions): Promise<Sample> {
  if (scenario.kind === 'lobby') return measureLobby(root, scenario, opts);
  if (scenario.kind === 'gateway') return measureGateway(root, scenario, opts);
  const server = opts.track(await startGameServer(scenario.players, { root, cpu: opts.cpu }));
  try {
    await sleep(300);
    const baseline = server.rss();
    if (scenario.kind === 'idle') {
      const seats = await seatIdlePlayers({ port: server.port, players: scenario.players });
      await sleep(1000);
      const rss = server.rss();
      await seats.close();
      return { ...NONE, rss, rssPerPlayer: (rss - baseline) / seats.held, connected: seats.held };
    }
    return await playUnderBots(server, scenario, baseline);
  } finally {
    opts.untrack(server);
    await server.stop();
  }
}

/**
 * This tree's floor (bench/floor-server.ts; the same program for both sides) under the
 * scenario's bots: what Node's sockets cost for this traffic with no game at all.
 */
async function measureFloor(scenario: Scenario, opts: CompareOptions): Promise<Sample> {
  const floor = opts.track(await startFloorProgram({ root: opts.root, cpu: opts.cpu }));
  try {
    await sleep(300);
    return await playUnderBots(floor, scenario, floor.rss());
  } finally {
    opts.untrack(floor);
    await floor.stop();
  }
}

/** The bots of a scenario against a program that listens (the game server, the floor): its CPU a move and the bots' view. */
async function playUnderBots(server: Service, scenario: Scenario, baseline: number): Promise<Sample> {
  const user = new Reading(() => server.cpuSplit().user);
  const system = new Reading(() => server.cpuSplit().system);
  const rss = new Reading(() => server.rss());
  const r = await runBots({
    port: server.port,
    players: scenario.players,
    tableSize: 4,
    warmupMs: scenario.warmupMs,
    durationMs: scenario.durationMs,
    thinkMs: scenario.thinkMs ?? 0,
    onMeasure: markAll(user, system, rss),
  });
  const cpu = user.rise + system.rise;
  return {
    movesPerSec: r.movesPerSec,
    cpuPerMoveUs: (cpu / r.moves) * 1e6,
    systemPerMoveUs: (system.rise / r.moves) * 1e6,
    serverCpu: cpu / r.seconds,
    botsCpu: r.clientCpu,
    p50: r.p50,
    p99: r.p99,
    rss: rss.end,
    rssPerPlayer: (rss.end - baseline) / r.connected,
    connected: r.connected,
  };
}

/** The lobby of the tree at `root` alone, in a process of its own (this tree's bench/move-cost.ts). */
function measureLobby(root: string, scenario: Scenario, opts: CompareOptions): Sample {
  const script = path.join(opts.root, 'bench', 'move-cost.ts');
  const args = ['--import', 'tsx', script, '--root', root, '--moves', String(scenario.moves ?? 100_000), '--turn-seconds', String(scenario.turnSeconds ?? 0)];
  const cost = JSON.parse(opts.cpu === undefined ? run(process.execPath, args, opts.root) : run('taskset', ['-c', String(opts.cpu), process.execPath, ...args], opts.root)) as MoveCost;
  return { ...NONE, cpuPerMoveUs: cost.cpuPerMoveUs };
}

/**
 * The gateway of the tree at `root` in front of this tree's echo server, and, just
 * before, direct TCP to an echo server on the gateway's CPU: the gateway's lines a
 * second against direct TCP's at the same moment.
 */
async function measureGateway(root: string, scenario: Scenario, opts: CompareOptions): Promise<Sample> {
  const load = { clients: scenario.players, window: 1, warmupMs: scenario.warmupMs, durationMs: scenario.durationMs, connectTimeoutMs: 30_000 };
  const direct = opts.track(await startEchoProgram({ root: opts.root, cpu: opts.cpu }));
  const echo = opts.track(await startEchoProgram({ root: opts.root, cpu: opts.helperCpu }));
  const services = [direct, echo];
  try {
    const d = await runLineLoad({ transport: 'tcp', port: direct.port, ...load });
    const gateway = opts.track(await startGatewayProgram(echo.port, 1000, { root, cpu: opts.cpu }));
    services.push(gateway);
    const cpu = new Reading(() => gateway.cpu());
    const g = await runLineLoad({ transport: 'ws-text', port: gateway.port, path: '/ws', ...load, onMeasure: cpu.mark });
    return { ...NONE, p50: g.p50, p99: g.p99, linesPerSec: g.linesPerSec, cpuPerLineUs: (cpu.rise / g.lines) * 1e6, directLinesPerSec: d.linesPerSec, connected: g.connected };
  } finally {
    for (const s of services) opts.untrack(s);
    await Promise.all(services.map((s) => s.stop()));
  }
}

function describe(s: Sample, scenario: Scenario): string {
  const kib = `${(s.rssPerPlayer / 1024).toFixed(1)} KiB/player`;
  if (scenario.kind === 'lobby') return `${s.cpuPerMoveUs.toFixed(2)} µs CPU/move`;
  if (scenario.kind === 'gateway') return `${Math.round(s.linesPerSec ?? NaN)} lines/s (direct TCP ${Math.round(s.directLinesPerSec ?? NaN)}), ${(s.cpuPerLineUs ?? NaN).toFixed(1)} µs CPU/line`;
  if (scenario.kind === 'idle') return `${s.connected} seated, RSS ${(s.rss / 2 ** 20).toFixed(0)} MiB, ${kib}`;
  return `${Math.round(s.movesPerSec)} moves/s, ${s.cpuPerMoveUs.toFixed(0)} µs CPU/move, p99 ${s.p99.toFixed(2)} ms, ${kib}`;
}

/** A checkout of a git ref beside this tree, to run its programs. */
export interface RefTree {
  readonly dir: string;
  /** The full commit id. */
  readonly commit: string;
  /** Removes the worktree and its folder. */
  remove(): void;
}

/** A detached worktree of `ref` in a temporary folder, with node_modules to run it. */
export function checkoutRef(root: string, ref: string, say: (line: string) => void): RefTree {
  const commit = run('git', ['-C', root, 'rev-parse', '--verify', `${ref}^{commit}`]);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'word-guess-compare-'));
  run('git', ['-C', root, 'worktree', 'add', '--detach', dir, commit]);
  const remove = () => {
    spawnSync('git', ['-C', root, 'worktree', 'remove', '--force', dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const lock = (d: string) => (existsSync(path.join(d, 'package-lock.json')) ? readFileSync(path.join(d, 'package-lock.json'), 'utf8') : '');
    if (lock(root) === lock(dir) && existsSync(path.join(root, 'node_modules'))) {
      symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    } else {
      say(`  ${commit.slice(0, 7)} has other dependencies: npm ci in its worktree`);
      run('npm', ['ci', '--no-audit', '--no-fund'], dir);
    }
  } catch (err) {
    remove();
    throw err;
  }
  return { dir, commit, remove };
}

/** Runs a command to its end; its trimmed stdout, or an error with its stderr. */
function run(command: string, args: string[], cwd?: string): string {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${(r.stderr || r.stdout || String(r.error)).trim()}`);
  return r.stdout.trim();
}
