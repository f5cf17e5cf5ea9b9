/**
 * A table: the seats around it, who watches it, and one game at a time (PROTOCOL.md
 * §3, §4, §8). It seats people and computer players, keeps the seats of players whose
 * connection dropped, routes their lines, and starts and ends games; the game in play
 * is table-play.ts, who hears a line is table-audience.ts. It reaches connections only
 * through the injected TableIO, so it is tested with a recording fake, a hand-driven
 * clock and no sockets.
 */
import { formatList, type Lang, type MessageFields, type MessageId } from '../protocol/catalog.js';
import { BOT, HELP, LEAVE, LETTER, QUIT, SAY, START, WORD, parseCommand } from '../protocol/commands.js';
import * as rules from '../game/rules.js';
import type { PlayerId } from '../game/rules.js';
import { uniqueName } from './sanitize.js';
import { Timer, realClock, type Clock } from './clock.js';
import { RateLimiter } from './rate-limit.js';
import { CHAT_LIMIT, CHAT_WINDOW_MS, chatText } from './chat.js';
import { keyForLog } from './codes.js';
import { BOT_DELAY_MS, botLevel, botName, personName, type BotLevel, type BotSettings } from './bots.js';
import { Audience, type ConnId, type Seat } from './table-audience.js';
import { Play } from './table-play.js';
import type { TableEnd, TableOptions, TablePhase } from './table-options.js';

export type { ConnId, TableIO } from './table-audience.js';
export type { SeatRef, SeatResult, TableEnd, TableEvents, TableOptions, TablePhase } from './table-options.js';

/** One table: its seats and watchers, and game after game (a room) or one game (a public table). */
export class Table {
  readonly label: string;
  private readonly opts: TableOptions;
  private readonly clock: Clock;
  private readonly audience: Audience;
  private play: Play | null = null;
  private phaseValue: TablePhase = 'waiting';
  private readonly pause: Timer;
  private readonly chat: RateLimiter;
  private readonly bots: BotSettings;
  /** A person has sat here: once only computer players are left, the table is done. */
  private hadPerson = false;
  private nextOrder = 1;
  /** Join order of the player who had the first turn of the last game. */
  private lastStarter: number | null = null;

  constructor(opts: TableOptions) {
    this.label = opts.label;
    this.opts = opts;
    this.clock = opts.clock ?? realClock;
    this.audience = new Audience(opts.label, opts.lang, opts.io);
    this.pause = new Timer(this.clock);
    this.chat = new RateLimiter(CHAT_LIMIT, CHAT_WINDOW_MS, this.clock);
    this.bots = opts.bots ?? { delayMs: BOT_DELAY_MS, random: Math.random };
  }

  get phase(): TablePhase {
    return this.phaseValue;
  }

  get lang(): Lang {
    return this.opts.lang;
  }

  get size(): number {
    return this.opts.size;
  }

  /** Players seated now (away ones too), in turn order. */
  get players(): readonly string[] {
    return this.audience.names;
  }

  /** Every seat, in turn order: who sits there. */
  get roster(): readonly { readonly seat: PlayerId; readonly name: string }[] {
    return this.audience.seats.map((s) => ({ seat: s.id, name: s.name }));
  }

  /** Seats taken: seated, away, or waiting for the next game. */
  get seated(): number {
    return this.audience.seats.length;
  }

  /** People whose connection is here now. */
  get peopleConnected(): number {
    return this.audience.peopleConnected;
  }

  /** Computer players seated. */
  get botCount(): number {
    return this.audience.botCount;
  }

  get watcherCount(): number {
    return this.audience.watcherCount;
  }

  /** Whether a newcomer can sit down here: a free seat while filling, or in a room at any time. */
  get isOpen(): boolean {
    if (this.seated >= this.opts.size || this.phaseValue === 'done') return false;
    return this.phaseValue === 'waiting' || this.opts.series !== undefined;
  }

  /** The word in play (for logs and tests); null when no game is on. */
  get word(): string | null {
    return this.play ? rules.word(this.play.state) : null;
  }

  /** Seats a person whose name was already checked; returns the name they play under and their seat key. */
  seat(conn: ConnId, requested: string): { name: string; key: string } {
    if (!this.isOpen) throw new Error(`${this.label} has no free seat`);
    const name = uniqueName(personName(requested), new Set(this.players));
    const id = `s${this.nextOrder}`;
    const key = this.opts.keys.issue({ table: this, seat: id });
    this.audience.add({ id, order: this.nextOrder++, name, key, conn, bot: null, grace: new Timer(this.clock) });
    this.hadPerson = true;
    if (name !== requested) this.tell(conn, 'RENAMED', { name });
    this.emit('JOINED', { name });
    this.tell(conn, 'PLAYERS', { names: formatList(this.players) });
    this.tell(conn, 'SEAT_KEY', { key });
    this.log(`${JSON.stringify(name)} sat down (key ${keyForLog(key)})`);
    if (this.phaseValue === 'waiting') {
      this.filled();
    } else {
      // A room's latecomer: seated for the next game, sees this one as a watcher does.
      this.tell(conn, 'NEXT_SEAT');
      this.showState(conn);
      // Computer players wait while no person is here; one is now.
      this.play?.resume();
    }
    this.opts.events?.presenceChanged?.(this);
    return { name, key };
  }

  /**
   * Seats a computer player while the table fills (or between a room's games),
   * announced by JOINED like anyone. Returns false when there is no free seat or a
   * game is on (NO_BOT_SEAT).
   */
  seatBot(level: BotLevel): boolean {
    const free = this.seated < this.opts.size;
    if (!free || (this.phaseValue !== 'waiting' && this.phaseValue !== 'over')) return false;
    const name = botName(this.opts.lang, new Set(this.players));
    this.audience.add({ id: `s${this.nextOrder}`, order: this.nextOrder++, name, key: null, conn: null, bot: level, grace: new Timer(this.clock) });
    this.emit('JOINED', { name });
    this.log(`${JSON.stringify(name)} sat down (computer player, ${level})`);
    if (this.phaseValue === 'waiting') this.filled();
    return true;
  }

  /** A watcher (PROTOCOL.md §8.6): WATCHING, PLAYERS and what a game on shows. */
  watch(conn: ConnId, code: string): void {
    this.audience.watch(conn);
    this.tell(conn, 'WATCHING', { code });
    this.tell(conn, 'PLAYERS', { names: formatList(this.players) });
    this.showState(conn);
  }

  /**
   * `/back`: the seat's player returns on a new connection. An old connection still
   * open is told REPLACED and closed. Returns false when the seat is gone.
   */
  back(seatId: PlayerId, conn: ConnId): boolean {
    const seat = this.audience.find(seatId);
    if (!seat || this.phaseValue === 'done') return false;
    const old = seat.conn;
    const wasAway = old === null;
    seat.conn = conn;
    seat.grace.clear();
    if (old !== null) {
      this.tell(old, 'REPLACED');
      this.opts.io.send(old, QUIT);
      this.opts.io.end(old, 'seat taken over by a new connection');
    }
    this.log(`${JSON.stringify(seat.name)} is back${wasAway ? '' : ' on a new connection'}`);
    this.emit('BACK', { name: seat.name }, seat);
    this.tell(conn, 'RESUMED', { name: seat.name });
    this.tell(conn, 'PLAYERS', { names: formatList(this.players) });
    if (this.phaseValue === 'waiting') this.tell(conn, 'WAITING', { k: this.seated, n: this.opts.size });
    else if (this.play && !this.play.plays(seat.id)) this.tell(conn, 'NEXT_SEAT');
    if (this.play && !this.play.turnLive) {
      // Nobody present could move before: the turn starts again now, for everyone.
      this.showState(conn, { turn: false });
      this.play.resume();
    } else {
      this.showState(conn);
    }
    this.opts.events?.presenceChanged?.(this);
    return true;
  }

  /** A line from a seated player or a watcher: trimmed, cleaned, not empty. */
  handleLine(conn: ConnId, line: string): void {
    if (this.phaseValue === 'done') return;
    if (this.audience.isWatching(conn)) return this.watcherLine(conn, line);
    const seat = this.audience.byConn(conn);
    if (!seat) return;
    const command = parseCommand(line);
    if (!command) return this.refuse(seat, 'UNEXPECTED', { name: seat.name });
    switch (command.name) {
      case '':
        return this.refuse(seat, 'BAD_COMMAND', { line });
      case LETTER:
        return this.move(seat, { kind: 'letter', letter: command.arg }, line);
      case WORD:
        return this.move(seat, { kind: 'word', word: command.arg }, line);
      case SAY:
        return this.say(seat, command.arg, line);
      case HELP:
        return this.help(seat);
      case LEAVE:
        return this.leave(seat);
      case START:
        return this.start(seat, line);
      case BOT:
        return this.addBot(seat, command.arg, line);
      default:
        return this.refuse(seat, 'NO_COMMAND', { command: command.name });
    }
  }

  /** A line over the length limit arrived from a seated player or a watcher. */
  lineTooLong(conn: ConnId): void {
    if (this.phaseValue === 'done') return;
    if (this.audience.isWatching(conn)) return this.tell(conn, 'LINE_TOO_LONG');
    const seat = this.audience.byConn(conn);
    if (seat) this.refuse(seat, 'LINE_TOO_LONG');
  }

  /** A connection closed without `/leave`: a watcher goes; a player's seat is kept for the grace time. */
  disconnected(conn: ConnId): void {
    if (this.phaseValue === 'done') return;
    if (this.audience.unwatch(conn)) return;
    const seat = this.audience.byConn(conn);
    if (!seat) return;
    seat.conn = null;
    if (this.opts.graceMs <= 0) return this.remove(seat);
    this.emit('AWAY', { name: seat.name, seconds: Math.ceil(this.opts.graceMs / 1000) });
    this.log(`${JSON.stringify(seat.name)} is away`);
    seat.grace.set(this.opts.graceMs, () => this.remove(seat));
    this.play?.away(seat.id);
    this.opts.events?.presenceChanged?.(this);
  }

  /** Starts a game with everyone seated (a room's `/start`, or its next game). */
  startGame(): void {
    const seats = this.audience.seats;
    if (seats.length === 0 || this.phaseValue === 'playing' || this.phaseValue === 'done') return;
    this.pause.clear();
    let state = rules.newGame(this.opts.pickWord(), seats.map((s) => s.id));
    // The first turn goes round: each game starts with the player after the last game's first.
    const first = Math.max(0, this.lastStarter === null ? 0 : seats.findIndex((s) => s.order > this.lastStarter!));
    for (let i = 0; i < first; i++) state = rules.passTurn(state);
    this.lastStarter = seats[first].order;
    const { turnMs, words, io } = this.opts;
    this.play = new Play(state, this.audience, { turnMs, words, io, bots: this.bots, clock: this.clock }, {
      playing: () => this.phaseValue === 'playing',
      gameOver: () => this.finish(),
      log: (message) => this.log(message),
    });
    this.phaseValue = 'playing';
    this.log(`game started with ${JSON.stringify(this.players)}`);
    this.opts.events?.gameStarted?.(this);
    this.play.begin();
  }

  /** A line to everyone at the table, watchers too (a room's ROOM_TOTAL, ROOM_CLOSED). */
  announce<Id extends MessageId>(msg: Id, fields?: MessageFields<Id>): void {
    this.emit(msg, fields);
  }

  /** Closes the table: `/quit` to every connection here, seats given up. */
  close(): void {
    if (this.phaseValue === 'done') return;
    const conns = [...this.connections()];
    for (const conn of conns) this.opts.io.send(conn, QUIT);
    this.done('closed');
    for (const conn of conns) this.opts.io.end(conn, 'the table was closed');
  }

  /** The server is stopping: ends the table without a result or a line. */
  stop(): void {
    if (this.phaseValue !== 'done') this.done('closed');
  }

  /** Connections here now: players, then watchers. */
  connections(): Iterable<ConnId> {
    return this.audience.connections();
  }

  /** A seat was taken while filling: WAITING for the rest, or the game starts. */
  private filled(): void {
    if (this.seated < this.opts.size) this.emit('WAITING', { k: this.seated, n: this.opts.size });
    else this.startGame();
  }

  private watcherLine(conn: ConnId, line: string): void {
    const command = parseCommand(line);
    if (command?.name === LEAVE) {
      this.audience.unwatch(conn);
      this.opts.io.send(conn, QUIT);
      return this.opts.io.end(conn, 'stopped watching');
    }
    if (command?.name === HELP) return this.tell(conn, 'HELP_WATCHER');
    this.tell(conn, 'NOT_PLAYING');
  }

  private move(seat: Seat, move: rules.Move, line: string): void {
    if (!this.play) return this.emit('NOT_YOUR_TURN', undefined, seat);
    this.play.move(seat, move, line);
  }

  /** The rules say the game is over: GAME_OVER, the results, then the next game or `/quit`. */
  private finish(): void {
    const play = this.play!;
    const state = play.state;
    play.stop();
    this.play = null;
    this.emit('GAME_OVER');
    const results = state.players.map((p) => ({ seat: p.id, name: this.audience.byId(p.id).name, points: p.points }));
    for (const r of results) this.emit('RESULT', { name: r.name, points: r.points });
    const winner = JSON.stringify(this.audience.byId(state.winner!).name);
    // Built as text, in turn order: an object keyed by every new name would cost V8 a new shape a game.
    const scores = `{${results.map((r) => `${JSON.stringify(r.name)}:${r.points}`).join(',')}}`;
    this.log(`game over, ${winner} won; word ${JSON.stringify(rules.word(state))}; scores ${scores}`);
    this.opts.events?.gameOver?.(this, results);
    if (this.phaseValue === 'done') return;
    const series = this.opts.series;
    if (series) {
      this.phaseValue = 'over';
      this.emit('NEXT_GAME', { seconds: Math.ceil(series.pauseMs / 1000) });
      this.pause.set(series.pauseMs, () => this.startGame());
      return;
    }
    const conns = [...this.connections()];
    for (const conn of conns) this.opts.io.send(conn, QUIT);
    this.done('finished');
    for (const conn of conns) this.opts.io.end(conn, 'game over');
  }

  /** `/leave`: LEFT to the others, `/quit` to the leaver, closed. */
  private leave(seat: Seat): void {
    const conn = seat.conn!;
    seat.conn = null;
    this.opts.io.send(conn, QUIT);
    this.opts.io.end(conn, 'left');
    this.remove(seat);
  }

  /** A seat is given up: its player left, or did not come back in time. */
  private remove(seat: Seat): void {
    const play = this.play;
    const hadTurn = play !== null && play.isMover(seat.id);
    this.audience.remove(seat);
    seat.grace.clear();
    if (seat.key !== null) this.opts.keys.revoke(seat.key);
    this.chat.forget(seat.id);
    play?.removePlayer(seat.id);
    this.emit('LEFT', { name: seat.name });
    this.log(`${JSON.stringify(seat.name)} left`);
    if (play && play.state.players.length === 0) {
      // Every player of this game has gone; whoever waits for the next one waits for seats again.
      play.stop();
      this.play = null;
      this.phaseValue = 'waiting';
      this.log('game abandoned: every player left');
    }
    const seats = this.audience.seats;
    if (seats.length === 0 && this.phaseValue === 'over') {
      // Nobody for a next game: the room fills again from scratch.
      this.pause.clear();
      this.phaseValue = 'waiting';
    }
    if (seats.length === 0 || (this.hadPerson && seats.every((s) => s.bot !== null))) {
      // Nobody, or only computer players: a public table is done; a room decides for itself.
      this.opts.events?.vacated?.(this);
      if (this.phaseValue !== 'done' && this.opts.series === undefined) this.done('discarded');
    } else if (this.phaseValue === 'waiting') {
      this.emit('WAITING', { k: seats.length, n: this.opts.size });
    } else if (this.phaseValue === 'playing' && hadTurn) {
      this.play!.nextTurn('fresh');
    }
    if (this.phaseValue !== 'done') this.opts.events?.presenceChanged?.(this);
  }

  private say(seat: Seat, arg: string, line: string): void {
    const text = chatText(arg);
    if (text === '') return this.refuse(seat, 'BAD_COMMAND', { line });
    if (!this.chat.take(seat.id)) return this.refuse(seat, 'SLOW_DOWN');
    this.emit('CHAT', { name: seat.name, text });
    this.play?.turnAgain(seat);
  }

  private help(seat: Seat): void {
    for (const id of TABLE_HELP) this.emit(id, undefined, seat, 'alone');
    this.play?.turnAgain(seat);
  }

  /** `/bot [level]`: a computer player sits down, if there is a free seat and no game is on. */
  private addBot(seat: Seat, arg: string, line: string): void {
    const level = botLevel(arg);
    if (level === null) return this.refuse(seat, 'BAD_COMMAND', { line });
    // Seated only while no game is on: no turn to give back (a game it starts gives its own).
    if (!this.seatBot(level)) this.refuse(seat, 'NO_BOT_SEAT');
  }

  /** `/start` (a room): the game starts now with whoever is seated. */
  private start(seat: Seat, line: string): void {
    if (this.opts.series === undefined) return this.refuse(seat, 'NO_COMMAND', { command: START });
    if (this.phaseValue === 'playing') return this.refuse(seat, 'BAD_COMMAND', { line });
    this.startGame();
  }

  /** What someone who just arrived is shown: the pause before a room's next game, or the game on. */
  private showState(conn: ConnId, opts: { turn: boolean } = { turn: true }): void {
    if (this.phaseValue === 'over') return this.tell(conn, 'NEXT_GAME', { seconds: Math.ceil(this.pause.left / 1000) });
    this.play?.show(conn, opts);
  }

  private done(how: TableEnd): void {
    this.phaseValue = 'done';
    this.play?.stop();
    this.pause.clear();
    for (const s of this.audience.seats) {
      s.grace.clear();
      if (s.key !== null) this.opts.keys.revoke(s.key);
      // Whoever was here has been ended (or the server is stopping): no connection is held any more.
      s.conn = null;
    }
    this.audience.clearWatchers();
    if (how === 'discarded') this.log('discarded, everyone left');
    this.opts.events?.done?.(this, how);
  }

  /** Wrong input never costs the turn: the reply, then `/turn` again if it was theirs. */
  private refuse<Id extends MessageId>(seat: Seat, msg: Id, fields?: MessageFields<Id>): void {
    this.emit(msg, fields, seat, 'alone');
    this.play?.turnAgain(seat);
  }

  private emit<Id extends MessageId>(msg: Id, fields?: MessageFields<Id>, seat?: Seat, alone?: 'alone'): void {
    this.audience.emit(msg, fields, seat, alone);
  }

  private tell<Id extends MessageId>(conn: ConnId, msg: Id, fields?: MessageFields<Id>): void {
    this.audience.tell(conn, msg, fields);
  }

  private log(message: string): void {
    this.opts.io.log(`${this.label}: ${message}`);
  }
}

/** The HELP lines a seated player gets. */
const TABLE_HELP = ['HELP_TABLE', 'HELP_MOVES', 'HELP_SAY', 'HELP_BOT', 'HELP_START', 'HELP_LEAVE'] as const satisfies readonly MessageId[];
