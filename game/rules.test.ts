import { describe, expect, it } from 'vitest';
import * as rules from './rules.js';
import fc from 'fast-check';
import {
  type GameEvent,
  type GameState,
  type Move,
  type MoveResult,
  applyMove,
  currentPlayer,
  isLetter,
  isOver,
  letterCount,
  mask,
  newGame,
  normalize,
  passTurn,
  pointsOf,
  removePlayer,
  word,
} from './rules.js';

const letter = (l: string): Move => ({ kind: 'letter', letter: l });
const guess = (w: string): Move => ({ kind: 'word', word: w });

/** Applies a move that must succeed; returns the new state and its events. */
function play(state: GameState, player: string, move: Move): { state: GameState; events: readonly GameEvent[] } {
  const r = applyMove(state, player, move);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(move)} by ${player} to succeed, got ${r.error}`);
  return r;
}

const points = (s: GameState) => Object.fromEntries(s.players.map((p) => [p.id, p.points]));

/** Freezes a state all the way down, so a move that mutates it throws. */
function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

describe('newGame', () => {
  it('masks every letter; the first player moves', () => {
    const s = newGame('Лапа', ['Ann', 'Bob']);
    expect(mask(s)).toBe('****');
    expect(word(s)).toBe('лапа');
    expect(currentPlayer(s)).toBe('Ann');
    expect(points(s)).toEqual({ Ann: 0, Bob: 0 });
    expect(isOver(s)).toBe(false);
  });

  it('shows an apostrophe and a hyphen open from the start', () => {
    expect(mask(newGame("м'ясо", ['a']))).toBe("*'***");
    expect(mask(newGame('forget-me-not', ['a']))).toBe('******-**-***');
  });

  it('refuses a word without a letter and a game without players', () => {
    expect(() => newGame('', ['a'])).toThrow();
    expect(() => newGame("'-", ['a'])).toThrow();
    expect(() => newGame('cat', [])).toThrow();
  });
});

describe('naming a letter', () => {
  it('a hit opens every occurrence, one point each, and keeps the turn', () => {
    const { state, events } = play(newGame('лапа', ['Ann', 'Bob']), 'Ann', letter('а'));
    expect(mask(state)).toBe('*а*а');
    expect(points(state)).toEqual({ Ann: 2, Bob: 0 });
    expect(currentPlayer(state)).toBe('Ann');
    expect(events).toEqual([{ type: 'letter-hit', player: 'Ann', letter: 'а', points: 2 }]);
  });

  it('a miss passes the turn and scores nothing', () => {
    const { state, events } = play(newGame('лапа', ['Ann', 'Bob']), 'Ann', letter('о'));
    expect(mask(state)).toBe('****');
    expect(points(state)).toEqual({ Ann: 0, Bob: 0 });
    expect(currentPlayer(state)).toBe('Bob');
    expect(events).toEqual([{ type: 'letter-miss', player: 'Ann', letter: 'о' }]);
  });

  it('an already open letter: no penalty, same player', () => {
    const s1 = play(newGame('лапа', ['Ann', 'Bob']), 'Ann', letter('а')).state;
    const { state, events } = play(s1, 'Ann', letter('А'));
    expect(events).toEqual([{ type: 'already-open', player: 'Ann', letter: 'а' }]);
    expect(points(state)).toEqual({ Ann: 2, Bob: 0 });
    expect(mask(state)).toBe('*а*а');
    expect(currentPlayer(state)).toBe('Ann');
  });

  it('is case-insensitive and reports the letter as compared (lower case)', () => {
    const { state, events } = play(newGame('Лапа', ['Ann']), 'Ann', letter('Л'));
    expect(mask(state)).toBe('л***');
    expect(events[0]).toMatchObject({ type: 'letter-hit', letter: 'л' });
  });

  it('compares after NFC: a decomposed й opens a composed one, and back', () => {
    expect(mask(play(newGame('йод', ['a']), 'a', letter('и\u0306')).state)).toBe('й**');
    expect(mask(play(newGame('и\u0306од', ['a']), 'a', letter('й')).state)).toBe('й**');
  });

  it('trims the letter', () => {
    expect(mask(play(newGame('cat', ['a']), 'a', letter(' c ')).state)).toBe('c**');
  });

  it('opening the last letter wins: points for the hit plus a bonus of the letter count', () => {
    let s = newGame('abba', ['Ann', 'Bob']);
    s = play(s, 'Ann', letter('a')).state;
    const { state, events } = play(s, 'Ann', letter('b'));
    expect(events).toEqual([
      { type: 'letter-hit', player: 'Ann', letter: 'b', points: 2 },
      { type: 'won', player: 'Ann', bonus: 4 },
    ]);
    expect(points(state)).toEqual({ Ann: 2 + 2 + 4, Bob: 0 });
    expect(isOver(state)).toBe(true);
    expect(state.winner).toBe('Ann');
    expect(currentPlayer(state)).toBeNull();
  });

  it('the bonus does not count an apostrophe or a hyphen', () => {
    let s = newGame("м'ясо", ['a']);
    for (const l of ['м', 'я', 'с']) s = play(s, 'a', letter(l)).state;
    const { state, events } = play(s, 'a', letter('о'));
    expect(events.at(-1)).toEqual({ type: 'won', player: 'a', bonus: 4 });
    expect(pointsOf(state, 'a')).toBe(4 + 4);
    expect(letterCount('forget-me-not')).toBe(11);
  });
});

describe('naming the word', () => {
  it('the right word scores one point per masked letter, wins, and adds the bonus', () => {
    const s = play(newGame('лапа', ['Ann', 'Bob']), 'Ann', letter('а')).state;
    const { state, events } = play(s, 'Ann', guess('ЛАПА'));
    expect(events).toEqual([
      { type: 'word-right', player: 'Ann', word: 'лапа', points: 2 },
      { type: 'won', player: 'Ann', bonus: 4 },
    ]);
    expect(mask(state)).toBe('лапа');
    expect(points(state)).toEqual({ Ann: 2 + 2 + 4, Bob: 0 });
    expect(isOver(state)).toBe(true);
  });

  it('the right word matches after NFC and trimming', () => {
    const { events } = play(newGame('йод', ['a']), 'a', guess('  И\u0306ОД '));
    expect(events[0]).toMatchObject({ type: 'word-right', word: 'йод', points: 3 });
  });

  it('a wrong word burns the points to 0 and passes the turn', () => {
    const s = play(newGame('лапа', ['Ann', 'Bob']), 'Ann', letter('а')).state;
    const { state, events } = play(s, 'Ann', guess('Липа'));
    expect(events).toEqual([{ type: 'word-wrong', player: 'Ann', word: 'липа', lost: 2 }]);
    expect(points(state)).toEqual({ Ann: 0, Bob: 0 });
    expect(currentPlayer(state)).toBe('Bob');
    expect(mask(state)).toBe('*а*а');
  });

  it('the word with its apostrophe is right; without it, wrong', () => {
    expect(play(newGame("м'ясо", ['a']), 'a', guess("М'ЯСО")).events[0].type).toBe('word-right');
    expect(play(newGame("м'ясо", ['a']), 'a', guess('мясо')).events[0].type).toBe('word-wrong');
  });
});

describe('errors', () => {
  const s = newGame('лапа', ['Ann', 'Bob']);

  it('not your turn', () => {
    expect(applyMove(s, 'Bob', letter('а'))).toEqual({ ok: false, error: 'not-your-turn' });
    expect(applyMove(s, 'Bob', guess('лапа'))).toEqual({ ok: false, error: 'not-your-turn' });
  });

  it('an unknown player', () => {
    expect(applyMove(s, 'Eve', letter('а'))).toEqual({ ok: false, error: 'unknown-player' });
  });

  it.each(['', ' ', 'ab', '1', "'", '-', '🎉', 'аб'])('%j is not a letter', (l) => {
    expect(applyMove(s, 'Ann', letter(l))).toEqual({ ok: false, error: 'not-a-letter' });
  });

  it.each(['', '   '])('%j is an empty word', (w) => {
    expect(applyMove(s, 'Ann', guess(w))).toEqual({ ok: false, error: 'empty-word' });
  });

  it('any move once the game is over', () => {
    const over = play(s, 'Ann', guess('лапа')).state;
    expect(applyMove(over, 'Ann', letter('а'))).toEqual({ ok: false, error: 'game-over' });
    expect(applyMove(over, 'Bob', guess('лапа'))).toEqual({ ok: false, error: 'game-over' });
  });

  it('an error changes nothing, and no move mutates the state it was given', () => {
    const frozen = deepFreeze(newGame('лапа', ['Ann', 'Bob']));
    expect(() => applyMove(frozen, 'Ann', letter('а'))).not.toThrow();
    expect(() => applyMove(frozen, 'Ann', guess('липа'))).not.toThrow();
    expect(() => applyMove(frozen, 'Ann', guess('лапа'))).not.toThrow();
    expect(mask(frozen)).toBe('****');
  });
});

describe('turns', () => {
  it('go round in join order', () => {
    let s = newGame('xyz', ['a', 'b', 'c']);
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      order.push(currentPlayer(s)!);
      s = play(s, currentPlayer(s)!, letter('q')).state;
    }
    expect(order).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
  });

  it('passTurn moves to the next player and wraps', () => {
    let s = newGame('xyz', ['a', 'b']);
    s = passTurn(s);
    expect(currentPlayer(s)).toBe('b');
    expect(currentPlayer(passTurn(s))).toBe('a');
  });

  it('passTurn does nothing once the game is over', () => {
    const over = play(newGame('xyz', ['a', 'b']), 'a', guess('xyz')).state;
    expect(passTurn(over)).toBe(over);
  });

  it('one player keeps every turn', () => {
    const s = play(newGame('xyz', ['a']), 'a', letter('q')).state;
    expect(currentPlayer(s)).toBe('a');
    expect(currentPlayer(passTurn(s))).toBe('a');
  });
});

describe('removePlayer', () => {
  const abcd = () => passTurn(newGame('xyz', ['a', 'b', 'c', 'd'])); // b's move

  it('a player out of turn, before the mover: the mover keeps the move', () => {
    const s = removePlayer(abcd(), 'a');
    expect(currentPlayer(s)).toBe('b');
    expect(s.players.map((p) => p.id)).toEqual(['b', 'c', 'd']);
  });

  it('a player out of turn, after the mover: the mover keeps the move', () => {
    expect(currentPlayer(removePlayer(abcd(), 'd'))).toBe('b');
  });

  it('the mover: the turn passes to the next player', () => {
    expect(currentPlayer(removePlayer(abcd(), 'b'))).toBe('c');
  });

  it('the last player in order, on their move: the turn wraps to the first', () => {
    const s = passTurn(passTurn(abcd())); // d's move
    expect(currentPlayer(removePlayer(s, 'd'))).toBe('a');
  });

  it('keeps the others’ points and ignores an unknown player', () => {
    let s = play(newGame('abc', ['a', 'b']), 'a', letter('a')).state;
    s = removePlayer(s, 'b');
    expect(points(s)).toEqual({ a: 1 });
    expect(removePlayer(s, 'zed')).toBe(s);
  });

  it('when everyone has left nobody moves', () => {
    const s = removePlayer(removePlayer(newGame('xyz', ['a', 'b']), 'a'), 'b');
    expect(s.players).toEqual([]);
    expect(currentPlayer(s)).toBeNull();
  });
});

describe('PROTOCOL.md §6, word лапа', () => {
  it('replays to Ann 0, Bob 6, Bob winning', () => {
    let s = newGame('лапа', ['Ann', 'Bob']);
    expect(mask(s)).toBe('****');

    let r = play(s, 'Ann', letter('а'));
    expect(r.events).toEqual([{ type: 'letter-hit', player: 'Ann', letter: 'а', points: 2 }]);
    expect(mask(r.state)).toBe('*а*а');
    expect(points(r.state)).toEqual({ Ann: 2, Bob: 0 });
    expect(currentPlayer(r.state)).toBe('Ann');

    r = play(r.state, 'Ann', guess('липа'));
    expect(r.events).toEqual([{ type: 'word-wrong', player: 'Ann', word: 'липа', lost: 2 }]);
    expect(points(r.state)).toEqual({ Ann: 0, Bob: 0 });
    expect(currentPlayer(r.state)).toBe('Bob');

    r = play(r.state, 'Bob', guess('лапа'));
    expect(r.events).toEqual([
      { type: 'word-right', player: 'Bob', word: 'лапа', points: 2 },
      { type: 'won', player: 'Bob', bonus: 4 },
    ]);
    s = r.state;
    expect(mask(s)).toBe('лапа');
    expect(points(s)).toEqual({ Ann: 0, Bob: 6 });
    expect(s.winner).toBe('Bob');
  });
});

// --- Properties against a tiny model -------------------------------------------

/** The rules of §3 restated as plainly as possible, to check rules.ts against. */
class Model {
  readonly chars: string[];
  readonly opened = new Set<string>();
  points: number[];
  turn = 0;
  over = false;

  constructor(
    w: string,
    readonly players: string[],
  ) {
    this.chars = [...w.normalize('NFC').toLowerCase()];
    this.points = players.map(() => 0);
  }

  get letters(): string[] {
    return this.chars.filter((c) => /^\p{L}$/u.test(c));
  }
  get mask(): string {
    return this.chars.map((c) => (/^\p{L}$/u.test(c) && !this.opened.has(c) ? '*' : c)).join('');
  }

  /** Returns the error the move must give, or null after applying it. */
  move(player: string, m: Move): string | null {
    if (this.over) return 'game-over';
    if (player !== this.players[this.turn]) return 'not-your-turn';
    const letters = this.letters;
    if (m.kind === 'letter') {
      const l = m.letter.trim().normalize('NFC').toLowerCase();
      if (!/^\p{L}$/u.test(l)) return 'not-a-letter';
      if (!letters.includes(l)) this.turn = (this.turn + 1) % this.players.length;
      else if (!this.opened.has(l)) {
        this.opened.add(l);
        this.points[this.turn] += letters.filter((c) => c === l).length;
      }
    } else {
      const g = m.word.trim().normalize('NFC').toLowerCase();
      if (g === '') return 'empty-word';
      if (g === this.chars.join('')) {
        this.points[this.turn] += letters.filter((c) => !this.opened.has(c)).length;
        for (const c of letters) this.opened.add(c);
      } else {
        this.points[this.turn] = 0;
        this.turn = (this.turn + 1) % this.players.length;
      }
    }
    if (letters.every((c) => this.opened.has(c))) {
      this.points[this.turn] += letters.length;
      this.over = true;
    }
    return null;
  }
}

const alphabet = ['а', 'б', 'л', 'п', 'ї', 'й', 'a', 'b', 'c'];
const wordArb = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...alphabet) }, { weight: 1, arbitrary: fc.constantFrom("'", '-') }), {
    minLength: 1,
    maxLength: 10,
  })
  .filter((cs) => cs.some((c) => /\p{L}/u.test(c)))
  .map((cs) => cs.join(''));

/** A raw letter as a player might type it: any case, decomposed, padded, or not a letter at all. */
const typedLetter = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...alphabet, 'И\u0306', 'Ї', 'A', ' б ') },
  { weight: 1, arbitrary: fc.constantFrom('', 'ab', '1', "'", '-') },
);

function moveArb(w: string): fc.Arbitrary<Move> {
  return fc.oneof(
    { weight: 10, arbitrary: typedLetter.map(letter) },
    { weight: 1, arbitrary: fc.constantFrom(w, w.toUpperCase(), ` ${w} `).map(guess) },
    { weight: 2, arbitrary: fc.oneof(wordArb, fc.constant('')).map(guess) },
  );
}

const players = ['p0', 'p1', 'p2'];
const scenario = wordArb.chain((w) =>
  fc.record({
    word: fc.constant(w),
    n: fc.integer({ min: 1, max: 3 }),
    // Who tries to move: usually the mover (-1), sometimes someone else.
    steps: fc.array(fc.record({ who: fc.oneof({ weight: 4, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat(2) }), move: moveArb(w) }), {
      maxLength: 30,
    }),
  }),
);

describe('rules properties', () => {
  it('agree with the model move by move, and keep every invariant', () => {
    fc.assert(
      fc.property(scenario, ({ word: w, n, steps }) => {
        const ids = players.slice(0, n);
        let s = newGame(w, ids);
        const model = new Model(w, ids);
        const fromEvents = new Map(ids.map((id) => [id, 0]));
        const named: string[] = []; // letters and right words, as the events report them
        for (const { who, move } of steps) {
          const player = who < 0 ? (currentPlayer(s) ?? 'p0') : players[who];
          const before = pointsOf(s, player);
          const expected = model.move(player, move);
          const r: MoveResult = applyMove(s, player, move);
          if (expected !== null) {
            // p2 in a two-player game is unknown to the rules, not just out of turn.
            const unknown = !ids.includes(player) && !model.over;
            expect(r).toEqual({ ok: false, error: unknown ? 'unknown-player' : expected });
            continue;
          }
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          s = r.state;
          for (const e of r.events) {
            if (e.type === 'letter-hit' || e.type === 'letter-miss' || e.type === 'already-open') named.push(e.letter);
            if (e.type === 'word-right') named.push(e.word);
            if (e.type === 'letter-hit' || e.type === 'word-right') fromEvents.set(e.player, fromEvents.get(e.player)! + e.points);
            if (e.type === 'won') fromEvents.set(e.player, fromEvents.get(e.player)! + e.bonus);
            if (e.type === 'word-wrong') {
              expect(e.lost).toBe(before);
              fromEvents.set(e.player, 0);
              expect(pointsOf(s, player)).toBe(0); // a wrong word leaves the mover with 0
            }
          }
          // The state is what the model says.
          expect(mask(s)).toBe(model.mask);
          expect(s.players.map((p) => p.points)).toEqual(model.points);
          expect(isOver(s)).toBe(model.over);
          if (!model.over) expect(s.turn).toBe(model.turn);
          // Invariants.
          expect(isOver(s)).toBe(!mask(s).includes('*'));
          [...mask(s)].forEach((c) => {
            if (c !== '*' && isLetter(c)) expect(named.some((x) => x.includes(c))).toBe(true);
          });
          expect(s.players.every((p) => p.points >= 0)).toBe(true);
          expect(s.players.map((p) => p.points)).toEqual(ids.map((id) => fromEvents.get(id)));
          expect(s.turn >= 0 && s.turn < s.players.length).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('the points read from the masks (letterPoints, wordPoints, winnerBonus) are the points the moves earn', () => {
    fc.assert(
      fc.property(scenario, ({ word: w, n, steps }) => {
        let s = newGame(w, players.slice(0, n));
        for (const { move } of steps) {
          const mover = currentPlayer(s);
          if (mover === null) break;
          const before = mask(s);
          const r = applyMove(s, mover, move);
          if (!r.ok) continue;
          s = r.state;
          for (const e of r.events) {
            if (e.type === 'letter-hit') expect(rules.letterPoints(before, mask(s))).toBe(e.points);
            if (e.type === 'letter-miss' || e.type === 'already-open') expect(rules.letterPoints(before, mask(s))).toBe(0);
            if (e.type === 'word-right') expect(rules.wordPoints(before)).toBe(e.points);
            if (e.type === 'won') expect(rules.winnerBonus(mask(s))).toBe(e.bonus);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('the game is won exactly when the mask has no *, with the bonus = letter count', () => {
    fc.assert(
      fc.property(wordArb, fc.shuffledSubarray(alphabet, { minLength: alphabet.length }), (w, order) => {
        let s = newGame(w, ['solo']);
        for (const l of order) {
          if (isOver(s)) break;
          const r = play(s, 'solo', letter(l));
          s = r.state;
          const won = r.events.find((e) => e.type === 'won');
          expect(won !== undefined).toBe(!mask(s).includes('*'));
          if (won?.type === 'won') expect(won.bonus).toBe(letterCount(w));
        }
        // Naming every letter of the alphabet opens any word over it.
        expect(isOver(s)).toBe(true);
        expect(pointsOf(s, 'solo')).toBe(2 * letterCount(w));
      }),
      { numRuns: 2000 },
    );
  });

  it('removing players and passing turns always leaves a valid turn and the right mover', () => {
    const ops = fc.array(fc.oneof(fc.constant<'pass'>('pass'), fc.constantFrom('a', 'b', 'c', 'd', 'e')), { maxLength: 12 });
    fc.assert(
      fc.property(ops, (list) => {
        let s = newGame('xyz', ['a', 'b', 'c', 'd', 'e']);
        for (const op of list) {
          const order = s.players.map((p) => p.id);
          const mover = currentPlayer(s);
          s = op === 'pass' ? passTurn(s) : removePlayer(s, op);
          if (s.players.length === 0) {
            expect(currentPlayer(s)).toBeNull();
            continue;
          }
          expect(s.turn >= 0 && s.turn < s.players.length).toBe(true);
          if (op === 'pass') expect(currentPlayer(s)).toBe(order[(order.indexOf(mover!) + 1) % order.length]);
          else if (op === mover) {
            // The next one still seated after the leaver, going round.
            const rest = [...order.slice(order.indexOf(op) + 1), ...order.slice(0, order.indexOf(op))];
            expect(currentPlayer(s)).toBe(rest[0]);
          } else if (order.includes(op)) expect(currentPlayer(s)).toBe(mover);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('normalize is idempotent, so comparing normalised text twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (x) => {
        expect(normalize(normalize(x))).toBe(normalize(x));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('letters whose lower case is not one letter (docs/PROTOCOL.md §9.5)', () => {
  it('İ (U+0130) is a letter: it lowers to i, as in Turkish, not to i and a combining dot', () => {
    expect(normalize('İ')).toBe('i');
    const { state, events } = play(newGame('pizza', ['a']), 'a', letter('İ'));
    expect(mask(state)).toBe('*i***');
    expect(events[0]).toMatchObject({ type: 'letter-hit', letter: 'i', points: 1 });
  });

  it('İ typed as I and a combining dot above is the same letter', () => {
    expect(mask(play(newGame('pizza', ['a']), 'a', letter('I\u0307')).state)).toBe('*i***');
  });

  it('a word with İ is shown and guessed in lower case: İzmir is izmir', () => {
    const g = newGame('İzmir', ['a']);
    expect(mask(g)).toBe('*****');
    expect(mask(play(g, 'a', letter('i')).state)).toBe('i**i*');
    const r = applyMove(g, 'a', guess('İZMİR'));
    expect(r.ok && r.events[0]).toMatchObject({ type: 'word-right', word: 'izmir' });
  });

  it('the dotless ı stays its own letter', () => {
    const r = play(newGame('ılık', ['a']), 'a', letter('i'));
    expect(r.events[0]).toMatchObject({ type: 'letter-miss', letter: 'i' });
    expect(mask(play(newGame('ılık', ['a']), 'a', letter('ı')).state)).toBe('ı*ı*');
  });

  it('σ and the final ς are one letter: Σ, σ or ς opens both, and the word is shown as spelled', () => {
    for (const named of ['Σ', 'σ', 'ς']) {
      const { state, events } = play(newGame('σεισμός', ['a']), 'a', letter(named));
      expect(mask(state)).toBe('σ**σ**ς');
      expect(events[0]).toMatchObject({ type: 'letter-hit', letter: 'σ', points: 3 });
    }
    const r = applyMove(newGame('σεισμός', ['a']), 'a', guess('ΣΕΙΣΜΌΣ'));
    expect(r.ok && r.events[0].type).toBe('word-right');
    const typed = applyMove(newGame('σεισμός', ['a']), 'a', guess('σεισμόσ'));
    expect(typed.ok && typed.events[0].type).toBe('word-right');
  });

  it('a letter that NFC always splits (क़, a composition exclusion) is not one letter: its base letter is named instead', () => {
    expect(applyMove(newGame('क़लम', ['a']), 'a', letter('क़'))).toEqual({ ok: false, error: 'not-a-letter' });
    expect(mask(play(newGame('क़लम', ['a']), 'a', letter('क')).state)).toBe('क\u093c**');
  });
});

describe('apostrophes', () => {
  it("treats ’ and ʼ as the plain apostrophe: shown open, never guessed, never burned", () => {
    const { newGame, mask, applyMove } = rules;
    const g = newGame("мʼясо", ['a']);
    expect(mask(g)).toBe("*'***");
    const r = applyMove(g, 'a', { kind: 'word', word: 'м’ясо' });
    expect(r.ok && r.events.map((e) => e.type)).toEqual(['word-right', 'won']);
  });
});
