import { describe, expect, it } from 'vitest';
import { isPalindrome } from './palindrome.js';

describe('isPalindrome', () => {
  it.each([
    'abba',
    'a',
    'А роза упала на лапу Азора',
    'A man, a plan, a canal: Panama!',
    'Я несу гусеня',
    '12321',
    'No "x" in Nixon',
    'Was it a car or a cat I saw?',
    '𝒜b𝒜', // letters outside the BMP stay whole when reversed
  ])('"%s" is a palindrome', (text) => {
    expect(isPalindrome(text)).toBe(true);
  });

  it.each(['ab', 'hello', 'Гра почалась', '123', 'abca'])('"%s" is not', (text) => {
    expect(isPalindrome(text)).toBe(false);
  });

  it('ignores case in every script', () => {
    expect(isPalindrome('AbBa')).toBe(true);
    expect(isPalindrome('Ґаґ')).toBe(true);
  });

  it('treats a composed and a decomposed accent as the same letter', () => {
    expect(isPalindrome('\u00e9te\u0301')).toBe(true); // "été" with the last é decomposed
  });

  it('answers true for text with no letters or digits (nothing left to compare)', () => {
    expect(isPalindrome('?!')).toBe(true);
    expect(isPalindrome('...   ---')).toBe(true);
    expect(isPalindrome('')).toBe(true);
  });
});
