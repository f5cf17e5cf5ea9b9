import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatRoomSettings, parseRoomSettings, parseWordsLine, type RoomSettings } from './room-settings.js';
import { WordDeck } from './word-deck.js';

const DEFAULTS: RoomSettings = { players: 2, turn: 60, lang: 'en', bots: 0, pause: 10 };

describe('/new settings (PROTOCOL.md §8.2)', () => {
  it('takes every key, each optional, in any order; the rest come from the defaults', () => {
    expect(parseRoomSettings('', DEFAULTS)).toEqual({ ok: true, settings: DEFAULTS });
    expect(parseRoomSettings('pause=0 bots=2 lang=uk turn=5 players=3', DEFAULTS)).toEqual({
      ok: true,
      settings: { players: 3, turn: 5, lang: 'uk', bots: 2, pause: 0 },
    });
    expect(parseRoomSettings('  players=10   turn=600  pause=60 ', DEFAULTS)).toEqual({ ok: true, settings: { ...DEFAULTS, players: 10, turn: 600, pause: 60 } });
    expect(parseRoomSettings('turn=0', DEFAULTS)).toEqual({ ok: true, settings: { ...DEFAULTS, turn: 0 } });
    expect(parseRoomSettings('players=1 bots=0', DEFAULTS)).toEqual({ ok: true, settings: { ...DEFAULTS, players: 1 } });
  });

  it('reads keys and the language in any case', () => {
    expect(parseRoomSettings('PLAYERS=4 Lang=UK', DEFAULTS)).toEqual({ ok: true, settings: { ...DEFAULTS, players: 4, lang: 'uk' } });
  });

  it.each([
    ['players=0', 'players=0'],
    ['players=11', 'players=11'],
    ['players=-1', 'players=-1'],
    ['players=2.5', 'players=2.5'],
    ['players=1e1', 'players=1e1'],
    ['players=', 'players='],
    ['turn=4', 'turn=4'],
    ['turn=1', 'turn=1'],
    ['turn=601', 'turn=601'],
    ['turn=x', 'turn=x'],
    ['lang=fr', 'lang=fr'],
    ['lang=', 'lang='],
    ['bots=2', 'bots=2'],
    ['bots=-1', 'bots=-1'],
    ['pause=61', 'pause=61'],
    ['pause=+5', 'pause=+5'],
    ['colour=red', 'colour=red'],
    ['players', 'players'],
    ['=3', '=3'],
    ['players=3 players=4', 'players=4'],
    ['players=3 bots=3', 'bots=3'],
    ['bots=3 players=3', 'bots=3'],
    ['players=1 bots=1', 'bots=1'],
    ['players:3', 'players:3'],
  ])('%s: BAD_SETTING names %s exactly as typed', (arg, bad) => {
    expect(parseRoomSettings(arg, DEFAULTS)).toEqual({ ok: false, bad: [bad] });
  });

  it('names every bad pair, in order, and opens nothing', () => {
    expect(parseRoomSettings('players=3 turn=2 x=1 lang=en pause=99', DEFAULTS)).toEqual({ ok: false, bad: ['turn=2', 'x=1', 'pause=99'] });
    expect(parseRoomSettings('players= 3', DEFAULTS)).toEqual({ ok: false, bad: ['players=', '3'] });
  });

  it('checks bots against the default seats when players is not given', () => {
    expect(parseRoomSettings('bots=1', DEFAULTS)).toEqual({ ok: true, settings: { ...DEFAULTS, bots: 1 } });
    expect(parseRoomSettings('bots=2', DEFAULTS)).toEqual({ ok: false, bad: ['bots=2'] });
    // A bad players= is reported alone; bots is not judged against a number nobody meant.
    expect(parseRoomSettings('players=0 bots=1', DEFAULTS)).toEqual({ ok: false, bad: ['players=0'] });
  });

  it('formats settings as /new takes them, for the log', () => {
    expect(formatRoomSettings(DEFAULTS)).toBe('players=2 turn=60 lang=en bots=0 pause=10');
    expect(parseRoomSettings(formatRoomSettings({ players: 7, turn: 0, lang: 'uk', bots: 6, pause: 0 }), DEFAULTS)).toEqual({
      ok: true,
      settings: { players: 7, turn: 0, lang: 'uk', bots: 6, pause: 0 },
    });
  });

  it('never throws, and either opens with settings in range or names pairs that were typed (property)', () => {
    const token = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('players', 'turn', 'lang', 'bots', 'pause', 'PLAYERS', 'x').chain((k) =>
        fc.oneof(fc.nat(700), fc.integer({ min: -5, max: 5 }), fc.constantFrom('en', 'uk', 'EN', '', ' ', 'fr', '1e2', '0x1')).map((v) => `${k}=${v}`),
      ),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (tokens) => {
        const arg = tokens.join(' ');
        const result = parseRoomSettings(arg, DEFAULTS);
        if (result.ok) {
          const s = result.settings;
          expect(s.players).toBeGreaterThanOrEqual(1);
          expect(s.players).toBeLessThanOrEqual(10);
          expect(s.turn === 0 || (s.turn >= 5 && s.turn <= 600)).toBe(true);
          expect(['en', 'uk']).toContain(s.lang);
          expect(s.bots).toBeGreaterThanOrEqual(0);
          expect(s.bots).toBeLessThanOrEqual(s.players - 1);
          expect(s.pause).toBeGreaterThanOrEqual(0);
          expect(s.pause).toBeLessThanOrEqual(60);
        } else {
          expect(result.bad.length).toBeGreaterThan(0);
          const typed = arg.split(/\s+/);
          for (const bad of result.bad) expect(typed).toContain(bad);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('/words (PROTOCOL.md §8.1)', () => {
  it('keeps words of 1–32 letters, an apostrophe or a hyphen inside, cleaned as guesses are', () => {
    expect(parseWordsLine('Cat dog КІТ')).toEqual({ words: ['cat', 'dog', 'кіт'], bad: [] });
    expect(parseWordsLine("п’ять x-ray o'clock м'ясо a")).toEqual({ words: ["п'ять", 'x-ray', "o'clock", "м'ясо", 'a'], bad: [] });
    // Decomposed input is composed (NFC), so it compares as a guess does.
    expect(parseWordsLine('\u0406\u0308жак')).toEqual({ words: ['їжак'], bad: [] });
    expect(parseWordsLine('a'.repeat(32))).toEqual({ words: ['a'.repeat(32)], bad: [] });
  });

  it('takes a pasted list: spaces, commas, semicolons, tabs', () => {
    expect(parseWordsLine('apple, pear;plum\tfig ,')).toEqual({ words: ['apple', 'pear', 'plum', 'fig'], bad: [] });
  });

  it.each([
    ['a'.repeat(33), 'more than 32 letters'],
    ['abc1', 'a digit'],
    ["'abc", 'an apostrophe first'],
    ["abc'", 'an apostrophe last'],
    ['-abc', 'a hyphen first'],
    ['ab--c', 'two hyphens together'],
    ["a'-b", 'an apostrophe and a hyphen together'],
    ['-', 'a hyphen alone'],
    ['ab.c', 'a full stop'],
    ['🙂', 'an emoji'],
    ['a_b', 'an underscore'],
  ])('%s is no word (%s): BAD_WORD as typed, and skipped', (word) => {
    expect(parseWordsLine(`good ${word} fine`)).toEqual({ words: ['good', 'fine'], bad: [word] });
  });
});

describe('the word deck (PROTOCOL.md §8.2)', () => {
  it('plays every word once before any twice, in a random order, and never the last one first in a new round', () => {
    const words = ['a', 'b', 'c', 'd', 'e'];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const deck = new WordDeck(() => words, random);
    const played = Array.from({ length: 50 }, () => deck.next());
    for (let round = 0; round < 10; round++) expect(new Set(played.slice(round * 5, round * 5 + 5)).size).toBe(5);
    for (let i = 1; i < played.length; i++) expect(played[i]).not.toBe(played[i - 1]);
    // Not the same order every round.
    expect(new Set([0, 1, 2, 3, 4].map((r) => played.slice(r * 5, r * 5 + 5).join(''))).size).toBeGreaterThan(1);
  });

  it('takes words added between games into the rounds', () => {
    const words = ['a'];
    const deck = new WordDeck(() => words, () => 0);
    expect(deck.next()).toBe('a');
    words.push('b');
    expect(deck.next()).toBe('b');
    expect(deck.next()).toBe('a');
    // One word only: it is played again and again.
    const one = new WordDeck(() => ['x'], () => 0.99);
    expect([one.next(), one.next()]).toEqual(['x', 'x']);
  });
});
