/**
 * A room (PROTOCOL.md §8.2): a table under a code, with its own settings, its own
 * words, game after game on the same connections and a running total. It closes
 * when no player has been connected for a while, or when only computer players are
 * left.
 */
import type { Lang } from '../protocol/catalog.js';
import { formatScores } from '../protocol/catalog.js';
import type { PlayerId } from '../game/rules.js';
import { Table, type ConnId, type SeatRef, type SeatResult, type TableIO } from './table.js';
import { Timer, type Clock } from './clock.js';
import type { SeatKeys } from './seats.js';
import { WordDeck } from './word-deck.js';
import { formatRoomSettings, type RoomSettings } from './room-settings.js';
import { DEFAULT_BOT_LEVEL, type BotSettings } from './bots.js';

/** Limits of one room; each has a default below and a line in docs/PROTOCOL.md. */
export interface RoomLimits {
  /** Words in a room's own list (PROTOCOL.md §8.1). */
  readonly maxWords: number;
  /** Bytes of UTF-8 in a room's own list, all words together. */
  readonly maxWordBytes: number;
  /** Watchers at once (PROTOCOL.md §8.6). */
  readonly maxWatchers: number;
  /** A room with no player connected this long is closed (PROTOCOL.md §8.2). */
  readonly idleMs: number;
}

export const DEFAULT_ROOM_LIMITS: RoomLimits = {
  maxWords: 1000,
  maxWordBytes: 64 * 1024,
  maxWatchers: 100,
  idleMs: 10 * 60_000,
};

export interface RoomOptions {
  readonly code: string;
  readonly settings: RoomSettings;
  /** The server's word list for a language: played while the room has no words of its own. */
  readonly serverWords: (lang: Lang) => readonly string[];
  /** How long a dropped player's seat is kept. */
  readonly graceMs: number;
  readonly limits: RoomLimits;
  readonly keys: SeatKeys<SeatRef>;
  readonly io: TableIO;
  readonly clock: Clock;
  readonly random: () => number;
  /** How computer players think. */
  readonly bots: BotSettings;
  /** The room has closed: forget its code. */
  readonly onClose: (room: Room) => void;
}

/** What `/words` did: the words now in the list, and the first word that did not fit (null when all did). */
export interface WordsAdded {
  readonly count: number;
  readonly full: string | null;
}

export class Room {
  readonly code: string;
  readonly settings: RoomSettings;
  readonly table: Table;
  private readonly opts: RoomOptions;
  private readonly words: string[] = [];
  private readonly wordSet = new Set<string>();
  private wordBytes = 0;
  private readonly totals = new Map<PlayerId, number>();
  private readonly idle: Timer;
  private closed = false;

  constructor(opts: RoomOptions) {
    this.opts = opts;
    this.code = opts.code;
    this.settings = opts.settings;
    const deck = new WordDeck(() => this.wordList(), opts.random);
    this.table = new Table({
      label: `room ${this.code}`,
      size: this.settings.players,
      lang: this.settings.lang,
      pickWord: () => deck.next(),
      words: () => this.wordList(),
      bots: opts.bots,
      turnMs: this.settings.turn * 1000,
      graceMs: opts.graceMs,
      series: { pauseMs: this.settings.pause * 1000 },
      keys: opts.keys,
      io: opts.io,
      clock: opts.clock,
      events: {
        gameOver: (_table, results) => this.gameOver(results),
        vacated: (table) => {
          if (table.seated > 0) this.close('only computer players are left');
        },
        presenceChanged: () => this.watchPresence(),
      },
    });
    this.idle = new Timer(opts.clock);
    opts.io.log(`room ${this.code} opened: ${formatRoomSettings(this.settings)}`);
    // Computer players sit first, so the creator's PLAYERS lists them (PROTOCOL.md §8.7).
    for (let i = 0; i < this.settings.bots; i++) this.table.seatBot(DEFAULT_BOT_LEVEL);
    this.watchPresence();
  }

  get lang(): Lang {
    return this.settings.lang;
  }

  /** Whether the room is still open (its code still known). */
  get isOpen(): boolean {
    return !this.closed;
  }

  /** Words of the room's own list. */
  get wordCount(): number {
    return this.words.length;
  }

  /** The words games are played with: the room's own, else the server's list of its language. */
  wordList(): readonly string[] {
    return this.words.length > 0 ? this.words : this.opts.serverWords(this.settings.lang);
  }

  /** Adds words (already checked) to the room's own list; a word already there is skipped. */
  addWords(words: readonly string[]): WordsAdded {
    let full: string | null = null;
    for (const word of words) {
      if (this.wordSet.has(word)) continue;
      const bytes = Buffer.byteLength(word);
      if (this.words.length >= this.opts.limits.maxWords || this.wordBytes + bytes > this.opts.limits.maxWordBytes) {
        full = word;
        break;
      }
      this.words.push(word);
      this.wordSet.add(word);
      this.wordBytes += bytes;
    }
    this.opts.io.log(`room ${this.code}: ${this.words.length} words of its own`);
    return { count: this.words.length, full };
  }

  /** A watcher, unless the room has as many as it takes; returns false when it is full. */
  watch(conn: ConnId): boolean {
    if (this.table.watcherCount >= this.opts.limits.maxWatchers) return false;
    this.table.watch(conn, this.code);
    return true;
  }

  /** Closes the room: ROOM_CLOSED and `/quit` to everyone here, its code unknown from now on. */
  close(why: string): void {
    if (this.closed) return;
    this.closed = true;
    this.idle.clear();
    this.table.announce('ROOM_CLOSED', { code: this.code });
    this.table.close();
    this.opts.onClose(this);
    this.opts.io.log(`room ${this.code} closed: ${why}`);
  }

  /** The server is stopping. */
  stop(): void {
    this.closed = true;
    this.idle.clear();
    this.table.stop();
  }

  /** After GAME_OVER and RESULT: every room player's points over the room's games, highest first. */
  private gameOver(results: readonly SeatResult[]): void {
    for (const r of results) this.totals.set(r.seat, (this.totals.get(r.seat) ?? 0) + r.points);
    const entries = this.table.roster.map((s) => ({ name: s.name, points: this.totals.get(s.seat) ?? 0 }));
    // A stable sort: equal totals stay in turn order.
    entries.sort((a, b) => b.points - a.points);
    this.table.announce('ROOM_TOTAL', { code: this.code, scores: formatScores(entries) });
  }

  /** The idle clock runs while no player is connected. */
  private watchPresence(): void {
    if (this.closed) return;
    if (this.table.peopleConnected > 0) this.idle.clear();
    else if (!this.idle.running) {
      this.idle.set(this.opts.limits.idleMs, () => this.close(`no player connected for ${Math.round(this.opts.limits.idleMs / 1000)} s`));
    }
  }
}
