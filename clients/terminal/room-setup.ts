/**
 * What the terminal client sends to open a room (PROTOCOL.md §8.1): the settings of
 * `/new` and a word list as `/words` lines, each within the server's line limit.
 */
import { MAX_LINE_BYTES } from '../../protocol/framing.js';
import { formatCommand, NEW, WORDS } from '../../protocol/commands.js';

const encoder = new TextEncoder();
const bytes = (text: string): number => encoder.encode(text).length;

/** A `/new` setting as typed: `key=value` (the server judges the key and the value). */
const SETTING = /^[a-z]+=[^\s=]+$/;

/** Checks settings typed after `--new`; returns a message for the first that is no `key=value`, else null. */
export function badSetting(settings: readonly string[]): string | null {
  const bad = settings.find((s) => !SETTING.test(s));
  return bad === undefined ? null : `--new takes settings as key=value, e.g. players=3 turn=30 lang=uk (got "${bad}")`;
}

/** `/new players=3 turn=30` */
export function newCommand(settings: readonly string[]): string {
  return formatCommand(NEW, settings.join(' '));
}

/** The words of a word-list file: separated by white space, commas or semicolons. */
export function wordsOfFile(text: string): string[] {
  return text.split(/[\s,;]+/u).filter((w) => w !== '');
}

/** What packing a word list gave: the `/words` lines, and words too long for any line. */
export interface PackedWords {
  readonly lines: string[];
  readonly tooLong: string[];
}

/** Packs words into `/words W1 W2 …` lines of at most `maxBytes` bytes each, in order. */
export function wordsLines(words: readonly string[], maxBytes = MAX_LINE_BYTES): PackedWords {
  const prefix = formatCommand(WORDS, 'x').slice(0, -1); // "/words "
  const lines: string[] = [];
  const tooLong: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? prefix + word : `${line} ${word}`;
    if (bytes(candidate) <= maxBytes) {
      line = candidate;
    } else if (bytes(prefix + word) > maxBytes) {
      tooLong.push(word);
    } else {
      lines.push(line);
      line = prefix + word;
    }
  }
  if (line !== '') lines.push(line);
  return { lines, tooLong };
}

/**
 * Takes the settings that follow `--new` out of a command line (`--new players=3
 * turn=30 --name Ann`): the flag parser takes no free arguments, and `--new` takes none.
 */
export function takeNewSettings(argv: readonly string[]): { argv: string[]; settings: string[] } {
  const at = argv.indexOf('--new');
  if (at < 0) return { argv: [...argv], settings: [] };
  let end = at + 1;
  while (end < argv.length && !argv[end].startsWith('--')) end++;
  return { argv: [...argv.slice(0, at + 1), ...argv.slice(end)], settings: argv.slice(at + 1, end) };
}
