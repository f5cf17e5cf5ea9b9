import { describe, expect, it } from 'vitest';
import type http from 'node:http';
import { browserAddress } from './forwarded.js';

const req = (xff?: string | string[]) => ({ headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }) as unknown as http.IncomingMessage;
const proxy = new Set(['10.0.0.9']);

describe('browserAddress', () => {
  it('takes the last X-Forwarded-For entry from a trusted proxy', () => {
    expect(browserAddress(req('203.0.113.7'), '10.0.0.9', proxy)).toBe('203.0.113.7');
    // A client's own header comes first; the proxy appends what it saw.
    expect(browserAddress(req('1.1.1.1, 203.0.113.7'), '10.0.0.9', proxy)).toBe('203.0.113.7');
    expect(browserAddress(req(['1.1.1.1', '203.0.113.7']), '::ffff:10.0.0.9', proxy)).toBe('203.0.113.7');
    expect(browserAddress(req('2001:DB8::7'), '10.0.0.9', proxy)).toBe('2001:db8::7');
  });

  it('ignores the header from anyone not trusted, and anything that is no address', () => {
    expect(browserAddress(req('203.0.113.7'), '198.51.100.1', proxy)).toBe('198.51.100.1');
    expect(browserAddress(req('203.0.113.7'), '10.0.0.9', new Set())).toBe('10.0.0.9');
    expect(browserAddress(req('unknown'), '10.0.0.9', proxy)).toBe('10.0.0.9');
    expect(browserAddress(req(''), '10.0.0.9', proxy)).toBe('10.0.0.9');
    expect(browserAddress(req(), '10.0.0.9', proxy)).toBe('10.0.0.9');
  });
});
