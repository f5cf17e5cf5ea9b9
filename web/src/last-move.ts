/**
 * The last move at the table as this client sees it, and the one function that
 * settles its outcome from whichever line tells something of it. The scoring comes
 * from the shared rules (game/rules.ts), read from the masks every player sees.
 */
import { HIDDEN, letterPoints, normalize, wordPoints } from '../../game/rules.js';

/** What became of a letter named, as the keyboard marks it. */
export type LetterMark = 'pending' | 'hit' | 'miss';

export type MoveOutcome = 'pending' | 'hit' | 'miss' | 'already' | 'right' | 'wrong' | 'invalid' | 'none';

/** The last move at the table, as far as this client can tell (not the rules' Move: this one is seen, not made). */
export interface LastMove {
  readonly by: string;
  readonly kind: 'letter' | 'word' | 'timeout' | 'left';
  /** The letter or word as the server compares it (rules.normalize). */
  readonly value: string;
  readonly outcome: MoveOutcome;
  /** Points the move earned (letters opened, or the EARNED line); null while unknown. */
  readonly earned: number | null;
  /** Change of the mover's score from SCORE (includes the bonus, or the burn). */
  readonly delta: number | null;
}

/** What a line tells of the last move. */
export type MoveNews =
  /** EARNED, to the mover. */
  | { readonly type: 'earned'; readonly points: number }
  /** NO_LETTER, ALREADY_OPEN, BURNED, to the mover. */
  | { readonly type: 'no-letter' | 'already-open' | 'burned' }
  /** A reply after which the server did not act on our move (NOT_A_LETTER, …). */
  | { readonly type: 'refused' }
  /** WORD, to everyone: the mask before and after. */
  | { readonly type: 'mask'; readonly before: string | null; readonly after: string }
  /** SCORE: the mover's points before and after. */
  | { readonly type: 'score'; readonly before: number; readonly after: number };

/** A letter or word just named (by us, or LETTER_NAMED / WORD_NAMED by the mover); pending until settled. */
export function named(by: string, kind: 'letter' | 'word', text: string): LastMove {
  return { by, kind, value: normalize(text), outcome: 'pending', earned: null, delta: null };
}

/** A move that is no guess: a timeout, or the mover left. */
export function passed(by: string, kind: 'timeout' | 'left'): LastMove {
  return { by, kind, value: '', outcome: 'none', earned: null, delta: null };
}

/** Settles the last move with what a line tells of it: every outcome is decided here. */
export function settle(move: LastMove, news: MoveNews): LastMove {
  if (move.kind !== 'letter' && move.kind !== 'word') return move;
  switch (news.type) {
    case 'earned':
      return { ...move, outcome: move.kind === 'word' ? 'right' : 'hit', earned: news.points };
    case 'no-letter':
      return { ...move, outcome: 'miss', earned: 0 };
    case 'already-open':
      return { ...move, outcome: 'already' };
    case 'burned':
      return { ...move, outcome: 'wrong', earned: 0 };
    case 'refused':
      return move.outcome === 'pending' ? { ...move, outcome: 'invalid' } : move;
    case 'score':
      return { ...move, delta: news.after - news.before };
    case 'mask':
      return byMask(move, news.before, news.after);
  }
}

/** The new mask tells everyone what a letter or word did, with the points the rules give for it. */
function byMask(move: LastMove, before: string | null, after: string): LastMove {
  if (move.outcome === 'invalid' || move.outcome === 'already' || move.outcome === 'none') return move;
  if (move.kind === 'letter') {
    const outcome = move.outcome !== 'pending' ? move.outcome : [...normalize(after)].includes(move.value) ? 'hit' : 'miss';
    return { ...move, outcome, earned: move.earned ?? (before === null ? null : letterPoints(before, after)) };
  }
  if (move.outcome !== 'pending') return move;
  if (after.includes(HIDDEN)) return { ...move, outcome: 'wrong', earned: 0 };
  return { ...move, outcome: 'right', earned: before === null ? null : wordPoints(before) };
}

/** Whether a settled move opened the last hidden letter (or named the word): its mover won. */
export function wins(move: LastMove | null, mask: string): boolean {
  return move !== null && !mask.includes(HIDDEN) && (move.outcome === 'hit' || move.outcome === 'right');
}

/** The keyboard's marks after a move: a hit or an open letter is in the word, a miss is not, a refused letter was never named. */
export function markLetters(letters: Readonly<Record<string, LetterMark>>, move: LastMove): Readonly<Record<string, LetterMark>> {
  if (move.kind !== 'letter') return letters;
  const v = move.value;
  switch (move.outcome) {
    case 'pending':
      return Object.hasOwn(letters, v) ? letters : { ...letters, [v]: 'pending' };
    case 'hit':
    case 'already':
      return letters[v] === 'hit' ? letters : { ...letters, [v]: 'hit' };
    case 'miss':
      return letters[v] === 'miss' ? letters : { ...letters, [v]: 'miss' };
    case 'invalid': {
      if (letters[v] !== 'pending') return letters;
      const { [v]: _dropped, ...rest } = letters;
      return rest;
    }
    default:
      return letters;
  }
}
