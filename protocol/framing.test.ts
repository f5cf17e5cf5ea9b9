import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineDecoder, MAX_LINE_BYTES, MAX_UNTERMINATED_BYTES, encodeLine, type Line, type LineDecoderOptions } from './framing.js';

const enc = new TextEncoder();
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...enc.encode(p)] : p)));

/** Pushes chunks in order, then ends the stream; returns every line's text (`<too long>` for refused ones). */
function decode(chunks: Uint8Array[], options?: LineDecoderOptions): string[] {
  const d = new LineDecoder(options);
  const lines: Line[] = [];
  for (const c of chunks) {
    const r = d.push(c);
    expect(r.overflow).toBe(false);
    lines.push(...r.lines);
  }
  lines.push(...d.end());
  return lines.map((l) => (l.tooLong ? '<too long>' : l.text));
}

/** Splits bytes into one-byte chunks. */
const byteByByte = (b: Uint8Array): Uint8Array[] => [...b].map((x) => Uint8Array.of(x));

const IAC = 255;
const SB = 250;
const SE = 240;
const WILL = 251;
const DO = 253;
const NOP = 241;

describe('LineDecoder at chunk boundaries', () => {
  it('two lines in one chunk', () => {
    expect(decode([bytes('Ann\n/letter а\n')])).toEqual(['Ann', '/letter а']);
  });

  it('one line over three writes', () => {
    expect(decode([bytes('/wo'), bytes('rd ла'), bytes('па\n')])).toEqual(['/word лапа']);
  });

  it('keeps the partial line until its end arrives', () => {
    const d = new LineDecoder();
    expect(d.push(bytes('An')).lines).toEqual([]);
    expect(d.push(bytes('n\nBo')).lines).toEqual([{ text: 'Ann', tooLong: false }]);
    expect(d.push(bytes('b\n')).lines).toEqual([{ text: 'Bob', tooLong: false }]);
  });

  it('a Ukrainian character split byte by byte stays whole', () => {
    expect(decode(byteByByte(bytes('Ґанок їжак\n')))).toEqual(['Ґанок їжак']);
  });

  it('an emoji (four bytes) split byte by byte stays whole', () => {
    expect(decode(byteByByte(bytes('hi 🎉!\n')))).toEqual(['hi 🎉!']);
  });
});

describe('LineDecoder line ends', () => {
  it.each([
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
    ['lone \\r', '\r'],
    ['\\r\\0', '\r\0'],
  ])('%s ends a line, once', (_, end) => {
    expect(decode([bytes(`a${end}b${end}`)])).toEqual(['a', 'b']);
  });

  it('\\r at the end of one chunk and \\n at the start of the next are one line end', () => {
    expect(decode([bytes('a\r'), bytes('\nb\n')])).toEqual(['a', 'b']);
  });

  it('\\r at the end of one chunk and \\0 at the start of the next are one line end', () => {
    expect(decode([bytes('a\r'), bytes('\0b\r')])).toEqual(['a', 'b']);
  });

  it('\\n\\r is two line ends (an empty line between)', () => {
    expect(decode([bytes('a\n\rb\n')])).toEqual(['a', '', 'b']);
  });

  it('empty lines are lines', () => {
    expect(decode([bytes('\n\r\n\rx\n\n')])).toEqual(['', '', '', 'x', '']);
  });

  it('does not trim: that is the caller’s job', () => {
    expect(decode([bytes('  a \t\n')])).toEqual(['  a \t']);
  });

  it('end() flushes a last unterminated line', () => {
    const d = new LineDecoder();
    expect(d.push(bytes('a\nlast')).lines).toHaveLength(1);
    expect(d.end()).toEqual([{ text: 'last', tooLong: false }]);
  });

  it('end() after a complete line gives nothing more', () => {
    const d = new LineDecoder();
    d.push(bytes('a\r\n'));
    expect(d.end()).toEqual([]);
  });
});

describe('LineDecoder.atLineStart', () => {
  it('says whether any part of a line is held', () => {
    const d = new LineDecoder();
    expect(d.atLineStart).toBe(true);
    d.push(bytes('a\nb'));
    expect(d.atLineStart).toBe(false);
    d.push(bytes('\n'));
    expect(d.atLineStart).toBe(true);
  });

  it('is false after a CR, whose LF may still come', () => {
    const d = new LineDecoder();
    d.push(bytes('a\r'));
    expect(d.atLineStart).toBe(false);
    d.push(bytes('\n'));
    expect(d.atLineStart).toBe(true);
  });
});

describe('LineDecoder invalid input', () => {
  it('invalid UTF-8 becomes U+FFFD and the next line is fine', () => {
    expect(decode([bytes('a', [0xc3], 'b', [0x80, 0xfe], '\nок\n')])).toEqual(['a\uFFFDb\uFFFD\uFFFD', 'ок']);
  });

  it('a truncated multi-byte character at a line end becomes U+FFFD', () => {
    expect(decode([bytes([0xd0], '\n', [0xf0, 0x9f, 0x8e], '\n')])).toEqual(['\uFFFD', '\uFFFD']);
  });
});

describe('LineDecoder telnet', () => {
  const telnet = { telnet: true };

  it('drops IAC WILL x', () => {
    expect(decode([bytes([IAC, WILL, 1], 'Ann\n')], telnet)).toEqual(['Ann']);
  });

  it('drops IAC DO x split across chunks', () => {
    expect(decode([bytes('A', [IAC]), bytes([DO]), bytes([3], 'nn\n')], telnet)).toEqual(['Ann']);
  });

  it('drops a whole IAC SB … IAC SE, line-end bytes inside too', () => {
    expect(decode([bytes('A', [IAC, SB, 24, 0, 10, 13, 65, IAC, SE], 'nn\n')], telnet)).toEqual(['Ann']);
  });

  it('inside SB, IAC then a byte other than SE does not end it', () => {
    expect(decode([bytes([IAC, SB, 1, IAC, IAC, 66, IAC, SE], 'ok\n')], telnet)).toEqual(['ok']);
  });

  it('drops any other IAC x (two bytes)', () => {
    expect(decode([bytes('a', [IAC, NOP], 'b\n')], telnet)).toEqual(['ab']);
  });

  it('IAC IAC is one byte 255, which alone is invalid UTF-8', () => {
    expect(decode([bytes('a', [IAC, IAC], 'b\n')], telnet)).toEqual(['a\uFFFDb']);
  });

  it('keeps every byte when telnet is off', () => {
    // 255 and 251 are invalid UTF-8 (two U+FFFD); byte 1 is kept as it is.
    expect(decode([bytes([IAC, WILL, 1], 'Ann\n')])).toEqual(['\uFFFD\uFFFD\u0001Ann']);
  });
});

describe('LineDecoder limits', () => {
  it(`a line of exactly ${MAX_LINE_BYTES} bytes passes`, () => {
    const line = 'x'.repeat(MAX_LINE_BYTES);
    expect(decode([bytes(line + '\n')])).toEqual([line]);
  });

  it('the limit counts bytes, not characters', () => {
    const line = 'ї'.repeat(MAX_LINE_BYTES / 2); // two bytes each
    expect(decode([bytes(line + '\n' + line + 'ї\n')])).toEqual([line, '<too long>']);
  });

  it(`a line of ${MAX_LINE_BYTES + 1} bytes is tooLong and the next line is fine`, () => {
    const d = new LineDecoder();
    const r = d.push(bytes('x'.repeat(MAX_LINE_BYTES + 1) + '\nnext\n'));
    expect(r).toEqual({ lines: [{ text: '', tooLong: true }, { text: 'next', tooLong: false }], overflow: false });
  });

  it('a line over the limit is reported only when it ends', () => {
    const d = new LineDecoder();
    expect(d.push(bytes('y'.repeat(2000))).lines).toEqual([]);
    expect(d.push(bytes('\r\n')).lines).toEqual([{ text: '', tooLong: true }]);
  });

  it('end() reports an unterminated overlong line as tooLong', () => {
    const d = new LineDecoder();
    d.push(bytes('z'.repeat(MAX_LINE_BYTES + 1)));
    expect(d.end()).toEqual([{ text: '', tooLong: true }]);
  });

  it(`${MAX_UNTERMINATED_BYTES} bytes without a line end are fine, one more is overflow`, () => {
    const d = new LineDecoder();
    expect(d.push(new Uint8Array(MAX_UNTERMINATED_BYTES).fill(0x61)).overflow).toBe(false);
    expect(d.push(bytes('a')).overflow).toBe(true);
  });

  it('a line end resets the overflow count', () => {
    const d = new LineDecoder();
    const half = new Uint8Array(MAX_UNTERMINATED_BYTES - 10).fill(0x61);
    expect(d.push(half).overflow).toBe(false);
    expect(d.push(bytes('\n')).overflow).toBe(false);
    expect(d.push(half).overflow).toBe(false);
  });

  it('lines completed before the overflow in the same chunk are returned', () => {
    const d = new LineDecoder({ maxUnterminatedBytes: 8 });
    const r = d.push(bytes('ok\n' + 'a'.repeat(9)));
    expect(r).toEqual({ lines: [{ text: 'ok', tooLong: false }], overflow: true });
  });

  it('telnet negotiation counts toward the overflow limit', () => {
    const d = new LineDecoder({ telnet: true, maxUnterminatedBytes: 10 });
    expect(d.push(bytes([IAC, SB, ...new Array<number>(20).fill(1)])).overflow).toBe(true);
  });
});

describe('encodeLine', () => {
  it('is UTF-8 with a trailing \\n and decodes back', () => {
    expect([...encodeLine('Слово: *а*а')].at(-1)).toBe(0x0a);
    expect(decode([encodeLine('Слово: *а*а'), encodeLine('🎉')])).toEqual(['Слово: *а*а', '🎉']);
  });
});

// --- Properties ---------------------------------------------------------------

/** Cuts bytes at the given points (sorted, deduplicated, in range). */
function splitAt(b: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (b.length + 1)))].sort((x, y) => x - y);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(b.subarray(from, p));
    from = p;
  }
  chunks.push(b.subarray(from));
  return chunks;
}

// Text of a line: any code point but line-end bytes and NUL (a NUL right after a lone \r would join it).
const tricky = fc.constantFrom('ї', 'й', '🎉', '\uFEFF', '\uFFFD', ' ', '\t', '\u2028', 'я', "'");
const lineText = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 1 }), tricky), { maxLength: 40 })
  .map((cs) => cs.join('').replace(/[\r\n\0]/g, ''));
const lineEnd = fc.constantFrom('\n', '\r\n', '\r', '\r\0');

/** Joins lines with their ends. A lone \r followed by an empty line ended by \n would read as \r\n, so that \n becomes \r\n. */
function join(lines: string[], ends: string[]): string {
  return lines
    .map((line, i) => {
      const end = ends[i % ends.length];
      const afterLoneCR = i > 0 && ends[(i - 1) % ends.length] === '\r';
      return line + (afterLoneCR && line === '' && end === '\n' ? '\r\n' : end);
    })
    .join('');
}

describe('LineDecoder properties', () => {
  it.each([false, true])('lines joined with any line ends and split anywhere come back exactly (telnet %s)', (telnet) => {
    fc.assert(
      fc.property(
        fc.array(lineText, { maxLength: 12 }),
        fc.array(lineEnd, { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (lines, ends, cuts) => {
          // Valid UTF-8 never holds byte 255, so telnet mode must not change it either.
          expect(decode(splitAt(bytes(join(lines, ends)), cuts), { telnet })).toEqual(lines);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('an unterminated last line comes back through end()', () => {
    fc.assert(
      fc.property(fc.array(lineText, { maxLength: 6 }), lineText, fc.array(fc.nat(), { maxLength: 6 }), (lines, last, cuts) => {
        fc.pre(last !== '');
        const stream = bytes(join(lines, ['\n']) + last);
        expect(decode(splitAt(stream, cuts))).toEqual([...lines, last]);
      }),
      { numRuns: 2000 },
    );
  });

  // Bytes biased toward the interesting ones: line ends, NUL, IAC and its commands, UTF-8 lead bytes.
  const streamByte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(10, 13, 0, IAC, SB, SE, WILL, NOP, 0xd0, 0xf0, 0x80));
  const smallLimits = { maxLineBytes: 5, maxUnterminatedBytes: 40 };

  /** Every line of a whole run: the line texts, `<too long>`, and `<overflow>` where the decoder gave up. */
  function run(chunks: Uint8Array[], options: LineDecoderOptions): string[] {
    const d = new LineDecoder(options);
    const out: string[] = [];
    for (const c of chunks) {
      const r = d.push(c);
      out.push(...r.lines.map((l) => (l.tooLong ? '<too long>' : l.text)));
      if (r.overflow) return [...out, '<overflow>'];
    }
    return [...out, ...d.end().map((l) => (l.tooLong ? '<too long>' : l.text))];
  }

  it.each([
    ['plain', {}],
    ['telnet', { telnet: true }],
    ['small limits', smallLimits],
    ['telnet, small limits', { ...smallLimits, telnet: true }],
  ])('any byte stream split anywhere decodes as in one push, never throwing (%s)', (_, options: LineDecoderOptions) => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), fc.array(streamByte, { maxLength: 80 }), fc.array(fc.nat(), { maxLength: 12 }), (a, b, cuts) => {
        const stream = Uint8Array.from([...a, ...b]);
        expect(run(splitAt(stream, cuts), options)).toEqual(run([stream], options));
      }),
      { numRuns: 3000 },
    );
  });

  it('byte-by-byte equals one push for any stream', () => {
    fc.assert(
      fc.property(fc.array(streamByte, { maxLength: 200 }), (arr) => {
        const stream = Uint8Array.from(arr);
        expect(run(byteByByte(stream), { telnet: true })).toEqual(run([stream], { telnet: true }));
      }),
      { numRuns: 2000 },
    );
  });
});
