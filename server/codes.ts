/**
 * Room codes and seat keys (PROTOCOL.md §8.1, §8.3): short strings from an alphabet
 * without look-alikes, drawn from a cryptographic source, read back in any case.
 */
import { randomInt } from 'node:crypto';

/** No 0, 1, I, O: nothing to misread when a code is read out to a class. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const ROOM_CODE_LENGTH = 5;
export const SEAT_KEY_LENGTH = 8;

/** A fresh random code of `length` characters from CODE_ALPHABET. */
export function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A code or key as typed, in the form it is stored under: upper case (codes are case-insensitive). */
export function canonicalCode(typed: string): string {
  return typed.trim().toUpperCase();
}

/** A key as it may be logged: its first two characters, never the whole of it. */
export function keyForLog(key: string): string {
  return `${key.slice(0, 2)}…`;
}
