/**
 * `npm run bot -- [--host H] [--port P] [--join CODE] [--level L] [--count N] [--name NAME] [--games N] [--words FILE] [--delay MS]`
 *
 * Computer players as ordinary TCP clients: each connects, gives its name, and
 * answers every `/turn` with a move it thinks out from the lines everyone at the
 * table sees. Wiring only: flags, sockets and line framing; the thinking is in
 * player.ts and game/strategy.ts. See docs/WRITE-A-CLIENT.md.
 */
import net from 'node:net';
import { BOT_LEVELS } from '../../game/strategy.js';
import * as flag from '../../node/flags.js';
import { readLines } from '../../node/lines.js';
import { GAME_PORT } from '../../node/ports.js';
import { encodeLine, MAX_SERVER_LINE_BYTES as MAX_SERVER_LINE } from '../../protocol/framing.js';
import type { Lang } from '../../protocol/catalog.js';
import { defaultWordFile, loadWords } from '../../server/word-files.js';
import { BotPlayer, type BotAction } from './player.js';

/** Most computer players one run may start. */
const MAX_BOTS = 100;

const USAGE = `usage: npm run bot -- [--host 127.0.0.1] [--port ${GAME_PORT}] [--join CODE] [--level ${BOT_LEVELS.join('|')}] [--count 1..${MAX_BOTS}] [--name NAME] [--games N] [--words FILE] [--delay 500]`;

const opts = flag.parseFlagsOrExit(
  process.argv.slice(2),
  {
    host: flag.string({ default: '127.0.0.1' }),
    port: flag.port({ default: GAME_PORT }),
    join: flag.string(),
    level: flag.oneOf(BOT_LEVELS, { default: 'normal' }),
    count: flag.integer({ max: MAX_BOTS, default: 1 }),
    name: flag.string(),
    games: flag.integer(),
    words: flag.string(),
    // Mean think time before each move, ms: a person can follow the game.
    delay: flag.integer({ min: 0, default: 500 }),
  },
  USAGE,
);
const where = `${opts.host}:${opts.port}`;

/** The word lists to think with: --words for every language, else the built-in list of the server's language. */
async function wordLists(): Promise<(lang: Lang) => readonly string[]> {
  try {
    if (opts.words) {
      const words = await loadWords(opts.words);
      return () => words;
    }
    const lists = { en: await loadWords(defaultWordFile('en')), uk: await loadWords(defaultWordFile('uk')) };
    return (lang) => lists[lang];
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
}

/** Plays one computer player on its own connection; resolves with its exit code. */
function play(player: BotPlayer): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: opts.host, port: opts.port });
    let done = false;
    const finish = (code: number) => {
      if (done) return;
      done = true;
      socket.end();
      resolve(code);
    };
    const send = (move: string) => {
      if (done) return;
      console.log(`${player.playsAs} > ${move}`);
      socket.write(encodeLine(move));
    };
    const run = (actions: BotAction[]) => {
      for (const a of actions) {
        if (done) return;
        if (a.kind === 'send') socket.write(encodeLine(a.line));
        else if (a.kind === 'move') setTimeout(() => send(a.line), opts.delay * (0.5 + Math.random()));
        else if (a.kind === 'log') console.log(a.line);
        else finish(a.code);
      }
    };
    socket.on('connect', () => run(player.connected()));
    readLines(
      socket,
      (line) => {
        if (!line.tooLong) run(player.serverLine(line.text));
      },
      { maxLineBytes: MAX_SERVER_LINE, maxUnterminatedBytes: 2 * MAX_SERVER_LINE },
    );
    socket.on('error', (err: NodeJS.ErrnoException) => {
      console.error(`Cannot play at the game server at ${where}: ${err.code ?? err.message}. Is it running? (npm run server)`);
      finish(1);
    });
    socket.on('close', () => {
      if (!done) console.error(`The game server at ${where} closed the connection before the game ended.`);
      finish(1);
    });
  });
}

const words = await wordLists();
// One player takes --name as it is; several are numbered: Robo 1, Robo 2, …
const names = Array.from({ length: opts.count }, (_, i) => (opts.count === 1 && opts.name ? opts.name : `${opts.name ?? 'Robo'} ${i + 1}`));
const codes = await Promise.all(names.map((name) => play(new BotPlayer({ name, level: opts.level, words, join: opts.join, games: opts.games }))));
process.exit(Math.max(0, ...codes));
