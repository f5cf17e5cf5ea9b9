/**
 * `npm run client -- [--host H] [--port P] [--name NAME]`: the terminal client.
 *
 * Wiring only: flags, the socket, stdin through node:readline, stdout and stderr.
 * What to do with each line is decided by ClientSession (session.ts).
 * Works on a terminal and on a pipe; see docs/CLIENT.md.
 */
import net from 'node:net';
import readline from 'node:readline';
import * as flag from '../../node/flags.js';
import { GAME_PORT } from '../../node/ports.js';
import { ClientSession, type TerminalEffect } from './session.js';
import { readLines } from '../../node/lines.js';
import { MAX_SERVER_LINE_BYTES as MAX_SERVER_LINE } from '../../protocol/framing.js';

const USAGE = `usage: npm run client -- [--host 127.0.0.1] [--port ${GAME_PORT}] [--name NAME]`;
const NAME_PROMPT = 'Your name: ';
const MOVE_PROMPT = 'Your move (a letter, or the whole word): ';

const opts = flag.parseFlagsOrExit(
  process.argv.slice(2),
  { host: flag.string({ default: '127.0.0.1' }), port: flag.port({ default: GAME_PORT }), name: flag.string() },
  USAGE,
);
const where = `${opts.host}:${opts.port}`;

const tty = process.stdin.isTTY === true;
const rl = readline.createInterface({ input: process.stdin, output: tty ? process.stdout : undefined, terminal: tty });
// A script typing ahead on a pipe gets its lines queued, one per turn; a person is asked.
const session = new ClientSession({ queueEarlyInput: !tty });
let socket: net.Socket | null = null;
let prompting = false;

function run(effects: TerminalEffect[]): void {
  for (const effect of effects) {
    switch (effect.kind) {
      case 'print':
        show(effect.line);
        break;
      case 'send':
        prompting = false;
        socket?.write(effect.line + '\n');
        break;
      case 'prompt':
        // On a pipe there is no one to ask: the next stdin line is the answer.
        if (tty) {
          prompting = true;
          rl.setPrompt(MOVE_PROMPT);
          rl.prompt();
        }
        break;
      case 'notice':
        console.error(effect.line);
        break;
      case 'exit':
        exit(effect.code);
    }
  }
}

/** Prints a server line; on a terminal, keeps an open prompt below it. */
function show(line: string): void {
  if (tty && prompting) {
    readline.clearLine(process.stdout, 0);
    readline.cursorTo(process.stdout, 0);
    process.stdout.write(line + '\n');
    rl.prompt(true);
  } else {
    process.stdout.write(line + '\n');
  }
}

function exit(code: number): never {
  socket?.destroy();
  process.exit(code);
}

function fail(message: string): never {
  console.error(message);
  exit(1);
}

function connect(name: string): void {
  const s = net.connect({ host: opts.host, port: opts.port });
  socket = s;
  let connected = false;
  s.on('error', (err: NodeJS.ErrnoException) => {
    const why = err.code ?? err.message;
    if (!connected) fail(`Cannot reach the game server at ${where}: ${why}. Is it running? (npm run server)`);
    fail(`Lost the connection to the game server at ${where}: ${why}.`);
  });
  s.once('connect', () => {
    connected = true;
    run(session.connected(name));
  });
  readLines(
    s,
    {
      line(line) {
        if (line.tooLong) console.error(`(a line over ${MAX_SERVER_LINE} bytes from the server was not shown)`);
        else run(session.serverLine(line.text));
      },
      overflow: () => fail(`The game server at ${where} sent too much without a line end; giving up.`),
    },
    { maxLineBytes: MAX_SERVER_LINE, maxUnterminatedBytes: 2 * MAX_SERVER_LINE },
  );
  s.on('close', () => run(session.serverClosed()));
}

// Until the name is known, stdin lines are the name; after it, moves.
let name: string | null = opts.name ?? null;

rl.on('line', (text) => {
  if (name !== null) return run(session.input(text));
  const typed = text.trim();
  if (typed === '') {
    if (tty) rl.prompt();
    return;
  }
  name = typed;
  connect(name);
});
rl.on('close', () => {
  if (name === null) {
    console.error(`No name given: pass --name NAME or type one.\n${USAGE}`);
    process.exit(2);
  }
  // The game goes on without input; the session decides when that matters.
  run(session.endOfInput());
});
// Ctrl-C on a terminal: leave at once (the server tells the others).
rl.on('SIGINT', () => exit(130));

if (name !== null) connect(name);
else if (tty) {
  rl.setPrompt(NAME_PROMPT);
  rl.prompt();
}
