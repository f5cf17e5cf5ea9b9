import { describe, expect, expectTypeOf, it } from 'vitest';
import * as flag from './flags.js';
import { parseFlags, UsageError, wantsHelp } from './flags.js';

const spec = {
  host: flag.string({ default: '127.0.0.1' }),
  port: flag.port({ default: 30003 }),
  players: flag.integer({ default: 2 }),
  turn: flag.integer({ min: 0, default: 30 }),
  lang: flag.oneOf(['en', 'uk'], { default: 'en' }),
  word: flag.string({ repeated: true }),
  name: flag.string(),
  verbose: flag.boolean(),
};

function usageError(argv: string[]): string {
  try {
    parseFlags(argv, spec);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`expected a UsageError for ${argv.join(' ')}`);
}

describe('parseFlags', () => {
  it('gives the defaults when no flag is given', () => {
    expect(parseFlags([], spec)).toEqual({
      host: '127.0.0.1',
      port: 30003,
      players: 2,
      turn: 30,
      lang: 'en',
      word: [],
      name: undefined,
      verbose: false,
    });
  });

  it('types each value by its flag', () => {
    const got = parseFlags([], spec);
    expectTypeOf(got.port).toEqualTypeOf<number>();
    expectTypeOf(got.lang).toEqualTypeOf<'en' | 'uk'>();
    expectTypeOf(got.word).toEqualTypeOf<string[]>();
    expectTypeOf(got.name).toEqualTypeOf<string | undefined>();
    expectTypeOf(got.verbose).toEqualTypeOf<boolean>();
  });

  it('takes "--flag value" and "--flag=value"', () => {
    const got = parseFlags(['--host', '0.0.0.0', '--port=0', '--lang', 'uk', '--name=Ann Lee', '--verbose'], spec);
    expect(got).toMatchObject({ host: '0.0.0.0', port: 0, lang: 'uk', name: 'Ann Lee', verbose: true });
  });

  it('keeps an "=" inside a value', () => {
    expect(parseFlags(['--name=a=b'], spec).name).toBe('a=b');
  });

  it('collects a repeated flag in order', () => {
    expect(parseFlags(['--word', 'лапа', '--word=липа'], spec).word).toEqual(['лапа', 'липа']);
  });

  it('accepts ports 0 and 65535 and rejects what is not a port', () => {
    expect(parseFlags(['--port', '65535'], spec).port).toBe(65535);
    for (const bad of ['65536', '-1', '1.5', 'abc', '1e3', '0x10', ' 80', '']) {
      expect(usageError(['--port=' + bad])).toMatch(/--port must be an integer from 0 to 65535/);
    }
  });

  it('checks integer bounds', () => {
    expect(usageError(['--players', '0'])).toBe('--players must be an integer ≥ 1 (got "0")');
    expect(parseFlags(['--turn', '0'], spec).turn).toBe(0);
  });

  it('checks enums and names the allowed values', () => {
    expect(usageError(['--lang', 'de'])).toBe('--lang must be one of en, uk (got "de")');
  });

  it('refuses unknown flags, stray arguments, missing values and repeats', () => {
    expect(usageError(['--colour', 'red'])).toBe('unknown flag --colour');
    expect(usageError(['30003'])).toBe('unexpected argument "30003"');
    expect(usageError(['-p', '1'])).toBe('unexpected argument "-p"');
    expect(usageError(['-abc'])).toBe('unexpected argument "-abc"');
    expect(usageError(['--', '--port', '1'])).toBe('unexpected argument "--"');
    expect(usageError(['--port'])).toBe('--port needs a value');
    expect(usageError(['--port', '--host', 'x'])).toBe('--port needs a value');
    expect(usageError(['--port', '1', '--port', '2'])).toBe('--port was given more than once');
    expect(usageError(['--verbose=yes'])).toBe('--verbose takes no value');
    expect(usageError(['--name='])).toBe('--name needs a value that is not empty');
  });

  it('does not treat object keys as flags', () => {
    expect(usageError(['--toString', 'x'])).toBe('unknown flag --toString');
  });

  it('takes a value that starts with a single dash, so the kind can judge it', () => {
    expect(usageError(['--turn', '-1'])).toBe('--turn must be an integer ≥ 0 (got "-1")');
    expect(parseFlags(['--name', '-x-'], spec).name).toBe('-x-');
  });
});

describe('custom flags', () => {
  const parsePair: flag.Parse<[string, number]> = (raw, name) => {
    const m = /^(\w+):(\d+)$/.exec(raw);
    if (!m) throw new UsageError(`${name} must be NAME:NUMBER (got "${raw}")`);
    return [m[1], Number(m[2])];
  };
  const pairs = {
    one: flag.custom(parsePair, { default: ['a', 1] as [string, number] }),
    many: flag.custom(parsePair, { repeated: true, default: [['x', 0]] as [string, number][] }),
  };

  it('uses the default when absent and the parser when given', () => {
    expect(parseFlags([], pairs)).toEqual({ one: ['a', 1], many: [['x', 0]] });
    expect(parseFlags(['--one', 'b:2'], pairs).one).toEqual(['b', 2]);
    expectTypeOf(parseFlags([], pairs).many).toEqualTypeOf<[string, number][]>();
  });

  it('collects a repeated flag in place of its default, each value parsed', () => {
    expect(parseFlags(['--many', 'p:1', '--many=q:2'], pairs).many).toEqual([
      ['p', 1],
      ['q', 2],
    ]);
    expect(() => parseFlags(['--many', 'p:1', '--many', 'nope'], pairs)).toThrow('--many must be NAME:NUMBER (got "nope")');
  });

  it('keeps a repeated default unshared between parses', () => {
    parseFlags([], pairs).many.push(['y', 9]);
    expect(parseFlags([], pairs).many).toEqual([['x', 0]]);
  });
});

describe('wantsHelp', () => {
  it('sees --help anywhere as a flag, not as the value of another', () => {
    expect(wantsHelp(['--port', '1', '--help'], spec)).toBe(true);
    expect(wantsHelp(['--name=--help'], spec)).toBe(false);
    expect(wantsHelp([], spec)).toBe(false);
  });

  it('leaves --help to a spec that declares it', () => {
    expect(wantsHelp(['--help'], { help: flag.boolean() })).toBe(false);
  });
});
