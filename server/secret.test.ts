/**
 * The secret word never leaks before the game is over. The strict form is
 * non-interference: play the same moves against two words that differ only in
 * letters nobody has opened yet, and every player must see exactly the same lines
 * until the move that ends the game. Words, names and guesses share one small
 * alphabet, so letters, masks, names and wrong guesses collide with the word all
 * the time; a plain "the line contains the word" check would be fooled by that.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Table } from './table.js';
import { FakeClock } from '../test/support/fake-clock.js';
import { format } from '../protocol/catalog.js';
import type { LineClient } from '../test/support/line-client.js';
import { gameServerPerTest } from '../test/support/game-server.js';
import { maskKeys } from '../test/support/seat-keys.js';

/** Runs per property; FUZZ_RUNS scales them up for a long run. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 1000;

/** Letters no generated word, name or guess uses: what hidden letters are swapped for. */
const FRESH = [...'ξψωφχυτσ'];

type Step = { kind: 'line'; player: number; line: string } | { kind: 'timeout' } | { kind: 'leave'; player: number };

/** Plays steps at a table with `word`; returns each player's lines up to (not with) the step that ended the game, and that step's index. */
function play(word: string, names: readonly string[], steps: readonly Step[]): { seen: string[][]; endedAt: number; opened: Set<string> } {
  const seen: string[][] = names.map(() => []);
  const clock = new FakeClock();
  let over = false;
  const table = new Table({
    label: 'table 1',
    size: names.length,
    lang: 'en',
    pickWord: () => word,
    words: () => [word],
    turnMs: 1000,
    graceMs: 0,
    keys: { issue: (ref) => `K${ref.seat}`, revoke: () => {} },
    clock,
    io: { send: (p, line) => void seen[Number(p)].push(line), end: () => {}, log: () => {} },
    events: { done: () => (over = true) },
  });
  names.forEach((name, i) => table.seat(String(i), name));
  const gone = new Set<number>();
  for (let i = 0; i < steps.length; i++) {
    const before = seen.map((lines) => lines.length);
    const step = steps[i];
    if (step.kind === 'timeout') {
      if (clock.pending > 0) clock.fire();
    }
    else if (gone.has(step.player)) continue;
    else if (step.kind === 'leave') {
      gone.add(step.player);
      table.disconnected(String(step.player));
    } else table.handleLine(String(step.player), step.line);
    if (over) {
      // The lines of the step that ended the game are not compared: they may hold the word.
      seen.forEach((lines, p) => (lines.length = before[p]));
      return { seen, endedAt: i, opened: openedLetters(seen) };
    }
  }
  return { seen, endedAt: steps.length, opened: openedLetters(seen) };
}

/** Letters shown in any WORD line anyone saw (an open letter stays open). */
function openedLetters(seen: string[][]): Set<string> {
  const words = seen.flat().filter((l) => l.startsWith('Word: '));
  return new Set(words.flatMap((w) => [...w.slice(6)]).filter((c) => c !== '*'));
}

/** The word with every letter not yet open swapped for a fresh one (the same letter for the same letter). */
function twin(word: string, opened: Set<string>): string {
  const map = new Map<string, string>();
  return [...word].map((c) => (opened.has(c) || !/\p{L}/u.test(c) ? c : map.get(c) ?? (map.set(c, FRESH[map.size]), map.get(c)!))).join('');
}

const ALPHABET = [...'abeлапо'];
const letter = fc.constantFrom(...ALPHABET);
const text = (max: number) => fc.array(fc.constantFrom(...ALPHABET, "'", '-', '*', ' '), { minLength: 1, maxLength: max }).map((cs) => cs.join(''));
const wordArb = fc
  .array(fc.constantFrom(...ALPHABET, "'", '-'), { minLength: 1, maxLength: 7 })
  .filter((cs) => cs.some((c) => /\p{L}/u.test(c)))
  .map((cs) => cs.join(''));

describe('the secret word', () => {
  it('no player can tell two words apart by any line before the game is over (Table, random games)', () => {
    const scenario = fc.record({
      word: wordArb,
      names: fc.uniqueArray(text(5).map((n) => n.trim()).filter((n) => n !== '' && !n.startsWith('/')), { minLength: 1, maxLength: 3 }),
      raw: fc.array(
        fc.oneof(
          { weight: 6, arbitrary: fc.record({ p: fc.nat(2), l: letter }).map(({ p, l }) => ({ kind: 'line', player: p, line: `/letter ${l}` }) as Step) },
          { weight: 3, arbitrary: fc.record({ p: fc.nat(2), w: text(8) }).map(({ p, w }) => ({ kind: 'line', player: p, line: `/word ${w}` }) as Step) },
          { weight: 1, arbitrary: fc.record({ p: fc.nat(2), l: text(6) }).map(({ p, l }) => ({ kind: 'line', player: p, line: l }) as Step) },
          { weight: 1, arbitrary: fc.constant({ kind: 'timeout' } as Step) },
          { weight: 1, arbitrary: fc.nat(2).map((p) => ({ kind: 'leave', player: p }) as Step) },
        ),
        { maxLength: 40 },
      ),
    });
    fc.assert(
      fc.property(scenario, ({ word, names, raw }) => {
        const steps = raw.map((s) => (s.kind === 'timeout' ? s : { ...s, player: s.player % names.length }));
        const real = play(word, names, steps);
        const other = twin(word, real.opened);
        const replay = play(other, names, steps.slice(0, real.endedAt));
        expect(replay.seen).toEqual(real.seen);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the secret word over real sockets', () => {
  const server = gameServerPerTest();

  /** Two players play a scripted game against `word`; returns what each saw before GAME_OVER. */
  async function game(word: string, moves: readonly string[][]): Promise<string[][]> {
    const port = await server.start({ words: [word] });
    const names = ['an', 'na*'];
    const seated: LineClient[] = [];
    for (const name of names) {
      const c = await server.player(port, name);
      await c.waitFor(format('en', 'JOINED', { name }));
      seated.push(c);
    }
    // Each move is sent on its player's /turn; the last one ends the game.
    for (const [who, line] of moves) {
      const c = seated[Number(who)];
      await c.waitFor('/turn');
      c.send(line);
    }
    const seen: string[][] = [];
    for (const c of seated) {
      await c.waitFor(format('en', 'GAME_OVER'));
      // Seat keys are random, so they differ from game to game whatever the word.
      const lines = maskKeys(c.lines.slice(0, c.lines.indexOf(format('en', 'GAME_OVER'))));
      seen.push(lines);
    }
    await server.server.close();
    return seen;
  }

  // Words whose letters, masks and near-misses collide with the names and the guesses.
  const cases: [word: string, twin: string, moves: string[][]][] = [
    ['ana', 'ξnξ', [['0', '/letter n'], ['0', '/word an'], ['1', '/word nan'], ['0', '/letter a']]],
    ["an'a-n", "ξn'ξ-n", [['0', '/letter n'], ['0', '/word anan'], ['1', '/letter n'], ['1', "/word an'a-n"]]],
    ['nn', 'ξξ', [['0', '/word n'], ['1', '/letter a'], ['0', '/letter n']]],
  ];

  it.each(cases)('%s: every line before GAME_OVER is the same as with %s, and none holds the word', async (word, other, moves) => {
    const real = await game(word, moves);
    const last = moves.at(-1)!;
    const replay = await game(other, [...moves.slice(0, -1), [last[0], last[1].includes(word) ? last[1].replace(word, other) : `/letter ${[...other].find((c) => FRESH.includes(c))}`]]);
    // Every line up to the last TURN_OF: after it come the ending move's lines.
    const cut = (seen: string[][]) => seen.map((lines) => lines.slice(0, lines.findLastIndex((l) => l.startsWith('Turn: ')) + 1));
    expect(cut(replay)).toEqual(cut(real));
    // Lines that show names or the seat key may hold the word's letters by chance; the rest must not hold the word.
    for (const line of cut(real).flat()) if (!line.startsWith('Word named') && !/^(Turn: |At the table: |Your seat key: |.* joined)/.test(line)) expect(line).not.toContain(word);
  });
});
