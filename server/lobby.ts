/**
 * Seats players at tables, many at once (PROTOCOL.md §4): a newcomer sits at the
 * table that is still filling, or opens a new one; nobody is turned away.
 */
import type { PlayerId } from '../game/rules.js';
import { Table, type Clock, type TableIO } from './table.js';
import type { Lang } from '../protocol/catalog.js';

export interface LobbyOptions {
  readonly playersPerTable: number;
  readonly lang: Lang;
  readonly pickWord: () => string;
  readonly turnMs: number;
  readonly io: TableIO;
  readonly clock?: Clock;
}

/** Counts for operators and for tests that no table is stuck. */
export interface LobbyStats {
  readonly waiting: number;
  readonly playing: number;
  readonly started: number;
  readonly finished: number;
  readonly discarded: number;
}

export class Lobby {
  private readonly opts: LobbyOptions;
  private readonly tables = new Set<Table>();
  private readonly tableOf = new Map<PlayerId, Table>();
  private open: Table | null = null;
  private nextId = 1;
  private counts = { started: 0, finished: 0, discarded: 0 };

  constructor(opts: LobbyOptions) {
    this.opts = opts;
  }

  /** Seats a player with a checked name; returns the name they play under. */
  join(player: PlayerId, name: string): string {
    if (!this.open?.isOpen) this.open = this.newTable();
    const table = this.open;
    this.tableOf.set(player, table);
    const seated = table.seat(player, name);
    if (table.phase === 'playing') this.counts.started++;
    return seated;
  }

  /** A line from a seated player. */
  handleLine(player: PlayerId, line: string): void {
    this.tableOf.get(player)?.handleLine(player, line);
  }

  lineTooLong(player: PlayerId): void {
    this.tableOf.get(player)?.lineTooLong(player);
  }

  /** A player's connection closed. */
  leave(player: PlayerId): void {
    const table = this.tableOf.get(player);
    this.tableOf.delete(player);
    table?.leave(player);
  }

  /** Whether a player is seated (has given a name and not left). */
  isSeated(player: PlayerId): boolean {
    return this.tableOf.has(player);
  }

  stats(): LobbyStats {
    let waiting = 0;
    let playing = 0;
    for (const t of this.tables) {
      if (t.phase === 'waiting') waiting++;
      else if (t.phase === 'playing') playing++;
    }
    return { waiting, playing, ...this.counts };
  }

  /** The server is stopping: every table ends without a result. */
  stop(): void {
    for (const t of this.tables) t.stop();
    this.tables.clear();
    this.tableOf.clear();
    this.open = null;
  }

  private newTable(): Table {
    const table = new Table({
      id: this.nextId++,
      size: this.opts.playersPerTable,
      lang: this.opts.lang,
      pickWord: this.opts.pickWord,
      turnMs: this.opts.turnMs,
      io: this.opts.io,
      clock: this.opts.clock,
      onDone: (t, how) => this.onDone(t, how),
    });
    this.tables.add(table);
    return table;
  }

  private onDone(table: Table, how: 'finished' | 'discarded'): void {
    this.counts[how]++;
    this.tables.delete(table);
    if (this.open === table) this.open = null;
    // A finished table's players are ended by their connections; forget them now.
    for (const player of table.playerIds) this.tableOf.delete(player);
  }
}
