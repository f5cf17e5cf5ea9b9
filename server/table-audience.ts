/**
 * Who is at a table and how a line reaches them (PROTOCOL.md §8.4, §8.6): the seats in
 * turn order (a person's connection, none while they are away; a computer player's
 * level) and the watchers. Each catalogue message goes to whom its `to` says, in the
 * table's language, through the injected TableIO.
 */
import { MESSAGES, format, type Lang, type MessageFields, type MessageId } from '../protocol/catalog.js';
import type { PlayerId } from '../game/rules.js';
import type { Timer } from './clock.js';
import type { BotLevel } from './bots.js';

/** A connection, as the lobby names it. */
export type ConnId = string;

/** How the table reaches the world. */
export interface TableIO {
  /** Sends one line to one connection. */
  send(conn: ConnId, line: string): void;
  /** The connection is done at this table (its game is over, it left, another took its seat): close it after the lines sent. */
  end(conn: ConnId, why: string): void;
  /** One log line for operators. */
  log(message: string): void;
}

/** One seat at a table: a person (present or away) or a computer player. */
export interface Seat {
  /** Stable for the seat's life; the player's id in the game. */
  readonly id: PlayerId;
  /** Join order, for the first turn going round. */
  readonly order: number;
  readonly name: string;
  /** The seat key of a person; null for a computer player. */
  readonly key: string | null;
  /** The connection playing this seat; null while the player is away, and always for a computer player. */
  conn: ConnId | null;
  /** A computer player's level; null for a person. */
  readonly bot: BotLevel | null;
  /** Runs while the player is away: when it fires, the seat is given up. */
  readonly grace: Timer;
}

/** The seats and watchers of one table, and the one place that decides who hears a line. */
export class Audience {
  /** Who sits here, in join order, which is also the turn order. */
  private list: Seat[] = [];
  private readonly watchers = new Set<ConnId>();

  constructor(
    private readonly label: string,
    private readonly lang: Lang,
    private readonly io: TableIO,
  ) {}

  /** Every seat, in turn order. */
  get seats(): readonly Seat[] {
    return this.list;
  }

  /** Players' names, in turn order. */
  get names(): string[] {
    return this.list.map((s) => s.name);
  }

  /** People whose connection is here now. */
  get peopleConnected(): number {
    let n = 0;
    for (const s of this.list) if (s.conn !== null) n++;
    return n;
  }

  /** Computer players seated. */
  get botCount(): number {
    return this.list.filter((s) => s.bot !== null).length;
  }

  get watcherCount(): number {
    return this.watchers.size;
  }

  add(seat: Seat): void {
    this.list.push(seat);
  }

  remove(seat: Seat): void {
    this.list = this.list.filter((s) => s !== seat);
  }

  /** The seat a connection plays, if any. */
  byConn(conn: ConnId): Seat | undefined {
    return this.list.find((s) => s.conn === conn);
  }

  /** The seat of a player id, if it is still taken. */
  find(id: PlayerId): Seat | undefined {
    return this.list.find((s) => s.id === id);
  }

  /** The seat of a player in the game: every player in it has a seat, so a miss is our bug. */
  byId(id: PlayerId): Seat {
    const seat = this.find(id);
    if (!seat) throw new Error(`${this.label}: player ${id} is in the game but has no seat`);
    return seat;
  }

  watch(conn: ConnId): void {
    this.watchers.add(conn);
  }

  /** Returns whether the connection was watching. */
  unwatch(conn: ConnId): boolean {
    return this.watchers.delete(conn);
  }

  isWatching(conn: ConnId): boolean {
    return this.watchers.has(conn);
  }

  clearWatchers(): void {
    this.watchers.clear();
  }

  /** Connections here now: players, then watchers. */
  *connections(): Iterable<ConnId> {
    for (const s of this.list) if (s.conn !== null) yield s.conn;
    yield* this.watchers;
  }

  /**
   * Sends a message to whom the catalogue says it goes: `table` to every player here
   * and every watcher, `others` to all of them but `seat` (the mover), `player` to
   * `seat` alone. A `table` line with a `seat` skips that seat (BACK to the others);
   * `alone` sends any message to `seat` only (a turn repeated to the mover alone).
   * A seat with no connection (away, or a computer player) gets nothing.
   */
  emit<Id extends MessageId>(msg: Id, fields?: MessageFields<Id>, seat?: Seat, alone?: 'alone'): void {
    const to = alone ?? MESSAGES[msg].to;
    if (to !== 'table' && seat === undefined) throw new Error(`${msg} goes to ${to}: say which player`);
    const line = format(this.lang, msg, fields);
    if (to === 'player' || to === 'alone') {
      if (seat!.conn !== null) this.io.send(seat!.conn, line);
      return;
    }
    for (const s of this.list) if (s.conn !== null && s !== seat) this.io.send(s.conn, line);
    for (const w of this.watchers) this.io.send(w, line);
  }

  /** Sends a message to one connection, whoever the catalogue says it is for (a snapshot, a turn repeated to the mover alone). */
  tell<Id extends MessageId>(conn: ConnId, msg: Id, fields?: MessageFields<Id>): void {
    this.io.send(conn, format(this.lang, msg, fields));
  }
}
