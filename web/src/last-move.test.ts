import { describe, expect, it } from 'vitest';
import { markLetters, named, passed, settle, wins } from './last-move.js';

describe('named', () => {
  it('keeps the value as the server compares it: NFC, lower case, one apostrophe (rules.normalize)', () => {
    expect(named('Ann', 'word', 'CAT’S').value).toBe("cat's");
    expect(named('Ann', 'letter', 'И\u0306').value).toBe('й');
  });
});

describe('settle: every outcome from one place', () => {
  const letter = named('Ann', 'letter', 'a');
  const word = named('Ann', 'word', 'banana');

  it('the mover’s own replies', () => {
    expect(settle(letter, { type: 'earned', points: 3 })).toMatchObject({ outcome: 'hit', earned: 3 });
    expect(settle(word, { type: 'earned', points: 3 })).toMatchObject({ outcome: 'right', earned: 3 });
    expect(settle(letter, { type: 'no-letter' })).toMatchObject({ outcome: 'miss', earned: 0 });
    expect(settle(letter, { type: 'already-open' })).toMatchObject({ outcome: 'already' });
    expect(settle(word, { type: 'burned' })).toMatchObject({ outcome: 'wrong', earned: 0 });
    expect(settle(letter, { type: 'refused' })).toMatchObject({ outcome: 'invalid' });
  });

  it('the mask settles what others did, with the rules’ points', () => {
    expect(settle(letter, { type: 'mask', before: '******', after: '*a*a*a' })).toMatchObject({ outcome: 'hit', earned: 3 });
    expect(settle(letter, { type: 'mask', before: '******', after: '******' })).toMatchObject({ outcome: 'miss', earned: 0 });
    expect(settle(word, { type: 'mask', before: '*a*a*a', after: 'banana' })).toMatchObject({ outcome: 'right', earned: 3 });
    expect(settle(word, { type: 'mask', before: '*a*a*a', after: '*a*a*a' })).toMatchObject({ outcome: 'wrong', earned: 0 });
    // A move we joined too late to see the mask before: the points are unknown, not made up.
    expect(settle(letter, { type: 'mask', before: null, after: '*a*a*a' })).toMatchObject({ outcome: 'hit', earned: null });
  });

  it('the mask does not undo what the mover was told', () => {
    const earned = settle(letter, { type: 'earned', points: 3 });
    expect(settle(earned, { type: 'mask', before: '******', after: '*a*a*a' })).toEqual(earned);
    const refused = settle(letter, { type: 'refused' });
    expect(settle(refused, { type: 'mask', before: '******', after: '*a*a*a' })).toEqual(refused);
  });

  it('SCORE gives the change of the mover’s points', () => {
    expect(settle(word, { type: 'score', before: 5, after: 0 }).delta).toBe(-5);
  });

  it('a timeout or a leaver is no guess: nothing settles it', () => {
    const left = passed('Bob', 'left');
    expect(settle(left, { type: 'earned', points: 2 })).toBe(left);
    expect(settle(left, { type: 'mask', before: '**', after: 'ab' })).toBe(left);
  });

  it('wins: a settled hit or right word that leaves no hidden letter', () => {
    expect(wins(settle(word, { type: 'earned', points: 3 }), 'banana')).toBe(true);
    expect(wins(settle(letter, { type: 'no-letter' }), 'banana')).toBe(false);
    expect(wins(word, 'banana')).toBe(false);
  });
});

describe('markLetters', () => {
  it('pending, then hit or miss; a refused letter is forgotten', () => {
    const a = named('Ann', 'letter', 'a');
    const pending = markLetters({}, a);
    expect(pending).toEqual({ a: 'pending' });
    expect(markLetters(pending, settle(a, { type: 'earned', points: 1 }))).toEqual({ a: 'hit' });
    expect(markLetters(pending, settle(a, { type: 'no-letter' }))).toEqual({ a: 'miss' });
    expect(markLetters(pending, settle(a, { type: 'already-open' }))).toEqual({ a: 'hit' });
    expect(markLetters(pending, settle(a, { type: 'refused' }))).toEqual({});
  });

  it('holds any letter as its own key, even one named like an object property', () => {
    const marks = markLetters({}, named('Bob', 'letter', 'constructor'));
    expect(Object.hasOwn(marks, 'constructor')).toBe(true);
    expect(Object.getPrototypeOf(markLetters({}, named('Bob', 'letter', '__proto__')))).toBe(Object.prototype);
  });
});
