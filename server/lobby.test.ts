/**
 * Lobby commands before the name (PROTOCOL.md §8.1) over real sockets, in both
 * languages: /new with its settings, /words, /join, /help, the rule for unknown
 * ones, and the limits on rooms.
 */
import { describe, expect, it } from 'vitest';
import type { GameServerOptions } from './server.js';
import type { Lang } from '../protocol/catalog.js';
import { gameServerPerTest } from '../test/support/game-server.js';
import { FakeClock } from '../test/support/fake-clock.js';
import { CODE, KEY, fieldsOf, openRoom, seatKey, wording } from '../test/support/room-lines.js';
import { maskKeys, SOME_KEY } from '../test/support/seat-keys.js';

const game = gameServerPerTest();
const other = (lang: Lang): Lang => (lang === 'en' ? 'uk' : 'en');

describe.each(['en', 'uk'] as const)('the lobby (--lang %s)', (lang) => {
  const m = wording(lang);
  const start = (opts: Partial<GameServerOptions> = {}) => game.start({ lang, words: [lang === 'en' ? 'data' : 'лапа'], ...opts });

  describe('/new and /join', () => {
    it('opens a room under a code; the name seats its creator there; /join CODE and a name seat a friend; the game starts when the seats are taken', async () => {
      const port = await start();
      const ann = await game.player(port);
      ann.send('/new');
      const opened = await ann.next();
      const code = /\b([2-9A-Z]{5})\b/.exec(opened)![1];
      expect(code).toMatch(CODE);
      expect(opened).toBe(m('ROOM_OPENED', { code }));
      ann.send('Ann');
      expect(maskKeys([await ann.next(), await ann.next(), await ann.next(), await ann.next()])).toEqual([
        m('JOINED', { name: 'Ann' }),
        m('PLAYERS', { names: 'Ann' }),
        m('SEAT_KEY', { key: SOME_KEY }),
        m('WAITING', { k: 1, n: 2 }),
      ]);
      // Codes are read back in any case.
      const bob = await game.player(port);
      bob.send(`/join ${code.toLowerCase()}`);
      expect(await bob.next()).toBe(m('ROOM_READY', { code }));
      bob.send('Bob');
      expect(await bob.next()).toBe(m('JOINED', { name: 'Bob' }));
      expect(await bob.next()).toBe(m('PLAYERS', { names: 'Ann, Bob' }));
      expect(await seatKey(bob)).toMatch(KEY);
      expect(await bob.next()).toBe(m('STARTED'));
      expect(await ann.next()).toBe(m('JOINED', { name: 'Bob' }));
      expect(await ann.next()).toBe(m('STARTED'));
      // The public table is not where they sit.
      expect(game.server.stats()).toMatchObject({ rooms: 1, waiting: 0, playing: 0 });
    });

    it('a client may send any number of lobby commands before its name, and stays connected after every refusal', async () => {
      const port = await start();
      const c = await game.player(port);
      c.send('/join 22222');
      expect(await c.next()).toBe(m('NO_ROOM', { code: '22222' }));
      c.send('/new players=0');
      expect(await c.next()).toBe(m('BAD_SETTING', { setting: 'players=0' }));
      c.send('/words cat');
      expect(await c.next()).toBe(m('BAD_COMMAND', { line: '/words cat' }));
      c.send('/back ABCDEFGH');
      expect(await c.next()).toBe(m('NO_SEAT'));
      c.send('/join');
      expect(await c.next()).toBe(m('BAD_COMMAND', { line: '/join' }));
      c.send('/watch nope');
      expect(await c.next()).toBe(m('NO_ROOM', { code: 'NOPE' }));
      // Then a name: the public table, as §3.
      c.send('Cid');
      expect(await c.next()).toBe(m('JOINED', { name: 'Cid' }));
    });

    it('BAD_SETTING names each bad key=value exactly as typed, and opens nothing', async () => {
      const port = await start();
      const c = await game.player(port);
      c.send('/new players=3 turn=2 colour=red bots=9');
      expect([await c.next(), await c.next(), await c.next()]).toEqual([
        m('BAD_SETTING', { setting: 'turn=2' }),
        m('BAD_SETTING', { setting: 'colour=red' }),
        m('BAD_SETTING', { setting: 'bots=9' }),
      ]);
      expect(game.server.stats().rooms).toBe(0);
      // Nothing opened: the name goes to the public table.
      c.send('Ann');
      expect(await c.next()).toBe(m('JOINED', { name: 'Ann' }));
      expect(game.server.stats()).toMatchObject({ rooms: 0, waiting: 1 });
    });

    it('a room takes its settings: seats, turn clock and pause', async () => {
      const port = await start();
      const ann = await game.player(port);
      const code = await openRoom(ann, 'players=3 turn=30 pause=0');
      ann.send('Ann');
      await ann.waitFor(m('WAITING', { k: 1, n: 3 }));
      const [bob, cid] = [await game.player(port), await game.player(port)];
      for (const [c, name] of [[bob, 'Bob'], [cid, 'Cid']] as const) {
        c.send(`/join ${code}`);
        c.send(name);
        await c.waitFor(m('JOINED', { name }));
      }
      await ann.waitFor(m('STARTED'));
      await ann.waitFor(m('TURN_OF', { name: 'Ann' }));
      expect(await ann.next()).toBe(m('CLOCK', { seconds: 30 }));
    });

    it(`a room in the other language speaks it from ROOM_OPENED on; the lobby's own answers keep the server's`, async () => {
      const port = await start();
      const o = wording(other(lang));
      const ann = await game.player(port);
      ann.send(`/new lang=${other(lang)}`);
      const code = (await fieldsOf(ann, 'ROOM_OPENED')).code;
      expect(ann.lines.at(-1)).toBe(o('ROOM_OPENED', { code }));
      ann.send('/words zzz1');
      expect(await ann.next()).toBe(o('BAD_WORD', { word: 'zzz1' }));
      expect(await ann.next()).toBe(o('WORDS_ADDED', { count: 0 }));
      ann.send('Ann');
      expect(await ann.next()).toBe(o('JOINED', { name: 'Ann' }));
      const bob = await game.player(port);
      bob.send('/join 33333');
      expect(await bob.next()).toBe(m('NO_ROOM', { code: '33333' }));
      bob.send(`/join ${code}`);
      expect(await bob.next()).toBe(o('ROOM_READY', { code }));
    });

    it('/join a room whose seats are all taken: ROOM_FULL at once; a room that fills between /join and the name: ROOM_FULL then, and the client stays in the lobby', async () => {
      const port = await start();
      const ann = await game.player(port);
      const code = await openRoom(ann, 'players=2');
      ann.send('Ann');
      const late = await game.player(port);
      late.send(`/join ${code}`);
      expect(await late.next()).toBe(m('ROOM_READY', { code }));
      const bob = await game.player(port);
      bob.send(`/join ${code}`);
      bob.send('Bob');
      await bob.waitFor(m('STARTED'));
      late.send('Lee');
      expect(await late.next()).toBe(m('ROOM_FULL', { code }));
      const cid = await game.player(port);
      cid.send(`/join ${code}`);
      expect(await cid.next()).toBe(m('ROOM_FULL', { code }));
      // Still in the lobby: a name now sits at the public table.
      late.send('Lee');
      expect(await late.next()).toBe(m('JOINED', { name: 'Lee' }));
      expect(game.server.stats().waiting).toBe(1);
    });

    it('a room that closed between /join and the name: NO_ROOM, and the client stays in the lobby', async () => {
      const clock = new FakeClock();
      const port = await start({ clock });
      const ann = await game.player(port);
      const code = await openRoom(ann);
      const bob = await game.player(port);
      bob.send(`/join ${code}`);
      await bob.waitFor(m('ROOM_READY', { code }));
      // Nobody sat in it for 10 minutes.
      clock.advance(10 * 60_000);
      bob.send('Bob');
      expect(await bob.next()).toBe(m('NO_ROOM', { code }));
      bob.send(`/join ${code}`);
      expect(await bob.next()).toBe(m('NO_ROOM', { code }));
    });
  });

  describe('/words', () => {
    it('adds words over several lines: WORDS_ADDED with the count so far, BAD_WORD for each word that is none, duplicates counted once', async () => {
      const port = await start();
      const c = await game.player(port);
      await openRoom(c);
      c.send('/words Apple pear');
      expect(await c.next()).toBe(m('WORDS_ADDED', { count: 2 }));
      c.send("/words plum 42 x-ray sp ace- o'clock apple");
      expect([await c.next(), await c.next(), await c.next()]).toEqual([m('BAD_WORD', { word: '42' }), m('BAD_WORD', { word: 'ace-' }), m('WORDS_ADDED', { count: 6 })]);
      c.send('/words');
      expect(await c.next()).toBe(m('BAD_COMMAND', { line: '/words' }));
    });

    it('the room then plays only its own words', async () => {
      const port = await start({ players: 1, random: () => 0.5 });
      const c = await game.player(port);
      await openRoom(c, 'pause=0');
      c.send('/words kiwi');
      await c.waitFor(m('WORDS_ADDED', { count: 1 }));
      c.send('Ann');
      expect(await c.waitFor((l) => l.startsWith(m('WORD', { mask: '' })))).toBe(m('WORD', { mask: '****' }));
      await c.waitFor('/turn');
      c.send('/word kiwi');
      await c.waitFor(m('GAME_OVER'));
    });

    it.each([
      ['words', { maxWords: 3 }, '/words one two three four five', 'four', 3],
      ['bytes', { maxWordBytes: 10 }, '/words abcd efgh ijkl', 'ijkl', 2],
    ] as const)('stops at the limit of %s per room: WORDS_FULL names the first word not added', async (_what, limits, line, first, count) => {
      const port = await start({ lobbyLimits: limits });
      const c = await game.player(port);
      await openRoom(c);
      c.send(line);
      expect(await c.next()).toBe(m('WORDS_FULL', { word: first }));
      expect(await c.next()).toBe(m('WORDS_ADDED', { count }));
      c.send('/words more');
      expect(await c.next()).toBe(m('WORDS_FULL', { word: 'more' }));
      expect(await c.next()).toBe(m('WORDS_ADDED', { count }));
    });

    it('takes 1000 words, and no more (the default limit)', async () => {
      const port = await start();
      const c = await game.player(port);
      await openRoom(c);
      // 1001 distinct words in lines under the 1024-byte limit.
      const letters = (n: number) => [2, 1, 0].map((p) => String.fromCharCode(97 + (Math.floor(n / 26 ** p) % 26))).join('');
      const words = Array.from({ length: 1001 }, (_, i) => `w${letters(i)}`);
      for (let i = 0; i < words.length; i += 100) c.send(`/words ${words.slice(i, i + 100).join(' ')}`);
      for (let i = 0; i < 10; i++) expect(await c.next()).toBe(m('WORDS_ADDED', { count: (i + 1) * 100 }));
      expect(await c.next()).toBe(m('WORDS_FULL', { word: words[1000] }));
      expect(await c.next()).toBe(m('WORDS_ADDED', { count: 1000 }));
    });
  });

  describe('/help, /leave and unknown commands', () => {
    it('/help before the name lists the lobby commands and the table commands; after it, the table commands', async () => {
      const port = await start({ players: 1 });
      const c = await game.player(port);
      c.send('/help');
      const lobby = ['HELP_LOBBY', 'HELP_NEW', 'HELP_WORDS', 'HELP_JOIN', 'HELP_WATCH', 'HELP_BACK'] as const;
      const table = ['HELP_TABLE', 'HELP_MOVES', 'HELP_SAY', 'HELP_BOT', 'HELP_START', 'HELP_LEAVE'] as const;
      for (const id of [...lobby, ...table]) expect(await c.next()).toBe(m(id));
      c.send('Ann');
      await c.waitFor('/turn');
      c.send('/help');
      for (const id of table) expect(await c.next()).toBe(m(id));
      // From the mover: answered, then /turn again.
      expect(await c.next()).toBe('/turn');
    });

    it.each(['/hello', '/letter a', '/start', '/say hi', '/NEW', '/'])('%s before the name is a name that starts with "/": BAD_NAME, closed (§4)', async (line) => {
      const port = await start();
      const c = await game.player(port);
      c.send(line);
      expect(await c.next()).toBe(m('BAD_NAME'));
      await c.closed;
      expect(c.lines).toEqual([m('BAD_NAME')]);
    });

    it('/leave before the name: /quit, closed', async () => {
      const port = await start();
      const c = await game.player(port);
      c.send('/leave');
      expect(await c.next()).toBe('/quit');
      await c.closed;
    });
  });

  describe('limits', () => {
    it('/new per address per minute: past the limit SLOW_DOWN, and nothing opened; a minute later again', async () => {
      const clock = new FakeClock();
      // No trusted address: the test's loopback connections count as one address.
      const port = await start({ clock, trustedAddresses: [], lobbyLimits: { newRoomsPerMinute: 2 } });
      const a = await game.player(port);
      await openRoom(a);
      await openRoom(a);
      const b = await game.player(port);
      b.send('/new');
      expect(await b.next()).toBe(m('SLOW_DOWN'));
      expect(game.server.stats().rooms).toBe(2);
      clock.advance(60_000);
      expect(await openRoom(b)).toMatch(CODE);
    });

    it('from a trusted address (a gateway, whose every browser shares it) the limit counts per connection', async () => {
      const port = await start({ lobbyLimits: { newRoomsPerMinute: 1 } });
      const a = await game.player(port);
      await openRoom(a);
      a.send('/new');
      expect(await a.next()).toBe(m('SLOW_DOWN'));
      const b = await game.player(port);
      expect(await openRoom(b)).toMatch(CODE);
    });

    it('rooms per server: past the limit NO_ROOM_LEFT; a closed room frees its place', async () => {
      const clock = new FakeClock();
      const port = await start({ clock, lobbyLimits: { maxRooms: 1 } });
      const a = await game.player(port);
      const code = await openRoom(a);
      const b = await game.player(port);
      b.send('/new');
      expect(await b.next()).toBe(m('NO_ROOM_LEFT'));
      clock.advance(10 * 60_000);
      b.send(`/join ${code}`);
      expect(await b.next()).toBe(m('NO_ROOM', { code }));
      expect(await openRoom(b)).toMatch(CODE);
    });
  });
});
