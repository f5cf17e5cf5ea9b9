import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_NAME_LENGTH, checkName, cleanLine, stripControls, uniqueName } from './sanitize.js';

/** No C0, DEL, C1 or ESC left. */
const CONTROL = /[\x00-\x1f\x7f-\x9f]/;

describe('stripControls', () => {
  it.each([
    ['CSI colour', 'A\x1b[1;31mnn\x1b[0m', 'Ann'],
    ['CSI with intermediates', 'A\x1b[2 qnn', 'Ann'],
    ['CSI cursor move and clear', '\x1b[2J\x1b[HAnn', 'Ann'],
    ['one-byte C1 CSI', 'A\x9b31mnn', 'Ann'],
    ['OSC ended by BEL', 'A\x1b]0;pwned\x07nn', 'Ann'],
    ['OSC ended by ESC \\', 'A\x1b]8;;http://x\x1b\\nn', 'Ann'],
    ['OSC ended by C1 ST', 'A\x1b]0;t\x9cnn', 'Ann'],
    ['one-byte C1 OSC', 'A\x9d0;t\x07nn', 'Ann'],
    ['OSC cut short by another sequence', 'A\x1b]0;t\x1b[1mnn', 'Ann'],
    ['unterminated OSC runs to the end', 'Ann\x1b]0;title that never ends', 'Ann'],
    ['C0 characters', 'A\x00n\x07n\x08\t\x1f', 'Ann'],
    ['DEL', 'An\x7fn', 'Ann'],
    ['C1 characters', 'A\x80n\x85n\x9f', 'Ann'],
    ['a lone ESC', 'Ann\x1b', 'Ann'],
    ['bidirectional overrides and isolates', 'A\u202enn\u2066\u2069', 'Ann'],
    ['line and paragraph separators', 'A\u2028n\u2029n', 'Ann'],
  ])('removes %s', (_what, input, output) => {
    expect(stripControls(input)).toBe(output);
  });

  it('keeps ordinary text of every script, and brackets that are not part of a sequence', () => {
    for (const text of ['Ann', 'Олена', "п'ять", 'x-ray', '🦊 fox', '[1m]', 'a\u00a0b', '中文']) expect(stripControls(text)).toBe(text);
  });

  it('never leaves a control character, whatever the input (property)', () => {
    const pieces = fc.constantFrom('\x1b', '[', ']', '\\', '\x07', '\x9b', '\x9c', '\x9d', '1', ';', 'm', 'A', 'я', '\x00', '\x7f', '\x85', ' ');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: 'binary' })), { maxLength: 30 }), (parts) => {
        expect(stripControls(parts.join(''))).not.toMatch(CONTROL);
      }),
    );
  });
});

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
});

describe('uniqueName at the length limit', () => {
  it('cuts the name so the suffix still fits in 32 code points', () => {
    const long = 'я'.repeat(32);
    const renamed = uniqueName(long, new Set([long]));
    expect([...renamed]).toHaveLength(32);
    expect(renamed.endsWith(' 2')).toBe(true);
  });
});
