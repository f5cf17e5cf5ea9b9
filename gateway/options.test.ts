import { describe, expect, it } from 'vitest';
import { DEFAULT_STATIC_DIR, UsageError, parseFlags, parseOrigin, parseTarget } from './options.js';

describe('parseFlags', () => {
  it('has the documented defaults', () => {
    expect(parseFlags([])).toEqual({
      host: '127.0.0.1',
      port: 8080,
      target: [{ host: '127.0.0.1', port: 30003 }],
      sendProxy: false,
      trustForwarded: [],
      staticDir: DEFAULT_STATIC_DIR,
      allowOrigins: [],
      maxConnections: 10_000,
      maxPerIp: 50,
      heartbeatMs: 30_000,
      headersTimeoutMs: 10_000,
    });
    expect(DEFAULT_STATIC_DIR).toMatch(/dist[/\\]web$/);
  });

  it('reads every flag, both --flag value and --flag=value, and repeats --allow-origin', () => {
    const flags = parseFlags([
      '--port=0',
      '--host',
      '0.0.0.0',
      '--target',
      'game.example:4000',
      '--static',
      'build',
      '--allow-origin',
      'http://localhost:5173',
      '--allow-origin=https://Play.Example',
      '--max-connections',
      '20',
      '--max-per-ip',
      '3',
      '--heartbeat',
      '0',
      '--header-timeout',
      '2',
      '--target=[::1]:4001',
      '--send-proxy',
      '--trust-forwarded',
      '10.0.0.9',
    ]);
    expect(flags).toEqual({
      host: '0.0.0.0',
      port: 0,
      target: [
        { host: 'game.example', port: 4000 },
        { host: '::1', port: 4001 },
      ],
      sendProxy: true,
      trustForwarded: ['10.0.0.9'],
      staticDir: 'build',
      allowOrigins: ['http://localhost:5173', 'https://play.example'],
      maxConnections: 20,
      maxPerIp: 3,
      heartbeatMs: 0,
      headersTimeoutMs: 2000,
    });
  });

  it('returns undefined for --help', () => {
    expect(parseFlags(['--help'])).toBeUndefined();
  });

  const bad: [string[], RegExp][] = [
    [['--prot', '1'], /--prot/],
    [['--port', '70000'], /--port must be an integer from 0 to 65535 \(got "70000"\)/],
    [['--port', '-1'], /--port/],
    [['--port', '1e3'], /--port must be an integer/],
    [['--port'], /--port/],
    [['--max-connections', '0'], /--max-connections must be an integer from 1/],
    [['--max-per-ip', 'lots'], /--max-per-ip/],
    [['--heartbeat', '1.5'], /--heartbeat/],
    [['--target', 'localhost'], /--target must be HOST:PORT/],
    [['--allow-origin', 'localhost:5173'], /--allow-origin/],
    [['extra'], /extra/],
  ];
  for (const [argv, message] of bad) {
    it(`refuses ${argv.join(' ')} with a message that names the flag`, () => {
      expect(() => parseFlags(argv)).toThrow(UsageError);
      expect(() => parseFlags(argv)).toThrow(message);
    });
  }
});

describe('parseTarget', () => {
  it('reads host:port and [ipv6]:port', () => {
    expect(parseTarget('127.0.0.1:30003')).toEqual({ host: '127.0.0.1', port: 30003 });
    expect(parseTarget('[::1]:30003')).toEqual({ host: '::1', port: 30003 });
  });

  it('refuses a port out of range or a missing host', () => {
    expect(() => parseTarget('host:0')).toThrow(/port must be from 1 to 65535/);
    expect(() => parseTarget(':30003')).toThrow(UsageError);
    expect(() => parseTarget('::1:30003')).toThrow(UsageError);
  });
});

describe('parseOrigin', () => {
  it('takes an origin as a browser sends it, lower-cased', () => {
    expect(parseOrigin('http://localhost:5173')).toBe('http://localhost:5173');
    expect(parseOrigin('https://Play.Example/')).toBe('https://play.example');
  });

  it('refuses paths, a default port spelled out, and non-URLs, naming the origin to use', () => {
    expect(() => parseOrigin('http://localhost:5173/app')).toThrow(/e\.g\. http:\/\/localhost:5173/);
    expect(() => parseOrigin('http://example.com:80')).toThrow(/e\.g\. http:\/\/example\.com /);
    expect(() => parseOrigin('*')).toThrow(/--allow-origin must be an origin/);
  });
});
