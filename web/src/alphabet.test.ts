import { describe, expect, it } from 'vitest';
import { ALPHABETS, alphabetFor, typedLetter } from './alphabet.js';

describe('alphabetFor', () => {
  it('follows the script of the open letters', () => {
    expect(alphabetFor('*i*i', 'uk', 'uk')).toBe(ALPHABETS.en);
    expect(alphabetFor('*а*а', 'en', 'en')).toBe(ALPHABETS.uk);
    expect(alphabetFor("**'*", 'en', 'en')).toBe(ALPHABETS.en); // an apostrophe is no letter
  });

  it('before any letter is open: the server’s language, else the player’s choice', () => {
    expect(alphabetFor('****', 'uk', 'en')).toBe(ALPHABETS.uk);
    expect(alphabetFor('****', null, 'uk')).toBe(ALPHABETS.uk);
    expect(alphabetFor(null, null, 'en')).toBe(ALPHABETS.en);
  });

  it('has the Ukrainian letters and no Russian ones', () => {
    expect(ALPHABETS.uk).toHaveLength(33);
    expect(ALPHABETS.uk).toEqual(expect.arrayContaining(['є', 'і', 'ї', 'ґ', 'я']));
    expect(ALPHABETS.uk).not.toContain('ы');
    expect(ALPHABETS.en).toHaveLength(26);
  });
});

describe('typedLetter', () => {
  it('names any single letter, of any alphabet, in lower case', () => {
    expect(typedLetter('K')).toBe('k');
    expect(typedLetter('ж')).toBe('ж');
    expect(typedLetter('Ї')).toBe('ї');
    expect(typedLetter('e\u0301')).toBe('é'); // NFC
  });

  it('ignores keys that are no letter', () => {
    for (const key of ['Enter', 'Shift', 'Dead', '1', ' ', "'", 'ab']) expect(typedLetter(key), key).toBeNull();
  });
});
