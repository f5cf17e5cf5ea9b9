/**
 * A table: the seats around it, who watches it, and one game at a time (PROTOCOL.md
 * §3, §4, §8). It runs the rules, words every event in the table's language, keeps
 * the turn clock and the kept seats of players whose connection dropped. It reaches
 * connections only through the injected TableIO, so it is tested with a recording
 * fake, a hand-driven clock and no sockets.
 */
import { MESSAGES, format, formatList, formatScores, type Lang, type MessageFields, type MessageId } from '../protocol/catalog.js';
import { BOT, HELP, LEAVE, LETTER, QUIT, SAY, START, TURN, WORD, parseCommand } from '../protocol/commands.js';
import * as rules from '../game/rules.js';
import type { GameEvent, GameState, PlayerId } from '../game/rules.js';
import { uniqueName } from './sanitize.js';
import { Timer, realClock, type Clock } from './clock.js';
import type { SeatKeys } from './seats.js';
import { RateLimiter } from './rate-limit.js';
import { CHAT_LIMIT, CHAT_WINDOW_MS, chatText } from './chat.js';
import { keyForLog } from './codes.js';
import { BOT_DELAY_MS, botLevel, botMove, botName, personName, thinkingTime, type BotLevel, type BotSettings } from './bots.js';

export type { Clock } from './clock.js';
export { realClock } from './clock.js';

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

/**
 * How a turn begins: a fresh turn (TURN_OF to all, a new clock), or the same turn
 * again after an already-open letter (the clock keeps running; a second repeat tells
 * only the mover).
 */
type TurnStart = 'fresh' | 'again';

interface Seat {
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

interface Game {
  state: GameState;
  /** Words named that were wrong: part of what every player sees. */
  readonly wrongWords: string[];
  /** A turn is running: TURN_OF was sent and someone may move. False while nobody present can. */
  turnLive: boolean;
  /** The mover already named an open letter this turn. */
  repeated: boolean;
}

export class Table {
  readonly label: string;
  private readonly opts: TableOptions;
  private readonly clock: Clock;
  /** Who sits here, in join order, which is also the turn order. */
  private seats: Seat[] = [];
  private readonly watchers = new Set<ConnId>();
  private game: Game | null = null;
  private phaseValue: TablePhase = 'waiting';
  private readonly turnClock: Timer;
  private readonly pause: Timer;
  private readonly chat: RateLimiter;
  /** A computer player thinking about its move: one timer, only while it is a computer's turn. */
  private readonly botTimer: Timer;
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
    this.turnClock = new Timer(this.clock);
    this.pause = new Timer(this.clock);
    this.chat = new RateLimiter(CHAT_LIMIT, CHAT_WINDOW_MS, this.clock);
    this.botTimer = new Timer(this.clock);
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
    return this.seats.map((s) => s.name);
  }

  /** Every seat, in turn order: who sits there. */
  get roster(): readonly { readonly seat: PlayerId; readonly name: string }[] {
    return this.seats.map((s) => ({ seat: s.id, name: s.name }));
  }

  /** Seats taken: seated, away, or waiting for the next game. */
  get seated(): number {
    return this.seats.length;
  }

  /** People whose connection is here now. */
  get peopleConnected(): number {
    return this.seats.filter((s) => s.conn !== null).length;
  }

  /** Computer players seated. */
  get botCount(): number {
    return this.seats.filter((s) => s.bot !== null).length;
  }

  get watcherCount(): number {
    return this.watchers.size;
  }

  /** Whether a newcomer can sit down here: a free seat while filling, or in a room at any time. */
  get isOpen(): boolean {
    if (this.seats.length >= this.opts.size || this.phaseValue === 'done') return false;
    return this.phaseValue === 'waiting' || this.opts.series !== undefined;
  }

  /** The word in play (for logs and tests); null when no game is on. */
  get word(): string | null {
    return this.game ? rules.word(this.game.state) : null;
  }

  /** Seats a person whose name was already checked; returns the name they play under and their seat key. */
  seat(conn: ConnId, requested: string): { name: string; key: string } {
    if (!this.isOpen) throw new Error(`${this.label} has no free seat`);
    const name = uniqueName(personName(requested), new Set(this.players));
    const id = `s${this.nextOrder}`;
    const key = this.opts.keys.issue({ table: this, seat: id });
    const seat: Seat = { id, order: this.nextOrder++, name, key, conn, bot: null, grace: new Timer(this.clock) };
    this.seats.push(seat);
    this.hadPerson = true;
    if (name !== requested) this.tell(conn, 'RENAMED', { name });
    this.emit('JOINED', { name });
    this.tell(conn, 'PLAYERS', { names: formatList(this.players) });
    this.tell(conn, 'SEAT_KEY', { key });
    this.log(`${JSON.stringify(name)} sat down (key ${keyForLog(key)})`);
    if (this.phaseValue === 'waiting') {
      if (this.seats.length < this.opts.size) this.emit('WAITING', { k: this.seats.length, n: this.opts.size });
      else this.startGame();
    } else {
      // A room's latecomer: seated for the next game, sees this one as a watcher does.
      this.tell(conn, 'NEXT_SEAT');
      this.showState(conn);
      // Computer players wait while no person is here; one is now.
      if (this.game && !this.game.turnLive) this.nextTurn('fresh');
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
    const free = this.seats.length < this.opts.size;
    if (!free || (this.phaseValue !== 'waiting' && this.phaseValue !== 'over')) return false;
    const name = botName(this.opts.lang, new Set(this.players));
    const seat: Seat = { id: `s${this.nextOrder}`, order: this.nextOrder++, name, key: null, conn: null, bot: level, grace: new Timer(this.clock) };
    this.seats.push(seat);
    this.emit('JOINED', { name });
    this.log(`${JSON.stringify(name)} sat down (computer player, ${level})`);
    if (this.phaseValue === 'waiting') {
      if (this.seats.length < this.opts.size) this.emit('WAITING', { k: this.seats.length, n: this.opts.size });
      else this.startGame();
    }
    return true;
  }

  /** A watcher (PROTOCOL.md §8.6): WATCHING, PLAYERS and what a game on shows. */
  watch(conn: ConnId, code: string): void {
    this.watchers.add(conn);
    this.tell(conn, 'WATCHING', { code });
    this.tell(conn, 'PLAYERS', { names: formatList(this.players) });
    this.showState(conn);
  }

  /**
   * `/back`: the seat's player returns on a new connection. An old connection still
   * open is told REPLACED and closed. Returns false when the seat is gone.
   */
  back(seatId: PlayerId, conn: ConnId): boolean {
    const seat = this.seats.find((s) => s.id === seatId);
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
    if (this.phaseValue === 'waiting') this.tell(conn, 'WAITING', { k: this.seats.length, n: this.opts.size });
    else if (this.game && !this.plays(seat)) this.tell(conn, 'NEXT_SEAT');
    if (this.game && !this.game.turnLive) {
      // Nobody present could move before: the turn starts again now, for everyone.
      this.showState(conn, { turn: false });
      this.nextTurn('fresh');
    } else {
      this.showState(conn);
    }
    this.opts.events?.presenceChanged?.(this);
    return true;
  }

  /** A line from a seated player or a watcher: trimmed, cleaned, not empty. */
  handleLine(conn: ConnId, line: string): void {
    if (this.phaseValue === 'done') return;
    if (this.watchers.has(conn)) return this.watcherLine(conn, line);
    const seat = this.seatOf(conn);
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
    if (this.watchers.has(conn)) return this.tell(conn, 'LINE_TOO_LONG');
    const seat = this.seatOf(conn);
    if (seat) this.refuse(seat, 'LINE_TOO_LONG');
  }

  /** A connection closed without `/leave`: a watcher goes; a player's seat is kept for the grace time. */
  disconnected(conn: ConnId): void {
    if (this.phaseValue === 'done') return;
    if (this.watchers.delete(conn)) return;
    const seat = this.seatOf(conn);
    if (!seat) return;
    seat.conn = null;
    if (this.opts.graceMs <= 0) return this.remove(seat);
    this.emit('AWAY', { name: seat.name, seconds: Math.ceil(this.opts.graceMs / 1000) });
    this.log(`${JSON.stringify(seat.name)} is away`);
    seat.grace.set(this.opts.graceMs, () => this.remove(seat));
    const game = this.game;
    if (game?.turnLive && rules.currentPlayer(game.state) === seat.id) {
      game.state = rules.passTurn(game.state);
      this.nextTurn('fresh');
    } else if (game?.turnLive && this.peopleConnected === 0) {
      // Only computer players are here: they wait for a person to come back.
      this.pauseTurn();
    }
    this.opts.events?.presenceChanged?.(this);
  }

  /** Starts a game with everyone seated (a room's `/start`, or its next game). */
  startGame(): void {
    if (this.seats.length === 0 || this.phaseValue === 'playing' || this.phaseValue === 'done') return;
    this.pause.clear();
    let state = rules.newGame(this.opts.pickWord(), this.seats.map((s) => s.id));
    // The first turn goes round: each game starts with the player after the last game's first.
    const first = Math.max(0, this.lastStarter === null ? 0 : this.seats.findIndex((s) => s.order > this.lastStarter!));
    for (let i = 0; i < first; i++) state = rules.passTurn(state);
    this.lastStarter = this.seats[first].order;
    this.game = { state, wrongWords: [], turnLive: false, repeated: false };
    this.phaseValue = 'playing';
    this.log(`game started with ${JSON.stringify(this.players)}`);
    this.opts.events?.gameStarted?.(this);
    this.emit('STARTED');
    this.emit('WORD', { mask: rules.mask(state) });
    this.nextTurn('fresh');
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
  *connections(): Iterable<ConnId> {
    for (const s of this.seats) if (s.conn !== null) yield s.conn;
    yield* this.watchers;
  }

  private watcherLine(conn: ConnId, line: string): void {
    const command = parseCommand(line);
    if (command?.name === LEAVE) {
      this.watchers.delete(conn);
      this.opts.io.send(conn, QUIT);
      return this.opts.io.end(conn, 'stopped watching');
    }
    if (command?.name === HELP) return this.tell(conn, 'HELP_WATCHER');
    this.tell(conn, 'NOT_PLAYING');
  }

  private move(seat: Seat, move: rules.Move, line: string): void {
    const game = this.game;
    if (!game || !game.turnLive || rules.currentPlayer(game.state) !== seat.id) return this.emit('NOT_YOUR_TURN', undefined, seat);
    const result = rules.applyMove(game.state, seat.id, move);
    if (!result.ok) {
      if (result.error === 'not-a-letter') return this.refuse(seat, 'NOT_A_LETTER');
      if (result.error === 'empty-word') return this.refuse(seat, 'BAD_COMMAND', { line });
      return this.emit('NOT_YOUR_TURN', undefined, seat);
    }
    game.state = result.state;
    for (const e of result.events) if (e.type === 'word-wrong') game.wrongWords.push(e.word);
    this.announceMove(seat, result.events);
  }

  /** A computer player's move, when its thinking time is up. */
  private botTurn(seat: Seat): void {
    const game = this.game;
    if (!game?.turnLive || this.current() !== seat || seat.bot === null) return;
    const move = botMove(game.state, this.opts.words(), game.wrongWords, seat.bot, this.bots.random);
    const line = move.kind === 'letter' ? `/letter ${move.letter}` : `/word ${move.word}`;
    const before = game.state;
    this.move(seat, move, line);
    // A move the rules refused would leave the computer waiting for ever: the turn passes instead.
    if (this.game === game && game.state === before && game.turnLive && this.current() === seat) {
      this.log(`${JSON.stringify(seat.name)} made no move (${line}); the turn passes`);
      game.state = rules.passTurn(game.state);
      this.nextTurn('fresh');
    }
  }

  /** Words the events of one move, in the order PROTOCOL.md §3 gives. */
  private announceMove(mover: Seat, events: readonly GameEvent[]): void {
    const game = this.game!;
    let wordLine = true;
    let turn: TurnStart = 'fresh';
    for (const event of events) {
      switch (event.type) {
        case 'letter-hit':
          this.emit('LETTER_NAMED', { letter: event.letter }, mover);
          this.emit('EARNED', { points: event.points }, mover);
          break;
        case 'letter-miss':
          this.emit('LETTER_NAMED', { letter: event.letter }, mover);
          this.emit('NO_LETTER', undefined, mover);
          break;
        case 'already-open':
          this.emit('ALREADY_OPEN', undefined, mover);
          wordLine = false;
          // A new turn for the same player, but not a fresh clock: naming it again
          // and again must not stall the table.
          turn = 'again';
          break;
        case 'word-right':
          this.emit('WORD_NAMED', { word: event.word }, mover);
          this.emit('EARNED', { points: event.points }, mover);
          break;
        case 'word-wrong':
          this.emit('WORD_NAMED', { word: event.word }, mover);
          this.emit('BURNED', undefined, mover);
          break;
        case 'won':
          this.emit('WON', undefined, mover);
          break;
      }
    }
    if (wordLine) {
      this.emit('WORD', { mask: rules.mask(game.state) });
      this.emit('SCORE', { scores: this.scores() });
    }
    if (rules.isOver(game.state)) return this.finish();
    this.nextTurn(turn);
  }

  /**
   * Gives the turn to the current player, or on a fresh turn to the first one after
   * them who is here: away players are skipped. With nobody here who could move,
   * the game waits (no TURN_OF, no clock) until someone comes back.
   */
  private nextTurn(how: TurnStart): void {
    const game = this.game!;
    if (how === 'fresh') {
      this.turnClock.clear();
      this.botTimer.clear();
      // Computer players wait while no person is here to see them play.
      if (this.peopleConnected === 0) return this.pauseTurn();
      for (let i = 0; i < game.state.players.length && !this.isHere(this.current()); i++) game.state = rules.passTurn(game.state);
      if (!this.isHere(this.current())) return this.pauseTurn();
    }
    const seat = this.current();
    game.turnLive = true;
    if (how === 'fresh' && this.opts.turnMs > 0) this.turnClock.set(this.opts.turnMs, () => this.timeout());
    // An open letter named again in the same turn tells the others nothing new: TURN_OF goes
    // to the mover alone, so a flood of repeats costs the others no lines.
    if (how === 'again' && game.repeated) {
      this.emit('TURN_OF', { name: seat.name }, seat, 'alone');
      if (this.opts.turnMs > 0) this.emit('CLOCK', { seconds: this.secondsLeft() }, seat, 'alone');
    } else {
      this.emit('TURN_OF', { name: seat.name });
      if (this.opts.turnMs > 0) this.emit('CLOCK', { seconds: this.secondsLeft() });
    }
    game.repeated = how === 'again';
    if (seat.conn !== null) this.opts.io.send(seat.conn, TURN);
    else if (seat.bot !== null) this.botTimer.set(thinkingTime(this.bots), () => this.botTurn(seat));
  }

  /** Nobody here can move: no TURN_OF, no clock, until someone comes back. */
  private pauseTurn(): void {
    this.turnClock.clear();
    this.botTimer.clear();
    if (this.game) this.game.turnLive = false;
  }

  private timeout(): void {
    const game = this.game;
    if (this.phaseValue !== 'playing' || !game?.turnLive) return;
    this.emit('TIMEOUT', { name: this.current().name });
    game.state = rules.passTurn(game.state);
    this.nextTurn('fresh');
  }

  private finish(): void {
    const state = this.game!.state;
    this.turnClock.clear();
    this.botTimer.clear();
    this.game = null;
    this.emit('GAME_OVER');
    const results = state.players.map((p) => ({ seat: p.id, name: this.seatById(p.id).name, points: p.points }));
    for (const r of results) this.emit('RESULT', { name: r.name, points: r.points });
    const winner = JSON.stringify(this.seatById(state.winner!).name);
    const scores = JSON.stringify(Object.fromEntries(results.map((r) => [r.name, r.points])));
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
    const game = this.game;
    const hadTurn = game !== null && game.turnLive && rules.currentPlayer(game.state) === seat.id;
    this.seats = this.seats.filter((s) => s !== seat);
    seat.grace.clear();
    if (seat.key !== null) this.opts.keys.revoke(seat.key);
    this.chat.forget(seat.id);
    if (game) game.state = rules.removePlayer(game.state, seat.id);
    this.emit('LEFT', { name: seat.name });
    this.log(`${JSON.stringify(seat.name)} left`);
    if (game && game.state.players.length === 0) {
      // Every player of this game has gone; whoever waits for the next one waits for seats again.
      this.pauseTurn();
      this.game = null;
      this.phaseValue = 'waiting';
      this.log('game abandoned: every player left');
    }
    if (this.seats.length === 0 && this.phaseValue === 'over') {
      // Nobody for a next game: the room fills again from scratch.
      this.pause.clear();
      this.phaseValue = 'waiting';
    }
    if (this.seats.length === 0 || (this.hadPerson && this.seats.every((s) => s.bot !== null))) {
      // Nobody, or only computer players: a public table is done; a room decides for itself.
      this.opts.events?.vacated?.(this);
      if (this.phaseValue !== 'done' && this.opts.series === undefined) this.done('discarded');
    } else if (this.phaseValue === 'waiting') {
      this.emit('WAITING', { k: this.seats.length, n: this.opts.size });
    } else if (this.phaseValue === 'playing' && hadTurn) {
      this.nextTurn('fresh');
    }
    if (this.phaseValue !== 'done') this.opts.events?.presenceChanged?.(this);
  }

  private say(seat: Seat, arg: string, line: string): void {
    const text = chatText(arg);
    if (text === '') return this.refuse(seat, 'BAD_COMMAND', { line });
    if (!this.chat.take(seat.id)) return this.refuse(seat, 'SLOW_DOWN');
    this.emit('CHAT', { name: seat.name, text });
    this.turnAgain(seat);
  }

  private help(seat: Seat): void {
    for (const id of TABLE_HELP) this.emit(id, undefined, seat, 'alone');
    this.turnAgain(seat);
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

  /** What a game on looks like to someone who just arrived: WORD, LETTERS, SCORE, TURN_OF, CLOCK, and `/turn` if theirs. */
  private showState(conn: ConnId, opts: { turn: boolean } = { turn: true }): void {
    const game = this.game;
    if (this.phaseValue === 'over') return this.tell(conn, 'NEXT_GAME', { seconds: Math.ceil(this.pause.left / 1000) });
    if (!game) return;
    this.tell(conn, 'WORD', { mask: rules.mask(game.state) });
    if (game.state.named.length > 0) this.tell(conn, 'LETTERS', { letters: formatList(game.state.named) });
    this.tell(conn, 'SCORE', { scores: this.scores() });
    if (!opts.turn || !game.turnLive) return;
    const mover = this.current();
    this.tell(conn, 'TURN_OF', { name: mover.name });
    if (this.opts.turnMs > 0) this.tell(conn, 'CLOCK', { seconds: this.secondsLeft() });
    if (mover.conn === conn) this.opts.io.send(conn, TURN);
  }

  private done(how: TableEnd): void {
    this.phaseValue = 'done';
    this.turnClock.clear();
    this.pause.clear();
    this.botTimer.clear();
    for (const s of this.seats) {
      s.grace.clear();
      if (s.key !== null) this.opts.keys.revoke(s.key);
      // Whoever was here has been ended (or the server is stopping): no connection is held any more.
      s.conn = null;
    }
    this.watchers.clear();
    if (how === 'discarded') this.log('discarded, everyone left');
    this.opts.events?.done?.(this, how);
  }

  private current(): Seat {
    return this.seatById(rules.currentPlayer(this.game!.state)!);
  }

  /** Whether a player can move now: connected, or a computer player. */
  private isHere(seat: Seat): boolean {
    return seat.conn !== null || seat.bot !== null;
  }

  private plays(seat: Seat): boolean {
    return this.game !== null && this.game.state.players.some((p) => p.id === seat.id);
  }

  private secondsLeft(): number {
    return Math.ceil(this.turnClock.left / 1000);
  }

  private scores(): string {
    return formatScores(this.game!.state.players.map((p) => ({ name: this.seatById(p.id).name, points: p.points })));
  }

  private seatOf(conn: ConnId): Seat | undefined {
    return this.seats.find((s) => s.conn === conn);
  }

  /** The seat of a player in the game: every player in it has a seat, so a miss is our bug. */
  private seatById(id: PlayerId): Seat {
    const seat = this.seats.find((s) => s.id === id);
    if (!seat) throw new Error(`${this.label}: player ${id} is in the game but has no seat`);
    return seat;
  }

  /** Wrong input never costs the turn: the reply, then `/turn` again if it was theirs. */
  private refuse<Id extends MessageId>(seat: Seat, msg: Id, fields?: MessageFields<Id>): void {
    this.emit(msg, fields, seat, 'alone');
    this.turnAgain(seat);
  }

  /** After any line from the mover that was not a move: `/turn` again, so a client waiting for it is never stuck. */
  private turnAgain(seat: Seat): void {
    const game = this.game;
    if (seat.conn !== null && game?.turnLive && rules.currentPlayer(game.state) === seat.id) this.opts.io.send(seat.conn, TURN);
  }

  /**
   * Sends a message to whom the catalogue says it goes: `table` to every player here
   * and every watcher, `others` to all of them but `seat` (the mover), `player` to
   * `seat` alone. A `table` line with a `seat` skips that seat (BACK to the others);
   * `alone` sends any message to `seat` only (a turn repeated to the mover alone).
   * A seat with no connection (away, or a computer player) gets nothing.
   */
  private emit<Id extends MessageId>(msg: Id, fields?: MessageFields<Id>, seat?: Seat, alone?: 'alone'): void {
    const to = alone ?? MESSAGES[msg].to;
    if (to !== 'table' && seat === undefined) throw new Error(`${msg} goes to ${to}: say which player`);
    const line = format(this.opts.lang, msg, fields);
    if (to === 'player' || to === 'alone') {
      if (seat!.conn !== null) this.opts.io.send(seat!.conn, line);
      return;
    }
    for (const s of this.seats) if (s.conn !== null && s !== seat) this.opts.io.send(s.conn, line);
    for (const w of this.watchers) this.opts.io.send(w, line);
  }

  /** Sends a message to one connection, whoever the catalogue says it is for (a snapshot, a turn repeated to the mover alone). */
  private tell<Id extends MessageId>(conn: ConnId, msg: Id, fields?: MessageFields<Id>): void {
    this.opts.io.send(conn, format(this.opts.lang, msg, fields));
  }

  private log(message: string): void {
    this.opts.io.log(`${this.label}: ${message}`);
  }
}

/** The HELP lines a seated player gets. */
const TABLE_HELP = ['HELP_TABLE', 'HELP_MOVES', 'HELP_SAY', 'HELP_BOT', 'HELP_START', 'HELP_LEAVE'] as const satisfies readonly MessageId[];
