/**
 * Cleaning text that came from a peer before anyone else sees it (PROTOCOL.md §2,
 * §4): another player's terminal must never receive a control character.
 */

// ESC [ params intermediates final, or its one-byte C1 form.
const CSI = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]/g;
// ESC ] … ended by BEL or ESC \ (or C1 ST); another ESC cuts it short, and an
// unterminated one runs to the end of the line.
const OSC = /(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c|(?=\x1b)|$)/g;
// C0, DEL, C1; the bidirectional overrides and isolates (they reorder what
// others see); line and paragraph separators (some renderers break lines on them).
const CONTROL = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** Removes ANSI CSI and OSC sequences whole, then every other control character. */
export function stripControls(text: string): string {
  return text.replace(OSC, '').replace(CSI, '').replace(CONTROL, '');
}

/** A received line as the server acts on it: controls removed, white space trimmed. */
export function cleanLine(text: string): string {
  return stripControls(text).trim();
}

/** Longest name, in code points. */
export const MAX_NAME_LENGTH = 32;

export type NameCheck = { ok: true; name: string } | { ok: false; error: 'NO_NAME' | 'BAD_NAME' };

/** Checks a first line as a player's name: cleaned, not empty, no leading `/`, cut to 32 code points. */
export function checkName(line: string): NameCheck {
  const cleaned = cleanLine(line).normalize('NFC');
  if (cleaned === '') return { ok: false, error: 'NO_NAME' };
  if (cleaned.startsWith('/')) return { ok: false, error: 'BAD_NAME' };
  return { ok: true, name: [...cleaned].slice(0, MAX_NAME_LENGTH).join('').trimEnd() };
}

/** A name not in `taken`: the name itself, else `name 2`, `name 3`, …, cut so it stays within MAX_NAME_LENGTH. */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const chars = [...name];
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const candidate = chars.slice(0, MAX_NAME_LENGTH - suffix.length).join('').trimEnd() + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}
