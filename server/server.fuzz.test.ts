/**
 * The game server over real sockets against random byte streams from several peers
 * at once, split at random points, mixed with honest players. Whatever arrives: the
 * server does not crash, no line it sends carries a control character or starts with
 * `/` (but `/turn` and `/quit`), every honest player's game ends with GAME_OVER, and
 * afterwards no connection is left and no table is waiting or playing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import net from 'node:net';
import { createGameServer, type GameServer } from './server.js';
import { format } from '../protocol/catalog.js';
import { readLines } from '../node/lines.js';
import { eventually } from '../test/support/eventually.js';

/** Runs of the property; FUZZ_RUNS scales them up for a long run. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 200;
const WORD = 'abba';
const PLAYERS = 2;
/** What no line from the server may hold: C0 but none, DEL, C1, bidi overrides and isolates, line separators. */
const FORBIDDEN = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

let server: GameServer;
let port: number;
const logs: string[] = [];

beforeAll(async () => {
  server = await createGameServer({
    host: '127.0.0.1',
    port: 0,
    players: PLAYERS,
    words: [WORD],
    lang: 'en',
    // A random peer may sit on its turn until it closes; honest players never wait long.
    turnSeconds: 0,
    // A random peer that drops leaves at once (§4), so honest players' tables never wait on its seat.
    seatGraceSeconds: 0,
    greetAfterMs: 60_000,
    log: (line) => void logs.push(line),
  });
  port = server.address().port;
});
afterAll(() => server.close());

/** A TCP peer that records every line it gets and when the server closed it. */
class Peer {
  readonly lines: string[] = [];
  readonly closed: Promise<void>;
  readonly socket: net.Socket;
  onLine: (line: string) => void = () => {};

  constructor() {
    this.socket = net.connect({ host: '127.0.0.1', port });
    this.socket.on('error', () => {});
    readLines(
      this.socket,
      (l) => {
        this.lines.push(l.text);
        this.onLine(l.text);
      },
      { maxLineBytes: 1 << 20, maxUnterminatedBytes: 1 << 22 },
    );
    this.closed = new Promise((resolve) => this.socket.once('close', () => resolve()));
  }
}

/** An honest player: sends its name, answers every /turn with the word, waits for the end. */
function honest(name: string): Peer {
  const p = new Peer();
  p.socket.write(name + '\n');
  p.onLine = (line) => {
    if (line === '/turn') p.socket.write(`/word ${WORD}\n`);
  };
  return p;
}

/** Pieces a hostile stream is built from: raw bytes, line ends, telnet, escapes, commands, long runs. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.uint8Array({ maxLength: 40 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      ...['\n', '\r', '\r\n', '\r\0', '\x1b[31m', '\x1b]0;x\x07', '\u202e', '\u2028', '\x85', '/', '/letter ', '/word ', '/turn', '/quit', 'b', 'a', 'abba', 'Ann', ' ', '/new ', 'players=1', '/words ', '/join ', '/watch ', '/back ', '/help', '/say ', '/start', '/leave', '/bot'].map((t) => Buffer.from(t)),
      // Telnet: WILL x, a subnegotiation left open, its end, an escaped 255.
      ...[[0xff, 0xfb, 0x01], [0xff, 0xfa, 0x18], [0xff, 0xf0], [0xff, 0xff]].map((b) => Buffer.from(b)),
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 70_000 }).map((n) => Buffer.alloc(n, 0x61)) },
);
const stream = fc.record({
  pieces: fc.array(piece, { maxLength: 25 }),
  /** Where the stream is cut into writes (fractions of its length). */
  cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
  /** How the peer goes: half-close after its last byte, or reset. */
  ending: fc.constantFrom('end', 'destroy'),
  /** A peer that never reads what the server sends. */
  reads: fc.boolean(),
});

type Stream = typeof stream extends fc.Arbitrary<infer T> ? T : never;

async function hostile(s: Stream): Promise<Peer> {
  const p = new Peer();
  if (!s.reads) p.socket.pause();
  const bytes = Buffer.concat(s.pieces);
  const at = [...new Set(s.cuts.map((c) => Math.floor(c * bytes.length)))].sort((a, b) => a - b);
  let from = 0;
  for (const to of [...at, bytes.length]) {
    if (to > from && !p.socket.destroyed) await new Promise<void>((resolve) => p.socket.write(bytes.subarray(from, to), () => resolve()));
    from = to;
  }
  // A peer that does not read would never see the server close: it goes by reset.
  if (s.ending === 'end' && s.reads) p.socket.end();
  else p.socket.destroy();
  return p;
}

function checkLines(p: Peer): void {
  for (const line of p.lines) {
    expect(line).not.toMatch(FORBIDDEN);
    if (line.startsWith('/')) expect(['/turn', '/quit']).toContain(line);
  }
}

describe('the server under random byte streams from several peers', () => {
  it('never crashes, sends no control character, and every honest player’s game ends', async () => {
    let games = 0;
    let seatedHostile = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stream, { minLength: 1, maxLength: 4 }), fc.nat(4), async (streams, honestAt) => {
        const peers: Peer[] = [];
        const players: Peer[] = [];
        // Honest players join among the hostile peers, at a random place.
        const sending: Promise<Peer>[] = streams.map((s) => hostile(s));
        players.push(honest('Ann'), honest('Bob'));
        if (honestAt % 2 === 0) sending.reverse();
        peers.push(...(await Promise.all(sending)));
        // A table still filling after the hostile peers are gone gets honest fillers.
        await Promise.all(peers.map((p) => p.closed));
        let fill = 0;
        for (;;) {
          await eventually(() => players.every((p) => p.lines.includes(format('en', 'STARTED')) || server.stats().waiting === 1), 'every honest player seated');
          if (players.every((p) => p.lines.includes(format('en', 'STARTED')))) break;
          players.push(honest(`Filler ${++fill}`));
          await eventually(() => players.at(-1)!.lines.length > 0, 'the filler seated');
        }
        await Promise.all(players.map((p) => p.closed));
        for (const p of players) {
          expect(p.lines).toContain(format('en', 'GAME_OVER'));
          expect(p.lines.at(-1)).toBe('/quit');
          games++;
        }
        for (const p of [...peers, ...players]) checkLines(p);
        seatedHostile += peers.filter((p) => p.lines.some((l) => l.endsWith(' joined the game'))).length;
        await eventually(() => server.stats().connections === 0, 'every connection closed');
        const stats = server.stats();
        expect(stats.playing).toBe(0);
        expect(stats.waiting).toBe(0);
      }),
      { numRuns: RUNS },
    );
    expect(games).toBeGreaterThanOrEqual(2 * RUNS);
    // The fuzz is not vacuous: random peers got seated and played at the honest players' tables.
    expect(seatedHostile).toBeGreaterThan(0);
    // Every table that started was finished or discarded: nothing is left playing.
    const stats = server.stats();
    expect(stats.finished + stats.discarded).toBeGreaterThanOrEqual(stats.started);
  }, 120_000);
});
