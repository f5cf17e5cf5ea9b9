/**
 * What `/new` and `/words` say (PROTOCOL.md §8.1, §8.2), read into values: a room's
 * settings from `key=value` pairs, and a room's own words. Pure: no rooms, no lines.
 */
import { LANGS, type Lang } from '../protocol/catalog.js';
import { roomWord } from '../game/words.js';

export interface RoomSettings {
  /** Seats, 1–10. */
  readonly players: number;
  /** Seconds for one move: 0 (no clock) or 5–600. */
  readonly turn: number;
  /** The room's message language and default word list. */
  readonly lang: Lang;
  /** Computer players seated when the room opens: 0 to players − 1. */
  readonly bots: number;
  /** Seconds between two games, 0–60. */
  readonly pause: number;
}

export const MAX_ROOM_PLAYERS = 10;
export const MIN_TURN_SECONDS = 5;
export const MAX_TURN_SECONDS = 600;
export const MAX_PAUSE_SECONDS = 60;
export const DEFAULT_PAUSE_SECONDS = 10;

export type SettingsResult = { readonly ok: true; readonly settings: RoomSettings } | { readonly ok: false; readonly bad: readonly string[] };

type Key = keyof RoomSettings;
const KEYS: readonly Key[] = ['players', 'turn', 'lang', 'bots', 'pause'];

/** A whole number in plain digits (no sign, no exponent), or NaN. */
function whole(text: string): number {
  return /^\d{1,6}$/.test(text) ? Number(text) : NaN;
}

const VALID: Record<Exclude<Key, 'bots' | 'lang'>, (n: number) => boolean> = {
  players: (n) => n >= 1 && n <= MAX_ROOM_PLAYERS,
  turn: (n) => n === 0 || (n >= MIN_TURN_SECONDS && n <= MAX_TURN_SECONDS),
  pause: (n) => n >= 0 && n <= MAX_PAUSE_SECONDS,
};

/**
 * Reads the argument of `/new`: `key=value` pairs separated by spaces, every key
 * optional and given at most once; keys and `lang` values in any case. Every bad
 * pair is returned as typed (an unknown key, a bad value, a repeated key, a word
 * without `=`); with any, nothing is opened.
 */
export function parseRoomSettings(arg: string, defaults: RoomSettings): SettingsResult {
  const given: Partial<Record<Key, string | number>> = {};
  const pairs = new Map<Key, string>();
  const bad: string[] = [];
  for (const pair of arg.split(/\s+/).filter((p) => p !== '')) {
    const eq = pair.indexOf('=');
    const key = (eq < 0 ? '' : pair.slice(0, eq).toLowerCase()) as Key;
    const value = pair.slice(eq + 1);
    if (!KEYS.includes(key) || pairs.has(key)) {
      bad.push(pair);
      continue;
    }
    pairs.set(key, pair);
    if (key === 'lang') {
      const lang = value.toLowerCase() as Lang;
      if (LANGS.includes(lang)) given.lang = lang;
      else bad.push(pair);
      continue;
    }
    const n = whole(value);
    if (Number.isNaN(n) || (key !== 'bots' && !VALID[key](n))) bad.push(pair);
    else given[key] = n;
  }
  const players = (given.players as number | undefined) ?? defaults.players;
  const playersBad = pairs.has('players') && given.players === undefined;
  // bots is checked against the seats the room will have, whichever order the pairs came in.
  if (given.bots !== undefined && !playersBad && (given.bots as number) > players - 1) bad.push(pairs.get('bots')!);
  if (bad.length > 0) return { ok: false, bad };
  return { ok: true, settings: { ...defaults, ...given } as RoomSettings };
}

/** The settings as `/new` would take them, for the log: `players=2 turn=60 lang=en bots=0 pause=10`. */
export function formatRoomSettings(s: RoomSettings): string {
  return KEYS.map((k) => `${k}=${s[k]}`).join(' ');
}

export interface WordsLine {
  /** Usable words, as the game compares them, in the order typed. */
  readonly words: readonly string[];
  /** What was typed for each word that is not one, in order. */
  readonly bad: readonly string[];
}

/** Reads the argument of `/words`: words separated by spaces or commas (a pasted list). */
export function parseWordsLine(arg: string): WordsLine {
  const words: string[] = [];
  const bad: string[] = [];
  for (const typed of arg.split(/[\s,;]+/).filter((w) => w !== '')) {
    const word = roomWord(typed);
    if (word === null) bad.push(typed);
    else words.push(word);
  }
  return { words, bad };
}
