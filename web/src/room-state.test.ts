import { describe, expect, it } from 'vitest';
import { format, formatList, formatScores, parseMessage } from '../../protocol/index.js';
import type { Lang, MessageFields, MessageId } from '../../protocol/index.js';
import { MAX_CHAT_LINES, clockCue, initialRoom, isBot, reduceRoom, secondsLeft } from './room-state.js';
import type { RoomState } from './room-state.js';

/** Feeds server lines through the room reducer, one second apart, as the page would. */
function feed(lines: readonly string[], from: RoomState = initialRoom, t0 = 0): RoomState {
  let room = from;
  lines.forEach((line, i) => {
    const m = parseMessage(line);
    if (!m) throw new Error(`not a catalogue line: ${line}`);
    room = reduceRoom(room, m.id, m.fields, t0 + i * 1000);
  });
  return room;
}

const line = <Id extends MessageId>(lang: Lang, id: Id, fields?: MessageFields<Id>) => format(lang, id, fields);

describe.each<Lang>(['en', 'uk'])('the room reducer (%s)', (lang) => {
  const L = <Id extends MessageId>(id: Id, fields?: MessageFields<Id>) => line(lang, id, fields);

  it('opening a room: the code, words counted, bad words kept, then seated with a key', () => {
    const r = feed([
      L('ROOM_OPENED', { code: 'K7M2Q' }),
      L('BAD_WORD', { word: 'c4t' }),
      L('WORDS_ADDED', { count: 29 }),
      L('WORDS_ADDED', { count: 30 }),
      L('JOINED', { name: 'Ann' }),
      L('PLAYERS', { names: formatList(['Ann']) }),
      L('SEAT_KEY', { key: 'ABCD2345' }),
      L('WAITING', { k: 1, n: 3 }),
    ]);
    expect(r).toMatchObject({ code: 'K7M2Q', opened: true, wordsAdded: 30, badWords: ['c4t'], seated: ['Ann'], key: 'ABCD2345', role: 'player' });
  });

  it('a refused lobby command leaves a note; a good answer clears it', () => {
    expect(feed([L('NO_ROOM', { code: 'ZZZZZ' })]).note).toEqual({ id: 'NO_ROOM', detail: 'ZZZZZ' });
    expect(feed([L('ROOM_FULL', { code: 'ZZZZZ' })]).note).toEqual({ id: 'ROOM_FULL', detail: 'ZZZZZ' });
    expect(feed([L('BAD_SETTING', { setting: 'players=99' })]).note).toEqual({ id: 'BAD_SETTING', detail: 'players=99' });
    expect(feed([L('NO_ROOM', { code: 'ZZZZZ' }), L('ROOM_READY', { code: 'K7M2Q' })])).toMatchObject({ note: null, code: 'K7M2Q' });
    expect(feed([L('SEAT_KEY', { key: 'ABCD2345' }), L('NO_SEAT')])).toMatchObject({ key: null, note: { id: 'NO_SEAT' } });
    expect(feed([L('NO_BOT_SEAT')]).note?.id).toBe('NO_BOT_SEAT');
    expect(feed([L('SLOW_DOWN')]).note?.id).toBe('SLOW_DOWN');
  });

  it('who sits here: PLAYERS, then JOINED adds and LEFT removes, in turn order', () => {
    const r = feed([L('PLAYERS', { names: formatList(['Ann', 'Bob (bot)']) }), L('JOINED', { name: 'Cy' }), L('JOINED', { name: 'Cy' }), L('LEFT', { name: 'Ann' })]);
    expect(r.seated).toEqual(['Bob (bot)', 'Cy']);
  });

  it('away players count down from the AWAY line and are cleared by BACK or LEFT', () => {
    let r = feed([L('PLAYERS', { names: 'Ann, Bob, Cy' }), L('AWAY', { name: 'Bob', seconds: 60 }), L('AWAY', { name: 'Cy', seconds: 60 })], initialRoom, 5000);
    expect(r.away).toEqual({ Bob: { seconds: 60, at: 6000 }, Cy: { seconds: 60, at: 7000 } });
    expect(secondsLeft(r.away.Bob, 6000 + 15_500)).toBe(45);
    r = feed([L('BACK', { name: 'Bob' }), L('LEFT', { name: 'Cy' })], r);
    expect(r.away).toEqual({});
    expect(r.seated).toEqual(['Ann', 'Bob']);
  });

  it('the clock starts at CLOCK, stops at the next TURN_OF, TIMEOUT or GAME_OVER', () => {
    let r = feed([L('TURN_OF', { name: 'Ann' }), L('CLOCK', { seconds: 30 })], initialRoom, 10_000);
    expect(r.clock).toEqual({ seconds: 30, at: 11_000 });
    expect(secondsLeft(r.clock, 11_000)).toBe(30);
    expect(secondsLeft(r.clock, 11_999)).toBe(30);
    expect(secondsLeft(r.clock, 12_000)).toBe(29);
    expect(secondsLeft(r.clock, 99_000)).toBe(0);
    expect(feed([L('TURN_OF', { name: 'Bob' })], r).clock).toBeNull();
    expect(feed([L('TIMEOUT', { name: 'Ann' })], r).clock).toBeNull();
    expect(feed([L('GAME_OVER')], r).clock).toBeNull();
  });

  it('chat keeps who said what, as text, and at most MAX_CHAT_LINES lines', () => {
    let r = feed([L('CHAT', { name: 'Ann', text: 'hi <b>all</b>' }), L('CHAT', { name: 'Bob', text: 'Word: ****' })]);
    expect(r.chat.map((c) => [c.n, c.name, c.text])).toEqual([
      [0, 'Ann', 'hi <b>all</b>'],
      [1, 'Bob', 'Word: ****'],
    ]);
    r = feed(Array.from({ length: MAX_CHAT_LINES + 5 }, (_, i) => L('CHAT', { name: 'Ann', text: `m${i}` })), r);
    expect(r.chat).toHaveLength(MAX_CHAT_LINES);
    expect(r.chat.at(-1)).toMatchObject({ n: MAX_CHAT_LINES + 6, text: `m${MAX_CHAT_LINES + 4}` });
  });

  it('watching: the role, the code, the letters named so far', () => {
    const r = feed([L('WATCHING', { code: 'K7M2Q' }), L('PLAYERS', { names: 'Ann, Bob' }), L('WORD', { mask: '*a*a' }), L('LETTERS', { letters: formatList(['a', 'x']) })]);
    expect(r).toMatchObject({ role: 'watcher', code: 'K7M2Q', seated: ['Ann', 'Bob'], lettersNamed: ['a', 'x'] });
  });

  it('a latecomer plays from the next game', () => {
    let r = feed([L('JOINED', { name: 'Cy' }), L('PLAYERS', { names: 'Ann, Bob, Cy' }), L('SEAT_KEY', { key: 'ABCD2345' }), L('NEXT_SEAT')]);
    expect(r.role).toBe('next');
    r = feed([L('GAME_OVER'), L('STARTED')], r);
    expect(r.role).toBe('player');
  });

  it('taking the seat back, and losing it to another connection', () => {
    const r = feed([L('RESUMED', { name: 'Ann' }), L('PLAYERS', { names: 'Ann, Bob' })]);
    expect(r).toMatchObject({ role: 'player', resumed: true, replaced: false });
    expect(feed([L('REPLACED')], r).replaced).toBe(true);
  });

  it('between games: the room total highest first, the next game counting down, cleared by STARTED', () => {
    let r = feed([L('GAME_OVER'), L('ROOM_TOTAL', { code: 'K7M2Q', scores: formatScores([{ name: 'Bob', points: 9 }, { name: 'Ann', points: 12 }, { name: 'Cy', points: 9 }]) }), L('NEXT_GAME', { seconds: 10 })], { ...initialRoom, games: 1 }, 1000);
    expect(r.total).toEqual([
      { name: 'Ann', points: 12 },
      { name: 'Bob', points: 9 },
      { name: 'Cy', points: 9 },
    ]);
    expect(r.code).toBe('K7M2Q');
    expect(secondsLeft(r.nextGame, 3000 + 4000)).toBe(6);
    r = feed([L('STARTED')], r);
    expect(r).toMatchObject({ nextGame: null, games: 2 });
    expect(r.total).not.toBeNull(); // the total stays on show during the next game
  });
});

describe('helpers', () => {
  it('computer players are the names ending in " (bot)"', () => {
    expect(isBot('Ann (bot)')).toBe(true);
    expect(isBot('Ann')).toBe(false);
    expect(isBot('(bot) Ann')).toBe(false);
  });

  it('no countdown, no seconds', () => {
    expect(secondsLeft(null, 5)).toBeNull();
  });
});

describe('clockCue', () => {
  it('speaks at 10 and at 5 seconds, not in between, not before', () => {
    expect([30, 11, 10, 9, 6, 5, 4, 0].map(clockCue)).toEqual([null, null, 10, 10, 10, 5, 5, 5]);
  });
});
