/**
 * Chat at a table (PROTOCOL.md §8.6): what a `/say` line becomes, and how often a
 * player may talk.
 */

/** Longest chat text, in code points. */
export const MAX_CHAT_LENGTH = 300;
/** At most this many `/say` lines from one player… */
export const CHAT_LIMIT = 5;
/** …in any window this long. */
export const CHAT_WINDOW_MS = 10_000;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The text of a `/say` line as the table shows it: NFC, no `\x00`-style controls
 * (the line was cleaned on arrival), cut to MAX_CHAT_LENGTH code points at a
 * character boundary so no emoji or accent is left half. Empty means nothing to send.
 */
export function chatText(arg: string): string {
  const text = arg.normalize('NFC').trim();
  if ([...text].length <= MAX_CHAT_LENGTH) return text;
  let out = '';
  let length = 0;
  for (const { segment } of graphemes.segment(text)) {
    const n = [...segment].length;
    if (length + n > MAX_CHAT_LENGTH) break;
    out += segment;
    length += n;
  }
  return out.trimEnd();
}
