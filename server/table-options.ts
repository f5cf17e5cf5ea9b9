/**
 * What a table is given (its size, language, words, clocks, the way to its players)
 * and what it tells its owner: the lobby for a public table, a room for its own.
 */
import type { Lang } from '../protocol/catalog.js';
import type { PlayerId } from '../game/rules.js';
import type { Clock } from './clock.js';
import type { SeatKeys } from './seats.js';
import type { BotSettings } from './bots.js';
import type { TableIO } from './table-audience.js';
import type { Table } from './table.js';

/** Where a seat key leads: a seat at a table. */
export interface SeatRef {
  readonly table: Table;
  readonly seat: PlayerId;
}

/** One player's points in a game that just ended. */
export interface SeatResult {
  readonly seat: PlayerId;
  readonly name: string;
  readonly points: number;
}

/** What the table tells its owner (the lobby for a public table, a room for its own). */
export interface TableEvents {
  /** A game started. */
  gameStarted?(table: Table): void;
  /** A game ended; GAME_OVER and RESULT were sent. A room adds ROOM_TOTAL here. */
  gameOver?(table: Table, results: readonly SeatResult[]): void;
  /** No person is seated any more: nobody at all, or only computer players. */
  vacated?(table: Table): void;
  /** A person connected or lost the connection (for a room's idle clock). */
  presenceChanged?(table: Table): void;
  /** The table is done for good; called once. */
  done?(table: Table, how: TableEnd): void;
}

/** How a table ends: its one game played out, everyone gone, or closed by its owner. */
export type TableEnd = 'finished' | 'discarded' | 'closed';

export interface TableOptions {
  /** For the log: `table 3`, `room K7QX2`. */
  readonly label: string;
  /** Seats. A public table starts when they are all taken. */
  readonly size: number;
  readonly lang: Lang;
  /** Chooses the word for each game. */
  readonly pickWord: () => string;
  /** The list the words come from: what a computer player thinks with (every player may know it). */
  readonly words: () => readonly string[];
  /** Time for one move in ms; 0 turns the clock off. */
  readonly turnMs: number;
  /** How long a dropped player's seat is kept; 0: LEFT at once. */
  readonly graceMs: number;
  /** Game after game (a room): the pause between games; absent: one game, then `/quit`. */
  readonly series?: { readonly pauseMs: number };
  readonly keys: SeatKeys<SeatRef>;
  readonly io: TableIO;
  readonly events?: TableEvents;
  readonly clock?: Clock;
  /** How computer players think; default: about a second, Math.random. */
  readonly bots?: BotSettings;
}

/** Filling, a game on, between two games of a room, or done for good. */
export type TablePhase = 'waiting' | 'playing' | 'over' | 'done';
