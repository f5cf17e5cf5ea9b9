import { describe, expect, it } from 'vitest';
import type { MessageId } from '../../protocol/index.js';
import { answer, cleanCode, roomFromUrl, roomLink, settingsArg, start } from './lobby.js';
import type { Lobby, Plan } from './lobby.js';

/** Runs a plan against the answers the server gives; returns every line sent and whether it failed. */
function run(plan: Plan, answers: readonly MessageId[]): { sent: string[]; failed: boolean; lobby: Lobby } {
  let s = start(plan);
  const sent = [...s.send];
  let failed = false;
  for (const id of answers) {
    s = answer(s.lobby, id);
    sent.push(...s.send);
    failed ||= s.failed;
  }
  return { sent, failed, lobby: s.lobby };
}

const settings = { players: 3, turn: 30, lang: 'uk' as const };

describe('sitting down', () => {
  it('at the public table: the name, and nothing else', () => {
    expect(run({ kind: 'table', name: 'Ann' }, ['JOINED', 'PLAYERS', 'SEAT_KEY'])).toMatchObject({ sent: ['Ann'], failed: false });
  });

  it('in a new room: /new, then its words and the name once it is open', () => {
    const plan: Plan = { kind: 'new', name: 'Ann', settings, words: ['кіт', 'пес'] };
    expect(start(plan).send).toEqual(['/new players=3 turn=30 lang=uk']);
    expect(run(plan, ['ROOM_OPENED', 'WORDS_ADDED', 'JOINED', 'PLAYERS', 'SEAT_KEY']).sent).toEqual(['/new players=3 turn=30 lang=uk', '/words кіт пес', 'Ann']);
  });

  it('in a new room without words: no /words line', () => {
    expect(run({ kind: 'new', name: 'Ann', settings, words: [] }, ['ROOM_OPENED']).sent).toEqual(['/new players=3 turn=30 lang=uk', 'Ann']);
  });

  it('a bad setting: nothing opened, the name never sent', () => {
    expect(run({ kind: 'new', name: 'Ann', settings, words: ['cat'] }, ['BAD_SETTING'])).toMatchObject({ sent: ['/new players=3 turn=30 lang=uk'], failed: true });
  });

  it('with the computer: a room for two, then /bot at the chosen level once we sit', () => {
    const plan: Plan = { kind: 'new', name: 'Ann', settings: { players: 2, turn: 0, lang: 'en' }, words: [], bot: 'hard' };
    expect(run(plan, ['ROOM_OPENED', 'JOINED', 'PLAYERS', 'SEAT_KEY', 'JOINED']).sent).toEqual(['/new players=2 turn=0 lang=en', 'Ann', '/bot hard']);
  });

  it('joining by code: the name only after ROOM_READY', () => {
    const plan: Plan = { kind: 'join', name: 'Bob', code: 'K7M2Q' };
    expect(run(plan, []).sent).toEqual(['/join K7M2Q']);
    expect(run(plan, ['ROOM_READY', 'JOINED', 'PLAYERS', 'SEAT_KEY'])).toMatchObject({ sent: ['/join K7M2Q', 'Bob'], failed: false });
  });

  it.each<MessageId>(['NO_ROOM', 'ROOM_FULL'])('joining by code: %s, and the name is never sent', (id) => {
    expect(run({ kind: 'join', name: 'Bob', code: 'K7M2Q' }, [id])).toMatchObject({ sent: ['/join K7M2Q'], failed: true });
  });

  it('joining by code: the room filled while we typed', () => {
    expect(run({ kind: 'join', name: 'Bob', code: 'K7M2Q' }, ['ROOM_READY', 'ROOM_FULL'])).toMatchObject({ failed: true });
  });

  it('watching', () => {
    expect(run({ kind: 'watch', code: 'K7M2Q' }, ['WATCHING', 'PLAYERS'])).toMatchObject({ sent: ['/watch K7M2Q'], failed: false });
    expect(run({ kind: 'watch', code: 'K7M2Q' }, ['NO_ROOM']).failed).toBe(true);
  });

  it('taking the seat back', () => {
    expect(run({ kind: 'back', key: 'ABCD2345', name: 'Ann', code: null }, ['RESUMED', 'PLAYERS', 'WORD'])).toMatchObject({ sent: ['/back ABCD2345'], failed: false });
  });

  it('a seat no longer kept at a public table: back to the join screen', () => {
    expect(run({ kind: 'back', key: 'ABCD2345', name: 'Ann', code: null }, ['NO_SEAT'])).toMatchObject({ sent: ['/back ABCD2345'], failed: true });
  });

  it('a seat no longer kept in a room: sit in that room again, same name', () => {
    expect(run({ kind: 'back', key: 'ABCD2345', name: 'Ann', code: 'K7M2Q' }, ['NO_SEAT', 'ROOM_READY'])).toMatchObject({
      sent: ['/back ABCD2345', '/join K7M2Q', 'Ann'],
      failed: false,
    });
  });

  it('other lines while waiting change nothing', () => {
    expect(run({ kind: 'join', name: 'Bob', code: 'K7M2Q' }, ['WELCOME', 'HOW_TO_PLAY', 'ROOM_READY']).sent).toEqual(['/join K7M2Q', 'Bob']);
  });
});

describe('codes and links', () => {
  it('a code is 5 characters of the alphabet, any case', () => {
    expect(cleanCode(' k7m2q ')).toBe('K7M2Q');
    expect(cleanCode('K7M2')).toBeNull();
    expect(cleanCode('K7M20')).toBeNull(); // no 0
    expect(cleanCode('KIMOQ')).toBeNull(); // no I, O
  });

  it('settings: optional ones only when given', () => {
    expect(settingsArg({ players: 4, turn: 0, lang: 'en', bots: 1, pause: 5 })).toBe('players=4 turn=0 lang=en bots=1 pause=5');
  });

  it('the page address carries the code', () => {
    expect(roomFromUrl('?room=k7m2q')).toEqual({ room: 'K7M2Q', watch: null });
    expect(roomFromUrl('?watch=K7M2Q')).toEqual({ room: null, watch: 'K7M2Q' });
    expect(roomFromUrl('?room=<script>')).toEqual({ room: null, watch: null });
    expect(roomLink('http://h:1', '/', 'K7M2Q')).toBe('http://h:1/?room=K7M2Q');
    expect(roomLink('http://h:1', '/', 'K7M2Q', true)).toBe('http://h:1/?watch=K7M2Q');
  });
});
