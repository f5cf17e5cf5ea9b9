/**
 * A room's own word list as the page sends it (PROTOCOL.md §8.1): the text a
 * teacher pasted or loaded is split into words, checked as the server checks them,
 * and packed into `/words` lines that each keep under the line limit.
 */
import { MAX_LINE_BYTES, WORDS, formatCommand } from '../../protocol/index.js';
import { isLetter, normalize } from '../../game/rules.js';

/** Most words a room takes (§8.1); the page keeps the first ones. */
export const MAX_ROOM_WORDS = 1000;
/** Most letters in a word (§8.1). */
export const MAX_WORD_LETTERS = 32;

/** The words of a pasted list: the ones to send, the ones that are no word, and how many were cut. */
export interface WordList {
  readonly words: readonly string[];
  readonly bad: readonly string[];
  /** Good words past MAX_ROOM_WORDS, not sent. */
  readonly over: number;
}

// Letters with an apostrophe or a hyphen between them; combining marks for decomposed input.
const SHAPE = /^\p{L}\p{M}*(?:['’ʼ-]?\p{L}\p{M}*)*$/u;

/** Whether a server would take this as a room word: 1–32 letters, an apostrophe or hyphen inside. */
export function isRoomWord(word: string): boolean {
  const w = normalize(word);
  if (!SHAPE.test(w)) return false;
  const letters = [...w].filter(isLetter).length;
  return letters >= 1 && letters <= MAX_WORD_LETTERS;
}

/**
 * Splits pasted text into words: one or more a line, separated by white space,
 * commas or semicolons; `#` starts a comment line (as in the server's word files).
 * Duplicates (after NFC and lower case) are dropped.
 */
export function parseWordList(text: string): WordList {
  const seen = new Set<string>();
  const words: string[] = [];
  const bad: string[] = [];
  let over = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim().startsWith('#')) continue;
    for (const raw of line.split(/[\s,;]+/u)) {
      if (raw === '') continue;
      if (!isRoomWord(raw)) {
        bad.push(raw);
        continue;
      }
      const key = normalize(raw);
      if (seen.has(key)) continue;
      seen.add(key);
      if (words.length < MAX_ROOM_WORDS) words.push(raw.normalize('NFC'));
      else over++;
    }
  }
  return { words, bad, over };
}

const utf8 = new TextEncoder();

/** `/words W1 W2 …` lines carrying every word once, each at most `maxBytes` bytes of UTF-8. */
export function wordsLines(words: readonly string[], maxBytes: number = MAX_LINE_BYTES): string[] {
  const head = formatCommand(WORDS, '');
  const lines: string[] = [];
  let line = '';
  let bytes = 0;
  for (const word of words) {
    const size = utf8.encode(word).length + 1; // the space before it
    if (line !== '' && bytes + size > maxBytes) {
      lines.push(line);
      line = '';
    }
    if (line === '') {
      line = head;
      bytes = utf8.encode(head).length;
    }
    if (bytes + size > maxBytes) throw new Error(`a word of ${size - 1} bytes cannot fit a line of ${maxBytes} bytes`);
    line += ` ${word}`;
    bytes += size;
  }
  if (line !== '') lines.push(line);
  return lines;
}
