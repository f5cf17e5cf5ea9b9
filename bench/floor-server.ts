/**
 * The floor: the bench's flat-out traffic (bench/bots.ts) served with no game at
 * all, to measure what Node's own sockets cost for it. The kernel's loopback writes
 * and Node's net.Socket cost the same under any server on Node; what the game server
 * spends a move above this program is ours (the lobby, the rules, the wording).
 *
 * It speaks just enough of the protocol for the bots, with the game server's English
 * lines (protocol/catalog.ts) in the same count and order, and writes the way the
 * server does: no delay, one Buffer a player a move. No word, no rules, no checks:
 * every move passes the turn on, and games last as many moves as the server's on average.
 *
 * `node --import tsx bench/floor-server.ts` prints `floor listening on 127.0.0.1:PORT`.
 */
import net from 'node:net';
import { LISTEN_BACKLOG } from '../node/ports.js';

/**
 * Moves in a game of the bench: the bots name letters in frequency order, so a word
 * takes as many moves as the rank of its rarest letter; over game/words/en.txt that is
 * 16.8 on average, as a real server's moves/s over its games/s under the bots reads.
 */
const MOVES_PER_GAME = 17;
/**
 * Games are 17 ± this many moves long, in turn (the words' own spread is ±4 about the
 * mean): with games of one length, the tables that start together end together, and
 * their players' reconnecting comes in waves that leave half the tables idle.
 */
const MOVES_SPREAD = 6;
const TABLE_SIZE = 4;
/** About the bench's words (6 letters on average), and a seat key of the server's shape. */
const MASK = '******';
const WORD = 'abcdef';
const SEAT_KEY = 'ABCD2345';
/** The bots' guesses hit about a third of the time: then the mover reads its points, else that the letter is not there. */
const HIT_EVERY = 3;

interface Player {
  readonly socket: net.Socket;
  name: string | null;
  table: Table | null;
  /** The part of a line not yet ended. */
  rest: string;
}

interface Table {
  readonly players: readonly Player[];
  /** Built once: no game, so the scores never change. */
  readonly score: string;
  readonly results: string;
  /** This game's length. */
  readonly moves: number;
  turn: number;
  moved: number;
}

/** Players who gave a name, waiting for the table to fill. */
let filling: Player[] = [];
let tables = 0;

const server = net.createServer((socket) => {
  // As the server does: a move's answer leaves at once, not after Nagle's wait.
  socket.setNoDelay(true);
  const player: Player = { socket, name: null, table: null, rest: '' };
  socket.on('data', (chunk: Buffer) => {
    const lines = (player.rest + chunk.toString('latin1')).split('\n');
    player.rest = lines.pop()!;
    for (const line of lines) onLine(player, line);
  });
  // A player gone before its table filled leaves the seat free; the bots never leave a game before its end.
  socket.on('close', () => {
    if (player.table === null) filling = filling.filter((p) => p !== player);
  });
  socket.on('error', () => {});
});

/** One write a player, as the server's tick gathers its lines into one Buffer. */
function send(player: Player, text: string): void {
  if (!player.socket.destroyed) player.socket.write(Buffer.from(text));
}

/** A name, or a move: whatever it names, the table reads it, and the turn passes on. */
function onLine(player: Player, line: string): void {
  if (player.name === null) return seat(player, line);
  const t = player.table;
  if (t === null || t.players[t.turn] !== player) return;
  const letter = line.slice('/letter '.length);
  const mover = ++t.moved % HIT_EVERY === 0 ? 'You earned points: 1\n' : 'No such letter\n';
  if (t.moved === t.moves) {
    const end = `Word: ${WORD}\n${t.score}The game is over!\n${t.results}/quit\n`;
    for (const p of t.players) send(p, p === player ? `You earned points: 1\nCongratulations! You won!!!\n${end}` : `Letter named: '${letter}'\n${end}`);
    for (const p of t.players) p.socket.end();
    return;
  }
  t.turn = (t.turn + 1) % TABLE_SIZE;
  const next = t.players[t.turn];
  const tail = `Word: ${MASK}\n${t.score}Turn: ${next.name}\n`;
  for (const p of t.players) send(p, (p === player ? mover : `Letter named: '${letter}'\n`) + tail + (p === next ? '/turn\n' : ''));
}

/** The name: the newcomer is seated, and its table told, as the server does; the fourth starts the game. */
function seat(player: Player, name: string): void {
  player.name = name;
  filling.push(player);
  const names = filling.map((p) => p.name!);
  const full = filling.length === TABLE_SIZE;
  const tail = full ? `The game has started!\nWord: ${MASK}\nTurn: ${names[0]}\n` : `Waiting for players: ${filling.length} of ${TABLE_SIZE}\n`;
  const mine = `At the table: ${names.join(', ')}\nYour seat key: ${SEAT_KEY} (if you lose the connection, reconnect and type /back ${SEAT_KEY})\n`;
  for (const p of filling) send(p, `${name} joined the game\n${p === player ? mine : ''}${tail}${full && p === filling[0] ? '/turn\n' : ''}`);
  if (!full) return;
  const table: Table = {
    players: filling,
    score: `Score: ${names.map((n) => `${n} 0`).join(', ')}\n`,
    results: names.map((n) => `${n} 0\n`).join(''),
    moves: MOVES_PER_GAME - MOVES_SPREAD + (tables++ % (2 * MOVES_SPREAD + 1)),
    turn: 0,
    moved: 0,
  };
  for (const p of filling) p.table = table;
  filling = [];
}

server.listen({ port: 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG }, () => console.log(`floor listening on 127.0.0.1:${(server.address() as net.AddressInfo).port}`));
