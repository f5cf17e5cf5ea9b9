/**
 * Chat at a table (PROTOCOL.md §8.6): what a `/say` line becomes, and how often a
 * player may talk.
 */
import { cutToGraphemes, removeInvisible, stripControls } from './sanitize.js';

/** Longest chat text, in code points. */
export const MAX_CHAT_LENGTH = 300;
/** At most this many `/say` lines from one player… */
export const CHAT_LIMIT = 5;
/** …in any window this long. */
export const CHAT_WINDOW_MS = 10_000;

/**
 * The text of a `/say` line as the table shows it: cleaned as a name is (no
 * controls, no escape sequences, no invisible characters), NFC, trimmed, and cut to
 * MAX_CHAT_LENGTH code points between two characters as people see them. Unlike a
 * name it keeps `,` `<` `>`: the `<name>` before it cannot hold them, so a chat line
 * still splits cleanly. Empty means there is nothing to send.
 */
export function chatText(arg: string): string {
  return cutToGraphemes(removeInvisible(stripControls(arg)).normalize('NFC').trim(), MAX_CHAT_LENGTH);
}
