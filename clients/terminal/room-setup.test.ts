import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_LINE_BYTES } from '../../protocol/framing.js';
import { badSetting, newCommand, takeNewSettings, wordsLines, wordsOfFile } from './room-setup.js';
import { ROOM_CODE_ALPHABET, blockLetters, roomBanner } from './room-code.js';

describe('--new settings', () => {
  it('takes the key=value words after --new out of the command line', () => {
    expect(takeNewSettings(['--new', 'players=3', 'turn=30', '--name', 'Ann'])).toEqual({ argv: ['--new', '--name', 'Ann'], settings: ['players=3', 'turn=30'] });
    expect(takeNewSettings(['--name', 'Ann', '--new'])).toEqual({ argv: ['--name', 'Ann', '--new'], settings: [] });
    expect(takeNewSettings(['--name', 'Ann'])).toEqual({ argv: ['--name', 'Ann'], settings: [] });
  });

  it('accepts key=value, and names the first setting that is not', () => {
    expect(badSetting(['players=3', 'lang=uk'])).toBeNull();
    expect(badSetting(['players=3', 'turn'])).toMatch(/got "turn"/);
    expect(badSetting(['a=b=c'])).toMatch(/got "a=b=c"/);
  });

  it('makes the /new line', () => {
    expect(newCommand([])).toBe('/new');
    expect(newCommand(['players=3', 'turn=30'])).toBe('/new players=3 turn=30');
  });
});

describe('--words FILE', () => {
  it('reads words separated by white space, commas or semicolons', () => {
    expect(wordsOfFile('кіт\nпес, сова;  лис\r\n\n')).toEqual(['кіт', 'пес', 'сова', 'лис']);
  });

  it('packs every word, in order, into /words lines within the line limit (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'я', '𝔸', "'", '-'), minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 300 }), (words) => {
        const { lines, tooLong } = wordsLines(words);
        expect(tooLong).toEqual([]);
        for (const line of lines) {
          expect(line.startsWith('/words ')).toBe(true);
          expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(MAX_LINE_BYTES);
        }
        expect(lines.flatMap((l) => l.slice('/words '.length).split(' '))).toEqual(words);
      }),
    );
  });

  it('1000 Ukrainian words take several lines, each full but within 1 KiB', () => {
    const { lines } = wordsLines(Array.from({ length: 1000 }, (_, i) => `слово${i}`));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines.slice(0, -1)) expect(new TextEncoder().encode(line).length).toBeGreaterThan(MAX_LINE_BYTES - 30);
  });

  it('a word too long for any line is set aside, not sent', () => {
    expect(wordsLines(['кіт', 'x'.repeat(1020), 'пес'])).toEqual({ lines: ['/words кіт пес'], tooLong: ['x'.repeat(1020)] });
  });
});

describe('the room code, large', () => {
  it('draws every character of the room code alphabet, five rows of five', () => {
    expect(ROOM_CODE_ALPHABET).toBe('23456789ABCDEFGHJKLMNPQRSTUVWXYZ');
    const rows = blockLetters(ROOM_CODE_ALPHABET);
    expect(rows).toHaveLength(5);
    for (const row of rows) expect([...row]).toHaveLength(32 * 5 + 31 * 3);
    // No two characters look the same.
    expect(new Set([...ROOM_CODE_ALPHABET].map((c) => blockLetters(c).join('\n'))).size).toBe(32);
  });

  it('shows the code in block letters, spelled with spaces, and how to join; lower case is shown upper', () => {
    const banner = roomBanner('k7m2p');
    expect(banner).toContain('    Room code: K 7 M 2 P');
    expect(banner.some((l) => l.includes('--join K7M2P'))).toBe(true);
    expect(banner.filter((l) => l.includes('█'))).toHaveLength(5);
  });
});
