/**
 * One game at one table: seats players, runs the rules, words every event in the
 * table's language, and keeps the turn clock. It reaches players only through the
 * injected TableIO, so it can be tested with a recording fake and no sockets.
 */
import { format, formatScores, type Lang, type MessageFields, type MessageId } from '../protocol/catalog.js';
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

interface Seat {
  readonly id: PlayerId;
  readonly name: string;
}

export class Table {
  readonly id: number;
  private readonly opts: TableOptions;
  private readonly clock: Clock;
  private seats: Seat[] = [];
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
    const name = uniqueName(requested, new Set(this.seats.map((s) => s.name)));
    this.seats.push({ id, name });
    if (name !== requested) this.tell(id, 'RENAMED', { name });
    this.toTable('JOINED', { name });
    if (this.seats.length < this.opts.size) {
      this.toTable('WAITING', { k: this.seats.length, n: this.opts.size });
    } else {
      this.start();
    }
    return name;
  }

  /** A line from a seated player: trimmed, cleaned, not empty. */
  handleLine(id: PlayerId, line: string): void {
    if (this.phaseValue === 'done' || !this.seatOf(id)) return;
    const command = parseCommand(line);
    if (!command) return this.refuse(id, 'UNEXPECTED', { name: this.seatOf(id)!.name });
    if (command.name === '') return this.refuse(id, 'BAD_COMMAND', { line });
    if (command.name !== LETTER && command.name !== WORD) return this.refuse(id, 'NO_COMMAND', { command: command.name });
    if (!this.game || rules.currentPlayer(this.game) !== id) return this.tell(id, 'NOT_YOUR_TURN');
    const move: rules.Move = command.name === LETTER ? { kind: 'letter', letter: command.arg } : { kind: 'word', word: command.arg };
    const result = rules.applyMove(this.game, id, move);
    if (!result.ok) {
      if (result.error === 'not-a-letter') return this.refuse(id, 'NOT_A_LETTER');
      if (result.error === 'empty-word') return this.refuse(id, 'BAD_COMMAND', { line });
      return this.tell(id, 'NOT_YOUR_TURN');
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
    this.toTable('LEFT', { name: seat.name });
    if (this.phaseValue === 'waiting') {
      this.toTable('WAITING', { k: this.seats.length, n: this.opts.size });
    } else if (hadTurn) {
      this.nextTurn();
    }
  }

  /** The server is stopping: ends the table without a result. */
  stop(): void {
    this.clearTimer();
    this.phaseValue = 'done';
  }

  private start(): void {
    this.phaseValue = 'playing';
    this.game = rules.newGame(this.opts.pickWord(), this.seats.map((s) => s.id));
    this.opts.io.log(`table ${this.id}: game started with ${this.players.join(', ')}`);
    this.toTable('STARTED');
    this.toTable('WORD', { mask: rules.mask(this.game) });
    this.nextTurn();
  }

  /** Words the events of one move, in the order PROTOCOL.md §3 gives. */
  private announce(mover: PlayerId, events: readonly GameEvent[]): void {
    const game = this.game!;
    let wordLine = true;
    for (const event of events) {
      switch (event.type) {
        case 'letter-hit':
          this.toOthers(mover, 'LETTER_NAMED', { letter: event.letter });
          this.tell(mover, 'EARNED', { points: event.points });
          break;
        case 'letter-miss':
          this.toOthers(mover, 'LETTER_NAMED', { letter: event.letter });
          this.tell(mover, 'NO_LETTER');
          break;
        case 'already-open':
          this.tell(mover, 'ALREADY_OPEN');
          wordLine = false;
          break;
        case 'word-right':
          this.toOthers(mover, 'WORD_NAMED', { word: event.word });
          this.tell(mover, 'EARNED', { points: event.points });
          break;
        case 'word-wrong':
          this.toOthers(mover, 'WORD_NAMED', { word: event.word });
          this.tell(mover, 'BURNED');
          break;
        case 'won':
          this.tell(mover, 'WON');
          break;
      }
    }
    if (wordLine) {
      this.toTable('WORD', { mask: rules.mask(game) });
      this.toTable('SCORE', { scores: this.scores() });
    }
    if (rules.isOver(game)) return this.finish();
    // An already-open letter is a new turn for the same player, but not a fresh clock:
    // naming it again and again must not stall the table.
    const sameTurn = events.some((e) => e.type === 'already-open');
    this.nextTurn(!sameTurn);
  }

  private nextTurn(restartClock = true): void {
    const player = rules.currentPlayer(this.game!);
    if (player === null) return;
    // An open letter named again in the same turn tells the others nothing new: TURN_OF goes
    // to the mover alone, so a flood of repeats costs the others no lines.
    if (restartClock || !this.repeatedThisTurn) this.toTable('TURN_OF', { name: this.seatOf(player)!.name });
    else this.tell(player, 'TURN_OF', { name: this.seatOf(player)!.name });
    this.repeatedThisTurn = !restartClock;
    this.opts.io.send(player, TURN);
    if (restartClock) this.startClock();
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
    this.toTable('TIMEOUT', { name: this.seatOf(player)!.name });
    this.game = rules.passTurn(this.game);
    this.nextTurn();
  }

  private finish(): void {
    const game = this.game!;
    this.toTable('GAME_OVER');
    for (const p of game.players) this.toTable('RESULT', { name: this.seatOf(p.id)!.name, points: p.points });
    for (const s of this.seats) this.opts.io.send(s.id, QUIT);
    const winner = this.seatOf(game.winner!)!.name;
    this.opts.io.log(`table ${this.id}: game over, ${winner} won; word ${rules.word(game)}; ${this.scores()}`);
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
    return formatScores(this.game!.players.map((p) => ({ name: this.seatOf(p.id)!.name, points: p.points })));
  }

  private seatOf(id: PlayerId): Seat | undefined {
    return this.seats.find((s) => s.id === id);
  }

  /** Wrong input never costs the turn: the reply, then `/turn` again if it was theirs. */
  private refuse<Id extends MessageId>(id: PlayerId, msg: Id, fields?: MessageFields<Id>): void {
    this.tell(id, msg, fields);
    if (this.game && this.phaseValue === 'playing' && rules.currentPlayer(this.game) === id) this.opts.io.send(id, TURN);
  }

  private tell<Id extends MessageId>(id: PlayerId, msg: Id, fields?: MessageFields<Id>): void {
    this.opts.io.send(id, format(this.opts.lang, msg, fields));
  }

  private toOthers<Id extends MessageId>(mover: PlayerId, msg: Id, fields?: MessageFields<Id>): void {
    this.broadcast(format(this.opts.lang, msg, fields), mover);
  }

  private toTable<Id extends MessageId>(msg: Id, fields?: MessageFields<Id>): void {
    this.broadcast(format(this.opts.lang, msg, fields));
  }

  /** One line to every seated player but `except`. */
  private broadcast(line: string, except?: PlayerId): void {
    for (const s of this.seats) if (s.id !== except) this.opts.io.send(s.id, line);
  }
}
