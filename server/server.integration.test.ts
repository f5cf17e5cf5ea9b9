/**
 * The game server over real sockets on 127.0.0.1, port 0: whole games, tables at
 * once, names, framing, limits and stopping (PROTOCOL.md §1–§4). Every wait is on
 * a line or an event, never on a timer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { GameServerOptions } from './server.js';
import { format, formatScores, type Lang, type MessageFields, type MessageId } from '../protocol/catalog.js';
import type { LineClient } from '../test/support/line-client.js';
import { gameServerPerTest, untilQuit } from '../test/support/game-server.js';
import { eventually } from '../test/support/eventually.js';
import { FakeClock } from '../test/support/fake-clock.js';
import { SOME_KEY, maskKeys } from '../test/support/seat-keys.js';

// §1–§4 as they stand: a dropped player leaves at once (seat grace 0). Kept seats: seats.test.ts.
const game = gameServerPerTest({ seatGraceSeconds: 0 });
let logs: string[] = [];
afterEach(() => {
  logs = [];
});

/** Per language: a four-letter word, a letter that opens two, a letter not in it, a wrong guess. */
const GAME = {
  en: { word: 'data', hit: 'a', afterHit: '*a*a', miss: 'z', wrong: 'date' },
  uk: { word: 'лапа', hit: 'а', afterHit: '*а*а', miss: 'ж', wrong: 'липа' },
} as const;

async function start(lang: Lang, opts: Partial<GameServerOptions> = {}): Promise<number> {
  return game.start({ words: [GAME[lang].word], lang, log: (line) => void logs.push(line), ...opts });
}

const player = (port: number, name?: string): Promise<LineClient> => game.player(port, name);
const rest = untilQuit;

/** Every byte a client receives, as it arrived. */
function rawBytes(c: LineClient): () => Buffer {
  const chunks: Buffer[] = [];
  c.socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks);
}

/** Waits until the server has closed the connection. */
async function closedBy(c: LineClient): Promise<void> {
  await c.closed;
}

const NAMES = ['Ann', 'Bob', 'Cid', 'Dan'];

/**
 * What each of n players sees in this script: players 1..n-1 each name a missing
 * letter, the last one opens two letters and then names the word.
 */
function transcript(lang: Lang, n: number): string[][] {
  const g = GAME[lang];
  const m = <Id extends MessageId>(id: Id, fields?: MessageFields<Id>) => format(lang, id, fields);
  const names = NAMES.slice(0, n);
  const out: string[][] = names.map(() => []);
  const all = (line: string) => out.forEach((lines) => lines.push(line));
  const to = (i: number, line: string) => out[i].push(line);
  const others = (i: number, line: string) => out.forEach((lines, j) => j !== i && lines.push(line));
  const scores = (pts: number[]) => m('SCORE', { scores: formatScores(names.map((name, i) => ({ name, points: pts[i] }))) });
  const points = names.map(() => 0);
  names.forEach((name, i) => {
    for (let j = 0; j <= i; j++) to(j, m('JOINED', { name }));
    // §8.3: the newcomer alone learns who sits here and its seat key.
    to(i, m('PLAYERS', { names: names.slice(0, i + 1).join(', ') }));
    to(i, m('SEAT_KEY', { key: SOME_KEY }));
    if (i < n - 1) for (let j = 0; j <= i; j++) to(j, m('WAITING', { k: i + 1, n }));
  });
  all(m('STARTED'));
  all(m('WORD', { mask: '****' }));
  const turn = (i: number) => {
    all(m('TURN_OF', { name: names[i] }));
    to(i, '/turn');
  };
  turn(0);
  for (let i = 0; i < n - 1; i++) {
    others(i, m('LETTER_NAMED', { letter: g.miss }));
    to(i, m('NO_LETTER'));
    all(m('WORD', { mask: '****' }));
    all(scores(points));
    turn(i + 1);
  }
  const last = n - 1;
  others(last, m('LETTER_NAMED', { letter: g.hit }));
  to(last, m('EARNED', { points: 2 }));
  all(m('WORD', { mask: g.afterHit }));
  points[last] = 2;
  all(scores(points));
  turn(last);
  others(last, m('WORD_NAMED', { word: g.word }));
  to(last, m('EARNED', { points: 2 }));
  to(last, m('WON'));
  all(m('WORD', { mask: g.word }));
  points[last] = 8;
  all(scores(points));
  all(m('GAME_OVER'));
  names.forEach((name, i) => all(m('RESULT', { name, points: points[i] })));
  all('/quit');
  return out;
}

describe.each(['en', 'uk'] as const)('the game server (--lang %s)', (lang) => {
  const g = GAME[lang];
  const m = <Id extends MessageId>(id: Id, fields?: MessageFields<Id>) => format(lang, id, fields);

  /** Seats players in join order; each waits for its own JOINED so the order is known. */
  async function seat(port: number, names: string[]): Promise<LineClient[]> {
    const seated: LineClient[] = [];
    for (const name of names) {
      const c = await player(port, name);
      await c.waitFor(m('JOINED', { name }));
      seated.push(c);
    }
    return seated;
  }

  describe('whole games (§3)', () => {
    it.each([1, 2, 3, 4])('plays a game of %i over raw TCP, line for line, and closes every connection', async (n) => {
      const port = await start(lang, { players: n });
      const ps = await seat(port, NAMES.slice(0, n));
      for (let i = 0; i < n - 1; i++) {
        await ps[i].waitFor('/turn');
        ps[i].send(`/letter ${g.miss}`);
      }
      await ps[n - 1].waitFor('/turn');
      ps[n - 1].send(`/letter ${g.hit}`);
      await ps[n - 1].waitFor('/turn');
      ps[n - 1].send(`/word ${g.word}`);
      await Promise.all(ps.map((c) => rest(c)));
      const expected = transcript(lang, n);
      ps.forEach((c, i) => expect(maskKeys(c.lines)).toEqual(expected[i]));
      // The server ends each connection after /quit.
      await Promise.all(ps.map(closedBy));
      await eventually(() => game.server.stats().connections === 0, 'every connection to be counted closed');
      expect(game.server.stats()).toMatchObject({ connections: 0, waiting: 0, playing: 0, started: 1, finished: 1, discarded: 0 });
    });

    it('seats a late joiner at the next table, tells it it is waiting, and the first game goes on', async () => {
      const port = await start(lang);
      const [ann, bob] = await seat(port, ['Ann', 'Bob']);
      await ann.waitFor('/turn');
      const cid = await player(port, 'Cid');
      expect(await cid.next()).toBe(m('JOINED', { name: 'Cid' }));
      expect(await cid.next()).toBe(m('PLAYERS', { names: 'Cid' }));
      await cid.next(); // SEAT_KEY
      expect(await cid.next()).toBe(m('WAITING', { k: 1, n: 2 }));
      expect(game.server.stats()).toMatchObject({ waiting: 1, playing: 1 });
      ann.send(`/word ${g.word}`);
      await Promise.all([rest(ann), rest(bob)]);
      for (const c of [ann, bob]) expect(c.lines.join('\n')).not.toContain('Cid');
      const dan = await player(port, 'Dan');
      await dan.waitFor(m('STARTED'));
      expect(await cid.waitFor(m('TURN_OF', { name: 'Cid' }))).toBeTruthy();
      expect(await cid.next()).toBe('/turn');
      expect(game.server.stats()).toMatchObject({ waiting: 0, playing: 1, started: 2, finished: 1 });
    });

    it('runs many tables at once: 40 clients connecting together all get STARTED', async () => {
      const port = await start(lang);
      const many = await Promise.all(Array.from({ length: 40 }, (_, i) => player(port, `P${i}`)));
      await Promise.all(many.map((c) => c.waitFor(m('STARTED'))));
      expect(game.server.stats()).toMatchObject({ connections: 40, waiting: 0, playing: 20, started: 20 });
      // Each table has its own game: the first player of each has the turn.
      await eventually(() => many.filter((c) => c.lines.includes('/turn')).length === 20, 'the first player at each table to get /turn');
      for (const c of many) c.close();
      await eventually(() => game.server.stats().connections === 0, 'all 40 to be gone');
      expect(game.server.stats()).toMatchObject({ waiting: 0, playing: 0, discarded: 20 });
    });
  });

  describe('no game stalls (§4)', () => {
    it('a player who disconnects in turn: LEFT, and the turn passes', async () => {
      const port = await start(lang, { players: 3 });
      const [ann, bob, cid] = await seat(port, ['Ann', 'Bob', 'Cid']);
      await ann.waitFor('/turn');
      ann.close();
      for (const c of [bob, cid]) {
        await c.waitFor(m('LEFT', { name: 'Ann' }));
        expect(await c.next()).toBe(m('TURN_OF', { name: 'Bob' }));
      }
      expect(await bob.next()).toBe('/turn');
      bob.send(`/letter ${g.miss}`);
      await bob.waitFor(m('SCORE', { scores: 'Bob 0, Cid 0' }));
    });

    it('a player who does not move within turnSeconds: TIMEOUT to all, the turn passes', async () => {
      // The turn clock runs by hand: Ann's turn ends when the test says, and Bob's cannot end before Ann moves again.
      const clock = new FakeClock();
      const port = await start(lang, { turnSeconds: 1, clock });
      const [ann, bob] = await seat(port, ['Ann', 'Bob']);
      await ann.waitFor('/turn');
      clock.advance(1000);
      for (const c of [ann, bob]) {
        await c.waitFor(m('TIMEOUT', { name: 'Ann' }));
        expect(await c.next()).toBe(m('TURN_OF', { name: 'Bob' }));
        expect(await c.next()).toBe(m('CLOCK', { seconds: 1 }));
      }
      expect(await bob.next()).toBe('/turn');
      // Ann's turn is over: her move now is out of turn.
      ann.send(`/letter ${g.hit}`);
      expect(await ann.next()).toBe(m('NOT_YOUR_TURN'));
    });

    it('a table whose players all leave before it fills is discarded', async () => {
      const port = await start(lang, { players: 3 });
      const [ann, bob] = await seat(port, ['Ann', 'Bob']);
      ann.close();
      await bob.waitFor(m('LEFT', { name: 'Ann' }));
      expect(await bob.next()).toBe(m('WAITING', { k: 1, n: 3 }));
      bob.close();
      await eventually(() => game.server.stats().connections === 0);
      expect(game.server.stats()).toMatchObject({ waiting: 0, playing: 0, discarded: 1 });
    });
  });

  describe('names (§4)', () => {
    it.each([
      ['an empty name', '', 'NO_NAME'],
      ['a name of white space', '   ', 'NO_NAME'],
      ['a name of control characters only', '\x1b[1m\x07', 'NO_NAME'],
      ['a name starting with "/"', '/x', 'BAD_NAME'],
      ['a "/" behind an escape sequence', '\x1b[1m/x', 'BAD_NAME'],
    ] as const)('%s: the reply, then the connection is closed', async (_what, name, id) => {
      const port = await start(lang);
      const c = await player(port, name);
      expect(await c.next()).toBe(m(id));
      await closedBy(c);
      expect(c.lines).toEqual([m(id)]);
      await eventually(() => game.server.stats().connections === 0);
    });

    it('a taken name gets a suffix and RENAMED first', async () => {
      const port = await start(lang, { players: 3 });
      const ann = await player(port, 'Ann');
      await ann.waitFor(m('WAITING', { k: 1, n: 3 }));
      const ann2 = await player(port, 'Ann');
      expect(await ann2.next()).toBe(m('RENAMED', { name: 'Ann 2' }));
      expect(await ann2.next()).toBe(m('JOINED', { name: 'Ann 2' }));
      expect(await ann.next()).toBe(m('JOINED', { name: 'Ann 2' }));
    });

    it('cuts a name to 32 code points', async () => {
      const port = await start(lang);
      const long = lang === 'uk' ? 'Ярослава'.repeat(5) : '🦊'.repeat(40);
      const c = await player(port, long);
      const cut = [...long].slice(0, 32).join('');
      expect(await c.next()).toBe(m('JOINED', { name: cut }));
    });

    it('closes a client that sends no name in time', async () => {
      const port = await start(lang, { nameTimeoutMs: 50 });
      const c = await player(port);
      expect(await c.next()).toBe(m('NAME_TIMEOUT'));
      await closedBy(c);
      expect(c.lines).toEqual([m('NAME_TIMEOUT')]);
    });

    it('greets a silent client (WELCOME, HOW_TO_PLAY), and never one that sent its name at once', async () => {
      // Real timers: half a second is room enough for Ann's name to be read on a busy machine.
      const port = await start(lang, { greetAfterMs: 500 });
      const ann = await player(port, 'Ann');
      const silent = await player(port);
      expect(await silent.next()).toBe(m('WELCOME'));
      expect(await silent.next()).toBe(m('HOW_TO_PLAY'));
      // Ann's greeting timer, had it not been stopped, ran out before the silent one's.
      silent.send('Bob');
      await silent.waitFor(m('STARTED'));
      await ann.waitFor('/turn');
      expect(maskKeys(ann.lines)).toEqual([
        m('JOINED', { name: 'Ann' }),
        m('PLAYERS', { names: 'Ann' }),
        m('SEAT_KEY', { key: SOME_KEY }),
        m('WAITING', { k: 1, n: 2 }),
        m('JOINED', { name: 'Bob' }),
        m('STARTED'),
        m('WORD', { mask: '****' }),
        m('TURN_OF', { name: 'Ann' }),
        '/turn',
      ]);
    });

    it('a greeted client that still sends no name is closed after the name time', async () => {
      const port = await start(lang, { greetAfterMs: 10, nameTimeoutMs: 60 });
      const c = await player(port);
      await closedBy(c);
      expect(c.lines).toEqual([m('WELCOME'), m('HOW_TO_PLAY'), m('NAME_TIMEOUT')]);
    });
  });

  describe('text from players (§2, §4)', () => {
    it('never passes a control character to other players, in names, letters or words', async () => {
      const port = await start(lang);
      const bob = await player(port);
      const raw = rawBytes(bob);
      bob.send('Bob');
      await bob.waitFor(m('WAITING', { k: 1, n: 2 }));
      const ann = await player(port, '\x1b[31mA\x07n\x00n\x1b]0;owned\x07\u0085\x7f\x1b[0m');
      await bob.waitFor('/turn');
      bob.send(`/letter ${g.miss}`);
      await ann.waitFor('/turn');
      ann.send(`/letter \x1b[1m${g.hit}\x9b0m`);
      await ann.waitFor('/turn');
      ann.send(`/word \x1b]8;;http://x\x1b\\${g.wrong}\x08\x7f`);
      await bob.waitFor('/turn');
      bob.send(`/word ${g.word}`);
      await rest(bob);
      expect(bob.lines).toContain(m('JOINED', { name: 'Ann' }));
      expect(bob.lines).toContain(m('LETTER_NAMED', { letter: g.hit }));
      expect(bob.lines).toContain(m('WORD_NAMED', { word: g.wrong }));
      const bytes = raw();
      const bad = [...bytes].filter((b) => (b < 0x20 && b !== 0x0a) || b === 0x7f);
      expect(bad).toEqual([]);
      expect(bytes.toString('utf8')).not.toMatch(/[\u0080-\u009f]/);
    });

    it('replaces invalid UTF-8 by U+FFFD, and survives it', async () => {
      const port = await start(lang);
      const ann = await player(port);
      ann.write(Buffer.from([0x41, 0xc3, 0x28, 0x6e, 0x80, 0x6e, 0x0a]));
      expect(await ann.next()).toBe(m('JOINED', { name: 'A\ufffd(n\ufffdn' }));
      const bob = await player(port, 'Bob');
      await ann.waitFor('/turn');
      ann.write(Buffer.concat([Buffer.from('/letter '), Buffer.from([0xe2, 0x28]), Buffer.from('\n')]));
      expect(await ann.next()).toBe(m('NOT_A_LETTER'));
      expect(await ann.next()).toBe('/turn');
      ann.write(Buffer.concat([Buffer.from('/word '), Buffer.from([0xf0, 0x9f]), Buffer.from('\n')]));
      const prefix = m('WORD_NAMED', { word: '' }).slice(0, -2);
      expect(await bob.waitFor((l) => l.startsWith(prefix))).toBe(m('WORD_NAMED', { word: '\ufffd' }));
      await bob.waitFor('/turn');
      bob.send(`/word ${g.word}`);
      await Promise.all([rest(ann), rest(bob)]);
    });

    it('drops telnet IAC sequences from the name and from commands', async () => {
      const IAC = 0xff;
      const port = await start(lang);
      const ann = await player(port);
      ann.write(
        Buffer.concat([
          Buffer.from([IAC, 0xfb, 0x1f]), // IAC WILL NAWS
          Buffer.from([IAC, 0xfa, 0x1f, 0, 80, 0, 24, IAC, 0xf0]), // IAC SB NAWS 80x24 IAC SE
          Buffer.from('A'),
          Buffer.from([IAC, 0xfd, 0x01]), // IAC DO ECHO
          Buffer.from('n'),
          Buffer.from([IAC, 0xf1]), // IAC NOP
          Buffer.from('n\r\n'),
        ]),
      );
      expect(await ann.next()).toBe(m('JOINED', { name: 'Ann' }));
      const bob = await player(port);
      // IAC IAC is one byte 255: not UTF-8, so U+FFFD.
      bob.write(Buffer.concat([Buffer.from('Bo'), Buffer.from([IAC, IAC]), Buffer.from('b\r\n')]));
      expect(await bob.next()).toBe(m('JOINED', { name: 'Bo\ufffdb' }));
      await ann.waitFor('/turn');
      ann.write(Buffer.concat([Buffer.from([IAC, 0xfe, 0x22]), Buffer.from('/let'), Buffer.from([IAC, 0xf1]), Buffer.from(`ter ${g.hit}\r\n`)]));
      expect(await ann.next()).toBe(m('EARNED', { points: 2 }));
    });
  });

  describe('framing (§1)', () => {
    it('accepts CRLF, a lone CR and CR NUL as line ends', async () => {
      const port = await start(lang, { players: 1 });
      const ann = await player(port);
      ann.send('Ann', '\r\n');
      expect(await ann.next()).toBe(m('JOINED', { name: 'Ann' }));
      await ann.waitFor('/turn');
      ann.send(`/letter ${g.miss}`, '\r');
      expect(await ann.next()).toBe(m('NO_LETTER'));
      await ann.waitFor('/turn');
      ann.send(`/letter ${g.hit}`, '\r\0');
      expect(await ann.next()).toBe(m('EARNED', { points: 2 }));
      await ann.waitFor('/turn');
      ann.send(`/letter ${g.hit}`, '\r\n');
      expect(await ann.next()).toBe(m('ALREADY_OPEN'));
      expect(await ann.next()).toBe(m('TURN_OF', { name: 'Ann' }));
      expect(await ann.next()).toBe('/turn');
      // Each of those was one line: nothing was answered twice.
      expect(ann.lines.filter((l) => l === m('NO_LETTER'))).toHaveLength(1);
    });

    it('puts together a line split across many writes, a CR/LF pair and a character split too', async () => {
      const port = await start(lang, { players: 1 });
      const ann = await player(port, 'Ann');
      await ann.waitFor('/turn');
      const bytes = Buffer.from(`/letter ${g.hit}\r\n`);
      for (const b of bytes) await new Promise<void>((resolve) => ann.socket.write(Buffer.from([b]), () => resolve()));
      expect(await ann.next()).toBe(m('EARNED', { points: 2 }));
    });

    it('takes several lines in one write, in order', async () => {
      const port = await start(lang, { players: 1 });
      const ann = await player(port);
      ann.write(`Ann\n/letter ${g.hit}\n/letter ${g.hit}\n/letter ${g.miss}\n`);
      await ann.waitFor(m('EARNED', { points: 2 }));
      await ann.waitFor(m('ALREADY_OPEN'));
      await ann.waitFor(m('NO_LETTER'));
      expect(ann.lines.filter((l) => l === '/turn')).toHaveLength(4);
    });

    it('a line of 1025 bytes: LINE_TOO_LONG (and /turn in turn), not acted on; the connection survives', async () => {
      const port = await start(lang);
      const [ann, bob] = await seat(port, ['Ann', 'Bob']);
      await ann.waitFor('/turn');
      // Would be a winning word if it were acted on.
      const over = `/word ${g.word}`.padEnd(1025, ' ') + 'x';
      expect(Buffer.byteLength(over)).toBeGreaterThan(1024);
      ann.send(over);
      expect(await ann.next()).toBe(m('LINE_TOO_LONG'));
      expect(await ann.next()).toBe('/turn');
      await bob.waitFor(m('TURN_OF', { name: 'Ann' }));
      bob.send('/'.padEnd(1025, 'x'));
      expect(await bob.next()).toBe(m('LINE_TOO_LONG'));
      // 1024 bytes is not too long; a cut-off line is followed by lines that count.
      bob.send('/'.padEnd(1024, 'y'));
      expect(await bob.next()).toBe(m('NO_COMMAND', { command: 'y'.repeat(1023) }));
      ann.send(`/letter ${g.miss}`);
      expect(await ann.next()).toBe(m('NO_LETTER'));
      expect(bob.lines).not.toContain(m('WORD_NAMED', { word: g.word }));
    });

    it('disconnects a peer that sends more than 64 KiB without a line end', async () => {
      const port = await start(lang);
      const [ann, bob] = await seat(port, ['Ann', 'Bob']);
      bob.write('x'.repeat(64 * 1024 + 1));
      await closedBy(bob);
      await ann.waitFor(m('LEFT', { name: 'Bob' }));
    });

    it('ignores empty lines after the name', async () => {
      const port = await start(lang);
      const [ann] = await seat(port, ['Ann', 'Bob']);
      await ann.waitFor('/turn');
      ann.write(`\n\r\n   \n\t\n\x1b[0m\n/letter ${g.miss}\n`);
      expect(await ann.next()).toBe(m('NO_LETTER'));
    });

    it('answers commands before the game starts with NOT_YOUR_TURN, and no /turn', async () => {
      const port = await start(lang);
      const ann = await player(port, 'Ann');
      await ann.waitFor(m('WAITING', { k: 1, n: 2 }));
      ann.send(`/letter ${g.hit}`);
      ann.send(`/word ${g.word}`);
      expect(await ann.next()).toBe(m('NOT_YOUR_TURN'));
      expect(await ann.next()).toBe(m('NOT_YOUR_TURN'));
      expect(maskKeys(ann.lines)).toEqual([
        m('JOINED', { name: 'Ann' }),
        m('PLAYERS', { names: 'Ann' }),
        m('SEAT_KEY', { key: SOME_KEY }),
        m('WAITING', { k: 1, n: 2 }),
        m('NOT_YOUR_TURN'),
        m('NOT_YOUR_TURN'),
      ]);
      // The game did not start, nor was the word taken: it starts with Bob as usual.
      const bob = await player(port, 'Bob');
      await bob.waitFor(m('STARTED'));
      expect(await ann.next()).toBe(m('JOINED', { name: 'Bob' }));
      expect(await ann.next()).toBe(m('STARTED'));
      expect(await ann.next()).toBe(m('WORD', { mask: '****' }));
    });
  });

  describe('limits and stopping', () => {
    it('close() tells every player STOPPING, then /quit, and closes', async () => {
      const port = await start(lang);
      const [ann, bob] = await seat(port, ['Ann', 'Bob']);
      const cid = await player(port, 'Cid');
      const silent = await player(port);
      await ann.waitFor('/turn');
      await cid.waitFor(m('WAITING', { k: 1, n: 2 }));
      const closing = game.server.close();
      for (const c of [ann, bob, cid, silent]) {
        await c.waitFor(m('STOPPING'));
        expect(await c.next()).toBe('/quit');
        await closedBy(c);
      }
      await closing; // closing again after the test is harmless: close() is idempotent
    });

    it('a player who never reads its output is cut off, and the others play on unaffected', async () => {
      // No pause: the server goes on reading Fay, so her unread replies pile up until the cut-off.
      const port = await start(lang, { players: 3, limits: { pauseOutputBytes: 2 ** 40, maxOutputBytes: 64 * 1024 } });
      const [ann, bob] = await seat(port, ['Ann', 'Bob']);
      const fay = await player(port);
      fay.socket.pause(); // reads nothing from here on
      fay.send('Fay');
      await ann.waitFor('/turn');
      // Fay floods lines that each get a long reply (NO_COMMAND echoes the command).
      const chunk = ('/' + 'x'.repeat(1000) + '\n').repeat(1024);
      let fayClosed = false;
      void fay.closed.then(() => (fayClosed = true));
      const ROUNDS = 128; // 128 MiB of input, as much in replies: far past every limit
      let rounds = 0;
      while (rounds < ROUNDS && !fayClosed) {
        rounds++;
        if (!fay.socket.write(chunk)) await Promise.race([new Promise((r) => fay.socket.once('drain', r)), fay.closed]);
      }
      expect(fayClosed, `the server still took Fay's input after ${rounds} MiB`).toBe(true);
      expect(logs.some((l) => l.includes('does not read its output'))).toBe(true);
      for (const c of [ann, bob]) await c.waitFor(m('LEFT', { name: 'Fay' }));
      // Ann and Bob play a whole game.
      ann.send(`/letter ${g.hit}`);
      await ann.waitFor('/turn');
      ann.send(`/letter ${g.miss}`);
      await bob.waitFor('/turn');
      bob.send(`/word ${g.word}`);
      const [annEnd, bobEnd] = await Promise.all([rest(ann), rest(bob)]);
      expect(annEnd.slice(-4)).toEqual([m('GAME_OVER'), m('RESULT', { name: 'Ann', points: 2 }), m('RESULT', { name: 'Bob', points: 6 }), '/quit']);
      expect(bobEnd).toContain(m('WON'));
      await eventually(() => game.server.stats().connections === 0, 'every connection to be closed');
    });

    it('a player who reads but sends a burst of wrong lines in one write keeps its connection and gets every reply', async () => {
      const port = await start(lang, { players: 1 });
      const ann = await player(port, 'Ann');
      await ann.waitFor('/turn');
      // 64 KiB of one-character lines: one read for the server, a reply and /turn for each.
      const burst = 'x\n'.repeat(32 * 1024);
      ann.write(burst + burst);
      ann.send(`/letter ${g.hit}`);
      expect(await ann.waitFor((l) => l !== m('UNEXPECTED', { name: 'Ann' }) && l !== '/turn')).toBe(m('EARNED', { points: 2 }));
      expect(ann.lines.filter((l) => l === m('UNEXPECTED', { name: 'Ann' }))).toHaveLength(64 * 1024);
      expect(logs.some((l) => l.includes('does not read'))).toBe(false);
    });

    it('tells connections over maxConnections SERVER_FULL and closes them; the others play on', async () => {
      const port = await start(lang, { maxConnections: 2 });
      const [ann, bob] = await seat(port, ['Ann', 'Bob']);
      const third = await player(port, 'Cid');
      expect(await third.next()).toBe(m('SERVER_FULL'));
      await closedBy(third);
      expect(third.lines).toEqual([m('SERVER_FULL')]);
      await ann.waitFor('/turn');
      ann.send(`/word ${g.word}`);
      await Promise.all([rest(ann), rest(bob)]);
    });
  });
});
