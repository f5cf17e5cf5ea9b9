import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROXY_MAX_BYTES, canonicalAddress, formatProxyLine, looksLikeProxyLine, parseProxyLine } from './proxy-protocol.js';

const ok = (line: string) => {
  const r = parseProxyLine(line);
  if (!r.ok) throw new Error(r.error);
  return r.header;
};

describe('parseProxyLine', () => {
  it('reads the examples of the spec', () => {
    expect(ok('PROXY TCP4 255.255.255.255 255.255.255.255 65535 65535')).toEqual({
      kind: 'TCP4',
      source: { address: '255.255.255.255', port: 65535 },
      destination: { address: '255.255.255.255', port: 65535 },
    });
    expect(ok('PROXY TCP6 FFFF:F:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF ::1 0 30003')).toEqual({
      kind: 'TCP6',
      source: { address: 'ffff:f:ffff:ffff:ffff:ffff:ffff:ffff', port: 0 },
      destination: { address: '::1', port: 30003 },
    });
    expect(ok('PROXY UNKNOWN')).toEqual({ kind: 'UNKNOWN' });
    // After UNKNOWN the rest of the line is ignored.
    expect(ok('PROXY UNKNOWN ffff:f:ffff:ffff:ffff:ffff:ffff:ffff ::1 65535 65535')).toEqual({ kind: 'UNKNOWN' });
  });

  it.each([
    ['PROXY', 'unknown protocol'],
    ['PROXY TCP5 1.2.3.4 5.6.7.8 1 2', 'unknown protocol'],
    ['PROXY TCP4 1.2.3.4 5.6.7.8 1', 'four fields'],
    ['PROXY TCP4 1.2.3.4 5.6.7.8 1 2 3', 'four fields'],
    ['PROXY TCP4 ::1 5.6.7.8 1 2', 'source'],
    ['PROXY TCP4 1.2.3.4 ::1 1 2', 'destination'],
    ['PROXY TCP6 1.2.3.4 ::1 1 2', 'source'],
    ['PROXY TCP6 fe80::1%eth0 ::1 1 2', 'source'],
    ['PROXY TCP4 1.2.3.4 5.6.7.8 65536 2', 'source port'],
    ['PROXY TCP4 1.2.3.4 5.6.7.8 01 2', 'source port'],
    ['PROXY TCP4 1.2.3.4 5.6.7.8 1 -2', 'destination port'],
    ['PROXY TCP4 1.2.3.4  5.6.7.8 1 2', 'single spaces'],
    ['PROXY TCP4 1.2.3.4 5.6.7.8 1 2\r', 'single spaces'],
    ['proxy TCP4 1.2.3.4 5.6.7.8 1 2', 'PROXY'],
    ['PROXY TCP4 1.2.3.4 5.6.7.8 1 2 ', 'single spaces'],
    [`PROXY UNKNOWN ${'x'.repeat(100)}`, 'longer than'],
  ])('refuses %j (%s)', (line, why) => {
    const r = parseProxyLine(line);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(why);
  });

  it('never throws, and accepts nothing longer than the spec allows', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (s) => {
        const line = 'PROXY ' + s;
        const r = parseProxyLine(line);
        if (r.ok) expect(Buffer.byteLength(line) + 2).toBeLessThanOrEqual(PROXY_MAX_BYTES);
      }),
    );
  });

  it('reads back every header it writes', () => {
    const endpoint = fc.record({ address: fc.oneof(fc.ipV4(), fc.ipV6()), port: fc.integer({ min: 0, max: 65535 }) });
    fc.assert(
      fc.property(endpoint, endpoint, (source, destination) => {
        const line = formatProxyLine(source, destination);
        expect(line.endsWith('\r\n')).toBe(true);
        expect(Buffer.byteLength(line)).toBeLessThanOrEqual(PROXY_MAX_BYTES);
        const header = ok(line.slice(0, -2));
        expect(header.kind).not.toBe('UNKNOWN');
        if (header.kind === 'UNKNOWN') return;
        const sameAddress = (a: string, b: string) => canonicalAddress(a.replace(/^::ffff:/, '')) === canonicalAddress(b.replace(/^::ffff:/, ''));
        expect(sameAddress(header.source.address, source.address) || header.source.address === `::ffff:${source.address}`).toBe(true);
        expect(header.source.port).toBe(source.port);
        expect(header.destination.port).toBe(destination.port);
      }),
    );
  });

  it('survives a valid header with one character changed', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.ipV4(), fc.nat(65535), fc.nat(65535), fc.nat(), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }), (s, d, sp, dp, at, ch) => {
        const line = `PROXY TCP4 ${s} ${d} ${sp} ${dp}`;
        const i = at % line.length;
        const changed = line.slice(0, i) + ch + line.slice(i + 1);
        const r = parseProxyLine(changed);
        if (r.ok && r.header.kind !== 'UNKNOWN') expect(r.header.source.port).toBeLessThanOrEqual(65535);
      }),
    );
  });
});

describe('formatProxyLine', () => {
  it('writes IPv4 ends as TCP4, IPv4-mapped ones too', () => {
    expect(formatProxyLine({ address: '::ffff:203.0.113.7', port: 51234 }, { address: '::ffff:127.0.0.1', port: 30003 })).toBe(
      'PROXY TCP4 203.0.113.7 127.0.0.1 51234 30003\r\n',
    );
  });

  it('writes mixed families as TCP6 with the IPv4 end mapped', () => {
    expect(formatProxyLine({ address: '203.0.113.7', port: 1 }, { address: '::1', port: 2 })).toBe('PROXY TCP6 ::ffff:203.0.113.7 ::1 1 2\r\n');
  });

  it('writes UNKNOWN when an end is not known', () => {
    expect(formatProxyLine({ address: undefined, port: 1 }, { address: '::1', port: 2 })).toBe('PROXY UNKNOWN\r\n');
  });
});

describe('looksLikeProxyLine', () => {
  it('takes any line that starts with the PROXY word, not a name that merely begins with it', () => {
    expect(looksLikeProxyLine('PROXY TCP4 garbage')).toBe(true);
    expect(looksLikeProxyLine('PROXY')).toBe(true);
    expect(looksLikeProxyLine('PROXYMAN')).toBe(false);
    expect(looksLikeProxyLine('Proxy Ann')).toBe(false);
  });
});
