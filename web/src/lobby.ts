/**
 * How the page sits down (PROTOCOL.md §8.1): the lobby commands it sends before
 * the name, and what it sends next as each answer comes. Pure: the connection
 * asks `start` when the socket opens and `answer` for every message line.
 */
import { BACK, BOT, JOIN, NEW, WATCH, formatCommand } from '../../protocol/index.js';
import type { Lang, MessageId } from '../../protocol/index.js';
import type { BotLevel } from '../../game/strategy.js';
import { wordsLines } from './word-list.js';

/** A room's settings as the page offers them (§8.2); absent ones take the server's default. */
export interface RoomSettings {
  readonly players: number;
  /** Seconds a turn; 0 turns the clock off. */
  readonly turn: number;
  readonly lang: Lang;
  readonly bots?: number;
  readonly pause?: number;
}

/** What the player asked for on the join screen (or what the page does by itself). */
export type Plan =
  /** The public table that is filling (§3). */
  | { readonly kind: 'table'; readonly name: string }
  /** A new room with its settings and words; `bot` seats a computer player once we sit. */
  | { readonly kind: 'new'; readonly name: string; readonly settings: RoomSettings; readonly words: readonly string[]; readonly bot?: BotLevel }
  | { readonly kind: 'join'; readonly name: string; readonly code: string }
  | { readonly kind: 'watch'; readonly code: string }
  /** Our kept seat (§8.4); with a room code, a seat no longer kept becomes a join. */
  | { readonly kind: 'back'; readonly key: string; readonly name: string; readonly code: string | null };

/** Where a plan stands: the answer it waits for next (null: nothing more to send). */
export interface Lobby {
  readonly plan: Plan;
  readonly awaiting: MessageId | null;
}

export interface Step {
  readonly lobby: Lobby;
  /** Lines to send now, in order. */
  readonly send: readonly string[];
  /** The server refused the plan (its line says why): the page goes back to the join screen. */
  readonly failed: boolean;
}

/** The alphabet of room codes and seat keys (§8.1): no 0, 1, I, O. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE = new RegExp(`^[${CODE_ALPHABET}]{5}$`);

/** A room code as typed (any case, spaces around) in its canonical form, or null when it is none. */
export function cleanCode(typed: string): string | null {
  const code = typed.trim().toUpperCase();
  return CODE.test(code) ? code : null;
}

/** `players=3 turn=30 lang=uk`: the argument of `/new`. */
export function settingsArg(s: RoomSettings): string {
  const parts = [`players=${s.players}`, `turn=${s.turn}`, `lang=${s.lang}`];
  if (s.bots !== undefined) parts.push(`bots=${s.bots}`);
  if (s.pause !== undefined) parts.push(`pause=${s.pause}`);
  return parts.join(' ');
}

/** The lines to send when the socket opens. */
export function start(plan: Plan): Step {
  switch (plan.kind) {
    case 'table':
      return step(plan, null, [plan.name]);
    case 'new':
      return step(plan, 'ROOM_OPENED', [formatCommand(NEW, settingsArg(plan.settings))]);
    case 'join':
      return step(plan, 'ROOM_READY', [formatCommand(JOIN, plan.code)]);
    case 'watch':
      return step(plan, 'WATCHING', [formatCommand(WATCH, plan.code)]);
    case 'back':
      return step(plan, 'RESUMED', [formatCommand(BACK, plan.key)]);
  }
}

/** What to send in answer to a message line, given where the plan stands. */
export function answer(lobby: Lobby, id: MessageId): Step {
  const { plan, awaiting } = lobby;
  if (awaiting === null) return step(plan, null, []);
  if (id === awaiting) {
    if (plan.kind === 'new' && id === 'ROOM_OPENED') return step(plan, plan.bot ? 'SEAT_KEY' : null, [...wordsLines(plan.words), plan.name]);
    if (plan.kind === 'new' && id === 'SEAT_KEY') return step(plan, null, [formatCommand(BOT, plan.bot)]);
    // After the name, ROOM_FULL may still come if the room filled meanwhile.
    if (plan.kind === 'join' && id === 'ROOM_READY') return step(plan, 'SEAT_KEY', [plan.name]);
    return step(plan, null, []);
  }
  if (FAILS[awaiting]?.includes(id)) {
    // A seat no longer kept in a room: sit down in that room again, under the same name.
    if (plan.kind === 'back' && plan.code) return start({ kind: 'join', name: plan.name, code: plan.code });
    return { lobby: { plan, awaiting: null }, send: [], failed: true };
  }
  return step(plan, awaiting, []);
}

/** The answers that refuse what a plan waits for. */
const FAILS: Readonly<Partial<Record<MessageId, readonly MessageId[]>>> = {
  ROOM_OPENED: ['BAD_SETTING'],
  ROOM_READY: ['NO_ROOM', 'ROOM_FULL'],
  SEAT_KEY: ['ROOM_FULL'],
  WATCHING: ['NO_ROOM', 'ROOM_FULL'],
  RESUMED: ['NO_SEAT'],
};

function step(plan: Plan, awaiting: MessageId | null, send: readonly string[]): Step {
  return { lobby: { plan, awaiting }, send, failed: false };
}

/** The room a page address asks for: `?room=CODE` to play, `?watch=CODE` to watch. */
export function roomFromUrl(search: string): { readonly room: string | null; readonly watch: string | null } {
  const q = new URLSearchParams(search);
  return { room: cleanCode(q.get('room') ?? ''), watch: cleanCode(q.get('watch') ?? '') };
}

/** The link friends open to sit in a room (or to watch it). */
export function roomLink(origin: string, pathname: string, code: string, watch = false): string {
  return `${origin}${pathname}?${watch ? 'watch' : 'room'}=${encodeURIComponent(code)}`;
}
