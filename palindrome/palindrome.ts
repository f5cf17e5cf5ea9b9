/**
 * The palindrome check of the palindrome service (PROTOCOL.md §7). Pure.
 */

// Everything that is not a letter or a digit, in any script.
const NOT_ALPHANUMERIC = /[^\p{L}\p{N}]/gu;

/**
 * Whether `text` reads the same both ways, ignoring case and every character that
 * is not a letter or a digit: "А роза упала на лапу Азора" is one.
 *
 * Text with no letters or digits at all ("?!", "...") is a palindrome: what is left
 * after filtering is empty, and the empty string reads the same both ways.
 */
export function isPalindrome(text: string): boolean {
  // NFC first, so "é" typed as e + combining accent is one letter, not a letter and a dropped mark.
  const kept = text.normalize('NFC').toLowerCase().replace(NOT_ALPHANUMERIC, '');
  // Spread by code point, so a character outside the BMP is not split into halves when reversed.
  const chars = [...kept];
  for (let i = 0, j = chars.length - 1; i < j; i++, j--) {
    if (chars[i] !== chars[j]) return false;
  }
  return true;
}
