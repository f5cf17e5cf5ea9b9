/**
 * Control characters and terminal escape sequences, removed from text that came from
 * someone else before a terminal shows it (PROTOCOL.md §2, §4). The server cleans what
 * players send; the terminal client cleans what the server sends. Browser-safe.
 */

// ESC [ params intermediates final, or its one-byte C1 form.
const CSI = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]/g;
// ESC ] … ended by BEL or ESC \ (or C1 ST); another ESC cuts it short, and an
// unterminated one runs to the end of the line.
const OSC = /(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c|(?=\x1b)|$)/g;
// C0, DEL, C1; the bidirectional overrides and isolates (they reorder what
// others see); line and paragraph separators (some renderers break lines on them).
const CONTROL = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

// The same set, to test for: CSI and OSC sequences begin with one of them, so a line
// without any (nearly every line) has nothing to strip.
const ANY_CONTROL = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** Removes ANSI CSI and OSC sequences whole, then every other control character. */
export function stripControls(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(OSC, '').replace(CSI, '').replace(CONTROL, '');
}
