/**
 * Chat at a table (PROTOCOL.md §8.6): what a `/say` line becomes, and how often a
 * player may talk.
 */
import { cleanName, cutToGraphemes } from './sanitize.js';

/** Longest chat text, in code points. */
export const MAX_CHAT_LENGTH = 300;
/** At most this many `/say` lines from one player… */
export const CHAT_LIMIT = 5;
/** …in any window this long. */
export const CHAT_WINDOW_MS = 10_000;

/**
 * The text of a `/say` line as the table shows it: cleaned exactly as a name is
 * (PROTOCOL.md §8.6: controls, escape sequences, invisible characters and `,` `<` `>`
 * removed, NFC, trimmed), then cut to MAX_CHAT_LENGTH code points between two
 * characters as people see them. Empty means there is nothing to send.
 */
export function chatText(arg: string): string {
  return cutToGraphemes(cleanName(arg), MAX_CHAT_LENGTH);
}
