import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { QUIT, TURN, commandForGuess, formatCommand, isCommand, letterCommand, parseCommand, wordCommand } from './commands.js';

describe('parseCommand', () => {
  it.each([
    ['/turn', { name: 'turn', arg: '' }],
    ['/quit', { name: 'quit', arg: '' }],
    ['/letter а', { name: 'letter', arg: 'а' }],
    ['/word лапа', { name: 'word', arg: 'лапа' }],
    ['/word   two words  ', { name: 'word', arg: 'two words' }],
    ['/', { name: '', arg: '' }],
    ['/ x', { name: '', arg: 'x' }],
    ['/letter ', { name: 'letter', arg: '' }],
    ['/Letter A', { name: 'Letter', arg: 'A' }],
  ])('%j', (line, expected) => {
    expect(parseCommand(line)).toEqual(expected);
  });

  it.each(['', 'Ann', ' /turn', 'turn', 'Слово: ****'])('%j is not a command', (line) => {
    expect(isCommand(line)).toBe(false);
    expect(parseCommand(line)).toBeNull();
  });
});

describe('formatCommand', () => {
  it('formats the server commands and the moves', () => {
    expect(TURN).toBe('/turn');
    expect(QUIT).toBe('/quit');
    expect(formatCommand('turn')).toBe(TURN);
    expect(letterCommand('ї')).toBe('/letter ї');
    expect(wordCommand("м'ясо")).toBe("/word м'ясо");
  });

  it.each([
    ['letter', 'a'],
    ['word', 'forget-me-not'],
    ['word', 'two words'],
    ['quit', ''],
  ])('/%s %j round-trips through parseCommand', (name, arg) => {
    expect(parseCommand(formatCommand(name, arg))).toEqual({ name, arg });
  });
});

describe('commandForGuess', () => {
  it('one character names a letter, more the word, nothing is null', () => {
    expect(commandForGuess(' а ')).toBe('/letter а');
    expect(commandForGuess('🎉')).toBe('/letter 🎉');
    expect(commandForGuess('лапа')).toBe('/word лапа');
    expect(commandForGuess('   ')).toBeNull();
  });

  it('a decomposed й (two code points) is still one letter', () => {
    expect(commandForGuess('и\u0306')).toMatch(/^\/letter /);
  });
});

describe('command properties', () => {
  const line = fc.oneof(fc.string({ unit: 'binary' }), fc.string().map((s) => '/' + s));

  it('parseCommand never throws, and formatting what it parsed is stable', () => {
    fc.assert(
      fc.property(line, (x) => {
        const parsed = parseCommand(x);
        expect(parsed === null).toBe(!isCommand(x));
        if (parsed === null) return;
        const again = formatCommand(parsed.name, parsed.arg);
        expect(parseCommand(again)).toEqual(parsed);
        expect(formatCommand(parseCommand(again)!.name, parseCommand(again)!.arg)).toBe(again);
      }),
      { numRuns: 5000 },
    );
  });

  it('any name without a space and any trimmed argument round-trip', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes(' ')),
        fc.string().map((s) => s.trim()),
        (name, arg) => {
          expect(parseCommand(formatCommand(name, arg))).toEqual({ name, arg });
        },
      ),
      { numRuns: 5000 },
    );
  });
});
