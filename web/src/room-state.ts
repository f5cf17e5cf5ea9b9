/**
 * What PROTOCOL.md §8 adds to the view state: the room and its code, our seat key,
 * who sits at the table and who is away, the turn clock, chat, watching, the room's
 * running total and the pause between games. A pure reducer over recognised
 * message lines; every countdown is anchored to the time of the line that set it.
 */
import { parseList, parseScores } from '../../protocol/index.js';
import type { MessageId, ScoreEntry } from '../../protocol/index.js';

/** How we sit: not yet, at the table, watching, or seated for the next game (a latecomer). */
export type Role = 'none' | 'player' | 'watcher' | 'next';

/** Seconds to go as told at time `at` (ms): the page counts down from there. */
export interface Countdown {
  readonly seconds: number;
  readonly at: number;
}

export interface ChatLine {
  readonly n: number;
  readonly t: number;
  readonly name: string;
  readonly text: string;
}

/** An answer that refused what we asked, shown where we asked it. */
export interface RoomNote {
  readonly id: 'NO_ROOM' | 'ROOM_FULL' | 'BAD_SETTING' | 'NO_SEAT' | 'NO_BOT_SEAT' | 'SLOW_DOWN';
  /** The code, setting, or nothing. */
  readonly detail: string;
}

export interface RoomState {
  /** The room's code, once the server named it. */
  readonly code: string | null;
  /** We opened this room (ROOM_OPENED): we sent its words. */
  readonly opened: boolean;
  readonly role: Role;
  /** Our seat key (SEAT_KEY): `/back KEY` takes the seat back. */
  readonly key: string | null;
  /** Everyone seated, in turn order (PLAYERS, then JOINED and LEFT); null before PLAYERS. */
  readonly seated: readonly string[] | null;
  /** Players whose connection dropped, with the grace left (AWAY until BACK or LEFT). */
  readonly away: Readonly<Record<string, Countdown>>;
  /** The mover's time (CLOCK); null when the clock is off or no turn is on. */
  readonly clock: Countdown | null;
  readonly chat: readonly ChatLine[];
  /** Points over the room's games, highest first (ROOM_TOTAL). */
  readonly total: readonly ScoreEntry[] | null;
  /** The pause before the room's next game (NEXT_GAME). */
  readonly nextGame: Countdown | null;
  /** Games started while we were here. */
  readonly games: number;
  /** Words in the room so far (WORDS_ADDED) and the ones the server refused (BAD_WORD). */
  readonly wordsAdded: number | null;
  readonly badWords: readonly string[];
  /** Letters named before we came (LETTERS, after `/back` or `/watch`), in the order named. */
  readonly lettersNamed: readonly string[] | null;
  readonly note: RoomNote | null;
  /** We took our seat back (RESUMED). */
  readonly resumed: boolean;
  /** Another connection took our seat (REPLACED): do not take it back by ourselves. */
  readonly replaced: boolean;
}

export const initialRoom: RoomState = {
  code: null,
  opened: false,
  role: 'none',
  key: null,
  seated: null,
  away: {},
  clock: null,
  chat: [],
  total: null,
  nextGame: null,
  games: 0,
  wordsAdded: null,
  badWords: [],
  lettersNamed: null,
  note: null,
  resumed: false,
  replaced: false,
};

/** Chat lines the page keeps; older ones stay in the Messages log. */
export const MAX_CHAT_LINES = 200;
/** What the server appends to a computer player's name (§8.7). */
export const BOT_SUFFIX = ' (bot)';

/** Whether a name is a computer player's. */
export function isBot(name: string): boolean {
  return name.endsWith(BOT_SUFFIX);
}

/** Whole seconds left of a countdown at `now` (ms), never below 0; null when there is none. */
export function secondsLeft(c: Countdown | null, now: number): number | null {
  if (!c) return null;
  return Math.max(0, c.seconds - Math.floor(Math.max(0, now - c.at) / 1000));
}

function without(away: RoomState['away'], name: string): RoomState['away'] {
  if (!(name in away)) return away;
  const rest = { ...away };
  delete rest[name];
  return rest;
}

/** Folds one recognised message line (`id`, its fields, its arrival time) into the room state. */
export function reduceRoom(room: RoomState, id: MessageId, f: Readonly<Record<string, string>>, t: number): RoomState {
  switch (id) {
    case 'ROOM_OPENED':
      return { ...room, code: f.code, opened: true, note: null };
    case 'ROOM_READY':
      return { ...room, code: f.code, note: null };
    case 'NO_ROOM':
    case 'ROOM_FULL':
      return { ...room, note: { id, detail: f.code } };
    case 'BAD_SETTING':
      return { ...room, note: { id, detail: f.setting } };
    case 'NO_SEAT':
      return { ...room, key: null, note: { id, detail: '' } };
    case 'NO_BOT_SEAT':
    case 'SLOW_DOWN':
      return { ...room, note: { id, detail: '' } };
    case 'WORDS_ADDED':
      return { ...room, wordsAdded: Number(f.count) };
    case 'BAD_WORD':
      return { ...room, badWords: [...room.badWords, f.word] };
    case 'WATCHING':
      return { ...room, code: f.code, role: 'watcher', note: null };
    case 'PLAYERS':
      return { ...room, seated: parseList(f.names), role: room.role === 'none' ? 'player' : room.role };
    case 'JOINED':
      return room.seated && !room.seated.includes(f.name) ? { ...room, seated: [...room.seated, f.name] } : room;
    case 'LEFT':
      return { ...room, seated: room.seated?.filter((n) => n !== f.name) ?? null, away: without(room.away, f.name) };
    case 'SEAT_KEY':
      return { ...room, key: f.key, role: room.role === 'none' ? 'player' : room.role, note: null };
    case 'RESUMED':
      return { ...room, role: 'player', resumed: true, replaced: false, note: null };
    case 'REPLACED':
      return { ...room, replaced: true };
    case 'AWAY':
      return { ...room, away: { ...room.away, [f.name]: { seconds: Number(f.seconds), at: t } } };
    case 'BACK':
      return { ...room, away: without(room.away, f.name) };
    case 'CLOCK':
      return { ...room, clock: { seconds: Number(f.seconds), at: t } };
    case 'TURN_OF': // a CLOCK follows when the clock is on
    case 'TIMEOUT':
      return { ...room, clock: null };
    case 'GAME_OVER':
      return { ...room, clock: null, note: null };
    case 'CHAT': {
      const chat = [...room.chat, { n: (room.chat.at(-1)?.n ?? -1) + 1, t, name: f.name, text: f.text }];
      return { ...room, chat: chat.length > MAX_CHAT_LINES ? chat.slice(-MAX_CHAT_LINES) : chat };
    }
    case 'LETTERS':
      return { ...room, lettersNamed: parseList(f.letters) };
    case 'NEXT_SEAT':
      return { ...room, role: 'next' };
    case 'ROOM_TOTAL': {
      // The server sends it highest first; sort anyway, keeping its order among equals.
      const total = parseScores(f.scores).sort((a, b) => b.points - a.points);
      return { ...room, code: f.code, total };
    }
    case 'NEXT_GAME':
      return { ...room, nextGame: { seconds: Number(f.seconds), at: t } };
    case 'STARTED':
      return {
        ...room,
        role: room.role === 'next' ? 'player' : room.role,
        nextGame: null,
        clock: null,
        lettersNamed: null,
        note: null,
        games: room.games + 1,
      };
    default:
      return room;
  }
}

/** The seconds left at which the clock speaks to screen readers (not every second). */
export const CLOCK_CUES: readonly number[] = [10, 5];

/** The last cue passed with `left` seconds to go (10, then 5); null before the first. */
export function clockCue(left: number): number | null {
  let cue: number | null = null;
  for (const c of CLOCK_CUES) if (left <= c) cue = cue === null ? c : Math.min(cue, c);
  return cue;
}
