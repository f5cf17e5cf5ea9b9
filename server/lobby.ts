/**
 * The lobby (PROTOCOL.md §4, §8.1): every connection passes through here. Before
 * its name a client may open a room, add its words, join a room, watch one or take
 * back a kept seat; its name then seats it in that room or at the public table that
 * is filling (nobody is turned away). After that its lines go to its table.
 */
import { format, type Lang, type MessageFields, type MessageId } from '../protocol/catalog.js';
import { BACK, HELP, JOIN, LEAVE, NEW, QUIT, WATCH, WORDS, parseCommand, type Command } from '../protocol/commands.js';
import { pickWord } from '../game/words.js';
import { checkName, cleanLine } from './sanitize.js';
import { Table, type ConnId, type SeatRef, type TableEnd, type TableIO } from './table.js';
import { Room, DEFAULT_ROOM_LIMITS, type RoomLimits } from './room.js';
import { RoomRegistry, MAX_ROOMS, type CodeListener } from './rooms.js';
import { SeatRegistry } from './seats.js';
import { RateLimiter } from './rate-limit.js';
import { canonicalCode } from './codes.js';
import { DEFAULT_PAUSE_SECONDS, MAX_ROOM_PLAYERS, parseRoomSettings, parseWordsLine, type RoomSettings } from './room-settings.js';
import type { Clock } from './clock.js';
import type { BotSettings } from './bots.js';

/** One connection as the lobby sees it. */
export interface Peer {
  readonly id: ConnId;
  /** The remote address, for the per-address limits. */
  readonly address: string;
  /** Many people share this address (a gateway): its limits count per connection instead. */
  readonly trusted: boolean;
  send(line: string): void;
  /** Closes the connection after the lines sent. */
  end(why: string): void;
}

/** The lobby's limits, each with a default and a line in docs/PROTOCOL.md. */
export interface LobbyLimits extends RoomLimits {
  /** Rooms open at once. */
  readonly maxRooms: number;
  /** Rooms one address may open in a minute. */
  readonly newRoomsPerMinute: number;
  /** Wrong seat keys one address may send in a minute; the next one closes the connection. */
  readonly wrongKeysPerMinute: number;
}

export const DEFAULT_LOBBY_LIMITS: LobbyLimits = {
  ...DEFAULT_ROOM_LIMITS,
  maxRooms: MAX_ROOMS,
  newRoomsPerMinute: 5,
  wrongKeysPerMinute: 10,
};

export interface LobbyOptions {
  /** Seats at a public table, and a room's default. */
  readonly playersPerTable: number;
  /** The server's language: the lobby's and the public tables'. */
  readonly lang: Lang;
  /** The server's word list for a language. */
  readonly words: (lang: Lang) => readonly string[];
  /** Seconds for one move at public tables, and a room's default; 0: no clock. */
  readonly turnSeconds: number;
  /** How long a dropped player's seat is kept. */
  readonly graceMs: number;
  readonly limits: LobbyLimits;
  readonly clock: Clock;
  readonly random: () => number;
  readonly log: (line: string) => void;
  /** Told of every room code and seat key held here, for a cluster's directory. */
  readonly directory?: { readonly rooms: CodeListener; readonly seats: CodeListener };
  /** How computer players think. */
  readonly bots: BotSettings;
}

/** A room code or seat key a lobby line asks for that this server does not hold (a cluster looks elsewhere). */
export type Wanted = { readonly kind: 'room'; readonly code: string } | { readonly kind: 'seat'; readonly key: string };

/** Counts for operators and for tests that no table is stuck (public tables). */
export interface LobbyStats {
  readonly waiting: number;
  readonly playing: number;
  readonly started: number;
  readonly finished: number;
  readonly discarded: number;
  /** Rooms open now. */
  readonly rooms: number;
}

/** Where a connection is: in the lobby (with the room it opened and the one it will sit in), at a table, or done. */
type Place = { kind: 'lobby'; opened: Room | null; target: Room | null } | { kind: 'table'; table: Table } | { kind: 'gone' };

interface Visitor {
  readonly peer: Peer;
  at: Place;
}

const MINUTE = 60_000;

/** The HELP lines before the name: the lobby's commands, then the table's. */
const LOBBY_HELP = [
  'HELP_LOBBY',
  'HELP_NEW',
  'HELP_WORDS',
  'HELP_JOIN',
  'HELP_WATCH',
  'HELP_BACK',
  'HELP_TABLE',
  'HELP_MOVES',
  'HELP_SAY',
  'HELP_BOT',
  'HELP_START',
  'HELP_LEAVE',
] as const satisfies readonly MessageId[];

export class Lobby {
  private readonly opts: LobbyOptions;
  private readonly visitors = new Map<ConnId, Visitor>();
  private readonly tables = new Set<Table>();
  private open: Table | null = null;
  private nextTable = 1;
  private counts = { started: 0, finished: 0, discarded: 0 };
  private readonly rooms: RoomRegistry<Room>;
  private readonly keys: SeatRegistry<SeatRef>;
  private readonly newRooms: RateLimiter;
  private readonly wrongKeys: RateLimiter;
  private readonly roomDefaults: RoomSettings;
  private readonly io: TableIO;

  constructor(opts: LobbyOptions) {
    this.opts = opts;
    this.rooms = new RoomRegistry<Room>(opts.limits.maxRooms, opts.directory?.rooms);
    this.keys = new SeatRegistry<SeatRef>(opts.directory?.seats);
    this.newRooms = new RateLimiter(opts.limits.newRoomsPerMinute, MINUTE, opts.clock);
    this.wrongKeys = new RateLimiter(opts.limits.wrongKeysPerMinute, MINUTE, opts.clock);
    this.roomDefaults = {
      players: Math.min(opts.playersPerTable, MAX_ROOM_PLAYERS),
      turn: opts.turnSeconds,
      lang: opts.lang,
      bots: 0,
      pause: DEFAULT_PAUSE_SECONDS,
    };
    this.io = {
      send: (conn, line) => this.visitors.get(conn)?.peer.send(line),
      end: (conn, why) => {
        const v = this.visitors.get(conn);
        if (!v) return;
        v.at = { kind: 'gone' };
        v.peer.end(why);
      },
      log: opts.log,
    };
  }

  /** A new connection: in the lobby until it gives its name (or watches, or comes back). */
  arrive(peer: Peer): void {
    this.visitors.set(peer.id, { peer, at: { kind: 'lobby', opened: null, target: null } });
  }

  /** Whether a connection is still in the lobby (it has not sat down, watched or come back). */
  inLobby(conn: ConnId): boolean {
    return this.visitors.get(conn)?.at.kind === 'lobby';
  }

  /** Whether this line is a good name that would seat its sender at a public table (a cluster may seat it in another process). */
  seatsPublicly(conn: ConnId, text: string): boolean {
    const v = this.visitors.get(conn);
    if (v?.at.kind !== 'lobby' || v.at.target) return false;
    return parseCommand(cleanLine(text)) === null && checkName(text).ok;
  }

  /** The room (`/join`, `/watch`) or seat (`/back`) this lobby line asks for, when this server does not hold it. */
  wantedElsewhere(conn: ConnId, text: string): Wanted | null {
    if (this.visitors.get(conn)?.at.kind !== 'lobby') return null;
    const command = parseCommand(cleanLine(text));
    if (!command || command.arg === '') return null;
    if ((command.name === JOIN || command.name === WATCH) && !this.rooms.get(command.arg)) return { kind: 'room', code: canonicalCode(command.arg) };
    if (command.name === BACK && !this.keys.find(command.arg)) return { kind: 'seat', key: canonicalCode(command.arg) };
    return null;
  }

  /** A line from a connection, as decoded. */
  line(conn: ConnId, text: string): void {
    const v = this.visitors.get(conn);
    if (!v) return;
    const at = v.at;
    if (at.kind === 'table') {
      const line = cleanLine(text);
      if (line !== '') at.table.handleLine(conn, line);
    } else if (at.kind === 'lobby') {
      const line = cleanLine(text);
      const command = parseCommand(line);
      if (command) this.command(v, at, command, line);
      else this.name(v, at, text);
    }
  }

  /** A line over the length limit. */
  tooLong(conn: ConnId): void {
    const v = this.visitors.get(conn);
    if (v?.at.kind === 'table') v.at.table.lineTooLong(conn);
    else if (v?.at.kind === 'lobby') this.say(v, 'LINE_TOO_LONG');
  }

  /** A connection closed, for whatever reason. */
  gone(conn: ConnId): void {
    const v = this.visitors.get(conn);
    this.visitors.delete(conn);
    if (v?.at.kind === 'table') v.at.table.disconnected(conn);
  }

  stats(): LobbyStats {
    let waiting = 0;
    let playing = 0;
    for (const t of this.tables) {
      if (t.phase === 'waiting') waiting++;
      else if (t.phase === 'playing') playing++;
    }
    return { waiting, playing, ...this.counts, rooms: this.rooms.size };
  }

  /** The server is stopping: every table and room ends without a result. */
  stop(): void {
    for (const t of this.tables) t.stop();
    for (const r of this.rooms.values()) r.stop();
    this.tables.clear();
    this.open = null;
  }

  /** A lobby command (PROTOCOL.md §8.1); an unknown one is a name that starts with "/" (§4). */
  private command(v: Visitor, at: Place & { kind: 'lobby' }, command: Command, line: string): void {
    switch (command.name) {
      case NEW:
        return this.newRoom(v, at, command.arg);
      case WORDS:
        return this.addWords(v, at, command.arg, line);
      case JOIN:
        return this.join(v, at, command.arg, line);
      case WATCH:
        return this.watch(v, command.arg, line);
      case BACK:
        return this.back(v, command.arg, line);
      case HELP:
        for (const id of LOBBY_HELP) this.say(v, id);
        return;
      case LEAVE:
        v.peer.send(QUIT);
        return v.peer.end('left the lobby');
      default:
        this.say(v, 'BAD_NAME');
        return v.peer.end('sent a bad name');
    }
  }

  private name(v: Visitor, at: Place & { kind: 'lobby' }, text: string): void {
    const check = checkName(text);
    if (!check.ok) {
      this.say(v, check.error);
      return v.peer.end(check.error === 'NO_NAME' ? 'sent no name' : 'sent a bad name');
    }
    const room = at.target;
    let table: Table;
    if (room) {
      // The room may have closed or filled since /join; the client stays in the lobby and may try again.
      at.target = null;
      if (!room.isOpen) return this.say(v, 'NO_ROOM', { code: room.code });
      if (!room.table.isOpen) return this.sayIn(room.lang, v, 'ROOM_FULL', { code: room.code });
      table = room.table;
    } else {
      table = this.publicTable();
    }
    v.at = { kind: 'table', table };
    const { name } = table.seat(v.peer.id, check.name);
    this.opts.log(`${v.peer.id} joined ${table.label} as ${JSON.stringify(name)}`);
  }

  private newRoom(v: Visitor, at: Place & { kind: 'lobby' }, arg: string): void {
    const parsed = parseRoomSettings(arg, this.roomDefaults);
    if (!parsed.ok) {
      for (const setting of parsed.bad) this.say(v, 'BAD_SETTING', { setting });
      return;
    }
    if (!this.newRooms.take(this.limitKey(v.peer))) return this.say(v, 'SLOW_DOWN');
    const room = this.rooms.open(
      (code) =>
        new Room({
          code,
          settings: parsed.settings,
          serverWords: this.opts.words,
          graceMs: this.opts.graceMs,
          limits: this.opts.limits,
          keys: this.keys,
          io: this.io,
          clock: this.opts.clock,
          random: this.opts.random,
          bots: this.opts.bots,
          onClose: (r) => this.rooms.remove(r.code),
        }),
    );
    if (!room) return this.say(v, 'NO_ROOM_LEFT');
    this.opts.log(`${v.peer.id} opened room ${room.code}`);
    at.opened = room;
    at.target = room;
    this.sayIn(room.lang, v, 'ROOM_OPENED', { code: room.code });
  }

  private addWords(v: Visitor, at: Place & { kind: 'lobby' }, arg: string, line: string): void {
    const room = at.opened;
    if (!room?.isOpen || arg === '') return this.say(v, 'BAD_COMMAND', { line });
    const { words, bad } = parseWordsLine(arg);
    for (const word of bad) this.sayIn(room.lang, v, 'BAD_WORD', { word });
    const added = room.addWords(words);
    if (added.full !== null) this.sayIn(room.lang, v, 'WORDS_FULL', { word: added.full });
    this.sayIn(room.lang, v, 'WORDS_ADDED', { count: added.count });
  }

  private join(v: Visitor, at: Place & { kind: 'lobby' }, arg: string, line: string): void {
    if (arg === '') return this.say(v, 'BAD_COMMAND', { line });
    const room = this.rooms.get(arg);
    if (!room) return this.say(v, 'NO_ROOM', { code: canonicalCode(arg) });
    if (!room.table.isOpen) return this.sayIn(room.lang, v, 'ROOM_FULL', { code: room.code });
    at.target = room;
    this.sayIn(room.lang, v, 'ROOM_READY', { code: room.code });
  }

  private watch(v: Visitor, arg: string, line: string): void {
    if (arg === '') return this.say(v, 'BAD_COMMAND', { line });
    const room = this.rooms.get(arg);
    if (!room) return this.say(v, 'NO_ROOM', { code: canonicalCode(arg) });
    if (!room.watch(v.peer.id)) return this.sayIn(room.lang, v, 'ROOM_FULL', { code: room.code });
    v.at = { kind: 'table', table: room.table };
    this.opts.log(`${v.peer.id} watches room ${room.code}`);
  }

  private back(v: Visitor, arg: string, line: string): void {
    if (arg === '') return this.say(v, 'BAD_COMMAND', { line });
    const ref = this.keys.find(arg);
    if (ref?.table.back(ref.seat, v.peer.id)) {
      v.at = { kind: 'table', table: ref.table };
      return;
    }
    // Keys are 40 random bits; guessing them one connection after another is cut short here.
    if (!this.wrongKeys.take(this.limitKey(v.peer))) {
      this.say(v, 'TOO_MANY_KEYS');
      return v.peer.end('too many wrong seat keys');
    }
    this.say(v, 'NO_SEAT');
  }

  private publicTable(): Table {
    if (this.open?.isOpen) return this.open;
    const table = new Table({
      label: `table ${this.nextTable++}`,
      size: this.opts.playersPerTable,
      lang: this.opts.lang,
      pickWord: () => pickWord(this.opts.words(this.opts.lang), this.opts.random),
      words: () => this.opts.words(this.opts.lang),
      bots: this.opts.bots,
      turnMs: this.opts.turnSeconds * 1000,
      graceMs: this.opts.graceMs,
      keys: this.keys,
      io: this.io,
      clock: this.opts.clock,
      events: {
        gameStarted: () => void this.counts.started++,
        done: (t, how) => this.tableDone(t, how),
      },
    });
    this.tables.add(table);
    this.open = table;
    return table;
  }

  private tableDone(table: Table, how: TableEnd): void {
    if (how !== 'closed') this.counts[how]++;
    this.tables.delete(table);
    if (this.open === table) this.open = null;
  }

  /** What the per-address limits count by: the address, or the connection for a trusted one (a gateway's many browsers). */
  private limitKey(peer: Peer): string {
    return peer.trusted ? `connection ${peer.id}` : `address ${peer.address}`;
  }

  /** A lobby line in the server's language. */
  private say<Id extends MessageId>(v: Visitor, id: Id, fields?: MessageFields<Id>): void {
    this.sayIn(this.opts.lang, v, id, fields);
  }

  /** A line about a room, in the room's language. */
  private sayIn<Id extends MessageId>(lang: Lang, v: Visitor, id: Id, fields?: MessageFields<Id>): void {
    v.peer.send(format(lang, id, fields));
  }
}
