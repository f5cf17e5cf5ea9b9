/**
 * The rooms section of the bench's report: the stdout tables, the section of
 * docs/BENCHMARKS.md and its target. Pure functions of the results.
 */
import { kib, md, mib, ms, num, text, type Table } from './format.js';
import type { GamesKind, RoomsGamesRound, RoomsMemoryResult, RoomsResult } from './rooms-phase.js';
import type { TargetCheck } from './results.js';

/** The heading of the rooms section of the docs page. */
export const ROOMS_HEADING = '## Rooms';

/** How far above the public tables' p99 the rooms' may be and still count as "as today's tables". */
export const P99_TOLERANCE = 1.2;

/** One kind of table in the games, as medians over the rounds. */
export interface GamesMedians {
  readonly rounds: number;
  readonly movesPerSec: number;
  readonly gamesPerSec: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly serverCpu: number;
  readonly cpuPerMoveUs: number;
  readonly rss: number;
}

/** Rooms against public tables: each kind's medians, and rooms ÷ public tables per round and their median. */
export interface GamesComparison {
  readonly rooms: GamesMedians;
  readonly tables: GamesMedians;
  /** Per round, rooms ÷ public tables of the same round. */
  readonly p99Ratios: number[];
  readonly p99Ratio: number;
  readonly p50Ratio: number;
  readonly movesRatio: number;
  readonly cpuRatio: number;
  readonly rssRatio: number;
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const v = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Compares the rooms with the public tables, round by round; null without both. */
export function compareGames(games: readonly RoomsGamesRound[]): GamesComparison | null {
  const of = (kind: GamesKind) => games.filter((g) => g.kind === kind);
  const rooms = of('rooms');
  const tables = of('public tables');
  if (rooms.length === 0 || tables.length === 0) return null;
  const medians = (rows: RoomsGamesRound[]): GamesMedians => {
    const m = (k: keyof GamesMedians & keyof RoomsGamesRound) => median(rows.map((r) => r[k] as number));
    return { rounds: rows.length, movesPerSec: m('movesPerSec'), gamesPerSec: m('gamesPerSec'), p50: m('p50'), p99: m('p99'), max: m('max'), serverCpu: m('serverCpu'), cpuPerMoveUs: m('cpuPerMoveUs'), rss: m('rss') };
  };
  const ratios = (k: 'p99' | 'p50' | 'movesPerSec' | 'cpuPerMoveUs' | 'rss') =>
    rooms.map((r) => {
      const t = tables.find((x) => x.round === r.round);
      return t ? r[k] / t[k] : NaN;
    });
  const p99Ratios = ratios('p99');
  return {
    rooms: medians(rooms),
    tables: medians(tables),
    p99Ratios,
    p99Ratio: median(p99Ratios),
    p50Ratio: median(ratios('p50')),
    movesRatio: median(ratios('movesPerSec')),
    cpuRatio: median(ratios('cpuPerMoveUs')),
    rssRatio: median(ratios('rss')),
  };
}

/** The target of issue 13: p99 move → broadcast in rooms as at today's public tables. */
export function roomsTargets(r: RoomsResult | undefined): TargetCheck[] {
  const c = r && compareGames(r.games);
  if (!r || !c) return [];
  return [
    {
      name: `rooms p99 move → WORD at every player vs public tables, ${num(r.plan.rooms)} rooms of ${r.plan.seats}, think ${r.plan.thinkMs} ms`,
      goal: `as public tables (≤ ${P99_TOLERANCE}×)`,
      value: `${c.p99Ratio.toFixed(2)}× (${ms(c.rooms.p99)} vs ${ms(c.tables.p99)}; medians of ${c.rooms.rounds} round${c.rooms.rounds === 1 ? '' : 's'})`,
      met: Number.isFinite(c.p99Ratio) ? c.p99Ratio <= P99_TOLERANCE : null,
    },
  ];
}

const KIND_NAMES: Record<RoomsMemoryResult['kind'], string> = {
  connection: 'connection in the lobby',
  room: 'open room',
  player: 'waiting player',
};

function memoryTable(memory: readonly RoomsMemoryResult[]): Table {
  const rows: string[][] = [];
  for (const m of memory) {
    rows.push([KIND_NAMES[m.kind], 'baseline', mib(m.baseline.rss), mib(m.baseline.heap), '', '']);
    for (const p of m.points) rows.push([KIND_NAMES[m.kind], num(p.held), mib(p.rss), mib(p.heap), kib((p.rss - m.baseline.rss) / p.held), kib((p.heap - m.baseline.heap) / p.held)]);
    rows.push([KIND_NAMES[m.kind], 'slope', '', '', kib(m.rssSlope), kib(m.heapSlope)]);
  }
  return { head: ['held', 'count', 'RSS', 'heap used', 'RSS each', 'heap each'], right: [false, true, true, true, true, true], rows };
}

function openTable(o: NonNullable<RoomsResult['open']>): Table {
  return {
    head: ['clients', 'rooms opened/s', 'rooms', 'p50 ms', 'p99 ms', 'max ms', 'server CPU', 'CPU µs/room', 'load-gen CPU'],
    right: [true, true, true, true, true, true, true, true, true],
    rows: [[String(o.clients), num(o.roomsPerSec), num(o.rooms), o.p50.toFixed(2), o.p99.toFixed(2), o.max.toFixed(1), `${Math.round(o.serverCpu * 100)} %`, o.cpuPerRoomUs.toFixed(0), `${Math.round(o.clientCpu * 100)} %`]],
  };
}

function gamesTable(games: readonly RoomsGamesRound[]): Table {
  return {
    head: ['round', 'tables', 'players', 'moves/s', 'games/s', 'p50 ms', 'p99 ms', 'max ms', 'server CPU', 'CPU µs/move', 'bench CPU', 'RSS'],
    right: [true, false, true, true, true, true, true, true, true, true, true, true],
    rows: games.map((g) => [
      String(g.round),
      g.kind,
      g.connected === g.players ? num(g.players) : `${num(g.connected)} of ${num(g.players)}`,
      num(g.movesPerSec),
      g.gamesPerSec.toFixed(1),
      g.p50.toFixed(2),
      g.p99.toFixed(2),
      g.max.toFixed(1),
      `${Math.round(g.serverCpu * 100)} %`,
      g.cpuPerMoveUs.toFixed(0),
      `${Math.round(g.clientCpu * 100)} %`,
      mib(g.rss),
    ]),
  };
}

function comparisonTable(c: GamesComparison): Table {
  const row = (what: string, a: number, b: number, ratio: number, f: (v: number) => string) => [what, f(a), f(b), ratio.toFixed(2)];
  return {
    head: ['median of the rounds', 'rooms', 'public tables', 'rooms ÷ public'],
    right: [false, true, true, true],
    rows: [
      [...row('p99 move → WORD', c.rooms.p99, c.tables.p99, c.p99Ratio, ms).slice(0, 3), `${c.p99Ratio.toFixed(2)} (rounds: ${c.p99Ratios.map((x) => x.toFixed(2)).join(', ')})`],
      row('p50 move → WORD', c.rooms.p50, c.tables.p50, c.p50Ratio, ms),
      row('moves/s', c.rooms.movesPerSec, c.tables.movesPerSec, c.movesRatio, num),
      row('server CPU a move', c.rooms.cpuPerMoveUs, c.tables.cpuPerMoveUs, c.cpuRatio, (v) => `${v.toFixed(0)} µs`),
      row('server RSS', c.rooms.rss, c.tables.rss, c.rssRatio, mib),
    ],
  };
}

/** The rooms' figures for stdout. */
export function roomsText(r: RoomsResult): string {
  const out: string[] = [`Rooms: load average ${r.load.start.toFixed(2)} when the section started, ${r.load.end.toFixed(2)} at its end`];
  if (r.memory.length) {
    out.push('Rooms: memory of the server per unit held (RSS and heap after a full collection, minus the baseline)');
    out.push(text(memoryTable(r.memory)));
    out.push('');
  }
  if (r.open) {
    out.push('Rooms opened: connect, /new, name, seated (SEAT_KEY), /leave; a closed loop');
    out.push(text(openTable(r.open)));
    out.push('');
  }
  if (r.games.length) {
    out.push(`Rooms of ${r.plan.seats} playing game after game vs public tables of ${r.plan.seats}, both at once, think ${r.plan.thinkMs} ms; latency = move sent → WORD read by every player at the table`);
    out.push(text(gamesTable(r.games)));
    const c = compareGames(r.games);
    if (c) out.push(text(comparisonTable(c)));
    out.push('');
  }
  return out.join('\n');
}

/** The rooms section of docs/BENCHMARKS.md (also written alone by `--only rooms`). */
export function roomsSection(r: RoomsResult | undefined, date: string): string {
  if (!r) return `${ROOMS_HEADING}\n\nNot measured in this run.\n`;
  const p = r.plan;
  const c = compareGames(r.games);
  const room = r.memory.find((m) => m.kind === 'room');
  const player = r.memory.find((m) => m.kind === 'player');
  const conn = r.memory.find((m) => m.kind === 'connection');
  const sizes = p.memorySizes.map(num).join(' and ');
  return `${ROOMS_HEADING}

Measured on ${date.slice(0, 10)} by \`npm run bench -- --only rooms\` (also part of a full run; \`--quick\`
runs it small, in about 15 s). Each measurement below has a game server of its own, started as
\`node --import tsx server/main.ts --players 4 --turn-seconds 0 --lang en --words game/words/en.txt\`
with \`--max-rooms\`, \`--max-connections\` and \`--new-rooms-per-minute\` raised past what the bench
opens, on CPU 1; the clients run in the bench process on CPU 0. The machine's load average
(1 minute) was ${r.load.start.toFixed(2)} when this section started and ${r.load.end.toFixed(2)} when it ended: other work shared
the two CPUs, so single figures move by tens of percent from run to run and tail latencies
take the worst of it; the comparisons below are of figures measured side by side.

The bench's clients all connect from 127.0.0.1. Loopback is a trusted address (a gateway
there carries every browser), and for a trusted peer the limit of \`/new\` per address per
minute counts per connection, so the bench, opening one room per connection, never meets it.
It still starts the server with \`--new-rooms-per-minute 1000000\`, so that no figure here
depends on that.

### Memory per open room and per waiting player

The server runs with \`bench/heap-probe.ts\` loaded (\`node --expose-gc --import
./bench/heap-probe.ts …\`): asked by a signal, it collects garbage twice and reports
\`process.memoryUsage()\`. Units are set up ${num(p.memoryWarmup)} first (kept, so the code is warm), then
the baseline is read, then the server is read again at ${sizes} units held. "Each" is
(value − baseline) / units; "slope" is the same between the two counts, without start-up
costs. An **open room** is a connection that sent \`/new\` and got ROOM_OPENED, and nothing
else: the room is empty and its creator is still in the lobby. A **waiting player** is
seated (has its SEAT_KEY) in a room of ${player?.seats ?? 10} seats with ${player?.seated ?? 5} players: the room waits for more,
so each player also carries a fifth of a room. A **connection in the lobby** asked
\`/help\` and nothing else: what any connection costs before it does anything, for reference.

${r.memory.length ? md(memoryTable(r.memory)) : 'Not measured in this run.'}

${memoryWords(conn, room, player)}

### Rooms opened per second

${r.open ? `${num(r.open.clients)} clients, each in a closed loop: connect, \`/new\`, on ROOM_OPENED its name, on SEAT_KEY
\`/leave\`, wait for the server to close, and again on a new connection. ${num(p.openWarmup)} rooms open first
unmeasured; then at most ${num(p.openMax)} rooms or ${(p.openMs / 1000).toFixed(1)} s, whichever comes first. Latency is from
connecting to SEAT_KEY (two round trips and a connection). A room left this way stays open
until its idle time runs out (10 minutes with no player), so the server holds every room
opened here when the loop ends.

${md(openTable(r.open))}

${openWords(r.open)}` : 'Not measured in this run.'}

### Rooms of ${p.seats} playing game after game, against public tables of ${p.seats}

${num(p.rooms)} rooms (\`/new players=${p.seats} turn=0 pause=${p.pauseSeconds}\`; the creator sits, ${p.seats - 1} players
\`/join\` its code), ${num(p.rooms * p.seats)} players in all, play game after game on the same connections.
Against them, ${num(p.rooms * p.seats)} of the game server section's bots at public tables of ${p.seats}, at the
same pace: each player thinks for a time drawn between half and one and a half times
${p.thinkMs} ms before each move, and names the next letter nobody at the table has named; at a
public table a game ends with \`/quit\` and the players connect again as new ones. Rooms run
with no pause between games (\`pause=${p.pauseSeconds}\`), so both kinds have moves in flight as often and
the moves per second match; the default pause (10 s) would leave rooms idle between games.
Latency runs from a move written to the last of the ${p.seats} players of that table reading the
WORD line that answers it.

Both kinds run **at once**, each on a game server of its own (both on CPU 1; each uses a
small part of it at this pace), their players in the bench process (CPU 0), and their
measured intervals start together after a ${(p.warmupMs / 1000).toFixed(0)} s warm-up and last ${(p.durationMs / 1000).toFixed(0)} s: on a machine shared
with other work, a burst of that work hits both alike, where measuring one after the other
would hand it to whichever ran then. ${p.rounds} round${p.rounds === 1 ? '' : 's'}, each with fresh servers; the ratio rooms ÷
public tables is taken within each round, then its median across rounds (so it need not
equal the ratio of the two medians beside it). "Bench CPU" is
the bench process, both kinds' players together.

${r.games.length ? md(gamesTable(r.games)) : 'Not measured in this run.'}

${c ? md(comparisonTable(c)) : ''}

${c ? gamesWords(r, c) : ''}
`;
}

function memoryWords(conn?: RoomsMemoryResult, room?: RoomsMemoryResult, player?: RoomsMemoryResult): string {
  if (!room || !player) return '';
  const parts = [`An open room costs the server ${kib(room.rssSlope)} of RSS (${kib(room.heapSlope)} of heap) between the two counts, its creator's connection included`];
  if (conn) parts.push(`; a connection in the lobby alone costs ${kib(conn.rssSlope)} (${kib(conn.heapSlope)} of heap), so the room itself (its table, word deck, timers and code) is about ${kib(room.heapSlope - conn.heapSlope)} of heap`);
  parts.push(`. A waiting player costs ${kib(player.rssSlope)} of RSS (${kib(player.heapSlope)} of heap), its share of the room included.`);
  return parts.join('');
}

function openWords(o: NonNullable<RoomsResult['open']>): string {
  const busy = o.serverCpu >= 0.85;
  return `The server opened ${num(o.roomsPerSec)} rooms a second at ${Math.round(o.serverCpu * 100)} % of its core, ${o.cpuPerRoomUs.toFixed(0)} µs of CPU a room: a connection
accepted and closed, three lines in, six out (ROOM_OPENED, JOINED, PLAYERS, SEAT_KEY, WAITING,
\`/quit\`), a room with its table and word deck made, and seven log lines. ${
    busy
      ? 'Its core was the limit.'
      : `Its core was not the limit: with ${num(o.clients)} clients each waiting for its answers, the rate is bounded by the round trips (p50 ${ms(o.p50)} from connecting to seated, most of it waiting for a CPU on this shared machine); at that CPU cost one core would open about ${num(1e6 / o.cpuPerRoomUs)} rooms a second.`
  }`;
}

function gamesWords(r: RoomsResult, c: GamesComparison): string {
  const verdict =
    c.p99Ratio <= P99_TOLERANCE
      ? `as at public tables: the target ("p99 move → broadcast as today's tables", read as a median ratio of at most ${P99_TOLERANCE}, the spread between paired rounds on this machine) is met`
      : `above the public tables': the target ("p99 move → broadcast as today's tables", read as a median ratio of at most ${P99_TOLERANCE}) is NOT met`;
  return `Rooms of ${r.plan.seats} made ${num(c.rooms.movesPerSec)} moves/s against the public tables' ${num(c.tables.movesPerSec)} (${c.movesRatio.toFixed(2)}×), with a p99
from move to broadcast of ${ms(c.rooms.p99)} against ${ms(c.tables.p99)}: ${c.p99Ratio.toFixed(2)}× (median of the rounds' ratios),
${verdict}. The server spent ${c.rooms.cpuPerMoveUs.toFixed(0)} µs of CPU a move in rooms and ${c.tables.cpuPerMoveUs.toFixed(0)} µs at public tables
(${c.cpuRatio.toFixed(2)}×). The work of one move is the same at both (the same table code sends the same
lines); public tables add a connection closed and opened for each player after every game
and a name taken in the lobby, rooms add ROOM_TOTAL and NEXT_GAME after every game.${starvedWords(r)}`;
}

/** Moves a second the pace asks for: one move in flight a table, one every think time. */
export function paceMovesPerSec(plan: RoomsResult['plan']): number {
  return (plan.rooms * 1000) / plan.thinkMs;
}

/** Rounds that made well under the moves the pace asks for: the machine, not the server, held them back. */
export function starvedRounds(r: RoomsResult): RoomsGamesRound[] {
  return r.games.filter((g) => g.movesPerSec < STARVED * paceMovesPerSec(r.plan));
}

const STARVED = 0.9;

function starvedWords(r: RoomsResult): string {
  const starved = starvedRounds(r);
  if (starved.length === 0) return '';
  const rounds = [...new Set(starved.map((g) => g.round))].map((n) => {
    const kinds = starved.filter((g) => g.round === n);
    return kinds.length > 1 ? `${n}` : `${n} (${kinds[0].kind})`;
  });
  const which = rounds.length === 1 ? `round ${rounds[0]}` : `rounds ${rounds.slice(0, -1).join(', ')} and ${rounds.at(-1)}`;
  return `

In ${which}, fewer than ${Math.round(STARVED * 100)} % of the ${num(paceMovesPerSec(r.plan))} moves a second the pace asks for were made,
while the players and the servers used little CPU: other work on the machine held the CPUs
(a process ready to run waited for one), and the absolute latencies of such a round are the
machine's more than the server's; the game server section's paced rows show what the same
bots see on a quieter machine. Both kinds met the same bursts, so the ratios still compare
them. The medians take every round as it came.`;
}
