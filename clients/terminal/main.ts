/**
 * `npm run client -- [--host H] [--port P] [--name NAME] [--new [key=value …] [--words FILE] | --join CODE | --watch CODE | --back KEY]`:
 * the terminal client.
 *
 * Wiring only: flags, the socket, stdin through node:readline, stdout and stderr, the
 * reconnection timer. What to do with each line is decided by ClientSession
 * (clients/terminal/session.ts). Works on a terminal and on a pipe; see docs/CLIENT.md.
 */
import fs from 'node:fs';
import net from 'node:net';
import readline from 'node:readline';
import * as flag from '../../node/flags.js';
import { GAME_PORT } from '../../node/ports.js';
import { ClientSession, type TerminalEffect, type Plan } from './session.js';
import { badSetting, takeNewSettings, wordsOfFile } from './room-setup.js';
import { readLines } from '../../node/lines.js';
import { MAX_SERVER_LINE_BYTES } from '../../protocol/framing.js';

const USAGE = `usage: npm run client -- [--host 127.0.0.1] [--port ${GAME_PORT}] [--name NAME] [--new [players=3 turn=30 lang=uk …] [--words FILE] | --join CODE | --watch CODE | --back KEY]`;
const PROMPTS = { name: 'Your name: ', move: 'Your move (a letter, or the whole word): ' } as const;

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const { argv, settings } = takeNewSettings(process.argv.slice(2));
const opts = flag.parseFlagsOrExit(
  argv,
  {
    host: flag.string({ default: '127.0.0.1' }),
    port: flag.port({ default: GAME_PORT }),
    name: flag.string(),
    new: flag.boolean(),
    words: flag.string(),
    join: flag.string(),
    watch: flag.string(),
    back: flag.string(),
  },
  USAGE,
);
const where = `${opts.host}:${opts.port}`;
const plan = planOf();

/** The one lobby command the flags ask for. */
function planOf(): Plan {
  const chosen = (['new', 'join', 'watch', 'back'] as const).filter((k) => (k === 'new' ? opts.new : opts[k] !== undefined));
  if (chosen.length > 1) usageError(`choose one of --new, --join, --watch and --back (got ${chosen.map((k) => `--${k}`).join(' and ')})`);
  if (opts.words !== undefined && !opts.new) usageError('--words goes with --new: a word list is for a room you open');
  const problem = badSetting(settings);
  if (problem !== null) usageError(problem);
  if ((opts.watch !== undefined || opts.back !== undefined) && opts.name !== undefined) usageError('--name is not used with --watch or --back');
  if (opts.new) return { kind: 'new', settings, words: opts.words === undefined ? [] : readWords(opts.words) };
  if (opts.join !== undefined) return { kind: 'join', code: opts.join.toUpperCase() };
  if (opts.watch !== undefined) return { kind: 'watch', code: opts.watch.toUpperCase() };
  if (opts.back !== undefined) return { kind: 'back', key: opts.back.toUpperCase() };
  return { kind: 'public' };
}

function readWords(file: string): string[] {
  try {
    return wordsOfFile(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    usageError(`Cannot read the word list ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

const tty = process.stdin.isTTY === true;
const rl = readline.createInterface({ input: process.stdin, output: tty ? process.stdout : undefined, terminal: tty });
// A script typing ahead on a pipe gets its lines queued, one per turn; a person is asked.
const session = new ClientSession({ queueEarlyInput: !tty, name: opts.name, plan, where });
let socket: net.Socket | null = null;
let prompting = false;
let exiting = false;

function run(actions: TerminalEffect[]): void {
  for (const action of actions) {
    switch (action.kind) {
      case 'print':
        show(process.stdout, action.line);
        break;
      case 'banner':
        // On a pipe stdout is exactly the server's lines: the banner goes to stderr.
        for (const line of action.lines) show(tty ? process.stdout : process.stderr, line);
        break;
      case 'send':
        prompting = false;
        socket?.write(action.line + '\n');
        break;
      case 'prompt':
        // On a pipe there is no one to ask: the next stdin line is the answer.
        if (tty) {
          prompting = true;
          rl.setPrompt(PROMPTS[action.for]);
          rl.prompt();
        }
        break;
      case 'notice':
        show(process.stderr, action.line);
        break;
      case 'connect':
        prompting = false;
        setTimeout(connect, action.afterMs);
        break;
      case 'exit':
        exit(action.code);
    }
  }
}

/** Writes a line; on a terminal, keeps an open prompt below it. */
function show(stream: NodeJS.WriteStream, line: string): void {
  if (tty && prompting) {
    readline.clearLine(process.stdout, 0);
    readline.cursorTo(process.stdout, 0);
    stream.write(line + '\n');
    rl.prompt(true);
  } else {
    stream.write(line + '\n');
  }
}

/** Ends the connection after what was sent (a last /leave), then exits. */
function exit(code: number): void {
  if (exiting) return;
  exiting = true;
  if (code === 2) console.error(USAGE);
  const s = socket;
  if (s === null || s.destroyed) process.exit(code);
  s.end(() => process.exit(code));
  setTimeout(() => process.exit(code), 1000).unref();
}

function connect(): void {
  const s = net.connect({ host: opts.host, port: opts.port });
  socket = s;
  let connected = false;
  let error: string | null = null;
  s.on('error', (err: NodeJS.ErrnoException) => (error = err.code ?? err.message));
  s.once('connect', () => {
    connected = true;
    run(session.connected());
  });
  readLines(
    s,
    {
      line(line) {
        if (line.tooLong) show(process.stderr, `(a line over ${MAX_SERVER_LINE_BYTES} bytes from the server was not shown)`);
        else run(session.serverLine(line.text));
      },
      overflow() {
        error = 'the server sent too much without a line end';
        s.destroy();
      },
    },
    { maxLineBytes: MAX_SERVER_LINE_BYTES, maxUnterminatedBytes: 2 * MAX_SERVER_LINE_BYTES },
  );
  s.on('close', () => {
    if (socket === s) socket = null;
    if (exiting) return;
    run(connected ? session.connectionLost(error) : session.connectFailed(error ?? 'closed'));
  });
}

rl.on('line', (text) => run(session.input(text)));
// The game goes on without input; the session decides when that matters.
rl.on('close', () => run(session.endOfInput()));
// Ctrl-C on a terminal: leave at once (the server tells the others).
rl.on('SIGINT', () => run(session.interrupt()));

run(session.start());
