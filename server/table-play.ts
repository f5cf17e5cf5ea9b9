/**
 * One game in play at a table (PROTOCOL.md §3, §4, §8.7): runs the rules, words each
 * move's events in the protocol's order, gives the turn and keeps its clock, plays the
 * computer players' turns, and shows a newcomer the game as it stands. The table
 * around it seats and unseats players and decides when a game starts and ends.
 */
import { formatList, formatScores, type MessageFields, type MessageId } from '../protocol/catalog.js';
import { TURN } from '../protocol/commands.js';
import * as rules from '../game/rules.js';
import type { GameEvent, GameState, PlayerId } from '../game/rules.js';
import { Timer, type Clock } from './clock.js';
import { botMove, thinkingTime, type BotSettings } from './bots.js';
import type { Audience, ConnId, Seat, TableIO } from './table-audience.js';

/**
 * How a turn begins: a fresh turn (TURN_OF to all, a new clock), or the same turn
 * again after an already-open letter (the clock keeps running; a second repeat tells
 * only the mover).
 */
export type TurnStart = 'fresh' | 'again';

/** What a game needs from its table's settings. */
export interface PlaySettings {
  /** Time for one move in ms; 0 turns the clock off. */
  readonly turnMs: number;
  /** The list the words come from: what a computer player thinks with. */
  readonly words: () => readonly string[];
  readonly bots: BotSettings;
  readonly clock: Clock;
  readonly io: TableIO;
}

/** What a game tells its table. */
export interface PlayHost {
  /** Whether the table is playing still (a late timer does nothing otherwise). */
  playing(): boolean;
  /** The rules say the game is over: the table words the end. */
  gameOver(): void;
  log(message: string): void;
}

export class Play {
  state: GameState;
  /** Words named that were wrong: part of what every player sees. */
  private readonly wrongWords: string[] = [];
  /** A turn is running: TURN_OF was sent and someone may move. False while nobody present can. */
  private live = false;
  /** The mover already named an open letter this turn. */
  private repeated = false;
  private readonly turnClock: Timer;
  /** A computer player thinking about its move: one timer, only while it is a computer's turn. */
  private readonly botTimer: Timer;
  private stopped = false;

  constructor(
    state: GameState,
    private readonly audience: Audience,
    private readonly settings: PlaySettings,
    private readonly host: PlayHost,
  ) {
    this.state = state;
    this.turnClock = new Timer(settings.clock);
    this.botTimer = new Timer(settings.clock);
  }

  /** A turn is running: someone present may move. */
  get turnLive(): boolean {
    return this.live;
  }

  /** STARTED, the mask, and the first turn. */
  begin(): void {
    this.audience.emit('STARTED');
    this.audience.emit('WORD', { mask: rules.mask(this.state) });
    this.nextTurn('fresh');
  }

  /** The game waits for nobody any more: its clocks stop. */
  stop(): void {
    this.stopped = true;
    this.turnClock.clear();
    this.botTimer.clear();
  }

  /** Whether the seat plays in this game (a room's latecomer waits for the next). */
  plays(id: PlayerId): boolean {
    return this.state.players.some((p) => p.id === id);
  }

  /** Whether it is this seat's turn, and the turn is running. */
  isMover(id: PlayerId): boolean {
    return this.live && rules.currentPlayer(this.state) === id;
  }

  /** Someone who can move is here again: a waiting game gets its turn going, for everyone. */
  resume(): void {
    if (!this.live) this.nextTurn('fresh');
  }

  /** A player went away: their turn passes; computer players alone wait for a person. */
  away(id: PlayerId): void {
    if (this.isMover(id)) {
      this.state = rules.passTurn(this.state);
      this.nextTurn('fresh');
    } else if (this.live && this.audience.peopleConnected === 0) {
      this.pauseTurn();
    }
  }

  /** A seat was given up: its player leaves the game. */
  removePlayer(id: PlayerId): void {
    this.state = rules.removePlayer(this.state, id);
  }

  /** A move by the seat's player, refused with a reply when it is not theirs or not valid. */
  move(seat: Seat, move: rules.Move, line: string): void {
    if (!this.live || rules.currentPlayer(this.state) !== seat.id) return this.audience.emit('NOT_YOUR_TURN', undefined, seat);
    const result = rules.applyMove(this.state, seat.id, move);
    if (!result.ok) {
      if (result.error === 'not-a-letter') return this.refuse(seat, 'NOT_A_LETTER');
      if (result.error === 'empty-word') return this.refuse(seat, 'BAD_COMMAND', { line });
      return this.audience.emit('NOT_YOUR_TURN', undefined, seat);
    }
    this.state = result.state;
    for (const e of result.events) if (e.type === 'word-wrong') this.wrongWords.push(e.word);
    this.announceMove(seat, result.events);
  }

  /** After any line from the mover that was not a move: `/turn` again, so a client waiting for it is never stuck. */
  turnAgain(seat: Seat): void {
    if (seat.conn !== null && this.isMover(seat.id)) this.settings.io.send(seat.conn, TURN);
  }

  /** What the game looks like to someone who just arrived: WORD, LETTERS, SCORE, TURN_OF, CLOCK, and `/turn` if theirs. */
  show(conn: ConnId, opts: { turn: boolean }): void {
    const { audience, state } = this;
    audience.tell(conn, 'WORD', { mask: rules.mask(state) });
    if (state.named.length > 0) audience.tell(conn, 'LETTERS', { letters: formatList(state.named) });
    audience.tell(conn, 'SCORE', { scores: this.scores() });
    if (!opts.turn || !this.live) return;
    const mover = this.current();
    audience.tell(conn, 'TURN_OF', { name: mover.name });
    if (this.settings.turnMs > 0) audience.tell(conn, 'CLOCK', { seconds: this.secondsLeft() });
    if (mover.conn === conn) this.settings.io.send(conn, TURN);
  }

  /** Words the events of one move, in the order PROTOCOL.md §3 gives. */
  private announceMove(mover: Seat, events: readonly GameEvent[]): void {
    // No helper closure here: under tsx each named closure made costs a defineProperty call, every move.
    const { audience } = this;
    let wordLine = true;
    let turn: TurnStart = 'fresh';
    for (const event of events) {
      switch (event.type) {
        case 'letter-hit':
          audience.emit('LETTER_NAMED', { letter: event.letter }, mover);
          audience.emit('EARNED', { points: event.points }, mover);
          break;
        case 'letter-miss':
          audience.emit('LETTER_NAMED', { letter: event.letter }, mover);
          audience.emit('NO_LETTER', undefined, mover);
          break;
        case 'already-open':
          audience.emit('ALREADY_OPEN', undefined, mover);
          wordLine = false;
          // A new turn for the same player, but not a fresh clock: naming it again
          // and again must not stall the table.
          turn = 'again';
          break;
        case 'word-right':
          audience.emit('WORD_NAMED', { word: event.word }, mover);
          audience.emit('EARNED', { points: event.points }, mover);
          break;
        case 'word-wrong':
          audience.emit('WORD_NAMED', { word: event.word }, mover);
          audience.emit('BURNED', undefined, mover);
          break;
        case 'won':
          audience.emit('WON', undefined, mover);
          break;
      }
    }
    if (wordLine) {
      this.audience.emit('WORD', { mask: rules.mask(this.state) });
      this.audience.emit('SCORE', { scores: this.scores() });
    }
    if (rules.isOver(this.state)) return this.host.gameOver();
    this.nextTurn(turn);
  }

  /**
   * Gives the turn to the current player, or on a fresh turn to the first one after
   * them who is here: away players are skipped. With nobody here who could move,
   * the game waits (no TURN_OF, no clock) until someone comes back.
   */
  nextTurn(how: TurnStart): void {
    if (how === 'fresh') {
      this.turnClock.clear();
      this.botTimer.clear();
      // Computer players wait while no person is here to see them play.
      if (this.audience.peopleConnected === 0) return this.pauseTurn();
      for (let i = 0; i < this.state.players.length && !isHere(this.current()); i++) this.state = rules.passTurn(this.state);
      if (!isHere(this.current())) return this.pauseTurn();
    }
    const seat = this.current();
    const { turnMs } = this.settings;
    this.live = true;
    if (how === 'fresh' && turnMs > 0) this.turnClock.set(turnMs, () => this.timeout());
    // An open letter named again in the same turn tells the others nothing new: TURN_OF goes
    // to the mover alone, so a flood of repeats costs the others no lines.
    if (how === 'again' && this.repeated) {
      this.audience.emit('TURN_OF', { name: seat.name }, seat, 'alone');
      if (turnMs > 0) this.audience.emit('CLOCK', { seconds: this.secondsLeft() }, seat, 'alone');
    } else {
      this.audience.emit('TURN_OF', { name: seat.name });
      if (turnMs > 0) this.audience.emit('CLOCK', { seconds: this.secondsLeft() });
    }
    this.repeated = how === 'again';
    if (seat.conn !== null) this.settings.io.send(seat.conn, TURN);
    else if (seat.bot !== null) this.botTimer.set(thinkingTime(this.settings.bots), () => this.botTurn(seat));
  }

  /** Nobody here can move: no TURN_OF, no clock, until someone comes back. */
  private pauseTurn(): void {
    this.turnClock.clear();
    this.botTimer.clear();
    this.live = false;
  }

  private timeout(): void {
    if (!this.host.playing() || !this.live) return;
    this.audience.emit('TIMEOUT', { name: this.current().name });
    this.state = rules.passTurn(this.state);
    this.nextTurn('fresh');
  }

  /** A computer player's move, when its thinking time is up. */
  private botTurn(seat: Seat): void {
    if (!this.live || this.current() !== seat || seat.bot === null) return;
    const move = botMove(this.state, this.settings.words(), this.wrongWords, seat.bot, this.settings.bots.random);
    const line = move.kind === 'letter' ? `/letter ${move.letter}` : `/word ${move.word}`;
    const before = this.state;
    this.move(seat, move, line);
    // A move the rules refused would leave the computer waiting for ever: the turn passes instead.
    if (!this.stopped && this.state === before && this.live && this.current() === seat) {
      this.host.log(`${JSON.stringify(seat.name)} made no move (${line}); the turn passes`);
      this.state = rules.passTurn(this.state);
      this.nextTurn('fresh');
    }
  }

  /** Wrong input never costs the turn: the reply, then `/turn` again if it was theirs. */
  private refuse<Id extends MessageId>(seat: Seat, msg: Id, fields?: MessageFields<Id>): void {
    this.audience.emit(msg, fields, seat, 'alone');
    this.turnAgain(seat);
  }

  private current(): Seat {
    return this.audience.byId(rules.currentPlayer(this.state)!);
  }

  private secondsLeft(): number {
    return Math.ceil(this.turnClock.left / 1000);
  }

  private scores(): string {
    return formatScores(this.state.players.map((p) => ({ name: this.audience.byId(p.id).name, points: p.points })));
  }
}

/** Whether a player can move now: connected, or a computer player. */
function isHere(seat: Seat): boolean {
  return seat.conn !== null || seat.bot !== null;
}
