/**
 * The terminal client's side of the game (PROTOCOL.md §2–3), without any I/O:
 * lines from the server and from the player go in, effects come out. main.ts
 * carries the effects out on a socket, stdout, stderr and readline.
 */
import { commandForGuess, QUIT, TURN } from '../../protocol/commands.js';
import { stripControls } from '../../protocol/controls.js';

/** One thing the terminal client must do next (print, send, prompt, …): the session's output. */
export type TerminalEffect =
  /** Show a message line to the player (stdout), already cleaned of control characters. */
  | { readonly kind: 'print'; readonly line: string }
  /** Send a line to the server. */
  | { readonly kind: 'send'; readonly line: string }
  /** Ask the player for a letter or a word. */
  | { readonly kind: 'prompt' }
  /** Tell the player something about the client itself (stderr). */
  | { readonly kind: 'notice'; readonly line: string }
  /** Close the connection and exit with this code. */
  | { readonly kind: 'exit'; readonly code: number };

export interface SessionOptions {
  /**
   * Keep lines that come before a `/turn` and answer the next turns with them, one
   * each (stdin is a pipe: a script types ahead). When false (a person at a
   * terminal), such lines are refused: a guess typed before seeing the board is
   * rarely the one meant.
   */
  readonly queueEarlyInput: boolean;
}

export class ClientSession {
  private readonly queue: string[] = [];
  private myTurn = false;
  private inputEnded = false;
  private over = false;

  constructor(private readonly options: SessionOptions) {}

  /** The connection is up: the first line is the player's name (PROTOCOL.md §3). */
  connected(name: string): TerminalEffect[] {
    return [{ kind: 'send', line: name }];
  }

  /** A line from the server, without its line end. */
  serverLine(line: string): TerminalEffect[] {
    if (this.over) return [];
    if (line === TURN) {
      this.myTurn = true;
      return this.move();
    }
    if (line === QUIT) {
      this.over = true;
      return [{ kind: 'exit', code: 0 }];
    }
    // Messages, and any command this client does not know, are shown, but never a control
    // character: a server (a classmate's) could write the clipboard or clear the screen.
    return [{ kind: 'print', line: stripControls(line) }];
  }

  /** A line the player typed (or a script wrote to stdin). */
  input(text: string): TerminalEffect[] {
    if (this.over) return [];
    if (this.myTurn) {
      this.queue.push(text);
      return this.move();
    }
    if (this.options.queueEarlyInput) {
      this.queue.push(text);
      return [];
    }
    if (text.trim() === '') return [];
    return [{ kind: 'notice', line: 'It is not your turn yet; wait for the prompt.' }];
  }

  /**
   * stdin has ended. The game goes on (output is still shown), and lines already
   * queued still answer turns; only a turn with nothing left to answer it ends
   * the session, so the other players are not kept waiting.
   */
  endOfInput(): TerminalEffect[] {
    if (this.over) return [];
    this.inputEnded = true;
    return this.myTurn ? this.move() : [];
  }

  /**
   * The server closed the connection. After `/quit` that is the normal end;
   * before it, the game was cut short.
   */
  serverClosed(): TerminalEffect[] {
    if (this.over) return [];
    this.over = true;
    return [
      { kind: 'notice', line: 'The server closed the connection before the game was over.' },
      { kind: 'exit', code: 1 },
    ];
  }

  /** It is our turn: answer it with the next usable input line, or ask for one. */
  private move(): TerminalEffect[] {
    while (this.queue.length > 0) {
      const command = commandForGuess(this.queue.shift()!);
      if (command === null) continue; // an empty line is no guess; the turn is still ours
      this.myTurn = false;
      return [{ kind: 'send', line: command }];
    }
    if (this.inputEnded) {
      this.over = true;
      return [
        { kind: 'notice', line: 'It is your turn, but the input has ended: leaving the game.' },
        { kind: 'exit', code: 0 },
      ];
    }
    return [{ kind: 'prompt' }];
  }
}
