/**
 * Commands of the wire (PROTOCOL.md §2): lines that start with `/`. Browser-safe.
 */

/** Server → client: it is your move now. */
export const TURN = '/turn';
/** Server → client: the game is over; disconnect. */
export const QUIT = '/quit';

/** Client → server command names: the moves (PROTOCOL.md §2). */
export const LETTER = 'letter';
export const WORD = 'word';

/** Client → server command names of PROTOCOL.md §8: the lobby before the name… */
export const NEW = 'new';
export const WORDS = 'words';
export const JOIN = 'join';
export const WATCH = 'watch';
export const BACK = 'back';
export const HELP = 'help';
/** …and at a table. */
export const START = 'start';
export const LEAVE = 'leave';
export const SAY = 'say';
export const BOT = 'bot';

/** A parsed command line: `/name` or `/name argument`. */
export interface Command {
  /** The name without its `/`; empty for a bare `/`. */
  readonly name: string;
  /** The rest of the line after the first space, trimmed; empty when there is none. */
  readonly arg: string;
}

/** Whether a line is a command (starts with `/`). */
export function isCommand(line: string): boolean {
  return line.charCodeAt(0) === 0x2f;
}

/** Parses a command line; returns null for a line that is not a command. */
export function parseCommand(line: string): Command | null {
  if (!isCommand(line)) return null;
  const space = line.indexOf(' ');
  if (space < 0) return { name: line.slice(1), arg: '' };
  return { name: line.slice(1, space), arg: line.slice(space + 1).trim() };
}

/** Formats a command line (without its line end). */
export function formatCommand(name: string, arg = ''): string {
  return arg === '' ? `/${name}` : `/${name} ${arg}`;
}

/** `/letter L` */
export function letterCommand(letter: string): string {
  return formatCommand(LETTER, letter);
}

/** `/word W` */
export function wordCommand(word: string): string {
  return formatCommand(WORD, word);
}

/**
 * What a player typed at the prompt, as the command to send: one character names a
 * letter, more name the word. Returns null for empty input.
 */
export function commandForGuess(input: string): string | null {
  const guess = input.trim();
  if (guess === '') return null;
  return [...guess.normalize('NFC')].length === 1 ? letterCommand(guess) : wordCommand(guess);
}
