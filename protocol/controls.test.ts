import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stripControls } from './controls.js';

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

