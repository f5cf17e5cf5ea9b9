// A Word Guess client: node client.mjs NAME [HOST] [PORT]
// Prints every line the server sends. On /turn it reads your move from the
// keyboard (/letter e or /word kite) and sends it; on /quit it closes.
import { connect } from 'node:net';
import { createInterface } from 'node:readline';

const [name = 'Node', host = 'localhost', port = '30003'] = process.argv.slice(2);
const keyboard = createInterface({ input: process.stdin });
const moves = keyboard[Symbol.asyncIterator]();
const socket = connect(Number(port), host);
socket.write(`${name}\n`); // The first line is your name.

try {
  // TCP delivers bytes, not lines: readline gathers them into lines (as UTF-8).
  for await (const line of createInterface({ input: socket })) {
    if (line === '/turn') {
      console.log('Your turn: /letter X or /word WORD');
      let move = '';
      while (move === '') { // The server ignores empty lines: ask again.
        const { value, done } = await moves.next();
        if (done) process.exit(0); // Ctrl-D: leave the game.
        move = value.trim();
      }
      socket.write(`${move}\n`);
    } else if (line === '/quit') {
      break; // Game over.
    } else {
      console.log(line); // Every other line, known or not.
    }
  }
} catch (err) {
  console.error(`Connection to ${host}:${port} failed: ${err.message}`);
  process.exitCode = 1;
}
socket.end(); // Close our side: the server closes its own after /quit.
keyboard.close();
