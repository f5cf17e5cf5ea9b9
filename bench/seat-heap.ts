/**
 * `node --import tsx bench/seat-heap.ts [--players 2000] [--root DIR]`: what one idle seated
 * player costs the game server's heap, by kind of object.
 *
 * Starts the tree's game server (tables of 4, no turn clock) with node's
 * `--heapsnapshot-signal`, seats a few players to warm it up, takes a heap snapshot, seats
 * `--players` more who name themselves and never move, takes a second one, and prints the
 * difference per player: by V8's type and constructor name, then plain objects by their
 * property names and closures by the variables they capture (ours, e.g. a seat
 * `{id,name,key,conn,bot,grace}`, apart from Node's, e.g. a socket's `_events`), and RSS.
 * `--root` runs another tree's server (a `--compare` worktree).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seatIdlePlayers } from './bots.js';
import { text, kib, mib, num } from './format.js';
import { diff, summarize, type DiffRow, type HeapDiff, type HeapSnapshot, type HeapSummary } from './heap-snapshot.js';
import type { Service } from './procs.js';
import { startGameServer } from './programs.js';
import { sleep } from './util.js';
import { isMain } from '../node/entry.js';

/** Seated before the first snapshot and kept: code compiled and pools filled are not counted as the players'. */
const WARM_PLAYERS = 40;
/** After the last player is seated, before the second snapshot: the server's last writes settle. */
const SETTLE_MS = 500;
/** Rows printed a table; the rest are summed in one line. */
const ROWS = 40;
/** A row smaller than this a player, in bytes and in count, is left to the sum of the rest. */
const NEGLIGIBLE = { bytes: 0.5, count: 0.01 };

export interface SeatHeapOptions {
  /** Root of the source tree whose server runs. */
  readonly root: string;
  readonly players: number;
  /** Pin the server to this CPU. */
  readonly cpu?: number;
  /** Progress, for a person watching. */
  readonly say?: (line: string) => void;
  /** Given, once started, what stops the server and removes the snapshots: for a signal handler. */
  readonly onCleanup?: (cleanup: () => Promise<void>) => void;
}

export interface SeatHeapRun {
  /** Players seated between the snapshots (the diff is per one of them). */
  readonly held: number;
  readonly failed: number;
  readonly heap: { readonly before: HeapSummary; readonly after: HeapSummary };
  /**
   * VmRSS before the first snapshot, just after it, and before the second: the players'
   * share is `beforeSecond − afterFirst`, both counting what the first snapshot left.
   */
  readonly rss: { readonly beforeFirst: number; readonly afterFirst: number; readonly beforeSecond: number };
  readonly diff: HeapDiff;
}

/** Runs the server of `root`, seats the players between two heap snapshots, and stops everything it started. */
export async function measureSeatHeap(opts: SeatHeapOptions): Promise<SeatHeapRun> {
  const say = opts.say ?? (() => {});
  const dir = mkdtempSync(path.join(os.tmpdir(), 'word-guess-seat-heap-'));
  let server: Service | undefined;
  const seated: { close(): Promise<void> }[] = [];
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const s of seated) await s.close();
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    })());
  opts.onCleanup?.(cleanup);
  try {
    const nodeArgs = ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${dir}`];
    server = await startGameServer(opts.players + WARM_PLAYERS, { root: opts.root, cpu: opts.cpu, nodeArgs });
    const warm = await seatIdlePlayers({ port: server.port, players: WARM_PLAYERS });
    seated.push(warm);
    say(`server on port ${server.port}, snapshots in ${dir}: ${warm.held} players seated to warm it up; first snapshot`);
    const beforeFirst = server.rss();
    const before = summarize(await takeSnapshot(server, dir));
    const afterFirst = server.rss();
    say(`seating ${opts.players} idle players`);
    const seats = await seatIdlePlayers({ port: server.port, players: opts.players });
    seated.push(seats);
    if (seats.held === 0) throw new Error(`no player was seated (${seats.failed} failed):\n${server.output()}`);
    await sleep(SETTLE_MS);
    say(`${seats.held} seated (${seats.failed} failed); second snapshot`);
    const beforeSecond = server.rss();
    const after = summarize(await takeSnapshot(server, dir));
    return {
      held: seats.held,
      failed: seats.failed,
      heap: { before, after },
      rss: { beforeFirst, afterFirst, beforeSecond },
      diff: diff(before, after, seats.held),
    };
  } finally {
    await cleanup();
  }
}

/**
 * Signals the server to write a heap snapshot into `dir` and reads it once whole: the
 * file is new, its size stopped changing between two looks, and it parses.
 */
async function takeSnapshot(server: Service, dir: string, timeoutMs = 120_000): Promise<HeapSnapshot> {
  const old = new Set(readdirSync(dir));
  process.kill(server.pid, 'SIGUSR2');
  const deadline = Date.now() + timeoutMs;
  let file: string | undefined;
  let size = -1;
  while (Date.now() < deadline) {
    await sleep(200);
    file ??= readdirSync(dir).find((f) => f.endsWith('.heapsnapshot') && !old.has(f));
    if (file === undefined) continue;
    const now = statSync(path.join(dir, file)).size;
    if (now > 0 && now === size) {
      try {
        return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as HeapSnapshot;
      } catch {
        // Still being written, a pause between two chunks: look again.
      }
    }
    size = now;
  }
  throw new Error(`the server wrote no whole heap snapshot to ${dir} within ${timeoutMs / 1000} s:\n${server.output()}`);
}

/** The run as text: totals, then the table by kind and the table by shape. */
export function formatSeatHeap(run: SeatHeapRun): string {
  const d = run.diff;
  const { rss } = run;
  const rssPer = (rss.beforeSecond - rss.afterFirst) / run.held;
  return [
    `${num(run.held)} idle seated players${run.failed ? ` (${num(run.failed)} failed to seat)` : ''}, after ${WARM_PLAYERS} to warm up`,
    `heap (self sizes in the snapshots): ${mib(run.heap.before.bytes)} → ${mib(run.heap.after.bytes)}, ${num(d.bytes)} B a player`,
    `RSS (VmRSS): ${mib(rss.beforeFirst)} before the first snapshot, ${mib(rss.afterFirst)} after it, ` +
      `${mib(rss.beforeSecond)} before the second: ${kib(rssPer)} a player`,
    '',
    'By kind of object (V8 type and constructor; strings, code and heap numbers lumped), a player:',
    rowsTable(d.kinds, 'kind'),
    '',
    'Plain Objects by property names (small integers, kept in the object, are not listed), closures by what they capture, a player:',
    rowsTable(d.shapes, 'shape'),
    '',
  ].join('\n');
}

function rowsTable(rows: readonly DiffRow[], what: string): string {
  const big = (r: DiffRow) => Math.abs(r.bytes) >= NEGLIGIBLE.bytes || Math.abs(r.count) >= NEGLIGIBLE.count;
  const shown = rows.filter(big).slice(0, ROWS);
  const rest = rows.filter((r) => !shown.includes(r));
  const cells = (r: DiffRow) => [fixed(r.bytes, 1), fixed(r.count, 2), r.kind];
  const restRow = rest.length ? [[fixed(sum(rest, 'bytes'), 1), fixed(sum(rest, 'count'), 2), `(${rest.length} more, together)`]] : [];
  return text({ head: ['bytes', 'count', what], rows: [...shown.map(cells), ...restRow], right: [true, true, false] });
}

/** `v` with `digits` decimals, never `-0.0`. */
const fixed = (v: number, digits: number) => v.toFixed(digits).replace(/^-(0\.0*)$/, '$1');
const sum = (rows: readonly DiffRow[], key: 'bytes' | 'count') => rows.reduce((s, r) => s + r[key], 0);

if (isMain(import.meta.url)) {
  const flag = await import('../node/flags.js');
  const here = fileURLToPath(new URL('..', import.meta.url));
  const flags = flag.parseFlagsOrExit(
    process.argv.slice(2),
    { players: flag.integer({ min: 1, max: 20_000, default: 2000 }), root: flag.string({ default: here }) },
    'usage: node --import tsx bench/seat-heap.ts [--players 2000] [--root DIR]',
  );
  const say = (line: string) => void process.stderr.write(line + '\n');
  let cleanup: (() => Promise<void>) | undefined;
  const interrupted = () => void (cleanup?.() ?? Promise.resolve()).finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const run = await measureSeatHeap({ root: path.resolve(flags.root), players: flags.players, say, onCleanup: (c) => (cleanup = c) });
  process.stdout.write(formatSeatHeap(run));
}
