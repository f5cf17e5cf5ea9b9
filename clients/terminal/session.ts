/**
 * The terminal client's side of the game (PROTOCOL.md §2–3 and §8), without any I/O:
 * lines from the server and from the player go in, effects come out. main.ts carries
 * the effects out on a socket, stdout, stderr, readline and a timer.
 */
import { parseAs, type MessageId } from '../../protocol/catalog.js';
import { BACK, commandForGuess, formatCommand, JOIN, LEAVE, LETTER, parseCommand, QUIT, TURN, WATCH, WORD } from '../../protocol/commands.js';
import { stripControls } from '../../protocol/controls.js';
import { roomBanner } from './room-code.js';
import { newCommand, wordsLines } from './room-setup.js';

/** One thing the terminal client must do next (print, send, prompt, connect, …): the session's output. */
export type TerminalEffect =
  /** Show a message line to the player (stdout), already cleaned of control characters. */
  | { readonly kind: 'print'; readonly line: string }
  /** Show the room code large (stdout on a terminal, stderr on a pipe). */
  | { readonly kind: 'banner'; readonly lines: readonly string[] }
  /** Send a line to the server. */
  | { readonly kind: 'send'; readonly line: string }
  /** Ask the player for their name, or for a letter or a word. */
  | { readonly kind: 'prompt'; readonly for: 'name' | 'move' }
  /** Tell the player something about the client itself (stderr). */
  | { readonly kind: 'notice'; readonly line: string }
  /** Open a connection (a new one, after a lost one) once `afterMs` have passed. */
  | { readonly kind: 'connect'; readonly afterMs: number }
  /** Close the connection and exit with this code. */
  | { readonly kind: 'exit'; readonly code: number };

/** How the client enters the game: a public table, or the lobby command of a flag. */
export type Plan =
  | { readonly kind: 'public' }
  | { readonly kind: 'new'; readonly settings: readonly string[]; readonly words: readonly string[] }
  | { readonly kind: 'join'; readonly code: string }
  | { readonly kind: 'watch'; readonly code: string }
  | { readonly kind: 'back'; readonly key: string };

export interface SessionOptions {
  /**
   * Keep lines that come before a `/turn` and answer the next turns with them, one
   * each (stdin is a pipe: a script types ahead). When false (a person at a
   * terminal), such lines are refused: a guess typed before seeing the board is
   * rarely the one meant.
   */
  readonly queueEarlyInput: boolean;
  /** The name, when given on the command line; else the first line typed. */
  readonly name?: string;
  readonly plan?: Plan;
  /** The server's address, for messages. */
  readonly where?: string;
  /** Jitter for the reconnection delays; Math.random by default. */
  readonly random?: () => number;
}

/** Tries to get back to a seat after the connection drops (PROTOCOL.md §8.4), and the delay before the first. */
export const RECONNECT_TRIES = 5;
export const RECONNECT_FIRST_DELAY_MS = 500;

/** The delay before try `n` (1-based): doubling from the first, plus up to half again at random. */
export function reconnectDelay(n: number, random: () => number): number {
  const base = RECONNECT_FIRST_DELAY_MS * 2 ** (n - 1);
  return Math.round(base + (base / 2) * random());
}

type Phase =
  /** Not connected yet: the first line typed (a name or a lobby command) connects. */
  | 'offline'
  /** Connected, the name not yet sent: lobby commands and their answers. */
  | 'lobby'
  /** The name was sent or the seat taken back: playing. */
  | 'seated'
  | 'watching'
  /** The connection dropped while seated or watching: trying to get back. */
  | 'reconnecting'
  | 'over';

/** Answers to a lobby command that refuse it; the client stays in the lobby (§8.1). */
const REFUSALS: readonly MessageId[] = ['BAD_SETTING', 'NO_ROOM', 'ROOM_FULL', 'NO_SEAT'];
/** Lobby commands after which no name follows (PROTOCOL.md §8.1). */
const NAMELESS = new Set([WATCH, BACK]);
/** Commands typed during play that are moves; any other command passes through at once. */
const MOVES = new Set([LETTER, WORD]);

export class ClientSession {
  private readonly options: SessionOptions;
  private readonly plan: Plan;
  private readonly random: () => number;
  private phase: Phase = 'offline';
  private name: string | null;
  /** The plan's lobby command is waiting for its answer: the name waits too. */
  private planAwaiting = false;
  /** Lines typed before a connection, or while reconnecting: sent once connected. */
  private readonly outbox: string[] = [];
  private readonly queue: string[] = [];
  private myTurn = false;
  private inputEnded = false;
  /** What takes the place back after a drop: `/back KEY` or `/watch CODE`. */
  private resumeLine: string | null = null;
  /** A `/back KEY` the player typed: what takes the seat back again once RESUMED says it worked. */
  private typedBack: string | null = null;
  private tries = 0;
  private connectedNow = false;
  /** A connect action is out and has not been answered by connected() or connectFailed(). */
  private connecting = false;

  constructor(options: SessionOptions) {
    this.options = options;
    this.plan = options.plan ?? { kind: 'public' };
    this.random = options.random ?? Math.random;
    this.name = options.name ?? null;
    if (this.plan.kind === 'back') this.resumeLine = formatCommand(BACK, this.plan.key);
  }

  /** The program starts: connect at once when there is something to send, else ask the name. */
  start(): TerminalEffect[] {
    if (this.name !== null || this.plan.kind !== 'public') return this.connect(0);
    return [{ kind: 'prompt', for: 'name' }];
  }

  /** A connection is up. */
  connected(): TerminalEffect[] {
    this.connectedNow = true;
    this.connecting = false;
    if (this.phase === 'reconnecting') return this.sendAll([this.resumeLine!, ...this.outbox.splice(0)]);
    this.phase = 'lobby';
    const out: TerminalEffect[] = [];
    const lobbyCommand = this.planCommand();
    if (lobbyCommand !== null) {
      this.planAwaiting = true;
      out.push({ kind: 'send', line: lobbyCommand });
    }
    out.push(...this.sendAll(this.outbox.splice(0)));
    out.push(...this.sendNameIfReady());
    return out;
  }

  /** A connection could not be opened; `why` is the error (e.g. ECONNREFUSED). */
  connectFailed(why: string): TerminalEffect[] {
    this.connecting = false;
    if (this.phase === 'reconnecting') return this.retry(`Cannot reach ${this.where} (${why})`);
    this.phase = 'over';
    return [
      { kind: 'notice', line: `Cannot reach the game server at ${this.where}: ${why}. Is it running? (npm run server)` },
      { kind: 'exit', code: 1 },
    ];
  }

  /**
   * An open connection is gone: `why` is the error, or null when the server closed it.
   * In a game, the client tries to get back to its seat by itself.
   */
  connectionLost(why: string | null): TerminalEffect[] {
    this.connectedNow = false;
    if (this.phase === 'over') return [];
    const reason = why === null ? '' : `: ${why}`;
    if (this.phase === 'reconnecting') return this.retry(`Lost the connection to ${this.where} again${reason}`);
    if ((this.phase === 'seated' || this.phase === 'watching') && this.resumeLine !== null) {
      this.phase = 'reconnecting';
      this.myTurn = false; // the turn passes at once while we are away
      this.tries = 0;
      return this.retry(`Lost the connection to the game server at ${this.where}${reason}`);
    }
    this.phase = 'over';
    const notice = why === null ? 'The server closed the connection before the game was over.' : `Lost the connection to the game server at ${this.where}${reason}.`;
    return [
      { kind: 'notice', line: notice },
      { kind: 'exit', code: 1 },
    ];
  }

  /** A line from the server, without its line end. */
  serverLine(line: string): TerminalEffect[] {
    if (this.phase === 'over') return [];
    if (line === TURN) {
      if (this.phase !== 'seated') return [];
      this.myTurn = true;
      return this.move();
    }
    if (line === QUIT) {
      this.phase = 'over';
      return [{ kind: 'exit', code: 0 }];
    }
    // Messages, and any command this client does not know, are shown, but never a control
    // character: a server (a classmate's) could write the clipboard or clear the screen.
    const out: TerminalEffect[] = [{ kind: 'print', line: stripControls(line) }];
    return [...out, ...this.follow(line)];
  }

  /** A line the player typed (or a script wrote to stdin). */
  input(text: string): TerminalEffect[] {
    if (this.phase === 'over') return [];
    const typed = text.trim();
    const command = parseCommand(typed);
    const beforeName = (this.phase === 'offline' || this.phase === 'lobby') && this.name === null;
    // Any command but a move goes through at once; before the name and when watching, moves too.
    if (command !== null && (!MOVES.has(command.name) || beforeName || this.phase === 'watching')) return this.passThrough(typed);
    switch (this.phase) {
      case 'offline':
      case 'lobby':
        return this.name === null ? this.nameTyped(typed) : this.moveTyped(text);
      case 'watching':
        if (typed === '') return [];
        return [{ kind: 'notice', line: 'You are watching, not playing: type /leave to stop watching.' }];
      default:
        return this.moveTyped(text);
    }
  }

  /**
   * stdin has ended. The game goes on (output is still shown), and lines already
   * queued still answer turns; only a turn with nothing left to answer it ends
   * the session, so the other players are not kept waiting.
   */
  endOfInput(): TerminalEffect[] {
    if (this.phase === 'over') return [];
    this.inputEnded = true;
    if (this.name === null && (this.phase === 'offline' || this.phase === 'lobby') && this.plan.kind !== 'watch' && this.plan.kind !== 'back') {
      this.phase = 'over';
      return [
        { kind: 'notice', line: 'No name given: pass --name NAME or type one.' },
        { kind: 'exit', code: 2 },
      ];
    }
    return this.myTurn ? this.move() : [];
  }

  /** Ctrl-C: leave at once, and say so, so that the seat is not kept waiting. */
  interrupt(): TerminalEffect[] {
    const out: TerminalEffect[] = this.connectedNow && this.phase !== 'over' ? [{ kind: 'send', line: formatCommand(LEAVE) }] : [];
    this.phase = 'over';
    return [...out, { kind: 'exit', code: 130 }];
  }

  private get where(): string {
    return this.options.where ?? 'the server';
  }

  private planCommand(): string | null {
    switch (this.plan.kind) {
      case 'public':
        return null;
      case 'new':
        return newCommand(this.plan.settings);
      case 'join':
        return formatCommand(JOIN, this.plan.code);
      case 'watch':
        return formatCommand(WATCH, this.plan.code);
      case 'back':
        return formatCommand(BACK, this.plan.key);
    }
  }

  /** What a server message means for the session, beyond showing it. */
  private follow(line: string): TerminalEffect[] {
    const answer = (id: MessageId) => parseAs(id, line);
    let m;
    if ((m = answer('SEAT_KEY'))) {
      this.resumeLine = formatCommand(BACK, m.fields.key);
    } else if ((m = answer('ROOM_OPENED'))) {
      // The room's words go before the name: after it, the client sits at the table.
      const words = this.planAwaiting ? this.sendWords() : [];
      return [{ kind: 'banner', lines: roomBanner(m.fields.code) }, ...words, ...this.planAnswered()];
    } else if (answer('ROOM_READY')) {
      return this.planAnswered();
    } else if ((m = answer('WATCHING'))) {
      this.planAwaiting = false;
      this.phase = 'watching';
      this.tries = 0;
      this.resumeLine = formatCommand(WATCH, m.fields.code);
    } else if (answer('RESUMED')) {
      this.resumeLine ??= this.typedBack;
      this.planAwaiting = false;
      this.phase = 'seated';
      this.tries = 0;
    } else if (REFUSALS.some((id) => answer(id))) {
      return this.refused();
    }
    return [];
  }

  /** The plan's lobby command was accepted: the name may go now. */
  private planAnswered(): TerminalEffect[] {
    if (!this.planAwaiting) return [];
    this.planAwaiting = false;
    return this.sendNameIfReady();
  }

  /**
   * A lobby command, or a name (ROOM_FULL: the room filled meanwhile), was refused. What
   * the command line asked for, or a seat being taken back, cannot be done: exit. What
   * the player typed they may try again, in the lobby (§8.1).
   */
  private refused(): TerminalEffect[] {
    const nameRefused = this.phase === 'seated' && this.resumeLine === null;
    const planned = this.planAwaiting || (nameRefused && this.plan.kind !== 'public');
    if (planned || this.phase === 'reconnecting') {
      this.phase = 'over';
      const what = this.resumeLine !== null ? 'The seat could not be taken back.' : 'The server refused what the command line asked for.';
      return [
        { kind: 'notice', line: what },
        { kind: 'exit', code: 1 },
      ];
    }
    if (!nameRefused) return [];
    this.phase = 'lobby';
    this.name = null;
    return [{ kind: 'prompt', for: 'name' }];
  }

  private sendWords(): TerminalEffect[] {
    if (this.plan.kind !== 'new' || this.plan.words.length === 0) return [];
    const { lines, tooLong } = wordsLines(this.plan.words);
    const out: TerminalEffect[] = tooLong.map((w) => ({ kind: 'notice', line: `Not sent, too long for a line: ${w.slice(0, 40)}…` }) as const);
    return [...out, ...lines.map((line) => ({ kind: 'send', line }) as const)];
  }

  private sendNameIfReady(): TerminalEffect[] {
    if (this.phase !== 'lobby' || this.planAwaiting) return [];
    if (this.plan.kind === 'watch' || this.plan.kind === 'back') return [];
    if (this.name === null) return [{ kind: 'prompt', for: 'name' }];
    this.phase = 'seated';
    return [{ kind: 'send', line: this.name }];
  }

  private sendAll(lines: readonly string[]): TerminalEffect[] {
    return lines.map((line) => ({ kind: 'send', line }));
  }

  /** A command that is not a move: sent at once (or once connected), whoever's turn it is. */
  private passThrough(line: string): TerminalEffect[] {
    if (parseCommand(line)?.name === BACK) this.typedBack = line;
    if (this.phase === 'offline' || this.phase === 'reconnecting') {
      this.outbox.push(line);
      return this.phase === 'offline' ? this.connect(0) : [];
    }
    // At the name prompt the name is still to come: ask again below the answer.
    const nameToCome = this.phase === 'lobby' && this.name === null && !this.planAwaiting && !NAMELESS.has(parseCommand(line)?.name ?? '');
    const askName: TerminalEffect[] = nameToCome ? [{ kind: 'prompt', for: 'name' }] : [];
    return [{ kind: 'send', line }, ...askName];
  }

  /** Asks for a connection, unless one is on its way. */
  private connect(afterMs: number): TerminalEffect[] {
    if (this.connecting) return [];
    this.connecting = true;
    return [{ kind: 'connect', afterMs }];
  }

  /** The first line typed that is not a command: the name. */
  private nameTyped(typed: string): TerminalEffect[] {
    if (typed === '') return [{ kind: 'prompt', for: 'name' }];
    this.name = typed;
    if (this.phase === 'offline') return this.connect(0);
    return this.sendNameIfReady();
  }

  private moveTyped(text: string): TerminalEffect[] {
    if (this.myTurn) {
      this.queue.push(text);
      return this.move();
    }
    if (this.options.queueEarlyInput) {
      this.queue.push(text);
      return [];
    }
    if (text.trim() === '') return [];
    if (this.phase === 'reconnecting') return [{ kind: 'notice', line: 'Reconnecting: wait for your turn.' }];
    return [{ kind: 'notice', line: 'It is not your turn yet; wait for the prompt.' }];
  }

  /** It is our turn: answer it with the next usable input line, or ask for one. */
  private move(): TerminalEffect[] {
    while (this.queue.length > 0) {
      const typed = this.queue.shift()!.trim();
      const command = isMove(typed) ? typed : commandForGuess(typed);
      if (command === null) continue; // an empty line is no guess; the turn is still ours
      this.myTurn = false;
      return [{ kind: 'send', line: command }];
    }
    if (this.inputEnded) {
      this.phase = 'over';
      return [
        { kind: 'notice', line: 'It is your turn, but the input has ended: leaving the game.' },
        { kind: 'send', line: formatCommand(LEAVE) },
        { kind: 'exit', code: 0 },
      ];
    }
    return [{ kind: 'prompt', for: 'move' }];
  }

  /** One more try to get back, after a delay; or give up. */
  private retry(what: string): TerminalEffect[] {
    if (this.tries >= RECONNECT_TRIES) {
      this.phase = 'over';
      const how = this.resumeLine?.startsWith(`/${BACK} `) ? ` Your seat is kept for a while: run the client again with --back ${this.resumeLine.slice(BACK.length + 2)}.` : '';
      return [
        { kind: 'notice', line: `${what}. Gave up after ${RECONNECT_TRIES} tries.${how}` },
        { kind: 'exit', code: 1 },
      ];
    }
    this.tries++;
    const afterMs = reconnectDelay(this.tries, this.random);
    return [
      { kind: 'notice', line: `${what}; reconnecting in ${(afterMs / 1000).toFixed(1)} s (try ${this.tries} of ${RECONNECT_TRIES})…` },
      ...this.connect(afterMs),
    ];
  }
}

/** A typed `/letter X` or `/word W`: sent as typed. */
function isMove(typed: string): boolean {
  const command = parseCommand(typed);
  return command !== null && MOVES.has(command.name);
}
