/**
 * What every player in an end-to-end game can do, whatever it plays through (a
 * browser, a raw TCP socket, the terminal client): the same verbs, all async. And
 * the pure readings of a player's lines that the line-speaking players share.
 */
import { parseAs, parseMessage, parseScores, QUIT, type MessageId } from '../../protocol/index.js';

/** What a move came to, as the mover was told. */
export type Outcome = 'hit' | 'miss' | 'already' | 'won' | 'burned' | 'refused';

/** Points by name, in turn order: `{ Ann: 2, Bob: 0 }`. */
export type Scores = Record<string, number>;

/** The verbs every player kind has, with the same shapes. */
export interface Player {
  /** The name the server knows this player by (after RENAMED, the new one); empty before join. */
  name: string;
  /** Gives the name and resolves once seated (our own JOINED, or the page shows the table). */
  join(name: string): Promise<void>;
  /** Resolves when it is this player's turn. */
  waitForTurn(): Promise<void>;
  /** Names a letter; resolves once the server has answered it. */
  letter(x: string): Promise<Outcome>;
  /** Names the whole word; resolves once the server has answered it. */
  word(w: string): Promise<Outcome>;
  /** The points as this player has seen them so far (the last SCORE it received), in turn order. */
  score(): Promise<Scores>;
  /** Waits until the points this player sees are exactly `expected`; fails with what it saw. */
  waitForScore(expected: Scores): Promise<void>;
  /** Waits for the end of the game; its RESULT lines (see e2e/README.md), in turn order: `['Ann 2', 'Bob 6']`. */
  results(): Promise<string[]>;
  /** Waits for the end of the game; who won, as this player was told (null when nobody did). */
  winner(): Promise<string | null>;
  /** Waits until a line equal to `match` (or matching it) has arrived, at any time so far; returns it. */
  waitForLine(match: string | RegExp): Promise<string>;
  /** Every line received so far, as the server sent it. */
  lines(): Promise<string[]>;
}

/** Replies after which the server sends `/turn` again without acting on the move. */
const REFUSED: ReadonlySet<MessageId> = new Set(['NOT_YOUR_TURN', 'NOT_A_LETTER', 'BAD_COMMAND', 'NO_COMMAND', 'UNEXPECTED', 'LINE_TOO_LONG']);

/**
 * Reads the mover's lines after a move; undefined until the move is settled. A move
 * the server acts on ends with SCORE; an open letter or a refused move with its reply.
 */
export function outcomeOf(lines: readonly string[]): Outcome | undefined {
  let outcome: Outcome | undefined;
  for (const line of lines) {
    const id = parseMessage(line)?.id;
    if (id === 'EARNED') outcome ??= 'hit';
    else if (id === 'WON') outcome = 'won';
    else if (id === 'NO_LETTER') outcome = 'miss';
    else if (id === 'BURNED') outcome = 'burned';
    else if (id === 'ALREADY_OPEN') return 'already';
    else if (id !== undefined && REFUSED.has(id)) return 'refused';
    else if (id === 'SCORE' && outcome) return outcome;
  }
  return undefined;
}

/** The last SCORE line among `lines`, as points by name; `{}` before any. */
export function lastScores(lines: readonly string[]): Scores {
  for (let i = lines.length - 1; i >= 0; i--) {
    const score = parseAs('SCORE', lines[i]);
    if (score) return Object.fromEntries(parseScores(score.fields.scores).map((e) => [e.name, e.points]));
  }
  return {};
}

/** Where the RESULT lines of the last finished game end: `/quit`, or in a room ROOM_TOTAL or NEXT_GAME. */
function endsResults(line: string): boolean {
  return line === QUIT || parseAs('ROOM_TOTAL', line) !== null || parseAs('NEXT_GAME', line) !== null;
}

/** Index of the last GAME_OVER line; -1 when there is none. */
function lastGameOver(lines: readonly string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (parseAs('GAME_OVER', lines[i])) return i;
  return -1;
}

/**
 * The RESULT lines of the last finished game: every line after GAME_OVER up to the
 * line that ends them (`/quit`, ROOM_TOTAL, NEXT_GAME), or up to the end of the
 * lines when `ended` (a client that does not print `/quit`). Undefined while unfinished.
 */
export function resultLines(lines: readonly string[], ended = false): string[] | undefined {
  const over = lastGameOver(lines);
  if (over < 0) return undefined;
  const rest = lines.slice(over + 1);
  const end = rest.findIndex(endsResults);
  if (end >= 0) return rest.slice(0, end);
  return ended ? rest.filter((l) => parseAs('RESULT', l)) : undefined;
}

/**
 * Who won the last finished game, from one player's lines: the player itself when
 * it got WON, else whoever had the last turn before GAME_OVER (the winning move is
 * the mover's); null when the game ended without one.
 */
export function winnerFrom(lines: readonly string[], me: string): string | null {
  const over = lastGameOver(lines);
  for (let i = over - 1; i >= 0; i--) {
    if (parseAs('WON', lines[i])) return me;
    const turn = parseAs('TURN_OF', lines[i]);
    if (turn) return turn.fields.name;
    if (parseAs('STARTED', lines[i])) break;
  }
  return null;
}

/** A string matches itself exactly; a RegExp as it says. */
export function matcher(match: string | RegExp): (line: string) => boolean {
  return typeof match === 'string' ? (l) => l === match : (l) => match.test(l);
}
