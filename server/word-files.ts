/**
 * Word list files: reading one from disk, and where the built-in lists live
 * (game/words/*.txt). The parsing itself is pure and lives in game/words.ts.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseWords, WordListError, type WordLang } from '../game/words.js';

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
  return fileURLToPath(new URL(`../game/words/${lang}.txt`, import.meta.url));
}

