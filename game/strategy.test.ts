import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMove, currentPlayer, HIDDEN, isLetter, isOver, mask, newGame, normalize, type GameState } from './rules.js';
import { BOT_LEVELS, chooseMove, publicView, type BotLevel, type BotMove, type PublicView } from './strategy.js';
import { parseWords } from './words.js';

const list = (lang: 'en' | 'uk') => parseWords(readFileSync(new URL(`./words/${lang}.txt`, import.meta.url), 'utf8'));
const EN = list('en');
const UK = list('uk');

/** A small seeded generator, so that every run plays the same games. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const view = (v: Partial<PublicView> & Pick<PublicView, 'mask' | 'words'>): PublicView => ({ named: [], missed: [], wrongWords: [], ...v });

/** Whether `word` could be the hidden word, judged from the view alone (written apart from the strategy). */
function fitsView(word: string, v: PublicView): boolean {
  const w = [...normalize(word)];
  const m = [...v.mask];
  if (w.length !== m.length || v.wrongWords.includes(word)) return false;
  return w.every((c, k) => (m[k] === HIDDEN ? isLetter(c) && !v.named.includes(c) : m[k] === c)) && !v.missed.some((l) => w.includes(l));
}

interface Played {
  readonly winner: number;
  readonly moves: number;
}

/** Plays a game of computer players to its end with the rules; checks every move on the way. */
function play(word: string, words: readonly string[], levels: readonly BotLevel[], random: () => number, check?: (v: PublicView, m: BotMove) => void): Played {
  const ids = levels.map((_, i) => String(i));
  let state: GameState = newGame(word, ids);
  const wrong: string[] = [];
  let moves = 0;
  while (!isOver(state)) {
    if (++moves > 200) throw new Error(`the game of ${word} did not end`);
    const player = Number(currentPlayer(state));
    const v = publicView(state, words, wrong);
    const move = chooseMove(v, levels[player], random);
    check?.(v, move);
    const r = applyMove(state, ids[player], move);
    if (!r.ok) throw new Error(`refused: ${r.error}`);
    for (const e of r.events) if (e.type === 'word-wrong') wrong.push(e.word);
    state = r.state;
  }
  return { winner: Number(state.winner), moves };
}

/** A game in progress: a word of the list and some letters named at random. */
const midGame = (words: readonly string[]) =>
  fc.record({
    word: fc.constantFrom(...words),
    letters: fc.array(fc.constantFrom(...'etaoinsrhldcumfpgwybvkxjqzоаеинтрвслкмпудяюєіїґ'), { maxLength: 12 }),
    level: fc.constantFrom(...BOT_LEVELS),
    seed: fc.integer(),
  });

function stateAfter(word: string, letters: readonly string[]): GameState {
  let state = newGame(word, ['a']);
  for (const l of letters) {
    if (isOver(state)) break;
    const r = applyMove(state, 'a', { kind: 'letter', letter: l });
    if (r.ok) state = r.state;
  }
  return state;
}

describe('chooseMove', () => {
  it('names the word when only one word of the list fits', () => {
    const words = ['data', 'dart', 'kite'];
    for (const level of BOT_LEVELS) {
      expect(chooseMove(view({ mask: '*a*a', words, named: ['a'] }), level, Math.random)).toEqual({ kind: 'word', word: 'data' });
      expect(chooseMove(view({ mask: '****', words, named: ['a', 'r'], missed: ['a', 'r'] }), level, Math.random)).toEqual({ kind: 'word', word: 'kite' });
    }
  });

  it('normal names the letter found in the most candidates', () => {
    const words = ['mare', 'more', 'mire', 'mule', 'male'];
    expect(chooseMove(view({ mask: '****', words }), 'normal', Math.random)).toEqual({ kind: 'letter', letter: 'e' });
    // m and e are in every word at the same place: sure points, then the best split.
    expect(chooseMove(view({ mask: 'm**e', words, named: ['m', 'e'] }), 'normal', Math.random)).toEqual({ kind: 'letter', letter: 'r' });
  });

  it('hard takes a sure point first, then a letter that splits', () => {
    const words = ['mare', 'more', 'mire', 'mule', 'male'];
    const first = chooseMove(view({ mask: '****', words }), 'hard', Math.random);
    expect(['m', 'e']).toContain((first as { letter: string }).letter);
    const next = chooseMove(view({ mask: 'm**e', words, named: ['m', 'e'] }), 'hard', Math.random);
    expect(next.kind === 'letter' && 'aoiurl'.includes(next.letter)).toBe(true);
  });

  it('hard may name a word it is not sure of when that is its best chance; normal never does', () => {
    // Every letter here leaves a bad split; naming a word wins a fifth of the time at once, and a
    // miss leaves the other player four words that are hard to tell apart.
    const words = ['cd', 'db', 'bc', 'cb', 'dc'];
    const hard = chooseMove(view({ mask: '**', words }), 'hard', Math.random);
    expect(hard.kind).toBe('word');
    expect(chooseMove(view({ mask: '**', words }), 'normal', Math.random).kind).toBe('letter');
  });

  it('counts letters open in the mask as named, and skips wrong words', () => {
    const words = ['data', 'dart', 'date'];
    const m = chooseMove(view({ mask: 'da**', words }), 'normal', Math.random);
    expect(m.kind === 'letter' && ['d', 'a'].includes(m.letter)).toBe(false);
    expect(chooseMove(view({ mask: 'da*a', words, named: ['d', 'a'], wrongWords: [] }), 'hard', Math.random)).toEqual({ kind: 'word', word: 'data' });
    expect(chooseMove(view({ mask: 'dat*', words, named: ['d', 'a', 't'], wrongWords: ['data'] }), 'easy', Math.random)).toEqual({ kind: 'word', word: 'date' });
  });

  it('reads a mask with an apostrophe open from the start (Ukrainian)', () => {
    // The only five-letter word of the list with an apostrophe second.
    expect(chooseMove(view({ mask: "*'***", words: UK }), 'normal', Math.random)).toEqual({ kind: 'word', word: "м'ясо" });
    const m = chooseMove(view({ mask: '*****', words: UK }), 'hard', Math.random);
    expect(m.kind).toBe('letter');
  });

  it('when no word of the list fits, names the commonest letter of the list not yet named', () => {
    const words = ['aaab', 'aab', 'ab'];
    expect(chooseMove(view({ mask: '*******', words }), 'hard', Math.random)).toEqual({ kind: 'letter', letter: 'a' });
    expect(chooseMove(view({ mask: '*******', words, named: ['a'], missed: ['a'] }), 'normal', Math.random)).toEqual({ kind: 'letter', letter: 'b' });
    const next = chooseMove(view({ mask: '*******', words, named: ['a', 'b'], missed: ['a', 'b'] }), 'easy', Math.random);
    expect(next.kind === 'letter' && isLetter(next.letter) && !['a', 'b'].includes(next.letter)).toBe(true);
  });

  it('works the list out again when the list array grew', () => {
    const words = ['data'];
    expect(chooseMove(view({ mask: '****', words }), 'normal', Math.random)).toEqual({ kind: 'word', word: 'data' });
    words.push('kite');
    expect(chooseMove(view({ mask: '****', words }), 'normal', Math.random).kind).toBe('letter');
  });

  it('is pure: the same view, level and random give the same move', () => {
    fc.assert(
      fc.property(midGame(EN), ({ word, letters, level, seed }) => {
        const v = publicView(stateAfter(word, letters), EN);
        if (isOver(stateAfter(word, letters))) return;
        expect(chooseMove(v, level, seeded(seed))).toEqual(chooseMove(v, level, seeded(seed)));
      }),
    );
  });
});

describe('chooseMove, properties over whole lists', () => {
  for (const [lang, words] of [
    ['en', EN],
    ['uk', UK],
  ] as const) {
    it(`never names a letter already named or open, and only words that fit the view (${lang})`, () => {
      fc.assert(
        fc.property(midGame(words), ({ word, letters, level, seed }) => {
          const state = stateAfter(word, letters);
          if (isOver(state)) return;
          const v = publicView(state, words);
          const m = chooseMove(v, level, seeded(seed));
          if (m.kind === 'letter') {
            expect(isLetter(m.letter)).toBe(true);
            expect(v.named).not.toContain(m.letter);
            expect([...v.mask]).not.toContain(m.letter);
          } else {
            expect(words).toContain(m.word);
            expect(fitsView(m.word, v)).toBe(true);
          }
        }),
        { numRuns: 300 },
      );
    });

    it(`cannot peek: two hidden words with the same public view get the same moves (${lang})`, () => {
      // Words that look alike at the start: the same length, apostrophes at the same places.
      const byStart = new Map<string, string[]>();
      for (const w of words) byStart.set(mask(newGame(w, ['x'])), [...(byStart.get(mask(newGame(w, ['x']))) ?? []), w]);
      const pairs = fc
        .constantFrom(...[...byStart.values()].filter((ws) => ws.length > 1))
        .chain((ws) => fc.tuple(fc.constantFrom(...ws), fc.constantFrom(...ws)))
        .filter(([a, b]) => a !== b);
      fc.assert(
        fc.property(pairs, fc.constantFrom(...BOT_LEVELS), fc.integer(), ([a, b], level, seed) => {
          // Lockstep: the same level and the same random draws on both games while their views agree.
          let sa = newGame(a, ['x']);
          let sb = newGame(b, ['x']);
          const [ra, rb] = [seeded(seed), seeded(seed)];
          const [wa, wb]: string[][] = [[], []];
          let together = 0;
          while (!isOver(sa) && !isOver(sb)) {
            const [va, vb] = [publicView(sa, words, wa), publicView(sb, words, wb)];
            if (JSON.stringify({ ...va, words: 0 }) !== JSON.stringify({ ...vb, words: 0 })) break;
            const [ma, mb] = [chooseMove(va, level, ra), chooseMove(vb, level, rb)];
            expect(mb).toEqual(ma);
            together++;
            const [xa, xb] = [applyMove(sa, 'x', ma), applyMove(sb, 'x', mb)];
            if (!xa.ok || !xb.ok) throw new Error('a move was refused');
            for (const e of xa.events) if (e.type === 'word-wrong') wa.push(e.word);
            for (const e of xb.events) if (e.type === 'word-wrong') wb.push(e.word);
            [sa, sb] = [xa.state, xb.state];
          }
          expect(together).toBeGreaterThan(0); // the first view is the same
        }),
        { numRuns: 200 },
      );
    });
  }

  it('a game of computer players always ends, also for a word not in the list', () => {
    const word = fc.oneof(fc.constantFrom(...EN, ...UK), fc.stringMatching(/^[a-zа-яєіїґ]{1,8}(['-][a-zа-яєіїґ]{1,4})?$/));
    fc.assert(
      fc.property(word, fc.array(fc.constantFrom(...BOT_LEVELS), { minLength: 1, maxLength: 4 }), fc.boolean(), fc.integer(), (w, levels, en, seed) => {
        const words = en ? EN : UK;
        const g = play(w, words, levels, seeded(seed), (v, m) => {
          if (m.kind === 'word') expect(fitsView(m.word, v)).toBe(true);
          else expect(v.named).not.toContain(m.letter);
        });
        expect(g.moves).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('hard beats normal beats easy over a sample of words (a statistical check, generous margin)', () => {
    const random = seeded(7);
    const share = (a: BotLevel, b: BotLevel) => {
      let won = 0;
      let games = 0;
      for (const words of [EN, UK]) {
        for (const word of words.filter((_, i) => i % 4 === 0)) {
          won += play(word, words, [a, b], random).winner === 0 ? 1 : 0;
          won += play(word, words, [b, a], random).winner === 1 ? 1 : 0;
          games += 2;
        }
      }
      return won / games;
    };
    // Measured over every word (docs/BENCHMARKS.md): about 0.55, 0.60 and 0.62.
    expect(share('hard', 'normal')).toBeGreaterThan(0.5);
    expect(share('normal', 'easy')).toBeGreaterThan(0.52);
    expect(share('hard', 'easy')).toBeGreaterThan(0.55);
  });
});
