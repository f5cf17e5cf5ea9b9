/**
 * `npm run palindrome-client -- [--host H] [--port P]`: reads lines from stdin,
 * asks the palindrome server about each, prints "palindrome" or "not a palindrome".
 *
 * An empty line or the end of stdin ends the session: the client sends the empty
 * line (which tells the server to close), prints the answers still owed, and exits
 * 0 once the server has closed. Exit 1 if the server cannot be reached or goes away
 * before every answer has arrived.
 */
import net from 'node:net';
import readline from 'node:readline';
import * as flag from '../node/flags.js';
import { PALINDROME_PORT } from '../node/ports.js';
import { readLines } from '../node/lines.js';

const USAGE = `usage: npm run palindrome-client -- [--host 127.0.0.1] [--port ${PALINDROME_PORT}]`;

const opts = flag.parseFlagsOrExit(
  process.argv.slice(2),
  { host: flag.string({ default: '127.0.0.1' }), port: flag.port({ default: PALINDROME_PORT }) },
  USAGE,
);
const where = `${opts.host}:${opts.port}`;

const socket = net.connect({ host: opts.host, port: opts.port });
const tty = process.stdin.isTTY === true;
let connected = false;
let pending = 0; // questions sent and not yet answered
let ending = false; // we sent the empty line; the server will close

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

socket.on('error', (err: NodeJS.ErrnoException) => {
  if (!connected) fail(`cannot reach the palindrome server at ${where}: ${err.code ?? err.message}`);
  fail(`lost the connection to the palindrome server at ${where}: ${err.code ?? err.message}`);
});

readLines(socket, (line) => {
  pending--;
  // The wire answer is `1` or an empty line; say what it means. Anything else is shown as it came.
  if (line.text === '1') console.log('palindrome');
  else if (line.text === '') console.log('not a palindrome');
  else console.log(`unexpected answer from the server: ${JSON.stringify(line.text)}`);
  if (tty && pending === 0 && !ending) rl.prompt();
});

socket.on('close', () => {
  if (ending && pending <= 0) {
    // Done. stdin may still be open (more lines after the empty one); it must not keep us running.
    process.stdin.destroy();
    return;
  }
  fail(`the palindrome server at ${where} closed the connection` + (pending > 0 ? ` with ${pending} answer(s) owed` : ''));
});

// Lines are read as they come: on a pipe they are sent at once and the answers,
// which the server gives in order, follow.
const rl = readline.createInterface({ input: process.stdin, terminal: tty });
rl.setPrompt('text (empty line ends)> ');

socket.once('connect', () => {
  connected = true;
  if (tty) rl.prompt();
});

rl.on('line', (input) => {
  if (ending) return;
  const text = input.trim();
  if (text === '') return end();
  pending++;
  // A long pipe must not pile up in memory: stop reading stdin until the socket drains.
  if (!socket.write(text + '\n')) {
    rl.pause();
    socket.once('drain', () => rl.resume());
  }
});
rl.on('close', end); // end of stdin (Ctrl-D, or the pipe is done)

function end(): void {
  if (ending) return;
  ending = true;
  rl.close();
  // net buffers writes made before the connection is up, so this works even then.
  socket.write('\n');
}
