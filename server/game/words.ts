/**
 * Word lists: loading a file of words and picking one. The rules never choose a
 * word themselves; the table asks for one here and passes it in.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
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

/** Reads a word list file: trimmed, NFC, lower case; blank and `#` lines skipped. */
export async function loadWords(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new WordListError(file, 'unreadable', `Cannot read the word list ${file}: ${why}. Give a readable text file with one word a line (--words FILE).`);
  }
  return parseWords(text, file);
}

/** The word list shipped for a language. */
export function defaultWordFile(lang: WordLang): string {
  return fileURLToPath(new URL(`./words/${lang}.txt`, import.meta.url));
}

/** Picks one word at random; `random` returns a number in [0, 1) as Math.random does. */
export function pickWord(words: readonly string[], random: () => number = Math.random): string {
  if (words.length === 0) throw new Error('pickWord needs at least one word');
  const i = Math.min(words.length - 1, Math.max(0, Math.floor(random() * words.length)));
  return words[i];
}
