/**
 * The lobby command parser under random lines (PROTOCOL.md §8.1), over real
 * sockets: commands with random arguments, codes and keys of real rooms and seats,
 * settings and word lists good and bad. Whatever comes: the server answers every
 * line with lines of its catalogue, in order, closes the connection exactly when
 * the contract says so (an unknown command, /leave, too many wrong keys), and
 * otherwise the client is still in the lobby and served.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createGameServer, type GameServer } from './server.js';
import { format, parseMessage } from '../protocol/catalog.js';
import { connectLines, type LineClient } from '../test/support/line-client.js';
import { openRoom, seatKey } from '../test/support/room-lines.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 150;

let server: GameServer;
let port: number;
let code = '';
let key = '';
const keepers: LineClient[] = [];

beforeAll(async () => {
  server = await createGameServer({ host: '127.0.0.1', port: 0, players: 2, words: ['data'], lang: 'en', turnSeconds: 0, greetAfterMs: 60_000, lobbyLimits: { newRoomsPerMinute: 1_000_000, maxRooms: 1_000_000 } });
  port = server.address().port;
  // A real room and a real seat, so that /join, /watch and /back sometimes hit.
  const ann = await connectLines(port);
  keepers.push(ann);
  code = await openRoom(ann, 'players=10');
  ann.send('Ann');
  key = await seatKey(ann);
});
afterAll(async () => {
  for (const c of keepers) c.close();
  await server.close();
});

const word = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('apple', "o'clock", 'x-ray', 'КІТ', '42', '-a', 'a--b', '🙂'));
const arg = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', ' ', 'players=3', 'players=0', 'turn=4', 'lang=uk', 'lang=fr', 'bots=1', 'pause=61', 'x=y', '=', 'players'),
  fc.array(word, { maxLength: 6 }).map((ws) => ws.join(' ')),
  fc.constant('CODE'),
  fc.constant('KEY'),
);
const command = fc.constantFrom('new', 'words', 'join', 'watch', 'back', 'help', 'leave', 'NEW', 'hello', 'say', 'letter', '', 'start', 'bot');
const line = fc.tuple(command, arg).map(([c, a]) => (a === '' ? `/${c}` : `/${c} ${a}`));

/** Whether a lobby line closes the connection by the contract (wrong keys aside). */
function closes(l: string): boolean {
  const name = /^\/(\S*)/.exec(l)![1];
  return !['new', 'words', 'join', 'watch', 'back', 'help'].includes(name);
}

describe('the lobby under random command lines', () => {
  it('answers every line with catalogue lines, in order, and closes exactly when the contract says', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), async (raw) => {
        const lines = raw.map((l) => l.replace('CODE', code.toLowerCase()).replace('KEY', key));
        const c = await connectLines(port);
        try {
          // Up to the first line that ends the lobby: a closing command, a /watch or /back that worked.
          for (const [i, l] of lines.entries()) {
            c.send(l);
            if (closes(l)) {
              await c.closed;
              break;
            }
            // A marker after each line: its answer (a room that does not exist) comes after this line's own.
            const marker = format('en', 'NO_ROOM', { code: `MARK${i}` });
            c.send(`/join mark${i}`);
            const reply = await c.waitFor((x) => x === marker || x === format('en', 'TOO_MANY_KEYS') || x === format('en', 'WATCHING', { code }) || x.startsWith('You are back as'));
            // Out of the lobby (watching, back in a seat) or cut off: the lobby part is over.
            if (reply !== marker) break;
          }
          for (const got of c.lines) {
            if (got === '/quit' || got === '/turn') continue;
            expect(got.startsWith('/'), got).toBe(false);
            expect(parseMessage(got), `not a catalogue line: ${JSON.stringify(got)}`).not.toBeNull();
          }
        } finally {
          c.close();
        }
      }),
      { numRuns: RUNS, timeout: 5000 },
    );
    // The real seat may have been taken over by a /back; the server still serves a new player.
    const z = await connectLines(port, 'Zed');
    expect(await z.next()).toBe(format('en', 'JOINED', { name: 'Zed' }));
    z.close();
  }, 120_000);
});
