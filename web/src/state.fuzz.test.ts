/**
 * The reducer against whatever a server (or a hostile player's name inside a
 * server line) can send: arbitrary lines, catalogue lines with arbitrary fields,
 * and the socket opening and closing at any moment. It must never throw, and what
 * it keeps must stay consistent with what it was given.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { initialState, reduce, winnerOf, type ViewAction, type State } from './state.js';
import { alphabetFor } from './alphabet.js';
import { MESSAGES, LANGS, format, formatList, formatScores, type MessageId } from '../../protocol/index.js';

/** Runs per property; FUZZ_RUNS scales them up for a long run. */
const RUNS = Number((globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.FUZZ_RUNS ?? 0) || 1000;

const IDS = Object.keys(MESSAGES) as MessageId[];
/** Text a hostile name could hold: anything, including catalogue wording, `*`, digits and `, `. */
const field = fc.oneof(
  fc.string({ unit: 'grapheme-composite', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', '*', '**a*', ' 0', ', Ann 3', 'Turn: Bob', 'Word: cat', 'The game is over!', '__proto__', 'constructor', 'toString'),
);
/** A catalogue line in either language with arbitrary field values (what a crafted name produces). */
const catalogueLine = fc.record({ id: fc.constantFrom(...IDS), lang: fc.constantFrom(...LANGS), a: field, b: field, n: fc.nat(1000) }).map(({ id, lang, a, b, n }) => {
  const values: Record<string, string | number> = { name: a, letter: a, word: a, command: a, line: a, text: b, setting: a, mask: b, k: n, n: n + 1, points: n, seconds: n, count: n, code: b, key: b };
  // PROTOCOL.md §8: lists of names and letters (PLAYERS, LETTERS).
  values.names = formatList([a, b, a]);
  values.letters = formatList([a, b]);
  values.scores = formatScores([
    { name: a, points: n },
    { name: b, points: n + 1 },
  ]);
  return format(lang, id, values as never);
});
const anyLine = fc.oneof(
  { weight: 4, arbitrary: catalogueLine },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom('/turn', '/quit', '/', '/letter a', '/word x', '', ' ') },
);
const action: fc.Arbitrary<ViewAction> = fc.oneof(
  { weight: 12, arbitrary: anyLine.map((line) => ({ type: 'line', line, t: 0 }) as const) },
  { weight: 2, arbitrary: fc.oneof(anyLine, fc.constantFrom('/letter a', '/letter й', '/word apple')).map((line) => ({ type: 'sent', line, t: 0 }) as const) },
  { weight: 1, arbitrary: field.map((name) => ({ type: 'join', name, t: 0 }) as const) },
  { weight: 1, arbitrary: fc.constant({ type: 'open', t: 0 } as const) },
  { weight: 1, arbitrary: fc.record({ code: fc.constantFrom(1000, 1001, 1006, 1011, 1013), reason: field }).map((c) => ({ type: 'closed', ...c, t: 0 }) as const) },
  { weight: 1, arbitrary: fc.constant({ type: 'home' } as const) },
);

function run(actions: readonly ViewAction[]): State {
  let state = initialState;
  actions.forEach((a, t) => {
    state = reduce(state, 't' in a ? { ...a, t } : a);
    // What the page derives from the state must not throw either.
    alphabetFor(state.mask, state.serverLang, 'en');
    winnerOf(state);
  });
  return state;
}

describe('web reducer under arbitrary input', () => {
  it('never throws, and logs every server line exactly once, in order', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        const state = run(actions);
        const lines = actions.filter((a) => a.type === 'line').map((a) => (a as { line: string }).line);
        expect(state.log.map((e) => e.text)).toEqual(lines);
        expect(state.wire.filter((w) => w.dir === 'in').map((w) => w.text)).toEqual(lines);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps its state well-formed: letters, players and counts', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        const state = run(actions);
        for (const v of Object.values(state.letters)) expect(['pending', 'hit', 'miss']).toContain(v);
        expect(Object.getPrototypeOf(state.letters)).toBe(Object.prototype);
        expect(new Set(state.players.map((p) => p.name)).size).toBe(state.players.length);
        // A join is a new connection: turns count from there.
        const since = actions.slice(actions.map((a) => a.type).lastIndexOf('join') + 1);
        expect(state.turns).toBe(since.filter((a) => a.type === 'line' && a.line === '/turn').length);
        if (state.phase === 'error') expect(state.error).not.toBeNull();
      }),
      { numRuns: RUNS },
    );
  });
});

describe('names made to look like server lines', () => {
  /** Ann's view: `Word: cat` and `Turn: Ann` sit with her; then they time out and leave. */
  const lines = [
    'Ann joined the game',
    'Waiting for players: 1 of 3',
    'Word: cat joined the game',
    'Waiting for players: 2 of 3',
    'Turn: Ann joined the game',
    'The game has started!',
    'Word: ****',
    'Turn: Turn: Ann',
    'Turn: Ann ran out of time',
    'Turn: Word: cat',
    'Word: cat left the game',
    'Turn: Ann',
    '/turn',
  ];

  it('are read as the line about the player, never as the board or the turn they imitate', () => {
    let s = reduce(reduce(initialState, { type: 'join', name: 'Ann', t: 0 }), { type: 'open', t: 1 });
    for (const line of lines) s = reduce(s, { type: 'line', line, t: 2 });
    expect(s.log.map((e) => e.id)).toEqual(['JOINED', 'WAITING', 'JOINED', 'WAITING', 'JOINED', 'STARTED', 'WORD', 'TURN_OF', 'TIMEOUT', 'TURN_OF', 'LEFT', 'TURN_OF', null]);
    expect(s.mask).toBe('****');
    expect(s.winner).toBeNull();
    expect(s.players.map((p) => [p.name, p.left])).toEqual([
      ['Ann', false],
      ['Word: cat', true],
      ['Turn: Ann', false],
    ]);
    expect(s.myTurn).toBe(true);
  });
});

describe('a name that holds a score', () => {
  it('`Ann 5, Bob` next to Bob: SCORE still gives each player their own points', () => {
    let s = reduce(reduce(initialState, { type: 'join', name: 'Bob', t: 0 }), { type: 'open', t: 1 });
    for (const line of ['Bob joined the game', 'Waiting for players: 1 of 2', 'Ann 5, Bob joined the game', 'The game has started!', 'Word: ****', 'Score: Bob 0, Ann 5, Bob 3']) {
      s = reduce(s, { type: 'line', line, t: 2 });
    }
    expect(s.players.map((p) => [p.name, p.points])).toEqual([
      ['Bob', 0],
      ['Ann 5, Bob', 3],
    ]);
  });
});
