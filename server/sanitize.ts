/**
 * Cleaning text that came from a peer before anyone else sees it (PROTOCOL.md §2,
 * §4): another player's terminal must never receive a control character, and a name
 * must show what it is.
 */
import { stripControls } from '../protocol/controls.js';

export { stripControls };

/** A received line as the server acts on it: controls removed, white space trimmed. */
export function cleanLine(text: string): string {
  return stripControls(text).trim();
}

/** Longest name, in code points. */
export const MAX_NAME_LENGTH = 32;

// Invisible characters (docs/SECURITY.md, "Invisible names"). Default-ignorable code
// points show nothing; most are removed wherever they are. Four kinds do a job inside
// emoji and cursive scripts, and are kept only where they do it:
const JOINER = /[\u200c\u200d]/u; // ZWNJ, ZWJ: between two letters, marks or emoji
const SELECTOR = /[\ufe00-\ufe0f\u180b-\u180d\u180f\u{e0100}-\u{e01ef}]/u; // after something visible
const TAG = /[\u{e0020}-\u{e007e}]/u; // inside a flag: 🏴, tags, CANCEL TAG
const CANCEL_TAG = '\u{e007f}';
const BLACK_FLAG = '\u{1f3f4}';
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
// Not default-ignorable, but a blank a name could hide behind.
const BLANK = '\u2800';
/** What a joiner may stand between. */
const JOINABLE = /[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}]/u;
/** Removed from names so that lists of names and chat lines split cleanly (PROTOCOL.md §4). */
const NOT_IN_NAMES = /[,<>]/g;
/** A name must show at least one of these. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
const LEADING_MARKS = /^\p{M}+/u;
const TRAILING_JOINERS = /[\u200c\u200d]+$/u;
const SEGMENTER = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// Already NFC, without joiners, selectors or marks: the shape of most names, checked for first.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Always removed: default-ignorable code points other than the four kinds above, and the blank. */
function alwaysRemoved(c: string): boolean {
  if (c === BLANK) return true;
  return IGNORABLE.test(c) && !JOINER.test(c) && !SELECTOR.test(c) && !TAG.test(c) && c !== CANCEL_TAG;
}

/** Removes invisible characters, keeping joiners, selectors and tags only where they join or select something. */
export function removeInvisible(text: string): string {
  const chars = [...text].filter((c) => !alwaysRemoved(c));
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const prev = out.at(-1);
    if (JOINER.test(c)) {
      const next = chars[i + 1];
      // A selector is a mark too, but one right after a joiner is dropped: it joins nothing.
      const joins = prev !== undefined && (JOINABLE.test(prev) || SELECTOR.test(prev)) && next !== undefined && JOINABLE.test(next) && !SELECTOR.test(next);
      if (joins) out.push(c);
    } else if (SELECTOR.test(c)) {
      if (prev !== undefined && !/\s/u.test(prev) && !JOINER.test(prev) && !SELECTOR.test(prev)) out.push(c);
    } else if (c === BLACK_FLAG) {
      out.push(c);
      // A subdivision flag: tags closed by CANCEL TAG. Anything else is dropped below, one by one.
      let end = i + 1;
      while (end < chars.length && TAG.test(chars[end])) end++;
      if (end > i + 1 && chars[end] === CANCEL_TAG) {
        out.push(...chars.slice(i + 1, end + 1));
        i = end;
      }
    } else if (!TAG.test(c) && c !== CANCEL_TAG) {
      out.push(c);
    }
  }
  return out.join('');
}

/**
 * Text from a player as a name (or chat) shows it: controls, invisible characters and
 * `,` `<` `>` removed, NFC, trimmed, no combining mark left with nothing to sit on.
 */
export function cleanName(text: string): string {
  const visible = removeInvisible(stripControls(text).replace(NOT_IN_NAMES, '')).normalize('NFC').trim();
  return visible.replace(LEADING_MARKS, '').trim();
}

/**
 * The longest start of `text` that has at most `max` code points and ends between two
 * graphemes (a family emoji whole or not at all). A first grapheme longer than `max`
 * (a letter under a pile of marks) is cut inside, keeping its base.
 */
export function cutToGraphemes(text: string, max: number): string {
  // Printable ASCII (most names): each character is a grapheme of its own, and none is a joiner.
  if (PRINTABLE_ASCII.test(text)) return text.slice(0, max).trimEnd();
  let out = '';
  let count = 0;
  for (const { segment } of SEGMENTER.segment(text)) {
    const length = [...segment].length;
    if (count + length > max) {
      if (count === 0) out = [...segment].slice(0, max).join('');
      break;
    }
    out += segment;
    count += length;
  }
  // A joiner is kept only before what it joins: with that cut off, it goes too.
  return out.replace(TRAILING_JOINERS, '').trimEnd();
}

/** What names are compared by: the name without the joiners and selectors it may keep, in NFC. */
export function nameKey(name: string): string {
  if (PRINTABLE_ASCII.test(name)) return name;
  return [...name].filter((c) => !JOINER.test(c) && !SELECTOR.test(c)).join('').normalize('NFC');
}

export type NameCheck = { ok: true; name: string } | { ok: false; error: 'NO_NAME' | 'BAD_NAME' };

/** Checks a first line as a player's name: cleaned, something visible, no leading `/`, cut to 32 code points. */
export function checkName(line: string): NameCheck {
  const cleaned = cleanName(line);
  if (!VISIBLE.test(cleaned)) return { ok: false, error: 'NO_NAME' };
  if (cleaned.startsWith('/')) return { ok: false, error: 'BAD_NAME' };
  return { ok: true, name: cutToGraphemes(cleaned, MAX_NAME_LENGTH) };
}

/**
 * A name whose key is not among those of `taken`: the name itself, else `name 2`,
 * `name 3`, …, cut so it stays within MAX_NAME_LENGTH.
 */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  const keys = new Set([...taken].map(nameKey));
  if (!keys.has(nameKey(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const candidate = cutToGraphemes(name, MAX_NAME_LENGTH - suffix.length) + suffix;
    if (!keys.has(nameKey(candidate))) return candidate;
  }
}
