/**
 * `npm run bench -- [--quick] [--json] [--only relay,memory,server,rooms,bots,cluster,web] [--docs | --no-docs]`
 * `npm run bench -- --only seat-heap [--quick]`: what an idle seated player costs the game server's
 * heap, by kind of object (bench/seat-heap.ts, which also takes other player counts).
 * (`npm run -s bench -- --json` keeps npm's banner off stdout)
 * `npm run bench -- --compare REF [--quick] [--rounds 3] [--scenarios flat,paced,idle,lobby,gateway] [--markdown]`: the game server
 * of this tree against REF's, side by side (bench/compare.ts).
 * `npm run bench -- --profile server|gateway [--compare REF] [--quick]`: where that program's
 * CPU goes under load, by function (bench/profile.ts); with --compare, REF's first.
 *
 * Runs every benchmark in one go on loopback, prints a table (or JSON with
 * --json), and, for a full run, writes docs/BENCHMARKS.md and docs/benchmarks.svg
 * (`--only bots` or `--only rooms`, not quick, rewrites just its own section of docs/BENCHMARKS.md).
 * The programs under test run as child processes pinned to one CPU, the load
 * generator to another, when `taskset` and two CPUs are there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { runBots } from './bots.js';
import { measureLevels } from './computer-players.js';
import { defaultWordFile, loadWords } from '../server/word-files.js';
import { Histogram } from './histogram.js';
import { idlePool } from './idle.js';
import { runLineLoad, type Transport } from './line-load.js';
import { canPin, onPath, pinSelf, startService, type Service } from './procs.js';
import { freePort } from '../node/free-port.js';
import { checkoutRef, compare, FULL_SCENARIOS, QUICK_SCENARIOS, SCENARIO_KINDS, type ScenarioKind } from './compare.js';
import { formatComparison } from './compare-report.js';
import { startEchoProgram, startGameServer, startGatewayProgram, startProgram } from './programs.js';
import { profileGateway, profileServer } from './profile.js';
import { formatSeatHeap, measureSeatHeap } from './seat-heap.js';
import { FAST_PATH_HEADING, MOVE_COST_HEADING, botsSection, checkTargets, formatTable, markdown, sectionOf, spliceSection, svgChart } from './report.js';
import { FULL_ROOMS, QUICK_ROOMS, roomsPhase, type RoomsResult } from './rooms-phase.js';
import { roomsSection } from './rooms-report.js';
import type { LevelResults, MemoryResult, RelayName, RelayRow, Results, ServerRow } from './results.js';
import { Reading, markAll, sleep } from './util.js';
import { measureWebBundle } from './web-size.js';
import { clusterPhase, type ClusterPlan } from './cluster.js';
import * as flag from '../node/flags.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PHASES = ['relay', 'memory', 'server', 'rooms', 'bots', 'cluster', 'web'] as const;
type Phase = (typeof PHASES)[number];
/** Run only when named, and alone: not part of a full run, and they write no page. */
const ALONE = ['seat-heap'] as const;
type Alone = (typeof ALONE)[number];

interface Plan {
  clients: number[];
  windows: number[];
  rounds: number;
  warmupMs: number;
  durationMs: number;
  idle: number[];
  players: number[];
  botWarmupMs: number;
  botDurationMs: number;
  /** Mean think times of the paced runs; the first is the one the target is judged on. */
  thinkMs: number[];
  /** Computer players: every n-th word of each list (1 = all). */
  botWordStep: number;
  cluster: ClusterPlan;
}

const FULL: Plan = {
  clients: [1, 50, 500],
  windows: [1, 16],
  rounds: 3,
  warmupMs: 300,
  durationMs: 1500,
  idle: [1000, 10_000],
  players: [100, 1000, 10_000],
  botWarmupMs: 1000,
  botDurationMs: 3000,
  thinkMs: [1000, 250],
  botWordStep: 1,
  cluster: { transportClients: [50], windows: [1, 16], warmupMs: 300, durationMs: 2000, players: 2000, thinkMs: 250, botWarmupMs: 1500, botDurationMs: 4000 },
};

const QUICK: Plan = {
  clients: [1, 20],
  windows: [1, 16],
  rounds: 1,
  warmupMs: 50,
  durationMs: 200,
  idle: [100, 300],
  players: [40, 200],
  botWarmupMs: 200,
  botDurationMs: 500,
  thinkMs: [200],
  botWordStep: 10,
  cluster: { transportClients: [10], windows: [1], warmupMs: 50, durationMs: 200, players: 40, thinkMs: 50, botWarmupMs: 300, botDurationMs: 500 },
};

const USAGE =
  `usage: npm run bench -- [--quick] [--json] [--only ${PHASES.join(',')}] [--docs | --no-docs]\n` +
  `       npm run bench -- --only ${ALONE.join('|')} [--quick]\n` +
  `       npm run bench -- --compare REF [--quick] [--rounds 3] [--scenarios ${SCENARIO_KINDS.join(',')}] [--markdown]\n` +
  '       npm run bench -- --profile server|gateway [--compare REF] [--quick]';
const parsePhases: flag.Parse<Set<Phase | Alone>> = (raw, name) => {
  const phases = raw.split(',');
  const known: readonly string[] = [...PHASES, ...ALONE];
  for (const p of phases) if (!known.includes(p)) throw new flag.UsageError(`${name} takes ${PHASES.join(',')}, or one of ${ALONE.join(', ')} alone (got "${p}")`);
  const alone = phases.find((p) => (ALONE as readonly string[]).includes(p));
  if (alone !== undefined && phases.length > 1) throw new flag.UsageError(`${name} ${alone} runs alone (got "${raw}")`);
  return new Set(phases as (Phase | Alone)[]);
};
const parseScenarios: flag.Parse<Set<ScenarioKind>> = (raw, name) => {
  const kinds = raw.split(',');
  for (const k of kinds) if (!(SCENARIO_KINDS as readonly string[]).includes(k)) throw new flag.UsageError(`${name} takes ${SCENARIO_KINDS.join(',')} (got "${k}")`);
  return new Set(kinds as ScenarioKind[]);
};
const flags = flag.parseFlagsOrExit(
  process.argv.slice(2),
  {
    quick: flag.boolean(),
    json: flag.boolean(),
    only: flag.custom(parsePhases, { default: new Set<Phase | Alone>(PHASES) }),
    docs: flag.boolean(),
    'no-docs': flag.boolean(),
    compare: flag.string(),
    rounds: flag.integer({ min: 1, max: 20, default: 3 }),
    markdown: flag.boolean(),
    scenarios: flag.custom(parseScenarios, { default: new Set(SCENARIO_KINDS) }),
    profile: flag.oneOf(['server', 'gateway']),
  },
  USAGE,
);
const { quick, json, only } = flags;
const writeDocs = flags.docs || (!quick && !flags['no-docs'] && only.size === PHASES.length);
const plan = quick ? QUICK : FULL;

/** Progress goes to standard error, so that --json output stays clean. */
const say = (line: string) => void process.stderr.write(line + '\n');

const LOAD_CPU = 0;
const SERVICE_CPU = 1;
const pinned = canPin() && pinSelf(LOAD_CPU);
const cpu = pinned ? SERVICE_CPU : undefined;
const started = Date.now();
const notes: string[] = [];
const loadAtStart = os.loadavg();

const running = new Set<Service>();
const track = (service: Service) => (running.add(service), service);
const NODE = process.execPath;
/** Any program (redis-server, a Node script with its own flags), tracked so that an interrupt stops it. */
async function start(name: string, command: string, args: string[], port?: number, onCpu = cpu): Promise<Service> {
  const portPattern = port === undefined ? /listening on (?:http:\/\/)?\S*?:(\d+)/ : undefined;
  return track(await startService(name, command, args, { cpu: onCpu, cwd: ROOT, port, portPattern }));
}
/** This tree's program, tracked so that an interrupt stops it. */
const here = { root: ROOT, cpu };
async function stop(service: Service): Promise<void> {
  running.delete(service);
  await service.stop();
}
/** What stops a run whose programs are not tracked here (bench/seat-heap.ts's server and snapshots). */
let cleanupRun: (() => Promise<void>) | undefined;
const stopAll = () => Promise.all([...[...running].map(stop), cleanupRun?.()]);

process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));

const startRelay = (target: number) => startProgram('bare relay', 'bench/bare-relay.ts', ['--target', `127.0.0.1:${target}`], here);

async function relayPhase(): Promise<RelayRow[]> {
  // Direct TCP: the echo server is the program under test, alone on its CPU. Behind
  // the relays, a second echo server shares the load generator's CPU, so that the
  // relay under test has its CPU to itself and the figures are the relay's own.
  const directEcho = track(await startEchoProgram(here));
  const echo = track(await startEchoProgram({ root: ROOT, cpu: pinned ? LOAD_CPU : undefined }));
  const gateway = track(await startGatewayProgram(echo.port, 20_000, here));
  const bare = track(await startRelay(echo.port));
  const targets: { name: RelayName; transport: Transport; service: Service; path: string }[] = [
    { name: 'direct', transport: 'tcp', service: directEcho, path: '/' },
    { name: 'gateway', transport: 'ws-text', service: gateway, path: '/ws' },
    { name: 'bare-relay', transport: 'ws-text', service: bare, path: '/' },
  ];
  if (onPath('websockify')) {
    const port = await freePort();
    const wsf = await start('websockify', 'websockify', [`127.0.0.1:${port}`, `127.0.0.1:${echo.port}`], port);
    targets.push({ name: 'websockify', transport: 'ws-binary', service: wsf, path: '/' });
  } else {
    notes.push('websockify is not on PATH: its rows are missing (Debian: apt-get install websockify).');
  }
  const acc = new Map<string, { lines: number; seconds: number; hist: Histogram; connected: number; dropped: number; cpu: number; clientCpu: number; wall: number }>();
  for (const clients of plan.clients) {
    for (const window of plan.windows) {
      for (let round = 0; round < plan.rounds; round++) {
        // Interleaved: each round runs every target, starting with a different one.
        for (let k = 0; k < targets.length; k++) {
          const t = targets[(k + round) % targets.length];
          const cpu = new Reading(() => t.service.cpu());
          const r = await runLineLoad({
            transport: t.transport,
            port: t.service.port,
            path: t.path,
            clients,
            window,
            warmupMs: plan.warmupMs,
            durationMs: plan.durationMs,
            connectTimeoutMs: 30_000,
            onMeasure: cpu.mark,
          });
          const key = `${t.name}/${clients}/${window}`;
          const a = acc.get(key) ?? { lines: 0, seconds: 0, hist: new Histogram(), connected: clients, dropped: 0, cpu: 0, clientCpu: 0, wall: 0 };
          a.lines += r.lines;
          a.seconds += r.seconds;
          a.hist.merge(r.hist);
          a.connected = Math.min(a.connected, r.connected);
          a.dropped += r.dropped;
          a.cpu += cpu.rise;
          a.clientCpu += r.clientCpu * r.seconds;
          a.wall += r.seconds;
          acc.set(key, a);
          say(`  ${t.name.padEnd(10)} C=${String(clients).padEnd(4)} window ${String(window).padEnd(2)} round ${round + 1}: ${Math.round(r.linesPerSec)} lines/s, p99 ${r.p99.toFixed(2)} ms, CPU: relay ${Math.round((cpu.rise / r.seconds) * 100)} %, load generator ${Math.round(r.clientCpu * 100)} %`);
        }
      }
    }
  }
  await stopAll();
  const rows: RelayRow[] = [];
  for (const clients of plan.clients) {
    for (const window of plan.windows) {
      const direct = acc.get(`direct/${clients}/${window}`)!;
      for (const t of targets) {
        const a = acc.get(`${t.name}/${clients}/${window}`)!;
        const linesPerSec = a.lines / a.seconds;
        rows.push({
          target: t.name,
          clients,
          window,
          connected: a.connected,
          dropped: a.dropped,
          linesPerSec,
          p50: a.hist.quantile(0.5),
          p90: a.hist.quantile(0.9),
          p99: a.hist.quantile(0.99),
          ratio: linesPerSec / (direct.lines / direct.seconds),
          relayCpu: a.cpu / a.wall,
          clientCpu: a.clientCpu / a.wall,
          cpuPerLineUs: (a.cpu / a.lines) * 1e6,
        });
      }
    }
  }
  return rows;
}

async function memoryPhase(): Promise<MemoryResult[]> {
  const results: MemoryResult[] = [];
  const max = Math.max(...plan.idle);
  const echo = track(await startEchoProgram(here));
  for (const name of ['gateway', 'bare-relay'] as const) {
    const service = track(name === 'gateway' ? await startGatewayProgram(echo.port, max + 1000, here) : await startRelay(echo.port));
    const path = name === 'gateway' ? '/ws' : '/';
    // Warm up (code compiled, pools filled) so the baseline is a running process, not a cold one.
    const warm = idlePool({ port: service.port, path });
    await warm.growTo(50);
    await warm.close();
    await sleep(500);
    const baseline = service.rss();
    const pool = idlePool({ port: service.port, path });
    const points = [];
    for (const wanted of plan.idle) {
      const held = await pool.growTo(wanted);
      await sleep(1000);
      points.push({ wanted, held, rss: service.rss() });
      say(`  ${name}: ${held} of ${wanted} idle WebSockets held, RSS ${(service.rss() / 2 ** 20).toFixed(1)} MiB`);
    }
    const last = points[points.length - 1];
    if (last.held < last.wanted) {
      notes.push(
        `${name} held ${last.held} of ${last.wanted} idle WebSockets: each needs two file descriptors (browser side and server side), ` +
          `and this machine allows ${machine().openFiles} open files a process.`,
      );
    }
    const first = points[0];
    results.push({
      target: name,
      baseline,
      points,
      perConnection: (last.rss - baseline) / last.held,
      perConnectionSlope: last.held > first.held ? (last.rss - first.rss) / (last.held - first.held) : NaN,
      maxHeld: Math.max(...points.map((p) => p.held)),
      failed: pool.failed(),
    });
    await pool.close();
    await stop(service);
  }
  await stop(echo);
  return results;
}

async function serverPhase(): Promise<ServerRow[]> {
  const rows: ServerRow[] = [];
  for (const players of plan.players) {
    const server = track(await startGameServer(players, here));
    for (const thinkMs of [0, ...plan.thinkMs]) {
      const cpu = new Reading(() => server.cpu());
      const rss = new Reading(() => server.rss());
      const r = await runBots({
        port: server.port,
        players,
        tableSize: 4,
        warmupMs: plan.botWarmupMs,
        durationMs: plan.botDurationMs,
        thinkMs,
        onMeasure: markAll(cpu, rss),
      });
      const mode = thinkMs === 0 ? 'flat out' : 'paced';
      rows.push({
        players,
        mode,
        thinkMs,
        connected: r.connected,
        movesPerSec: r.movesPerSec,
        gamesPerSec: r.gamesPerSec,
        p50: r.p50,
        p99: r.p99,
        max: r.max,
        rss: rss.end,
        cpuPerMoveUs: (cpu.rise / r.moves) * 1e6,
        serverCpu: cpu.rise / r.seconds,
        botsCpu: r.clientCpu,
      });
      say(`  ${players} players ${mode}${thinkMs ? ` (think ${thinkMs} ms)` : ''}: ${Math.round(r.movesPerSec)} moves/s, p99 ${r.p99.toFixed(2)} ms, RSS ${(rss.end / 2 ** 20).toFixed(0)} MiB`);
      await sleep(300);
    }
    await stop(server);
  }
  return rows;
}

async function botsPhase(): Promise<LevelResults[]> {
  const results: LevelResults[] = [];
  for (const lang of ['en', 'uk'] as const) {
    const words = (await loadWords(defaultWordFile(lang))).filter((_, i) => i % plan.botWordStep === 0);
    const r = measureLevels(lang, words);
    for (const row of r.rows) {
      const wins = Object.entries(row.winsAgainst).map(([other, share]) => `vs ${other} ${share!.toFixed(3)}`);
      say(`  ${lang} ${row.level.padEnd(6)} ${wins.join(', ')}; alone ${row.missesPerWord.toFixed(2)} misses, ${row.movesPerGame.toFixed(2)} moves a word; ${row.medianMoveMicros.toFixed(0)} µs a move`);
    }
    results.push(r);
  }
  return results;
}

function machine() {
  const cpus = os.cpus();
  const wsVersion = (JSON.parse(readFileSync(new URL('../node_modules/ws/package.json', import.meta.url), 'utf8')) as { version: string }).version;
  let websockify: string | null = null;
  if (onPath('websockify')) {
    const dpkg = spawnSync('dpkg-query', ['-W', '-f', '${Version}', 'websockify'], { encoding: 'utf8' });
    websockify = dpkg.status === 0 && dpkg.stdout ? dpkg.stdout.trim() : 'unknown version';
  }
  let osName = `${os.type()} ${os.release()}`;
  try {
    const m = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'));
    if (m) osName = `${m[1]} (${os.type()} ${os.release()})`;
  } catch {
    // not Linux
  }
  const nofile = spawnSync('sh', ['-c', 'echo "$(ulimit -Sn) soft, $(ulimit -Hn) hard"'], { encoding: 'utf8' }).stdout.trim();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    // All CPUs of the machine, not those this (pinned) process may use.
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: osName,
    node: process.version,
    ws: wsVersion,
    websockify,
    openFiles: nofile,
  };
}

/** `--compare REF`: this tree's game server against REF's, interleaved, medians and ratios. */
async function compareMain(ref: string): Promise<void> {
  const scenarios = (quick ? QUICK_SCENARIOS : FULL_SCENARIOS).filter((s) => flags.scenarios.has(s.kind));
  say(`game server, this tree against ${ref}: ${scenarios.map((s) => s.name).join('; ')}; ${flags.rounds} interleaved round(s) each`);
  const result = await compare({ ref, root: ROOT, scenarios, rounds: flags.rounds, cpu, helperCpu: pinned ? LOAD_CPU : undefined, say, track, untrack: (s) => running.delete(s) });
  process.stdout.write(formatComparison(result, flags.markdown ? 'markdown' : 'text'));
}

/** `--only seat-heap`: heap snapshots of the game server before and after seating idle players. */
async function seatHeapMain(): Promise<void> {
  const players = quick ? 400 : 2000;
  say(`seat heap: what an idle seated player costs the game server's heap, ${players} players (other counts: node --import tsx bench/seat-heap.ts --players N)`);
  const run = await measureSeatHeap({ root: ROOT, players, cpu, say, onCleanup: (c) => (cleanupRun = c) });
  process.stdout.write(formatSeatHeap(run));
}

/** `--profile server|gateway [--compare REF]`: one program under load with node's CPU profiler; REF's first, then this tree's. */
async function profileMain(what: 'server' | 'gateway', ref: string | undefined): Promise<void> {
  const durationMs = quick ? 2000 : 8000;
  say(`profiling the ${what} for ${durationMs / 1000} s under ${what === 'server' ? '1 000 bots flat out' : 'C = 50 closed loops'}`);
  const refTree = ref === undefined ? undefined : checkoutRef(ROOT, ref, say);
  const trees = [...(refTree ? [{ label: `${ref} (${refTree.commit.slice(0, 7)})`, root: refTree.dir }] : []), { label: 'this tree', root: ROOT }];
  try {
    for (const tree of trees) {
      const opts = { root: tree.root, cpu, helperCpu: pinned ? LOAD_CPU : undefined, durationMs, say, track, untrack: (s: Service) => running.delete(s) };
      const run = what === 'server' ? await profileServer(opts) : await profileGateway(opts);
      process.stdout.write(`${what} of ${tree.label}: ${run.load}\nprofile: ${run.file}\n${run.report}\n`);
    }
  } finally {
    refTree?.remove();
  }
}

async function main(): Promise<void> {
  if (flags.profile !== undefined) return profileMain(flags.profile, flags.compare);
  if (flags.compare !== undefined) return compareMain(flags.compare);
  if (only.has('seat-heap')) return seatHeapMain();
  say(`word-guess bench (${quick ? 'quick' : 'full'} run); ${pinned ? `load generator pinned to CPU 0, programs under test to CPU ${SERVICE_CPU}` : 'no CPU pinning (needs taskset and two CPUs)'}`);
  let web: Results['web'] = { ok: false, reason: 'not measured in this run' };
  let relay: RelayRow[] = [];
  let memory: MemoryResult[] = [];
  let server: ServerRow[] = [];
  let bots: LevelResults[] = [];
  let cluster: Results['cluster'];
  let rooms: RoomsResult | undefined;
  if (only.has('web')) {
    say('web bundle: npx vite build');
    web = await measureWebBundle(ROOT);
  }
  if (only.has('relay')) {
    say(`gateway throughput: C = ${plan.clients.join(', ')}; window ${plan.windows.join(' and ')}; ${plan.rounds} round(s) of ${plan.durationMs} ms`);
    relay = await relayPhase();
  }
  if (only.has('memory')) {
    say(`idle WebSockets: ${plan.idle.join(', ')}`);
    memory = await memoryPhase();
  }
  if (only.has('server')) {
    say(`game server: ${plan.players.join(', ')} bot players, tables of 4`);
    server = await serverPhase();
  }
  if (only.has('rooms')) {
    const p = quick ? QUICK_ROOMS : FULL_ROOMS;
    say(`rooms: memory at ${p.memorySizes.join(', ')}; rooms opened by ${p.openClients} clients; ${p.rooms} rooms of ${p.seats} vs public tables, think ${p.thinkMs} ms`);
    rooms = await roomsPhase({ plan: p, start: (name, args) => start(name, NODE, args), stop, say, note: (n) => void notes.push(n) });
  }
  if (only.has('bots')) {
    say(`computer players: every level against every other over ${plan.botWordStep === 1 ? 'every word' : `every ${plan.botWordStep}th word`} of the en and uk lists`);
    bots = await botsPhase();
  }
  if (only.has('cluster')) {
    if (onPath('redis-server')) {
      say(`cluster: relay transports, then ${plan.cluster.players} paced bots on 1 and on 2 processes`);
      cluster = await clusterPhase({ start: (name, command, args, port) => start(name, command, args, port), stop, freePort, say }, plan.cluster);
    } else {
      notes.push('redis-server is not on PATH: the cluster rows are missing (Debian: apt-get install redis-server).');
    }
  }
  const meta = {
    date: new Date().toISOString(),
    quick,
    ...machine(),
    pinned,
    loadAverage: loadAtStart,
    loadAverageAtEnd: os.loadavg(),
    seconds: (Date.now() - started) / 1000,
  };
  const partial = { meta, relay, memory, server, rooms, bots, cluster, web, notes };
  const results: Results = { ...partial, targets: checkTargets(partial, quick) };
  if (json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  else process.stdout.write(formatTable(results));
  if (writeDocs) {
    writeFileSync(new URL('../docs/benchmarks.svg', import.meta.url), svgChart(results));
    // Sections kept from the page: the fast-path comparison (its own program, bench/fast-path.ts) and a move's cost (written from --compare and --profile runs).
    const page = new URL('../docs/BENCHMARKS.md', import.meta.url);
    const old = existsSync(page) ? readFileSync(page, 'utf8') : '';
    let text = markdown(results);
    const fastPath = sectionOf(old, FAST_PATH_HEADING);
    if (fastPath) text = spliceSection(text, fastPath, '## What was changed for speed');
    const moveCost = sectionOf(old, MOVE_COST_HEADING);
    if (moveCost) text = spliceSection(text, moveCost, '## Computer players');
    writeFileSync(page, text);
    say('wrote docs/BENCHMARKS.md and docs/benchmarks.svg');
  } else if (bots.length && !quick && !flags['no-docs']) {
    // Its figures stand on their own (a simulation, no services), so a partial run may update them.
    const page = new URL('../docs/BENCHMARKS.md', import.meta.url);
    writeFileSync(page, spliceSection(readFileSync(page, 'utf8'), botsSection(results)));
    say('wrote the computer players section of docs/BENCHMARKS.md');
  }
  if (!writeDocs && rooms && !quick && !flags['no-docs']) {
    // Measured side by side within the section, so a partial run may update it alone.
    const page = new URL('../docs/BENCHMARKS.md', import.meta.url);
    writeFileSync(page, spliceSection(readFileSync(page, 'utf8'), roomsSection(rooms, meta.date), '## Computer players'));
    say('wrote the rooms section of docs/BENCHMARKS.md');
  }
}

main().then(
  () => process.exit(0),
  async (err: unknown) => {
    await stopAll();
    process.stderr.write(`bench failed: ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  },
);
