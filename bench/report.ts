/**
 * Turns results into the stdout table, the docs page and the SVG chart. Pure
 * functions of the results: no I/O here.
 */
import { BOT_LEVELS } from '../game/strategy.js';
import { kib, md, mib, ms, num, text, type Table } from './format.js';
import { roomsSection, roomsTargets, roomsText } from './rooms-report.js';
import type { ClusterLoadRow, LevelResults, MemoryResult, RelayName, RelayRow, Results, ServerRow, TargetCheck, TransportRow } from './results.js';

const KiB = 1024;

/** Checks the issue's targets against what this run measured. */
export function checkTargets(r: Omit<Results, 'targets'>, quick: boolean): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const cs = [...new Set(r.relay.map((x) => x.clients))];
  const c = cs.length === 0 || cs.includes(50) ? 50 : Math.max(...cs.filter((x) => x <= 50));
  const row = (target: RelayName) => r.relay.find((x) => x.target === target && x.clients === c && x.window === 1);
  const gw = row('gateway');
  const wsf = row('websockify');
  const bare = row('bare-relay');
  checks.push({
    name: `gateway lines/s vs websockify, C = ${c}, closed loop`,
    goal: '≥ 4×',
    value: gw && wsf ? `${(gw.linesPerSec / wsf.linesPerSec).toFixed(2)}× (${num(gw.linesPerSec)} vs ${num(wsf.linesPerSec)})` : 'not measured',
    met: gw && wsf ? gw.linesPerSec >= 4 * wsf.linesPerSec : null,
  });
  checks.push({
    name: `gateway lines/s vs bare relay, C = ${c}, closed loop`,
    goal: '≥ 1×',
    value: gw && bare ? `${(gw.linesPerSec / bare.linesPerSec).toFixed(3)}× (${num(gw.linesPerSec)} vs ${num(bare.linesPerSec)})` : 'not measured',
    met: gw && bare ? gw.linesPerSec >= bare.linesPerSec : null,
  });
  checks.push({
    name: `gateway p99 vs bare relay, C = ${c}, closed loop`,
    goal: '≤ bare relay',
    value: gw && bare ? `${ms(gw.p99)} vs ${ms(bare.p99)}` : 'not measured',
    met: gw && bare ? gw.p99 <= bare.p99 : null,
  });
  const mem = r.memory.find((m) => m.target === 'gateway');
  checks.push({
    name: 'gateway RSS per idle WebSocket',
    goal: '≤ 12 KiB',
    value: mem ? `${kib(mem.perConnection)} (slope ${kib(mem.perConnectionSlope)})` : 'not measured',
    met: mem ? mem.perConnection <= 12 * KiB : null,
  });
  const wantedMax = mem ? Math.max(...mem.points.map((p) => p.wanted)) : quick ? 500 : 10_000;
  checks.push({
    name: 'concurrent WebSockets held by the gateway',
    goal: `${num(wantedMax)}`,
    value: mem ? `${num(mem.maxHeld)}` : 'not measured',
    met: mem ? mem.maxHeld >= wantedMax : null,
  });
  const maxPlayers = Math.max(0, ...r.server.map((s) => s.players));
  // The first paced run (the slowest pace, still faster than people play) is the one judged.
  const paced = r.server.find((s) => s.players === maxPlayers && s.mode === 'paced');
  checks.push({
    name: `server p99 move → WORD at every player, ${num(maxPlayers)} players${paced ? `, ${num(paced.movesPerSec)} moves/s` : ''}`,
    goal: '< 20 ms',
    value: paced ? ms(paced.p99) : 'not measured',
    met: paced ? paced.p99 < 20 : null,
  });
  const wins = (res: LevelResults, a: string, b: string) => res.rows.find((x) => x.level === a)?.winsAgainst[b as 'easy'] ?? NaN;
  checks.push({
    name: 'computer players: hard beats normal, normal beats easy (share of games won)',
    goal: '> 0.5 each, every language',
    value: r.bots.length ? r.bots.map((b) => `${b.lang}: ${wins(b, 'hard', 'normal').toFixed(3)}, ${wins(b, 'normal', 'easy').toFixed(3)}`).join('; ') : 'not measured',
    met: r.bots.length ? r.bots.every((b) => wins(b, 'hard', 'normal') > 0.5 && wins(b, 'normal', 'easy') > 0.5) : null,
  });
  checks.push(...roomsTargets(r.rooms));
  return checks;
}

/** The plain-text report for stdout. */
export function formatTable(r: Results): string {
  const out: string[] = [];
  const m = r.meta;
  out.push(`Word Guess benchmarks, ${m.date}${m.quick ? ' (quick run: small counts, short runs)' : ''}`);
  out.push(`${m.cpu}, ${m.cores} CPUs, ${m.memoryGiB} GiB; ${m.os}; Node ${m.node}, ws ${m.ws}`);
  out.push(m.pinned ? 'load generator on CPU 0, programs under test on CPU 1 (taskset); the echo server behind the relays on CPU 0' : 'no CPU pinning');
  out.push(`load average ${m.loadAverage[0].toFixed(2)} at start, ${m.loadAverageAtEnd[0].toFixed(2)} at the end; ran ${m.seconds.toFixed(0)} s`);
  out.push('');
  if (r.relay.length) {
    out.push('Relays: 32-byte lines echoed, C clients, window = lines in flight per client');
    out.push(text(relayTable(r.relay)));
    out.push('');
  }
  if (r.memory.length) {
    out.push('Idle WebSockets (each echoed one line first)');
    out.push(text(memoryTable(r.memory)));
    out.push('');
  }
  if (r.server.length) {
    out.push('Game server: bots in tables of 4; latency = move sent → WORD line read by every player at the table');
    out.push(text(serverTable(r.server)));
    out.push('');
  }
  if (r.rooms) out.push(roomsText(r.rooms));
  for (const b of r.bots) {
    out.push(`Computer players, ${b.lang} (${b.words} words): share of games won against each level; alone: misses and moves per word, CPU per move`);
    out.push(text(botsTable(b)));
    out.push('');
  }
  if (r.cluster) {
    out.push("Cluster, relay transports: a line to the owner of the player's table and back (direct = the owner alone)");
    out.push(text(transportTable(r.cluster.transports)));
    out.push('');
    out.push('Cluster: the same paced bots, tables of 4, spread over 1 or 2 processes (a private Redis between the 2)');
    out.push(text(clusterLoadTable(r.cluster.load)));
    out.push('');
  }
  out.push(webLine(r));
  out.push('');
  out.push('Targets');
  out.push(text(targetTable(r.targets)));
  for (const n of r.notes) out.push(`note: ${n}`);
  return out.join('\n') + '\n';
}

function relayTable(rows: RelayRow[]): Table {
  return {
    head: ['relay', 'C', 'window', 'lines/s', '× direct', 'p50 ms', 'p90 ms', 'p99 ms', 'relay CPU', 'µs CPU/line', 'load-gen CPU', 'connected'],
    right: [false, true, true, true, true, true, true, true, true, true, true, true],
    rows: rows.map((x) => [
      x.target,
      String(x.clients),
      String(x.window),
      num(x.linesPerSec),
      x.ratio.toFixed(2),
      x.p50.toFixed(3),
      x.p90.toFixed(3),
      x.p99.toFixed(3),
      `${Math.round(x.relayCpu * 100)} %`,
      x.cpuPerLineUs.toFixed(1),
      `${Math.round(x.clientCpu * 100)} %`,
      x.connected === x.clients ? String(x.connected) : `${x.connected} of ${x.clients}`,
    ]),
  };
}

function memoryTable(ms: MemoryResult[]): Table {
  const rows: string[][] = [];
  for (const m of ms) {
    rows.push([m.target, 'baseline', '', mib(m.baseline), '']);
    for (const p of m.points) rows.push([m.target, num(p.wanted), num(p.held), mib(p.rss), kib((p.rss - m.baseline) / p.held)]);
  }
  return { head: ['relay', 'opened', 'held', 'RSS', 'per WebSocket'], right: [false, true, true, true, true], rows };
}

function serverTable(rows: ServerRow[]): Table {
  return {
    head: ['players', 'bots', 'moves/s', 'games/s', 'p50 ms', 'p99 ms', 'max ms', 'server CPU', 'CPU µs/move', 'bots CPU', 'RSS', 'RSS/player'],
    right: [true, false, true, true, true, true, true, true, true, true, true, true],
    rows: rows.map((s) => [
      num(s.players),
      s.mode === 'paced' ? `think ${s.thinkMs} ms` : 'flat out',
      num(s.movesPerSec),
      num(s.gamesPerSec),
      s.p50.toFixed(2),
      s.p99.toFixed(2),
      s.max.toFixed(1),
      `${Math.round(s.serverCpu * 100)} %`,
      s.cpuPerMoveUs.toFixed(0),
      `${Math.round(s.botsCpu * 100)} %`,
      mib(s.rss),
      kib(s.rss / s.players),
    ]),
  };
}

function botsTable(b: LevelResults): Table {
  return {
    head: ['level', ...BOT_LEVELS.map((l) => `wins vs ${l}`), 'misses/word', 'moves/game', 'µs/move p50', 'µs/move p99'],
    right: [false, ...BOT_LEVELS.map(() => true), true, true, true, true],
    rows: b.rows.map((x) => [
      x.level,
      ...BOT_LEVELS.map((l) => (x.winsAgainst[l] === undefined ? '—' : x.winsAgainst[l]!.toFixed(3))),
      x.missesPerWord.toFixed(2),
      x.movesPerGame.toFixed(2),
      x.medianMoveMicros.toFixed(0),
      x.p99MoveMicros.toFixed(0),
    ]),
  };
}

/** The heading of the computer players' section of the docs page. */
export const BOTS_HEADING = '## Computer players';

/** The computer players' section of the docs page (also written alone by `--only bots`). */
export function botsSection(r: Results): string {
  const m = r.meta;
  return `${BOTS_HEADING}

Measured on ${m.date.slice(0, 10)} by \`npm run bench -- --only bots\` (also part of a full run). The
strategy (\`game/strategy.ts\`) plays against itself with the rules alone (\`game/rules.ts\`,
no sockets), over every word of each built-in list, the list being the one it thinks with.
"Wins vs" is the share of two-player games a level won against another: every word is played
twice, each side starting once, so the first mover's edge cancels out; the winner is who
opens the last letter or names the word. Misses and moves are per word, the level playing
alone. CPU per move is the process's CPU time around one \`chooseMove\` call, measured in
the games alone after the pairings, so the per-list data and the memo of exact values are
warm; on a list not seen before, a move that first meets a small set of words costs more
(up to about 20 ms on this machine, once).
The random draws (\`easy\` uses them) come from a fixed seed, so the shares repeat exactly
from run to run; the CPU figures depend on the machine (above).

${r.bots.length ? r.bots.map((b) => `**${b.lang}**, ${b.words} words\n\n${md(botsTable(b))}`).join('\n\n') : 'Not measured in this run.'}

- \`easy\` names mostly one of the five commonest letters of the list not yet named, a
  quarter of the time the \`normal\` choice.
- \`normal\` names the letter found in the most words that still fit.
- \`hard\` takes a letter that sits at the same places in every word that fits (a sure
  point) first; otherwise it weighs each move by its chance to make it the one who
  finishes: a hit keeps the turn with the words that hold the letter there, a miss
  hands the words without it to the next player. Up to 6 words left it solves the
  rest of the game exactly (both sides playing so), and up to 5 it also weighs naming
  a word it is not sure of; larger sets get an estimate from their size. With more
  than 20 words left it looks no further than its own move, so a first move stays
  cheap. It misses a little more often than \`normal\` alone at the table: it plays to
  finish, not to miss least. Against \`normal\`, whose choices are often the same,
  its edge is a few games in a hundred; deeper search did not widen it.
`;
}

/** The heading of the section written by hand about the server's CPU a move; a full run keeps it. */
export const MOVE_COST_HEADING = "## A move's cost: where the server's CPU goes";

/** A section of a page, from its \`## \` heading to the next; null when the page has none. */
export function sectionOf(page: string, heading: string): string | null {
  const start = page.indexOf(`\n${heading}\n`);
  if (start < 0) return null;
  const next = page.indexOf('\n## ', start + 1 + heading.length);
  return page.slice(start + 1, next >= 0 ? next + 1 : undefined).trimEnd() + '\n';
}

/** The heading of the section bench/fast-path.ts writes; a full run keeps it. */
export const FAST_PATH_HEADING = "## The gateway's own frames, on and off";

/** Puts a section (from its \`## \` heading to the next) into a page: in place of the old one, or before \`before\`. */
export function spliceSection(page: string, section: string, before = '## Web client'): string {
  const heading = section.slice(0, section.indexOf('\n'));
  const start = page.indexOf(`\n${heading}\n`);
  if (start >= 0) {
    const next = page.indexOf('\n## ', start + 1 + heading.length);
    return page.slice(0, start + 1) + section + (next >= 0 ? '\n' + page.slice(next + 1) : '');
  }
  const at = page.indexOf(`\n${before}\n`);
  return at >= 0 ? page.slice(0, at + 1) + section + '\n' + page.slice(at + 1) : page.trimEnd() + '\n\n' + section;
}

/** The cluster's relay transports (bench/cluster.ts). */
export function transportTable(rows: readonly TransportRow[]): Table {
  return {
    head: ['transport', 'C', 'window', 'lines/s', 'p50 ms', 'p99 ms', 'µs CPU/line', 'Redis µs/line', 'Redis cmds/line'],
    right: [false, true, true, true, true, true, true, true, true],
    rows: rows.map((t) => [
      t.mode,
      String(t.clients),
      String(t.window),
      num(t.linesPerSec),
      t.p50.toFixed(2),
      t.p99.toFixed(2),
      t.cpuPerLineUs.toFixed(1),
      t.redisCpuPerLineUs.toFixed(1),
      t.redisCommandsPerLine.toFixed(2),
    ]),
  };
}

/** One process against a cluster under the same load (bench/cluster.ts). */
export function clusterLoadTable(rows: readonly ClusterLoadRow[]): Table {
  return {
    head: ['processes', 'bots', 'moves/s', 'joins/s', 'p50 ms', 'p99 ms', 'CPU µs/move', 'Redis µs/move', 'Redis cmds/move (joins incl.)', 'Redis cmds/join', 'Redis idle cmds/s'],
    right: [true, true, true, true, true, true, true, true, true, true, true],
    rows: rows.map((c) => [
      String(c.processes),
      `${num(c.connected)} (think ${c.thinkMs} ms)`,
      num(c.movesPerSec),
      num(c.joinsPerSec),
      c.p50.toFixed(2),
      c.p99.toFixed(2),
      c.cpuPerMoveUs.toFixed(0),
      c.redisCpuPerMoveUs.toFixed(1),
      c.redisCommandsPerMove.toFixed(3),
      Number.isNaN(c.redisCommandsPerJoin) ? 'n/a' : c.redisCommandsPerJoin.toFixed(1),
      c.redisIdleCommandsPerSec.toFixed(0),
    ]),
  };
}

function targetTable(checks: TargetCheck[]): Table {
  return {
    head: ['target', 'goal', 'measured', 'met'],
    rows: checks.map((c) => [c.name, c.goal, c.value, c.met === null ? 'n/a' : c.met ? 'yes' : 'NO']),
  };
}

function webLine(r: Results): string {
  if (!r.web.ok) return `Web bundle: ${r.web.reason}`;
  return `Web bundle: ${r.web.files.length} JS file(s), ${kib(r.web.bytes)} → ${kib(r.web.gzip)} gzipped`;
}

/** The docs page, regenerated by every full run. */
export function markdown(r: Results): string {
  const m = r.meta;
  const gw = r.memory.find((x) => x.target === 'gateway');
  const bare = r.memory.find((x) => x.target === 'bare-relay');
  const s = (players: number, mode: ServerRow['mode']) => r.server.find((x) => x.players === players && x.mode === mode);
  const flat = r.server.filter((x) => x.mode === 'flat out');
  const biggest = flat[flat.length - 1];
  return `# Benchmarks

Written by \`npm run bench\` on ${m.date.slice(0, 10)}; every figure below comes from that one run.
Reproduce with:

\`\`\`sh
npm ci
npm run bench                # a few minutes; rewrites this page and benchmarks.svg
npm run bench -- --quick     # a smoke run, about 15 s (does not touch docs/)
npm run -s bench -- --json   # the same figures as JSON on stdout (-s: no npm banner)
npm run bench -- --only relay,memory,server,rooms,bots,cluster,web   # some of the parts
npm run bench -- --only bots # the computer players alone, about a minute; rewrites their section
npm run bench -- --only rooms # the rooms alone, a few minutes; rewrites their section
npm run bench -- --compare REF [--quick] [--rounds 3] [--scenarios flat,paced,idle,lobby,gateway]   # this tree's server and gateway against REF's, side by side
npm run bench -- --profile server|gateway [--compare REF]   # where its CPU goes under load, by function
\`\`\`

All traffic stays on 127.0.0.1. The programs under test run as child processes
started the way a user starts them (\`node --import tsx gateway/main.ts …\`,
\`server/main.ts\`, \`websockify\`); the load generator is the bench process itself.

## Machine

| | |
| --- | --- |
| CPU | ${m.cpu}, ${m.cores} CPUs |
| memory | ${m.memoryGiB} GiB |
| OS | ${m.os} |
| Node | ${m.node}, ws ${m.ws} |
| websockify | ${m.websockify ?? 'not installed'} |
| pinning | ${m.pinned ? 'load generator on CPU 0; every program under test alone on CPU 1 (`taskset`); the echo server behind the relays on CPU 0 with the load generator' : 'none (needs `taskset` and two CPUs)'} |
| open files | ${m.openFiles} |
| load average (1 min) | ${m.loadAverage[0].toFixed(2)} before the run, ${m.loadAverageAtEnd[0].toFixed(2)} at its end |

${
  shared(m)
    ? `The machine was shared with other work while this ran (the load averages above
include it), so single figures jump by tens of percent from run to run, and tail
latencies (p99, max) take the worst of it.`
    : 'The machine was otherwise idle while this ran.'
} Each relay figure pools ${m.quick ? 'one round' : 'three interleaved rounds'}
(every relay runs once per round, in a rotating order), so drift hits all of
them alike; ratios measured in one run are more telling than absolute figures.

## Targets

${md(targetTable(r.targets))}

## Relays: direct TCP, our gateway, the bare relay, websockify

![lines/s and p99 against C](benchmarks.svg)

A line echo server (every byte back as it came) sits behind each relay. C clients
send 32-byte lines; with window 1 each client sends a line, waits for its echo,
then sends the next (a closed loop); with window 16 each keeps 16 lines in flight.
Our gateway and the bare relay carry one line per text frame; websockify carries
raw bytes in binary frames, which the client splits into lines again. "relay CPU"
is the CPU the relay process used while measured (100 % = one full core; for
direct TCP it is the echo server's). The relay under test has CPU 1 to itself: the
echo server behind it runs on CPU 0 beside the load generator, so a relay's figures
are its own cost, not the echo server's. For direct TCP a second echo server is the
program under test, on CPU 1.

${md(relayTable(r.relay))}

The **bare relay** (\`bench/bare-relay.ts\`) is the reference: the thinnest \`ws\` →
\`net\` pipe that still speaks our framing, with none of the gateway's checks (no
origin or connection limits, no line checks, no backpressure, no UTF-8 repair).

${relayLimits(r)}

## Memory and scale: idle WebSockets

Each WebSocket is opened through the relay to the echo server and echoes one
line (so both legs are really up), then stays idle. RSS is the relay process's
resident memory, read from /proc after a one-second pause; "per WebSocket" is
(RSS − baseline) / held, where the baseline is the process after start-up and a
warm-up of 50 connections.

${r.memory.length ? md(memoryTable(r.memory)) : 'Not measured in this run.'}

${gw ? `The gateway held ${num(gw.maxHeld)} WebSockets at most, at ${kib(gw.perConnection)} each (${kib(gw.perConnectionSlope)} each between the two counts${bare ? `; the bare relay: ${kib(bare.perConnection)}` : ''}).` : ''}
Every WebSocket costs the gateway two sockets (the browser's and the one to the
server), so it needs two file descriptors a connection: with this machine's
limit of ${m.openFiles} open files, 10 000 WebSockets need 20 000 descriptors
plus a few for the process itself, and the last few connections fail with
EMFILE. Raise the hard limit (\`ulimit -Hn\`, or \`LimitNOFILE=\` in a systemd
unit) to hold more; Node raises its soft limit to the hard one on start. Memory
per connection is mostly Node's own: two \`net.Socket\`s with their stream state,
the \`ws\` WebSocket with its receiver and sender, and our bridge with its line
decoder.

## Game server

Bots connect over raw TCP, send their name at once, and on each \`/turn\` name the
next letter they have not seen named (English frequency order); when a game
ends they reconnect as new players, so the number connected stays near the
target. Latency runs from a bot writing its move to the last of the four players
at its table reading the WORD line that follows. "Flat out" bots answer \`/turn\`
at once; "paced" bots think first, for a time drawn between half and one and a
half times the mean shown (${[...new Set(r.server.filter((x) => x.mode === 'paced').map((x) => x.thinkMs))].join(' or ')} ms: still faster than people play),
so that tables do not move in lockstep. The target is judged on the slower pace.
Bots and server share the machine as above: bots on CPU 0, the server on CPU 1.

${r.server.length ? md(serverTable(r.server)) : 'Not measured in this run.'}

How cost grows with players: ${growth(r.server)}

${
  biggest
    ? `Flat out, every table has a move in flight all the time, so the server's core
is the limit: at ${num(biggest.players)} players it ran at ${Math.round(biggest.serverCpu * 100)} % of CPU 1 for ${num(biggest.movesPerSec)} moves/s
(${biggest.cpuPerMoveUs.toFixed(0)} µs a move), and the bots' process at ${Math.round(biggest.botsCpu * 100)} % of CPU 0 (each
broadcast is read by four players). A move's latency then includes waiting behind
the other tables' moves that reached the server in the same event-loop turn. In
the server's profile, about a third of its time is the kernel's socket writes
(one write per player per turn of the loop), then connection churn (players join
and leave after every game), rules, and formatting lines.`
    : ''
}
${s(10_000, 'paced') ? '' : ''}
${roomsSection(r.rooms, m.date)}
${botsSection(r)}
## Web client

${r.web.ok ? md({ head: ['file', 'bytes', 'gzipped'], right: [false, true, true], rows: [...r.web.files.map((f) => [`assets/${f.name}`, num(f.bytes), num(f.gzip)]), ['total', num(r.web.bytes), num(r.web.gzip)]] }) : r.web.reason}

Built with \`npx vite build\` into a scratch folder; gzip at zlib's default level, as Vite's own report.

## What was changed for speed

Profiled with \`node --cpu-prof\` under this bench; the changes are in the gateway's hot path:

- Browser → server: the frames one read brings in are copied, each with its \`\\n\`,
  into one buffer and written to TCP once on the next tick (before: a cork and
  two writes per frame, a writev of two buffers per line).
- Server → browser: a TCP chunk that starts a line and holds whole \`\\n\` lines of
  valid UTF-8 is framed by the gateway itself into one buffer and written once,
  underneath \`ws\` (\`gateway/frames.ts\`, \`gateway/under-ws.ts\`; measured on
  and off in "${FAST_PATH_HEADING.slice(3)}"); before, every byte went through the
  line decoder, was decoded to a string, re-encoded by \`ws\`, and written as a
  header and a payload.
  Partial lines, CR line ends, bytes that are not UTF-8 and overlong lines still
  take the decoder, so what the browser receives is unchanged.
- The line decoder of a pair is made on first use, so pairs that only see whole
  lines never allocate it: about 1 KiB less per idle WebSocket.
- Dropped: flushing a read's frames right after \`ws\` had parsed it, instead of on
  the next tick. It leaned on \`ws\` emitting every message inside its own socket
  listener, and saved no CPU when measured side by side (35.1 against 33.9 µs of
  gateway CPU a line at C = 50, window 1; 3.0 against 2.8 at window 16; six
  interleaved rounds on a busy machine).

No per-line logging exists on either hot path. The game server's changes, with
their profiles before and after and a side-by-side run, are in "${MOVE_COST_HEADING.slice(3)}" above.
${r.notes.length ? '\n## Notes\n\n' + r.notes.map((n) => `- ${n}`).join('\n') + '\n' : ''}`;
}

/** Busy before the bench started, or more load at its end than the bench's own two processes make. */
function shared(m: Results['meta']): boolean {
  return m.loadAverage[0] > 0.5 || m.loadAverageAtEnd[0] > 2.5;
}

function relayLimits(r: Results): string {
  if (r.relay.length === 0) return '';
  const cs = [...new Set(r.relay.map((x) => x.clients))];
  const c = cs.includes(50) ? 50 : Math.max(...cs.filter((x) => x <= 50));
  const at = (t: RelayName, w: number) => r.relay.find((x) => x.target === t && x.clients === c && x.window === w);
  const d = at('direct', 1);
  const g = at('gateway', 1);
  const b = at('bare-relay', 1);
  const ws = at('websockify', 1);
  const g16 = at('gateway', 16);
  const b16 = at('bare-relay', 16);
  const pct = (v: number | undefined) => (v === undefined ? '–' : `${Math.round(v * 100)} %`);
  const us = (v: number | undefined) => (v === undefined ? '–' : `${v.toFixed(1)} µs`);
  const out = ['What limits these figures (at C = ' + c + '):', ''];
  if (d) {
    out.push(
      `- **Direct TCP** is bounded by the two processes' CPU: the load generator used ${pct(d.clientCpu)} of CPU 0 and the echo server ${pct(d.relayCpu)} of CPU 1. No relay sits in between, so it is the ceiling for the others.`,
    );
  }
  if (g && b) {
    out.push(
      `- **Gateway and bare relay, closed loop**: each line costs the relay a read and a write on each side, four system calls, and most of its CPU time is the kernel's (loopback TCP). The gateway used ${us(g.cpuPerLineUs)} of CPU a line, the bare relay ${us(b.cpuPerLineUs)}: our checks (frame size, CR/LF, UTF-8 of server lines, backpressure) cost about as much as the bare relay's extra copies and writes. The relay has CPU 1 to itself and that core is the bottleneck (the gateway at ${pct(g.relayCpu)}; the load generator, with the echo server beside it on CPU 0, at ${pct(g.clientCpu)}). With one line in flight per client there is nothing to batch: the gateway ran at ${(g.linesPerSec / b.linesPerSec).toFixed(2)}× the bare relay's lines/s with p99 ${ms(g.p99)} against ${ms(b.p99)}${shared(r.meta) ? ', and on a shared machine differences of 10–20 % between runs are noise' : ''}.`,
    );
  }
  if (g16 && b16) {
    out.push(
      `- **Window 16**: the gateway relayed ${num(g16.linesPerSec)} lines/s against the bare relay's ${num(b16.linesPerSec)} (${(g16.linesPerSec / b16.linesPerSec).toFixed(1)}×). It writes every frame that one read brought in as one TCP write, and frames every line that one TCP read brought in into one buffer and one WebSocket write; the bare relay makes one or two writes per line.`,
    );
  }
  if (ws) {
    out.push(
      `- **websockify** (Python) forks a process per connection and copies through Python's socket layer; at C = ${c} it used ${pct(ws.relayCpu)} of CPU 1 across its processes for ${num(ws.linesPerSec)} lines/s (${us(ws.cpuPerLineUs)} of CPU a line${g ? `, ${(ws.cpuPerLineUs / g.cpuPerLineUs).toFixed(1)}× the gateway's` : ''}). ${
        r.relay.some((x) => x.target === 'websockify' && x.clients > c && x.relayCpu < 0.1)
          ? ' Where websockify shows almost no CPU at a larger C, the reading over its hundreds of processes failed; those cells are not usable.'
          : ''
      }`,
    );
  }
  return out.join('\n');
}

function growth(rows: ServerRow[]): string {
  const flat = rows.filter((x) => x.mode === 'flat out');
  if (flat.length < 2) return 'needs at least two player counts.';
  const parts = flat.map((x) => `${num(x.players)} players: ${x.cpuPerMoveUs.toFixed(0)} µs of server CPU a move`);
  const a = flat[0];
  const b = flat[flat.length - 1];
  const cpuGrowth = b.cpuPerMoveUs / a.cpuPerMoveUs;
  const verdict =
    cpuGrowth < 0.8
      ? `CPU per move falls ${(1 / cpuGrowth).toFixed(1)}× from ${num(a.players)} to ${num(b.players)} players: a move touches one table only, and with more tables busy at once more lines share each event-loop turn and each write, so the cost of a move does not grow with the number of players`
      : cpuGrowth < 1.5
      ? 'CPU per move stays flat as players grow (the work of a move touches one table only, whatever the number of players), so moves/s is bounded by CPU, not by the player count'
      : `CPU per move grows ${cpuGrowth.toFixed(1)}× from ${num(a.players)} to ${num(b.players)} players: more sockets mean more work per event-loop turn (fewer lines coalesce per write) and more memory traffic`;
  const perPlayer = (b.rss - a.rss) / (b.players - a.players);
  return `${parts.join('; ')}. ${verdict}. Memory grows linearly with players: ${kib(perPlayer)} of RSS a player from ${num(a.players)} to ${num(b.players)} players, on top of the process's fixed ${mib(a.rss - a.players * perPlayer)}.`;
}

/** The chart: lines/s and p99 against C, one line per relay; window 1 above, window 16 below. */
export function svgChart(r: Results): string {
  const targets: { name: RelayName; color: string }[] = [
    { name: 'direct', color: '#555555' },
    { name: 'gateway', color: '#1f77b4' },
    { name: 'bare-relay', color: '#ff7f0e' },
    { name: 'websockify', color: '#2ca02c' },
  ];
  const present = targets.filter((t) => r.relay.some((x) => x.target === t.name));
  const windows = [...new Set(r.relay.map((x) => x.window))].sort((a, b) => a - b);
  const cs = [...new Set(r.relay.map((x) => x.clients))].sort((a, b) => a - b);
  const W = 960;
  const panelW = 400;
  const panelH = 220;
  const left = 70;
  const top = 60;
  const gapX = 460;
  const gapY = 290;
  const H = top + windows.length * gapY + 10;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  parts.push(`<text x="${W / 2}" y="20" text-anchor="middle" font-size="15" font-weight="bold">Relays: lines/s and p99 round trip against C (log scales)</text>`);
  present.forEach((t, i) => {
    const x = 150 + i * 170;
    parts.push(`<line x1="${x}" y1="38" x2="${x + 24}" y2="38" stroke="${t.color}" stroke-width="3"/>`);
    parts.push(`<text x="${x + 30}" y="42">${t.name}</text>`);
  });
  const xOf = (c: number) => (cs.length === 1 ? panelW / 2 : (Math.log(c) - Math.log(cs[0])) / (Math.log(cs[cs.length - 1]) - Math.log(cs[0])) * (panelW - 40) + 20);
  windows.forEach((window, wi) => {
    const rows = r.relay.filter((x) => x.window === window);
    (['linesPerSec', 'p99'] as const).forEach((metric, mi) => {
      const ox = left + mi * gapX;
      const oy = top + wi * gapY + 20;
      const values = rows.map((x) => x[metric]).filter((v) => v > 0 && Number.isFinite(v));
      const lo = 10 ** Math.floor(Math.log10(Math.min(...values)));
      const hi = 10 ** Math.ceil(Math.log10(Math.max(...values)));
      const yOf = (v: number) => panelH - ((Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * panelH;
      const title = `${metric === 'linesPerSec' ? 'lines/s' : 'p99 round trip, ms'} — ${window === 1 ? 'closed loop (window 1)' : `window ${window}`}`;
      parts.push(`<g transform="translate(${ox},${oy})">`);
      parts.push(`<text x="${panelW / 2}" y="-8" text-anchor="middle" font-weight="bold">${title}</text>`);
      parts.push(`<rect x="0" y="0" width="${panelW}" height="${panelH}" fill="none" stroke="#999"/>`);
      for (let d = lo; d <= hi * 1.0001; d *= 10) {
        const y = yOf(d).toFixed(1);
        parts.push(`<line x1="0" y1="${y}" x2="${panelW}" y2="${y}" stroke="#e3e3e3"/>`);
        parts.push(`<text x="-6" y="${y}" dy="4" text-anchor="end">${axisNum(d)}</text>`);
      }
      for (const c of cs) {
        const x = xOf(c).toFixed(1);
        parts.push(`<line x1="${x}" y1="0" x2="${x}" y2="${panelH}" stroke="#f0f0f0"/>`);
        parts.push(`<text x="${x}" y="${panelH + 16}" text-anchor="middle">C = ${c}</text>`);
      }
      for (const t of present) {
        const pts = cs
          .map((c) => rows.find((x) => x.target === t.name && x.clients === c))
          .filter((x): x is RelayRow => x !== undefined && x[metric] > 0 && Number.isFinite(x[metric]))
          .map((x) => `${xOf(x.clients).toFixed(1)},${yOf(x[metric]).toFixed(1)}`);
        if (pts.length > 1) parts.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${t.color}" stroke-width="2.5"/>`);
        for (const p of pts) {
          const [x, y] = p.split(',');
          parts.push(`<circle cx="${x}" cy="${y}" r="3.5" fill="${t.color}"/>`);
        }
      }
      parts.push('</g>');
    });
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

function axisNum(v: number): string {
  if (v >= 1e6) return `${v / 1e6}M`;
  if (v >= 1e3) return `${v / 1e3}k`;
  return String(v);
}
