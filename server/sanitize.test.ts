import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_NAME_LENGTH, checkName, cleanLine, cleanName, nameKey, uniqueName } from './sanitize.js';

/** No C0, DEL, C1 or ESC left. */
const CONTROL = /[\x00-\x1f\x7f-\x9f]/;

describe('cleanLine', () => {
  it('removes controls, then trims white space', () => {
    expect(cleanLine('  \x1b[1m/letter a\x1b[0m \r')).toBe('/letter a');
    expect(cleanLine('\x1b[1m')).toBe('');
  });
});

describe('checkName', () => {
  it.each([
    ['empty', ''],
    ['white space', '   \t '],
    ['only control characters', '\x1b[1m\x07\x00'],
    ['only an OSC', '\x1b]0;title\x07'],
  ])('NO_NAME for a name that is %s', (_what, line) => {
    expect(checkName(line)).toEqual({ ok: false, error: 'NO_NAME' });
  });

  it.each([
    ['"/x"', '/x'],
    ['a bare "/"', '/'],
    ['"/quit 0"', '/quit 0'],
    ['a "/" behind an escape sequence', '\x1b[1m/x'],
    ['a "/" behind white space and controls', '  \x07/x'],
  ])('BAD_NAME for %s', (_what, line) => {
    expect(checkName(line)).toEqual({ ok: false, error: 'BAD_NAME' });
  });

  it('keeps a plain name, trimmed and cleaned', () => {
    expect(checkName('  Ann  ')).toEqual({ ok: true, name: 'Ann' });
    expect(checkName('\x1b[31mBob\x1b[0m')).toEqual({ ok: true, name: 'Bob' });
    expect(checkName('Ann/Bob')).toEqual({ ok: true, name: 'Ann/Bob' });
  });

  it('cuts a name to 32 code points: Latin, Cyrillic, emoji', () => {
    expect(MAX_NAME_LENGTH).toBe(32);
    expect(checkName('a'.repeat(40))).toEqual({ ok: true, name: 'a'.repeat(32) });
    expect(checkName('Щ'.repeat(40))).toEqual({ ok: true, name: 'Щ'.repeat(32) });
    // An emoji is two UTF-16 units but one code point: 32 emoji survive whole.
    const fox = '🦊'.repeat(40);
    const cut = checkName(fox);
    expect(cut.ok && [...cut.name]).toHaveLength(32);
    expect(cut).toEqual({ ok: true, name: '🦊'.repeat(32) });
    expect(checkName('🦊'.repeat(32))).toEqual({ ok: true, name: '🦊'.repeat(32) });
  });

  it('cuts after removing controls, so an escape sequence does not eat the budget', () => {
    expect(checkName('\x1b[1m' + 'Я'.repeat(32) + '\x1b[0m')).toEqual({ ok: true, name: 'Я'.repeat(32) });
  });

  it('puts a name in NFC', () => {
    expect(checkName('І\u0308гор')).toEqual({ ok: true, name: 'Їгор' });
    expect(checkName('Оле\u0301на')).toEqual({ ok: true, name: 'Оле\u0301на'.normalize('NFC') });
  });

  it('never returns a name with a control character, a leading "/", or more than 32 code points (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (line) => {
        const check = checkName(line);
        if (!check.ok) return;
        expect(check.name).not.toMatch(CONTROL);
        expect(check.name.startsWith('/')).toBe(false);
        expect(check.name).not.toBe('');
        expect([...check.name].length).toBeLessThanOrEqual(32);
      }),
    );
  });
});

describe('checkName: invisible characters (docs/SECURITY.md)', () => {
  const FAMILY = '👨\u200d👩\u200d👧'; // five code points, one grapheme
  const UA = '🇺🇦'; // two regional indicators
  const SCOTLAND = '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';

  it.each([
    ['zero-width spaces', '\u200b\u200b'],
    ['a Hangul filler', '\u3164'],
    ['Hangul fillers and a half-width one', '\u115f\u1160\uffa0'],
    ['braille blanks', '\u2800\u2800'],
    ['bidi marks (LRM, RLM, ALM)', '\u200e\u200f\u061c'],
    ['tag characters', '\u{E0041}\u{E0042}\u{E0001}'],
    ['a lone variation selector', '\ufe0f'],
    ['joiners', '\u200d\u200c'],
    ['a word joiner, a BOM, a soft hyphen', '\u2060\ufeff\u00ad'],
    ['a combining mark with nothing to sit on', '\u0301\u0301'],
    ['commas and angle brackets', ', <>'],
  ])('NO_NAME for a name of %s', (_what, line) => {
    expect(checkName(line)).toEqual({ ok: false, error: 'NO_NAME' });
  });

  it.each([
    ['a zero-width space', '\u200b/quit'],
    ['a bidi mark', '\u200f/x'],
    ['a tag character', '\u{E0020}/x'],
    ['a comma', ',/x'],
    ['an angle bracket and spaces', '< /x'],
  ])('BAD_NAME for a "/" behind %s', (_what, line) => {
    expect(checkName(line)).toEqual({ ok: false, error: 'BAD_NAME' });
  });

  it.each([
    ['a zero-width space', 'Ann\u200b'],
    ['a soft hyphen inside', 'A\u00adnn'],
    ['a word joiner and a BOM', '\u2060A\ufeffnn'],
    ['tag characters', 'A\u{E0041}nn\u{E007F}'],
    ['a dangling ZWJ at either end', '\u200dAnn\u200d'],
    ['a ZWJ next to a space', 'Ann \u200d'],
    ['bidi marks', '\u200eAnn\u200f\u061c'],
    ['a Hangul filler inside', 'An\u3164n'],
    ['a variation selector with nothing before it', '\ufe0fAnn'],
    ['a grapheme joiner', 'An\u034fn'],
  ])('removes %s', (_what, line) => {
    expect(checkName(line)).toEqual({ ok: true, name: 'Ann' });
  });

  it('removes "," "<" ">" (PROTOCOL.md §4), so that lists of names split cleanly', () => {
    expect(checkName('Ann, Bob')).toEqual({ ok: true, name: 'Ann Bob' });
    expect(checkName('<b>Ann</b>')).toEqual({ ok: true, name: 'bAnn/b' });
    expect(checkName('Ann 5,')).toEqual({ ok: true, name: 'Ann 5' });
  });

  it.each([
    ['a family (ZWJ between emoji)', FAMILY],
    ['a heart with its emoji presentation selector', '❤️'],
    ['a rainbow flag (selector, then ZWJ)', '🏳️\u200d🌈'],
    ['a skin tone and a ZWJ', '👩🏽\u200d💻'],
    ['a national flag', UA],
    ['a subdivision flag (tag characters closed by CANCEL TAG)', SCOTLAND],
    ['a keycap', '#️⃣'],
    ['a ZWNJ inside a Persian word', 'می\u200cخواهم'],
    ['a ZWJ after a virama (Sinhala)', 'ශ්\u200dරී'],
  ])('keeps %s whole', (_what, name) => {
    expect(checkName(name)).toEqual({ ok: true, name });
    expect(checkName(`Ann ${name}`)).toEqual({ ok: true, name: `Ann ${name}` });
  });

  it('drops tag characters that do not close as a flag', () => {
    expect(checkName('🏴\u{E0067}\u{E0062}')).toEqual({ ok: true, name: '🏴' });
  });
});

describe('checkName: the cut at 32 code points falls between graphemes', () => {
  const FAMILY = '👨\u200d👩\u200d👧';
  it.each([
    ['a family emoji, whole or not at all', 'a'.repeat(28) + FAMILY, 'a'.repeat(28)],
    ['a family emoji that fits', 'a'.repeat(27) + FAMILY + 'b', 'a'.repeat(27) + FAMILY],
    ['a flag’s two regional indicators together', 'a'.repeat(31) + '🇺🇦', 'a'.repeat(31)],
    ['a letter with its combining mark', 'a'.repeat(31) + 'q\u0301', 'a'.repeat(31)],
    ['a letter with its combining mark that fits', 'a'.repeat(30) + 'q\u0301z', 'a'.repeat(30) + 'q\u0301'],
    ['seven families: six fit', FAMILY.repeat(7), FAMILY.repeat(6)],
    ['twenty flags: sixteen fit', '🇺🇦'.repeat(20), '🇺🇦'.repeat(16)],
  ])('%s', (_what, line, name) => {
    expect(checkName(line)).toEqual({ ok: true, name });
  });

  it('cuts inside a single grapheme longer than 32 code points, keeping its base', () => {
    const check = checkName('q' + '\u0301'.repeat(40));
    expect(check).toEqual({ ok: true, name: 'q' + '\u0301'.repeat(31) });
  });

  it('never splits a grapheme, leaves a dangling joiner, or keeps "," "<" ">" (property)', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const graphemes = (s: string) => [...segmenter.segment(s)].map((g) => g.segment);
    const piece = fc.constantFrom(FAMILY, '🇺🇦', '🇺', 'q\u0301', '❤️', '\u200d', '\u200c', '\ufe0f', '\u200b', '\u{E0067}', '\u{E007F}', '🏴', 'a', 'я', ' ', ',', '<', '/', '\u3164');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const line = parts.join('');
        const check = checkName(line);
        if (!check.ok) return;
        expect([...check.name].length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
        expect(check.name).not.toMatch(/[,<>\u200b\u3164]/);
        expect(check.name).not.toMatch(/^[\u200d\u200c\ufe0f]|[\u200d\u200c]$|\s[\u200d\u200c\ufe0f]|[\u200d\u200c]\s/u);
        // The name is the cleaned line's first graphemes: none was split.
        const kept = graphemes(check.name);
        expect(graphemes(cleanName(line)).slice(0, kept.length)).toEqual(kept);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('nameKey: what names are compared by', () => {
  it('is the name without the joiners and selectors it may keep, in NFC', () => {
    expect(nameKey('❤️')).toBe(nameKey('❤'));
    expect(nameKey('A\u200dB')).toBe('AB');
    expect(nameKey('Ann')).not.toBe(nameKey('ann'));
  });
});

describe('uniqueName', () => {
  it('keeps a free name, and gives a taken one the first free suffix', () => {
    expect(uniqueName('Ann', new Set())).toBe('Ann');
    expect(uniqueName('Ann', new Set(['Bob']))).toBe('Ann');
    expect(uniqueName('Ann', new Set(['Ann']))).toBe('Ann 2');
    expect(uniqueName('Ann', new Set(['Ann', 'Ann 2']))).toBe('Ann 3');
    expect(uniqueName('Ann', new Set(['Ann', 'Ann 3']))).toBe('Ann 2');
    expect(uniqueName('Олена', new Set(['Олена']))).toBe('Олена 2');
  });

  it('is case-sensitive, as names are shown as given', () => {
    expect(uniqueName('ann', new Set(['Ann']))).toBe('ann');
  });

  it('compares names by what they show: a joiner or a selector does not make a name new', () => {
    expect(uniqueName('❤', new Set(['❤️']))).toBe('❤ 2');
    expect(uniqueName('❤️', new Set(['❤']))).toBe('❤️ 2');
    expect(uniqueName('Ann', new Set(['Ann\u200d', 'Ann 2']))).toBe('Ann 3');
  });
});

describe('uniqueName at the length limit', () => {
  it('cuts the name so the suffix still fits in 32 code points', () => {
    const long = 'я'.repeat(32);
    const renamed = uniqueName(long, new Set([long]));
    expect([...renamed]).toHaveLength(32);
    expect(renamed.endsWith(' 2')).toBe(true);
  });
});
