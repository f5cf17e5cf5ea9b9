/**
 * One game at one table: seats players, runs the rules, words every event in the
 * table's language, and keeps the turn clock. It reaches players only through the
 * injected TableIO, so it can be tested with a recording fake and no sockets.
 */
import { MESSAGES, format, formatScores, type Lang, type MessageFields, type MessageId } from '../protocol/catalog.js';
import { LETTER, QUIT, TURN, WORD, parseCommand } from '../protocol/commands.js';
import * as rules from '../game/rules.js';
import type { GameEvent, GameState, PlayerId } from '../game/rules.js';
import { uniqueName } from './sanitize.js';

/** How the table reaches the world. */
export interface TableIO {
  /** Sends one line to one player. */
  send(player: PlayerId, line: string): void;
  /** The game is over for this player: close its connection (after the lines sent). */
  end(player: PlayerId): void;
  /** One log line for operators. */
  log(message: string): void;
}

/** Timers, injectable so tests can run the clock by hand. */
export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface TableOptions {
  readonly id: number;
  /** Players needed to start. */
  readonly size: number;
  readonly lang: Lang;
  /** Chooses the word when the game starts. */
  readonly pickWord: () => string;
  /** Time for one move in ms; 0 turns the clock off. */
  readonly turnMs: number;
  readonly io: TableIO;
  readonly clock?: Clock;
  /** Called once when the table is done: its game ended, or everyone left. */
  readonly onDone?: (table: Table, how: 'finished' | 'discarded') => void;
}

export type TablePhase = 'waiting' | 'playing' | 'done';

/**
 * How a turn begins: a fresh turn (TURN_OF to all, a new clock), or the same turn
 * again after an already-open letter (the clock keeps running; a second repeat tells
 * only the mover).
 */
type TurnStart = 'fresh' | 'again';

interface Seat {
  readonly id: PlayerId;
  readonly name: string;
}

export class Table {
  readonly id: number;
  private readonly opts: TableOptions;
  private readonly clock: Clock;
  /** Who sits here, in join order, which is also the turn order of the game. */
  private seats: Seat[] = [];
  /** The game in play; its players are exactly the seats (a leaver leaves both at once). */
  private game: GameState | null = null;
  private timer: unknown = null;
  private phaseValue: TablePhase = 'waiting';
  /** The mover already named an open letter this turn. */
  private repeatedThisTurn = false;

  constructor(opts: TableOptions) {
    this.id = opts.id;
    this.opts = opts;
    this.clock = opts.clock ?? realClock;
  }

  get phase(): TablePhase {
    return this.phaseValue;
  }

  /** Players seated now, in turn order. */
  get players(): readonly string[] {
    return this.seats.map((s) => s.name);
  }

  /** Ids of the players seated now. */
  get playerIds(): readonly PlayerId[] {
    return this.seats.map((s) => s.id);
  }

  /** Whether a newcomer can sit down here. */
  get isOpen(): boolean {
    return this.phaseValue === 'waiting' && this.seats.length < this.opts.size;
  }

  /** The word in play (for logs and tests); null before the game. */
  get word(): string | null {
    return this.game ? rules.word(this.game) : null;
  }

  /** Seats a player whose name was already checked; returns the name they play under. */
  seat(id: PlayerId, requested: string): string {
    if (!this.isOpen) throw new Error(`Table ${this.id} is not open`);
    const name = uniqueName(requested, new Set(this.players));
    this.seats.push({ id, name });
    if (name !== requested) this.emit('RENAMED', { name }, id);
    this.emit('JOINED', { name });
    if (this.seats.length < this.opts.size) {
      this.emit('WAITING', { k: this.seats.length, n: this.opts.size });
    } else {
      this.start();
    }
    return name;
  }

  /** A line from a seated player: trimmed, cleaned, not empty. */
  handleLine(id: PlayerId, line: string): void {
    const seat = this.seatOf(id);
    if (this.phaseValue === 'done' || !seat) return;
    const command = parseCommand(line);
    if (!command) return this.refuse(id, 'UNEXPECTED', { name: seat.name });
    if (command.name === '') return this.refuse(id, 'BAD_COMMAND', { line });
    if (command.name !== LETTER && command.name !== WORD) return this.refuse(id, 'NO_COMMAND', { command: command.name });
    if (!this.game || rules.currentPlayer(this.game) !== id) return this.emit('NOT_YOUR_TURN', undefined, id);
    const move: rules.Move = command.name === LETTER ? { kind: 'letter', letter: command.arg } : { kind: 'word', word: command.arg };
    const result = rules.applyMove(this.game, id, move);
    if (!result.ok) {
      if (result.error === 'not-a-letter') return this.refuse(id, 'NOT_A_LETTER');
      if (result.error === 'empty-word') return this.refuse(id, 'BAD_COMMAND', { line });
      return this.emit('NOT_YOUR_TURN', undefined, id);
    }
    this.game = result.state;
    this.announce(id, result.events);
  }

  /** A line over the length limit arrived from a seated player. */
  lineTooLong(id: PlayerId): void {
    if (this.phaseValue !== 'done' && this.seatOf(id)) this.refuse(id, 'LINE_TOO_LONG');
  }

  /** A player's connection is gone. */
  leave(id: PlayerId): void {
    const seat = this.seatOf(id);
    if (!seat || this.phaseValue === 'done') return;
    const hadTurn = this.game !== null && rules.currentPlayer(this.game) === id;
    this.seats = this.seats.filter((s) => s !== seat);
    if (this.game) this.game = rules.removePlayer(this.game, id);
    if (this.seats.length === 0) return this.done('discarded');
    this.emit('LEFT', { name: seat.name });
    if (this.phaseValue === 'waiting') {
      this.emit('WAITING', { k: this.seats.length, n: this.opts.size });
    } else if (hadTurn) {
      this.nextTurn('fresh');
    }
  }

  /** The server is stopping: ends the table without a result. */
  stop(): void {
    this.clearTimer();
    this.phaseValue = 'done';
  }

  private start(): void {
    this.phaseValue = 'playing';
    this.game = rules.newGame(this.opts.pickWord(), this.playerIds);
    this.opts.io.log(`table ${this.id}: game started with ${JSON.stringify(this.players)}`);
    this.emit('STARTED');
    this.emit('WORD', { mask: rules.mask(this.game) });
    this.nextTurn('fresh');
  }

  /** Words the events of one move, in the order PROTOCOL.md §3 gives. */
  private announce(mover: PlayerId, events: readonly GameEvent[]): void {
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
      this.emit('WORD', { mask: rules.mask(game) });
      this.emit('SCORE', { scores: this.scores() });
    }
    if (rules.isOver(game)) return this.finish();
    this.nextTurn(turn);
  }

  private nextTurn(how: TurnStart): void {
    const player = rules.currentPlayer(this.game!);
    if (player === null) return;
    const name = this.nameOf(player);
    // An open letter named again in the same turn tells the others nothing new: TURN_OF goes
    // to the mover alone, so a flood of repeats costs the others no lines.
    if (how === 'again' && this.repeatedThisTurn) this.tell(player, 'TURN_OF', { name });
    else this.emit('TURN_OF', { name });
    this.repeatedThisTurn = how === 'again';
    this.opts.io.send(player, TURN);
    if (how === 'fresh') this.startClock();
  }

  private startClock(): void {
    this.clearTimer();
    if (this.opts.turnMs <= 0) return;
    this.timer = this.clock.setTimeout(() => this.timeout(), this.opts.turnMs);
  }

  private timeout(): void {
    this.timer = null;
    if (this.phaseValue !== 'playing' || !this.game) return;
    const player = rules.currentPlayer(this.game);
    if (player === null) return;
    this.emit('TIMEOUT', { name: this.nameOf(player) });
    this.game = rules.passTurn(this.game);
    this.nextTurn('fresh');
  }

  private finish(): void {
    const game = this.game!;
    this.emit('GAME_OVER');
    for (const p of game.players) this.emit('RESULT', { name: this.nameOf(p.id), points: p.points });
    for (const s of this.seats) this.opts.io.send(s.id, QUIT);
    const winner = JSON.stringify(this.nameOf(game.winner!));
    const scores = JSON.stringify(Object.fromEntries(game.players.map((p) => [this.nameOf(p.id), p.points])));
    this.opts.io.log(`table ${this.id}: game over, ${winner} won; word ${JSON.stringify(rules.word(game))}; scores ${scores}`);
    const seats = this.seats;
    this.done('finished');
    for (const s of seats) this.opts.io.end(s.id);
  }

  private done(how: 'finished' | 'discarded'): void {
    this.clearTimer();
    this.phaseValue = 'done';
    if (how === 'discarded') this.opts.io.log(`table ${this.id}: discarded, everyone left`);
    this.opts.onDone?.(this, how);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private scores(): string {
    return formatScores(this.game!.players.map((p) => ({ name: this.nameOf(p.id), points: p.points })));
  }

  private seatOf(id: PlayerId): Seat | undefined {
    return this.seats.find((s) => s.id === id);
  }

  /** The name of a player in the game: every player in it has a seat, so a miss is our bug. */
  private nameOf(id: PlayerId): string {
    const seat = this.seatOf(id);
    if (!seat) throw new Error(`Table ${this.id}: player ${id} is in the game but has no seat`);
    return seat.name;
  }

  /** Wrong input never costs the turn: the reply, then `/turn` again if it was theirs. */
  private refuse<Id extends MessageId>(id: PlayerId, msg: Id, fields?: MessageFields<Id>): void {
    this.emit(msg, fields, id);
    if (this.game && this.phaseValue === 'playing' && rules.currentPlayer(this.game) === id) this.opts.io.send(id, TURN);
  }

  /**
   * Sends a message to whom the catalogue says it goes: `table` to everyone seated,
   * `others` to everyone but `player` (the mover), `player` to `player` alone.
   */
  private emit<Id extends MessageId>(msg: Id, fields?: MessageFields<Id>, player?: PlayerId): void {
    const to = MESSAGES[msg].to;
    if (to !== 'table' && player === undefined) throw new Error(`${msg} goes to ${to}: say which player`);
    const line = format(this.opts.lang, msg, fields);
    for (const s of this.seats) {
      if (to === 'table' || (to === 'others' ? s.id !== player : s.id === player)) this.opts.io.send(s.id, line);
    }
  }

  /** Sends a message to one player whoever the catalogue says it is for (a turn repeated to the mover alone). */
  private tell<Id extends MessageId>(id: PlayerId, msg: Id, fields?: MessageFields<Id>): void {
    this.opts.io.send(id, format(this.opts.lang, msg, fields));
  }
}
