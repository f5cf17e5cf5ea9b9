import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WordListError, parseWords, pickWord } from '../game/words.js';
import { letterCount, mask, newGame } from '../game/rules.js';
import { defaultWordFile, loadWords } from './word-files.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'word-guess-words-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text, 'utf8');
  return path;
}

/** The WordListError a promise rejects with (fails the test if it resolves or throws something else). */
async function rejection(p: Promise<unknown>): Promise<WordListError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WordListError);
  return err as WordListError;
}

describe('loadWords', () => {
  it('trims, skips blank and # lines, normalises to NFC lower case', async () => {
    const path = await file('ok.txt', '# animals\n  Cat \r\n\n\tЇЖАК\n# more\nи\u0306од\n');
    expect(await loadWords(path)).toEqual(['cat', 'їжак', 'йод']);
  });

  it('accepts apostrophes and hyphens between letters', async () => {
    const path = await file('marks.txt', "м'ясо\nforget-me-not\nп’ять\n");
    expect(await loadWords(path)).toEqual(["м'ясо", 'forget-me-not', "п'ять"]);
  });

  it('drops duplicates (after normalising) so no word is likelier', async () => {
    expect(await loadWords(await file('dup.txt', 'Cat\ncat\ndog\n'))).toEqual(['cat', 'dog']);
  });

  it('a missing file is a WordListError naming the file', async () => {
    const path = join(dir, 'nope.txt');
    const err = await rejection(loadWords(path));
    expect(err.reason).toBe('unreadable');
    expect(err.message).toContain(path);
    expect(err.message).toContain('no such file');
  });

  it('a directory is unreadable', async () => {
    const err = await rejection(loadWords(dir));
    expect(err.reason).toBe('unreadable');
    expect(err.message).toContain('directory');
  });

  it('a file with only comments and blank lines is empty', async () => {
    const path = await file('empty.txt', '# nothing here\n\n   \n');
    const err = await rejection(loadWords(path));
    expect(err.reason).toBe('empty');
    expect(err.message).toContain(path);
  });

  it.each([
    ['no letter', '1234'],
    ['only an apostrophe', "'"],
    ['a space inside', 'ice cream'],
    ['a digit', 'r2d2'],
    ['the mask character', 'c*t'],
    ['a control character', 'ca\u0007t'],
  ])('a line with %s is a bad word, reported with its line number', async (_, bad) => {
    const path = await file('bad.txt', `# header\ncat\n\n${bad}\ndog\n`);
    const err = await rejection(loadWords(path));
    expect(err.reason).toBe('bad-word');
    expect(err.line).toBe(4);
    expect(err.message).toContain(`${path}:4:`);
  });

  it('counts lines the same for \\r\\n files', () => {
    expect(() => parseWords('cat\r\ndog\r\n42\r\n', 'x.txt')).toThrow(/x\.txt:3:/);
  });
});

describe('the shipped word lists', () => {
  it.each(['en', 'uk'] as const)('%s loads, has at least 300 words of 4–12 letters each, all usable by the rules', async (lang) => {
    const path = defaultWordFile(lang);
    expect(existsSync(path)).toBe(true);
    const words = await loadWords(path);
    expect(words.length).toBeGreaterThanOrEqual(300);
    const wrongLength = words.filter((w) => letterCount(w) < 4 || letterCount(w) > 12);
    expect(wrongLength).toEqual([]);
    for (const w of words) expect(mask(newGame(w, ['a']))).toMatch(/^\*[*'-]*\*$/u);
  });

  it('the English list is plain lower-case a–z', async () => {
    const words = await loadWords(defaultWordFile('en'));
    expect(words.filter((w) => !/^[a-z]+$/.test(w))).toEqual([]);
  });

  it('the Ukrainian list is Ukrainian letters, apostrophes rare', async () => {
    const words = await loadWords(defaultWordFile('uk'));
    expect(words.filter((w) => !/^[а-щьюяєіїґ']+$/u.test(w))).toEqual([]);
    expect(words.filter((w) => w.includes("'")).length).toBeLessThan(words.length / 20);
  });

  it('the files hold each word once, already normalised (so what ships is what plays)', async () => {
    for (const lang of ['en', 'uk'] as const) {
      const lines = (await readFile(defaultWordFile(lang), 'utf8')).split('\n').filter((l) => l !== '');
      expect(await loadWords(defaultWordFile(lang))).toEqual(lines);
    }
  });
});

describe('pickWord', () => {
  const words = ['one', 'two', 'three'];

  it('maps the random number onto the list', () => {
    expect(pickWord(words, () => 0)).toBe('one');
    expect(pickWord(words, () => 0.5)).toBe('two');
    expect(pickWord(words, () => 0.9999)).toBe('three');
  });

  it('stays in range even if random returns 1', () => {
    expect(pickWord(words, () => 1)).toBe('three');
  });

  it('uses Math.random by default and returns a listed word', () => {
    expect(words).toContain(pickWord(words));
  });

  it('throws on an empty list (our own misuse)', () => {
    expect(() => pickWord([])).toThrow();
  });
});
