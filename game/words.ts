/**
 * Word lists: parsing the text of one and picking a word. The rules never choose a
 * word themselves; the table asks for one here and passes it in.
 */
import { isLetter, normalize } from './rules.js';

export type WordLang = 'en' | 'uk';

/** Why a word list could not be used; the message says which file and what to fix. */
export class WordListError extends Error {
  override readonly name = 'WordListError';
  constructor(
    readonly file: string,
    readonly reason: 'unreadable' | 'empty' | 'bad-word',
    message: string,
    /** 1-based line of the bad word, for `bad-word`. */
    readonly line?: number,
  ) {
    super(message);
  }
}

// Letters, joined by apostrophes (' ’ ʼ) or hyphens; combining marks for decomposed input.
const USABLE = /^[\p{L}\p{M}'’ʼ-]+$/u;

/** Parses the text of a word list: one word a line, `#` starts a comment line. */
export function parseWords(text: string, file = 'word list'): string[] {
  const words = new Set<string>();
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const w = normalize(line);
    if (!USABLE.test(w) || ![...w].some(isLetter)) {
      throw new WordListError(
        file,
        'bad-word',
        `${file}:${i + 1}: ${JSON.stringify(line)} is not a usable word: use letters, with an apostrophe or a hyphen between them if needed (one word a line; '#' starts a comment)`,
        i + 1,
      );
    }
    words.add(w); // a duplicate would only make its word likelier
  });
  if (words.size === 0) throw new WordListError(file, 'empty', `${file} has no words: put one word on each line`);
  return [...words];
}

/** Longest word of a room's own list, in letters (PROTOCOL.md §8.1). */
export const MAX_WORD_LETTERS = 32;

// Letters (each with its combining marks), with one apostrophe or hyphen at a time between them.
const ROOM_WORD = /^\p{L}\p{M}*(?:['-]?\p{L}\p{M}*)*$/u;

/**
 * A word typed for a room's own list, as the game compares guesses with it (NFC,
 * lower case, one apostrophe); null when it is not 1–32 letters with an apostrophe
 * or a hyphen only inside.
 */
export function roomWord(typed: string): string | null {
  const word = normalize(typed.trim());
  if (!ROOM_WORD.test(word)) return null;
  const letters = [...word].filter(isLetter).length;
  return letters >= 1 && letters <= MAX_WORD_LETTERS ? word : null;
}

/** Picks one word at random; `random` returns a number in [0, 1) as Math.random does. */
export function pickWord(words: readonly string[], random: () => number = Math.random): string {
  if (words.length === 0) throw new Error('pickWord needs at least one word');
  const i = Math.min(words.length - 1, Math.max(0, Math.floor(random() * words.length)));
  return words[i];
}
