/** Prints a side-by-side comparison (bench/compare.ts): pure functions of its results. */
import type { Comparison, Sample, Scenario, ScenarioKind } from './compare.js';
import { md, text, type Table } from './format.js';

/** The middle value (the mean of the two middle ones for an even count); NaN when there is none. */
export function median(values: readonly number[]): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

interface Measure {
  readonly name: string;
  readonly value: (s: Sample) => number;
  readonly show: (v: number) => string;
}

const times = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');
const fixed = (digits: number, unit = '') => (v: number) => (Number.isFinite(v) ? `${v.toFixed(digits)}${unit}` : '–');

const MOVES_PER_SEC: Measure = { name: 'moves/s', value: (s) => s.movesPerSec, show: fixed(0) };
const CPU_PER_MOVE: Measure = { name: 'server CPU µs/move', value: (s) => s.cpuPerMoveUs, show: fixed(1) };
const KERNEL_PER_MOVE: Measure = { name: '  of which kernel', value: (s) => s.systemPerMoveUs, show: fixed(1) };

const PLAYING: readonly Measure[] = [
  MOVES_PER_SEC,
  CPU_PER_MOVE,
  KERNEL_PER_MOVE,
  { name: 'server CPU', value: (s) => s.serverCpu * 100, show: fixed(0, ' %') },
  { name: 'bots CPU', value: (s) => s.botsCpu * 100, show: fixed(0, ' %') },
  { name: 'p50 move → WORD', value: (s) => s.p50, show: fixed(2, ' ms') },
  { name: 'p99 move → WORD', value: (s) => s.p99, show: fixed(2, ' ms') },
  { name: 'RSS', value: (s) => s.rss / 2 ** 20, show: fixed(1, ' MiB') },
  { name: 'RSS per player', value: (s) => s.rssPerPlayer / 1024, show: fixed(1, ' KiB') },
];

const IDLE: readonly Measure[] = [
  { name: 'players seated', value: (s) => s.connected, show: fixed(0) },
  { name: 'RSS', value: (s) => s.rss / 2 ** 20, show: fixed(1, ' MiB') },
  { name: 'RSS per seated player', value: (s) => s.rssPerPlayer / 1024, show: fixed(1, ' KiB') },
];

const LOBBY: readonly Measure[] = [{ name: 'CPU µs/move, no sockets', value: (s) => s.cpuPerMoveUs, show: fixed(2) }];

const GATEWAY: readonly Measure[] = [
  { name: 'gateway lines/s', value: (s) => s.linesPerSec ?? NaN, show: fixed(0) },
  { name: 'direct TCP lines/s', value: (s) => s.directLinesPerSec ?? NaN, show: fixed(0) },
  { name: 'gateway × direct', value: (s) => (s.linesPerSec ?? NaN) / (s.directLinesPerSec ?? NaN), show: fixed(3) },
  { name: 'gateway CPU µs/line', value: (s) => s.cpuPerLineUs ?? NaN, show: fixed(1) },
  { name: 'gateway p99 round trip', value: (s) => s.p99, show: fixed(2, ' ms') },
];

/** The floor's rows, after its scenario's: the same program for both sides, so no ratio. */
const FLOOR: readonly Measure[] = [CPU_PER_MOVE, KERNEL_PER_MOVE, MOVES_PER_SEC];
/** What the floor's rows are called in the scenario column. */
export const FLOOR_ROW = "floor: Node's sockets, no game";
/** The measure of each server's CPU a move less its round's floor's. */
export const ABOVE_FLOOR = 'server CPU µs/move above the floor';

const MEASURES: Record<ScenarioKind, readonly Measure[]> = { flat: PLAYING, paced: PLAYING, idle: IDLE, lobby: LOBBY, gateway: GATEWAY };

/** The comparison as a table: one row per scenario and measure, medians, ratio, and every round. */
export function comparisonTable(c: Comparison): Table {
  const [mine, ref] = c.sides;
  const rows: string[][] = [];
  const sideBySide = (name: string, m: Measure, a: readonly number[], b: readonly number[]) => {
    // Each round's two runs are closest in time: their ratio drifts least with the machine's load.
    const paired = median(a.map((x, r) => x / b[r]));
    rows.push([name, m.name, m.show(median(a)), m.show(median(b)), times(median(a) / median(b)), times(paired), a.map(m.show).join(' / '), b.map(m.show).join(' / ')]);
  };
  c.scenarios.forEach((scenario: Scenario, i) => {
    for (const m of MEASURES[scenario.kind]) sideBySide(scenario.name, m, mine.samples[i].map(m.value), ref.samples[i].map(m.value));
    const floor = c.floor[i] ?? [];
    if (floor.length === 0) return;
    for (const m of FLOOR) {
      const f = floor.map(m.value);
      rows.push([FLOOR_ROW, m.name, m.show(median(f)), m.show(median(f)), '–', '–', f.map(m.show).join(' / '), f.map(m.show).join(' / ')]);
    }
    // Each server's run against the floor of its own round, which ran between the two.
    const above = (samples: readonly Sample[]) => samples.map((s, r) => s.cpuPerMoveUs - (floor[r]?.cpuPerMoveUs ?? NaN));
    sideBySide(scenario.name, { ...CPU_PER_MOVE, name: ABOVE_FLOOR }, above(mine.samples[i]), above(ref.samples[i]));
  });
  return {
    head: ['scenario', 'measure', `this tree, median`, `${ref.commit}, median`, 'ratio', 'ratio by round', 'this tree, each round', `${ref.commit}, each round`],
    rows,
    right: [false, false, true, true, true, true, false, false],
  };
}

/** The whole report, as plain text for a terminal or Markdown for docs/. */
export function formatComparison(c: Comparison, as: 'text' | 'markdown'): string {
  const [mine, ref] = c.sides;
  const load = (l: readonly number[]) => l.map((x) => x.toFixed(2)).join(', ');
  const lines = [
    `Side by side: ${mine.label} against ${ref.label}`,
    `${c.rounds} interleaved round(s) a scenario, the order alternating, each program started fresh.`,
    `ratio = this tree's median / ${ref.commit}'s; ratio by round = the median of each round's this tree / ${ref.commit} (the two runs of a round are closest in time).`,
    c.pinned ? 'Programs under test pinned to CPU 1; the load (this tree\'s bots and clients) and the echo server behind the gateway on CPU 0.' : 'No CPU pinning (needs taskset and two CPUs).',
    `Load average (1, 5, 15 min): ${load(c.loadAverage)} at the start, ${load(c.loadAverageAtEnd)} at the end.`,
    ...(c.floor.some((f) => f.length > 0)
      ? [
          `floor = bench/floor-server.ts under the same bots, once a round between the two servers: Node's sockets for this traffic, no game (the same program for both sides); above the floor = a server's CPU a move minus its round's floor's.`,
        ]
      : []),
    'The machine may be shared with other work: single figures drift with it; interleaving makes the drift hit both servers alike, so read the ratios.',
    '',
    as === 'text' ? text(comparisonTable(c)) : md(comparisonTable(c)),
    '',
  ];
  return lines.join('\n');
}
