/**
 * Random sequences of dropped connections, `/back`, `/leave`, moves, chat and time
 * at one table (PROTOCOL.md §8.4), public or a room, with or without a computer
 * player. Whatever happens: no seat is ever held by two connections, no connection
 * holds two seats, a connection the table ended never gets another line, and once
 * the players who are left come back and play, the game ends.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Table, type SeatRef, type TableIO } from './table.js';
import { FakeClock } from '../test/support/fake-clock.js';
import type { SeatKeys } from './seats.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 300;
const WORD = 'data';
const GRACE = 60_000;

type Step =
  | { kind: 'move'; p: number; line: string }
  | { kind: 'drop'; p: number }
  | { kind: 'back'; p: number }
  | { kind: 'leave'; p: number }
  | { kind: 'say'; p: number }
  | { kind: 'time'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ p: fc.nat(3), line: fc.constantFrom('/letter a', '/letter z', '/letter d', '/word date', '/word data', '/letter', 'hi', '/start', '/bot') }).map((s) => ({ kind: 'move', ...s }) as Step) },
  { weight: 2, arbitrary: fc.nat(3).map((p) => ({ kind: 'drop', p }) as Step) },
  { weight: 2, arbitrary: fc.nat(3).map((p) => ({ kind: 'back', p }) as Step) },
  { weight: 1, arbitrary: fc.nat(3).map((p) => ({ kind: 'leave', p }) as Step) },
  { weight: 1, arbitrary: fc.nat(3).map((p) => ({ kind: 'say', p }) as Step) },
  { weight: 2, arbitrary: fc.constantFrom(1000, 10_000, 30_000, 61_000).map((ms) => ({ kind: 'time', ms }) as Step) },
);

interface Run {
  table: Table;
  clock: FakeClock;
  /** Each player's connection now (null: none open), and the seat the player has. */
  conns: (string | null)[];
  /** Connections the table ended. */
  ended: Set<string>;
  /** Lines sent to ended connections after they were ended. */
  afterEnd: string[];
  gameOvers: number;
  done: string[];
}

function setup(players: number, room: boolean, bot: boolean): Run {
  const clock = new FakeClock();
  const ended = new Set<string>();
  const afterEnd: string[] = [];
  const done: string[] = [];
  const keys: SeatKeys<SeatRef> = { issue: (ref) => ref.seat, revoke: () => {} };
  const run: Run = { table: null as unknown as Table, clock, conns: [], ended, afterEnd, gameOvers: 0, done };
  const io: TableIO = {
    send: (conn, line) => {
      if (ended.has(conn)) afterEnd.push(`${conn}: ${line}`);
    },
    end: (conn) => void ended.add(conn),
    log: () => {},
  };
  run.table = new Table({
    label: 'fuzz',
    size: players + (bot ? 1 : 0),
    lang: 'en',
    pickWord: () => WORD,
    words: () => [WORD, 'date'],
    turnMs: 30_000,
    graceMs: GRACE,
    series: room ? { pauseMs: 5000 } : undefined,
    keys,
    io,
    clock,
    bots: { delayMs: 1000, random: () => 0.3 },
    // As a room does: only computer players left, it closes (a public table is discarded by itself).
    events: { done: (_t, how) => void done.push(how), gameOver: () => void run.gameOvers++, vacated: (t) => t.seated > 0 && t.close() },
  });
  let next = 1;
  for (let p = 0; p < players; p++) {
    const conn = `c${next++}`;
    run.conns.push(conn);
    run.table.seat(conn, `P${p}`);
    if (bot && p === 0) run.table.handleLine(conn, '/bot');
  }
  return run;
}

/** Every connection at the table once, none the table ended. */
function checkHolders(run: Run): void {
  const held = [...run.table.connections()];
  expect(new Set(held).size).toBe(held.length);
  for (const c of held) expect(run.ended.has(c)).toBe(false);
  expect(run.afterEnd).toEqual([]);
  expect(new Set(run.table.roster.map((s) => s.name)).size).toBe(run.table.roster.length);
}

describe('kept seats under random drops, returns, leaves and moves', () => {
  it('no seat is held twice, and the game always ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.boolean(), fc.array(step, { maxLength: 60 }), (players, room, bot, steps) => {
        const run = setup(players, room, bot);
        let nextConn = 100;
        const seatOf = (p: number) => `s${p + 1 + (bot && p > 0 ? 1 : 0)}`;
        for (const s of steps) {
          if (run.table.phase === 'done') break;
          if (s.kind === 'time') run.clock.advance(s.ms);
          else {
            const p = s.p % players;
            const conn = run.conns[p];
            const open = conn !== null && !run.ended.has(conn);
            if (s.kind === 'move' && open) run.table.handleLine(conn, s.line);
            else if (s.kind === 'say' && open) run.table.handleLine(conn, '/say hello');
            else if (s.kind === 'leave' && open) run.table.handleLine(conn, '/leave');
            else if (s.kind === 'drop' && open) {
              run.table.disconnected(conn);
              run.conns[p] = null;
            } else if (s.kind === 'back') {
              // From any new connection; an old one still open is replaced.
              const fresh = `c${nextConn++}`;
              if (run.table.back(seatOf(p), fresh)) run.conns[p] = fresh;
            }
          }
          checkHolders(run);
        }
        // Everyone whose seat is kept comes back, then whoever has the turn names the word.
        const before = run.gameOvers;
        for (let p = 0; p < players && run.table.phase !== 'done'; p++) {
          const conn = run.conns[p];
          if (conn === null || run.ended.has(conn)) {
            const fresh = `c${nextConn++}`;
            if (run.table.back(seatOf(p), fresh)) run.conns[p] = fresh;
          }
        }
        checkHolders(run);
        if (run.table.phase === 'waiting' || run.table.phase === 'over') {
          const someone = run.conns.find((c) => c !== null && !run.ended.has(c));
          if (someone) run.table.handleLine(someone, '/start');
          else run.clock.advance(5000);
        }
        for (let i = 0; i < 20 && run.gameOvers === before && run.table.phase === 'playing'; i++) {
          for (const conn of run.conns) if (conn !== null && !run.ended.has(conn)) run.table.handleLine(conn, `/word ${WORD}`);
          run.clock.advance(1500);
        }
        checkHolders(run);
        // The game ended; or there was none left to end (everyone left, or a room waits for seats again).
        expect(run.table.phase, `after the drain, with ${run.table.roster.length} seats`).not.toBe('playing');
        if (run.table.phase === 'over') expect(run.gameOvers).toBeGreaterThan(before);
        // A room between games has someone to play the next one.
        if (run.table.phase === 'over') expect(run.table.roster.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });
});
