import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_LINE_BYTES, parseCommand } from '../../protocol/index.js';
import { MAX_ROOM_WORDS, isRoomWord, parseWordList, wordsLines } from './word-list.js';

const bytes = (s: string) => new TextEncoder().encode(s).length;
const wordsOf = (lines: readonly string[]) => lines.flatMap((l) => parseCommand(l)!.arg.split(' '));

describe('isRoomWord (§8.1: 1–32 letters, an apostrophe or a hyphen inside)', () => {
  it.each(['cat', 'КІТ', "п'ять", 'п’ять', 'well-known', 'ґанок', 'a', 'я'.repeat(32), 'e\u0301te'])('takes %s', (w) => {
    expect(isRoomWord(w)).toBe(true);
  });
  it.each(['', '-cat', 'cat-', "'cat", 'ca--t', 'c4t', 'two words', 'x'.repeat(33), '🙂', '/quit', '<b>'])('refuses %j', (w) => {
    expect(isRoomWord(w)).toBe(false);
  });
});

describe('parseWordList', () => {
  it('splits on lines, spaces, commas and semicolons; skips comment lines; drops repeats', () => {
    expect(parseWordList('# animals\ncat, dog;  Cat\r\nbird\rкіт КІТ')).toEqual({ words: ['cat', 'dog', 'bird', 'кіт'], bad: [], over: 0 });
  });

  it('reports what is no word, and keeps the rest', () => {
    expect(parseWordList('cat 42 c-at x--y')).toEqual({ words: ['cat', 'c-at'], bad: ['42', 'x--y'], over: 0 });
  });

  it(`keeps the first ${MAX_ROOM_WORDS} words and counts the rest`, () => {
    const many = Array.from({ length: MAX_ROOM_WORDS + 7 }, (_, i) => 'w' + [...i.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join(''));
    const list = parseWordList(many.join('\n'));
    expect(list.words).toHaveLength(MAX_ROOM_WORDS);
    expect(list.over).toBe(7);
  });

  it('sends words in NFC, as typed', () => {
    expect(parseWordList('e\u0301te').words).toEqual(['\u00e9te']);
  });
});

describe('wordsLines', () => {
  it('packs words into /words lines', () => {
    expect(wordsLines(['cat', 'dog'])).toEqual(['/words cat dog']);
    expect(wordsLines([])).toEqual([]);
  });

  it('keeps every line within the limit with 32-letter Cyrillic words (2 bytes a letter)', () => {
    const words = Array.from({ length: MAX_ROOM_WORDS }, (_, i) => 'ї'.repeat(31) + 'абвгдежзиклмнопрстуфхцчшщьюя'[i % 28]);
    const lines = wordsLines(words);
    for (const l of lines) expect(bytes(l)).toBeLessThanOrEqual(MAX_LINE_BYTES);
    expect(wordsOf(lines)).toEqual(words);
    // Lines are full: 15 words of 65 bytes fit after "/words".
    expect(lines.length).toBe(Math.ceil(MAX_ROOM_WORDS / 15));
  });

  it('fills a line to exactly the limit and no further', () => {
    // "/words" (6) + 10 × (1 + 101) = 1026 > 1024; with a limit of 6 + 2 × 102 = 210 two fit.
    const w = 'a'.repeat(101);
    expect(wordsLines([w, w, w], 210).map(bytes)).toEqual([210, 108]);
  });

  it('every word arrives once and every line fits, whatever the words (property)', () => {
    const letter = fc.constantFrom(...'abcxyzкітґєїʼ'.split(''), '日', '𐐀');
    const word = fc.array(letter, { minLength: 1, maxLength: 32 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 300 }), fc.integer({ min: 140, max: 2048 }), (words, max) => {
        const lines = wordsLines(words, max);
        for (const l of lines) expect(bytes(l)).toBeLessThanOrEqual(max);
        expect(wordsOf(lines)).toEqual(words);
      }),
    );
  });

  it('says so when a word cannot fit a line at all', () => {
    expect(() => wordsLines(['a'.repeat(20)], 16)).toThrow(/cannot fit/);
  });
});
