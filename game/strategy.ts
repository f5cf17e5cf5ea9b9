/**
 * Computer players: a move from what every player at the table sees (the mask,
 * the letters named, the wrong words, the word list), never from the hidden word.
 *
 * The candidates are the words of the list that fit the view. One left: name it.
 * Otherwise `normal` names the letter found in the most candidates; `hard` looks
 * ahead for the move most likely to make it the one who opens the last letter
 * (a hit keeps the turn, a miss hands the next set of candidates to the other
 * player); `easy` mostly names letters common in the language, now and then the
 * normal choice. Pure: the same view, level and random give the same move.
 */
import { HIDDEN, isLetter, mask, normalize, type GameState } from './rules.js';

export type BotLevel = 'easy' | 'normal' | 'hard';
export const BOT_LEVELS: readonly BotLevel[] = ['easy', 'normal', 'hard'];

/** What every player at the table can see: nothing more. */
export interface PublicView {
  /** As in WORD: `*` for hidden letters. */
  readonly mask: string;
  /** Letters named so far, in order (NFC, lower case). */
  readonly named: readonly string[];
  /** Those of `named` that were not in the word. */
  readonly missed: readonly string[];
  /** Words named that were wrong. */
  readonly wrongWords: readonly string[];
  /** The table's word list (room words or the server's list). */
  readonly words: readonly string[];
}

export type BotMove = { readonly kind: 'letter'; readonly letter: string } | { readonly kind: 'word'; readonly word: string };

/** The public view of a game: what a player sees of `state`, without its hidden word. */
export function publicView(state: GameState, words: readonly string[], wrongWords: readonly string[] = []): PublicView {
  const shown = mask(state);
  return { mask: shown, named: state.named, missed: state.named.filter((l) => !shown.includes(l)), wrongWords, words };
}

/** Candidate counts up to which `hard` solves the rest of the game exactly. */
const EXACT_LIMIT = 6;
/** Candidate counts up to which `hard` solves exactly what may follow its move (over it, estimates). */
const SOLVE_FROM = 20;
/** Candidate counts up to which `hard` also weighs naming a word it is not sure of. */
const GAMBLE_LIMIT = 5;
/** Exact values remembered per word list before the memo starts afresh (bounds memory). */
const MEMO_LIMIT = 200_000;
/** How often `easy` makes the normal choice instead of a letter common in the language. */
const EASY_SMART_SHARE = 0.25;
/** `easy` picks among this many of the language's commonest letters not yet named. */
const EASY_SPREAD = 5;

/** What is worked out once per word list (the cache is keyed by the list array). */
interface ListData {
  readonly words: readonly string[];
  /** Per word: its code points. */
  readonly chars: readonly (readonly string[])[];
  /** Per word: per code point, whether it is a letter (a mask hides only letters). */
  readonly letterAt: readonly (readonly boolean[])[];
  /** Per word: each letter's positions, as a key (`"0,3"`). */
  readonly patterns: readonly ReadonlyMap<string, string>[];
  readonly byLength: ReadonlyMap<number, readonly number[]>;
  /** The list's length when this was worked out: a list that grew since is worked out again. */
  readonly size: number;
  /** Letters of the list, commonest first (by the number of words holding them). */
  readonly byFrequency: readonly string[];
  /** Win chances of the player to move, by candidate set (`"4,17,90"`). */
  readonly memo: Map<string, number>;
}

const NONE: ReadonlySet<string> = new Set();
const cache = new WeakMap<readonly string[], ListData>();

function listData(list: readonly string[]): ListData {
  let data = cache.get(list);
  if (data && data.size === list.length) return data;
  const words = [...new Set(list.map((w) => normalize(w.trim())))].filter((w) => w !== '');
  const chars = words.map((w) => [...w]);
  const patterns = chars.map((cs) => {
    const at = new Map<string, number[]>();
    cs.forEach((c, k) => isLetter(c) && push(at, c, k));
    return new Map([...at].map(([c, ks]) => [c, ks.join(',')]));
  });
  const byLength = new Map<number, number[]>();
  const holders = new Map<string, number>();
  chars.forEach((cs, i) => {
    push(byLength, cs.length, i);
    for (const c of patterns[i].keys()) holders.set(c, (holders.get(c) ?? 0) + 1);
  });
  const byFrequency = [...holders].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).map(([c]) => c);
  data = { words, chars, letterAt: chars.map((cs) => cs.map(isLetter)), patterns, byLength, byFrequency, size: list.length, memo: new Map() };
  cache.set(list, data);
  return data;
}

/** Pure: the same view, level and random give the same move. Never names a letter in `named`. */
export function chooseMove(view: PublicView, level: BotLevel, random: () => number): BotMove {
  const data = listData(view.words);
  const shown = [...normalize(view.mask)];
  // Letters open in the mask count as named even if the naming was not seen.
  const named = new Set([...view.named, ...view.missed].map(normalize));
  for (const c of shown) if (isLetter(c)) named.add(c);
  const cands = candidates(data, shown, named, new Set(view.missed.map(normalize)), new Set(view.wrongWords.map(normalize)));
  if (cands.length === 1) return { kind: 'word', word: data.words[cands[0]] };
  if (cands.length === 0) return letter(fallbackLetter(data, named));
  const stats = letterStats(data, cands, named);
  switch (level) {
    case 'easy':
      return letter(easyLetter(data, stats, named, random));
    case 'normal':
      return letter(mostCommon(data, stats));
    case 'hard':
      return hardMove(data, cands, stats);
  }
}

const letter = (l: string): BotMove => ({ kind: 'letter', letter: l });

/** Words of the list that fit the view: same length, open letters in place, no named letter hidden, no miss, not a wrong word. */
function candidates(data: ListData, shown: readonly string[], named: ReadonlySet<string>, missed: ReadonlySet<string>, wrong: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (const i of data.byLength.get(shown.length) ?? []) {
    if (fits(data.chars[i], data.letterAt[i], shown, named) && !wrong.has(data.words[i]) && ![...missed].some((m) => data.patterns[i].has(m))) out.push(i);
  }
  return out;
}

function fits(chars: readonly string[], letterAt: readonly boolean[], shown: readonly string[], named: ReadonlySet<string>): boolean {
  for (let k = 0; k < shown.length; k++) {
    if (shown[k] === HIDDEN ? !letterAt[k] || named.has(chars[k]) : chars[k] !== shown[k]) return false;
  }
  return true;
}

/** Per letter not yet open in the candidates: the candidates grouped by where it stands ('' = absent). */
type LetterStats = Map<string, Map<string, number[]>>;

function letterStats(data: ListData, cands: readonly number[], named: ReadonlySet<string>): LetterStats {
  const stats: LetterStats = new Map();
  for (const i of cands) {
    for (const [c, at] of data.patterns[i]) {
      if (named.has(c)) continue;
      let groups = stats.get(c);
      if (!groups) stats.set(c, (groups = new Map()));
      push(groups, at, i);
    }
  }
  for (const [c, groups] of stats) {
    const absent = cands.filter((i) => !data.patterns[i].has(c));
    if (absent.length > 0) groups.set('', absent);
  }
  return stats;
}

function holders(groups: ReadonlyMap<string, number[]>): number {
  let n = 0;
  for (const [at, g] of groups) if (at !== '') n += g.length;
  return n;
}

/** The letter in the most candidates; ties go to the commoner letter of the list. */
function mostCommon(data: ListData, stats: LetterStats): string {
  let best = '';
  let bestCount = -1;
  for (const [c, groups] of stats) {
    const n = holders(groups);
    if (n > bestCount || (n === bestCount && rank(data, c) < rank(data, best))) [best, bestCount] = [c, n];
  }
  return best;
}

function rank(data: ListData, c: string): number {
  const r = data.byFrequency.indexOf(c);
  return r < 0 ? Infinity : r;
}

/** Mostly one of the language's commonest letters not yet named; sometimes the normal choice. */
function easyLetter(data: ListData, stats: LetterStats, named: ReadonlySet<string>, random: () => number): string {
  if (random() < EASY_SMART_SHARE) return mostCommon(data, stats);
  const common = data.byFrequency.filter((c) => !named.has(c)).slice(0, EASY_SPREAD);
  if (common.length === 0) return mostCommon(data, stats);
  return common[Math.min(common.length - 1, Math.floor(random() * common.length))];
}

/** The move with the best chance of being the one who finishes the word. */
function hardMove(data: ListData, cands: readonly number[], stats: LetterStats): BotMove {
  // A letter at the same places in every candidate is a sure point that tells the others nothing.
  for (const [c, groups] of stats) if (groups.size === 1 && !groups.has('')) return letter(c);
  let best: BotMove = letter(mostCommon(data, stats));
  let bestValue = -1;
  // With many words left, what follows a letter is estimated, not solved: a first move stays cheap.
  const next = cands.length <= SOLVE_FROM ? value : (d: ListData, g: readonly number[]) => (g.length <= 1 ? value(d, g) : estimate(g.length));
  for (const [c, groups] of stats) {
    const v = letterValue(data, cands.length, groups, next);
    if (v > bestValue + 1e-9) [best, bestValue] = [letter(c), v];
  }
  if (cands.length <= GAMBLE_LIMIT) {
    for (const i of cands) {
      const v = wordValue(data, cands, i);
      // Only when clearly better: a wrong word burns every point.
      if (v > bestValue + 1e-9) [best, bestValue] = [{ kind: 'word', word: data.words[i] }, v];
    }
  }
  return best;
}

/** Chance to finish after naming a letter: a hit keeps the turn, a miss hands the rest over. */
function letterValue(data: ListData, n: number, groups: ReadonlyMap<string, readonly number[]>, next = value): number {
  let v = 0;
  for (const [at, g] of groups) v += (g.length / n) * (at === '' ? 1 - next(data, g) : next(data, g));
  return v;
}

/** Chance to finish after naming one candidate word. */
function wordValue(data: ListData, cands: readonly number[], i: number): number {
  const n = cands.length;
  return 1 / n + ((n - 1) / n) * (1 - value(data, cands.filter((j) => j !== i)));
}

/** The mover's chance to finish with these candidates left: exact when few, estimated when many. */
function value(data: ListData, cands: readonly number[]): number {
  const n = cands.length;
  if (n <= 1) return n === 1 ? 1 : 0.5;
  if (n > EXACT_LIMIT) return estimate(n);
  const key = cands.join(',');
  const known = data.memo.get(key);
  if (known !== undefined) return known;
  let best = 0;
  for (const groups of letterStats(data, cands, NONE).values()) {
    if (groups.size > 1) best = Math.max(best, letterValue(data, n, groups));
  }
  if (n <= GAMBLE_LIMIT) for (const i of cands) best = Math.max(best, wordValue(data, cands, i));
  if (data.memo.size >= MEMO_LIMIT) data.memo.clear();
  data.memo.set(key, best);
  return best;
}

/** The mover's chance with many candidates: fitted to exact values of random sets of 2–10 words of the built-in lists. */
function estimate(n: number): number {
  return 0.6 + 0.4 / n ** 0.7;
}

/** Letters to try, in order, when the word's letters are none of the list's. */
const ALPHABETS = 'abcdefghijklmnopqrstuvwxyzабвгґдеєжзиіїйклмнопрстуфхцчшщьюяёъыэ';

/** No word of the list fits: the commonest letter of the list not yet named, else any letter. */
function fallbackLetter(data: ListData, named: ReadonlySet<string>): string {
  const common = data.byFrequency.find((c) => !named.has(c)) ?? [...ALPHABETS].find((c) => !named.has(c));
  if (common) return common;
  for (let cp = 0x61; cp <= 0x10ffff; cp++) {
    const c = normalize(String.fromCodePoint(cp));
    if (isLetter(c) && !named.has(c)) return c;
  }
  throw new Error('every letter has been named');
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
