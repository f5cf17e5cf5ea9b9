/** The on-screen keyboard's alphabet, and what counts as a letter typed on the physical one. */
import type { Lang } from '../../protocol/index.js';
import { HIDDEN, isLetter, normalize } from '../../game/rules.js';

export const ALPHABETS: Readonly<Record<Lang, readonly string[]>> = {
  en: [...'abcdefghijklmnopqrstuvwxyz'],
  uk: [...'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'],
};

/**
 * The keyboard for a word: the script of its open letters; before any is open, the
 * language the server speaks, else the one the player chose. Letters other players
 * named never count: anyone may name any letter, and one hostile `ж` in an English
 * game must not swap every player's keyboard.
 */
export function alphabetFor(mask: string | null, serverLang: Lang | null, chosen: Lang): readonly string[] {
  const open = [...normalize(mask ?? '')].filter((c) => c !== HIDDEN && isLetter(c)).join('');
  if (/\p{Script=Cyrillic}/u.test(open)) return ALPHABETS.uk;
  if (/\p{Script=Latin}/u.test(open)) return ALPHABETS.en;
  return ALPHABETS[serverLang ?? chosen];
}

/** The letter a key press names (NFC, lower case), or null when the key is no single letter. */
export function typedLetter(key: string): string | null {
  const letter = normalize(key);
  return isLetter(letter) ? letter : null;
}
