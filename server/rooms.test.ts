/**
 * Rooms (PROTOCOL.md §8.2) over real sockets, in both languages, with a clock run by
 * hand: game after game with ROOM_TOTAL and NEXT_GAME, the first turn going round,
 * the room's own words, /start, latecomers, ROOM_FULL, /leave, and the close after
 * ten minutes with nobody connected.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../protocol/catalog.js';
import type { LineClient } from '../test/support/line-client.js';
import { gameServerPerTest } from '../test/support/game-server.js';
import { roomServer } from '../test/support/room-server.js';
import { KEY, openRoom, seatKey, wording } from '../test/support/room-lines.js';
import { eventually } from '../test/support/eventually.js';

const game = gameServerPerTest();

const WORDS = { en: { word: 'data', hit: 'a', miss: 'z' }, uk: { word: 'лапа', hit: 'а', miss: 'ж' } } as const;

describe.each(['en', 'uk'] as const)('rooms (--lang %s)', (lang) => {
  const m = wording(lang);
  const w = WORDS[lang];
  const srv = roomServer(game, lang, w.word);
  const { start, room } = srv;

  /** The mover names the word on its turn (and so wins). */
  async function win(c: LineClient, word: string = w.word): Promise<void> {
    await c.waitFor('/turn');
    c.send(`/word ${word}`);
  }

  describe('game after game', () => {
    it('after GAME_OVER and RESULT: ROOM_TOTAL (highest first) and NEXT_GAME, no /quit; after the pause the next game on the same connections, its first turn to the next player', async () => {
      const port = await start();
      const { code, players } = await room(port, 'pause=5', ['Ann', 'Bob']);
      const [ann, bob] = players;
      await ann.waitFor('/turn');
      ann.send(`/letter ${w.miss}`);
      await win(bob);
      const end = [m('GAME_OVER'), m('RESULT', { name: 'Ann', points: 0 }), m('RESULT', { name: 'Bob', points: 8 }), m('ROOM_TOTAL', { code, scores: 'Bob 8, Ann 0' }), m('NEXT_GAME', { seconds: 5 })];
      for (const c of [ann, bob]) {
        await c.waitFor(m('GAME_OVER'));
        for (const line of end.slice(1)) expect(await c.next()).toBe(line);
      }
      expect(ann.lines).not.toContain('/quit');
      // Nothing happens before the pause is over.
      srv.clock.advance(4_999);
      expect(ann.lines.at(-1)).toBe(m('NEXT_GAME', { seconds: 5 }));
      srv.clock.advance(1);
      for (const c of [ann, bob]) {
        expect(await c.next()).toBe(m('STARTED'));
        expect(await c.next()).toBe(m('WORD', { mask: '****' }));
        expect(await c.next()).toBe(m('TURN_OF', { name: 'Bob' }));
      }
      expect(await bob.next()).toBe('/turn');
      // Game two: Ann wins it; the total adds up over both games.
      bob.send(`/letter ${w.miss}`);
      await win(ann);
      await ann.waitFor(m('ROOM_TOTAL', { code, scores: 'Ann 8, Bob 8' }));
      srv.clock.advance(5_000);
      await ann.waitFor(m('TURN_OF', { name: 'Ann' }));
      expect(srv.logs.filter((l) => l.includes(`room ${code}: game started`))).toHaveLength(3);
    });

    it('the first turn goes round: each game starts with the player after the one who started the last', async () => {
      const port = await start({ players: 3 });
      const { players } = await room(port, 'pause=0', ['Ann', 'Bob', 'Cid']);
      const order: string[] = [];
      for (let g = 0; g < 4; g++) {
        const turn = await players[0].waitFor((l) => l.startsWith(m('TURN_OF', { name: '' })));
        order.push(turn);
        const mover = players.find((_, i) => turn === m('TURN_OF', { name: ['Ann', 'Bob', 'Cid'][i] }))!;
        await win(mover);
        await players[0].waitFor(m('NEXT_GAME', { seconds: 0 }));
        srv.clock.advance(0);
      }
      expect(order).toEqual(['Ann', 'Bob', 'Cid', 'Ann'].map((name) => m('TURN_OF', { name })));
    });

    it("plays the room's own words in a random order, no word twice until all were played", async () => {
      const port = await start({ players: 1, random: Math.random });
      const words = ['ox', 'fig', 'plum', 'mango', 'banana'];
      const c = await game.player(port);
      await openRoom(c, 'pause=0');
      c.send(`/words ${words.join(' ')}`);
      await c.waitFor(m('WORDS_ADDED', { count: 5 }));
      c.send('Ann');
      const played: string[] = [];
      for (let g = 0; g < 10; g++) {
        const mask = (await c.waitFor((l) => l.startsWith(m('WORD', { mask: '' })))).slice(m('WORD', { mask: '' }).length);
        const word = words.find((x) => x.length === mask.length)!;
        played.push(word);
        await win(c, word);
        await c.waitFor(m('NEXT_GAME', { seconds: 0 }));
        srv.clock.advance(0);
      }
      expect(new Set(played.slice(0, 5))).toEqual(new Set(words));
      expect(new Set(played.slice(5))).toEqual(new Set(words));
    });

    it("without words of its own, a room plays the server's list of its language", async () => {
      const o: Lang = lang === 'en' ? 'uk' : 'en';
      const port = await start({ players: 1, wordsFor: (l) => [WORDS[l].word] });
      const c = await game.player(port);
      await openRoom(c, `lang=${o}`);
      c.send('Ann');
      await c.waitFor('/turn');
      c.send(`/word ${WORDS[o].word}`);
      await c.waitFor(wording(o)('WON'));
    });
  });

  describe('/start', () => {
    it('a seated player starts the game with the players present; during a game it is refused (and the mover gets /turn again); in the pause it starts the next game at once', async () => {
      const port = await start({ players: 4 });
      const { players } = await room(port, 'players=4 pause=60', ['Ann', 'Bob']);
      const [ann, bob] = players;
      bob.send('/start');
      for (const c of [ann, bob]) {
        await c.waitFor(m('WAITING', { k: 2, n: 4 }));
        expect(await c.next()).toBe(m('STARTED'));
        expect(await c.next()).toBe(m('WORD', { mask: '****' }));
        expect(await c.next()).toBe(m('TURN_OF', { name: 'Ann' }));
      }
      expect(await ann.next()).toBe('/turn');
      ann.send('/start');
      expect(await ann.next()).toBe(m('BAD_COMMAND', { line: '/start' }));
      expect(await ann.next()).toBe('/turn');
      bob.send('/start');
      expect(await bob.next()).toBe(m('BAD_COMMAND', { line: '/start' }));
      ann.send(`/word ${w.word}`);
      await bob.waitFor(m('NEXT_GAME', { seconds: 60 }));
      bob.send('/start');
      expect(await bob.next()).toBe(m('STARTED'));
    });

    it('at a public table /start is no command (NO_COMMAND)', async () => {
      const port = await start();
      const ann = await game.player(port, 'Ann');
      await ann.waitFor(m('WAITING', { k: 1, n: 2 }));
      ann.send('/start');
      expect(await ann.next()).toBe(m('NO_COMMAND', { command: 'start' }));
    });
  });

  describe('latecomers and full rooms', () => {
    it('a latecomer: JOINED to all, then PLAYERS, SEAT_KEY, NEXT_SEAT and the game so far to itself; sees the table lines; plays from the next game', async () => {
      const port = await start({ players: 3 });
      const { code, players } = await room(port, 'players=3 pause=1', ['Ann', 'Bob']);
      const [ann, bob] = players;
      bob.send('/start');
      await ann.waitFor('/turn');
      ann.send(`/letter ${w.hit}`);
      await ann.waitFor('/turn');
      const cid = await game.player(port);
      cid.send(`/join ${code}`);
      expect(await cid.next()).toBe(m('ROOM_READY', { code }));
      cid.send('Cid');
      expect(await cid.next()).toBe(m('JOINED', { name: 'Cid' }));
      expect(await cid.next()).toBe(m('PLAYERS', { names: 'Ann, Bob, Cid' }));
      expect(await seatKey(cid)).toMatch(KEY);
      expect(await cid.next()).toBe(m('NEXT_SEAT'));
      // What a watcher sees first: the word, the letters named, the score, whose turn.
      expect(await cid.next()).toBe(m('WORD', { mask: lang === 'en' ? '*a*a' : '*а*а' }));
      expect(await cid.next()).toBe(m('LETTERS', { letters: w.hit }));
      expect(await cid.next()).toBe(m('SCORE', { scores: 'Ann 2, Bob 0' }));
      expect(await cid.next()).toBe(m('TURN_OF', { name: 'Ann' }));
      for (const c of [ann, bob]) await c.waitFor(m('JOINED', { name: 'Cid' }));
      // Not in this game: a move is out of turn, and the table's lines reach it.
      cid.send(`/letter ${w.miss}`);
      expect(await cid.next()).toBe(m('NOT_YOUR_TURN'));
      ann.send(`/letter ${w.miss}`);
      expect(await cid.next()).toBe(m('LETTER_NAMED', { letter: w.miss }));
      await win(bob);
      await cid.waitFor(m('GAME_OVER'));
      expect(await cid.next()).toBe(m('RESULT', { name: 'Ann', points: 2 }));
      expect(await cid.next()).toBe(m('RESULT', { name: 'Bob', points: 6 }));
      expect(await cid.next()).toBe(m('ROOM_TOTAL', { code, scores: 'Bob 6, Ann 2, Cid 0' }));
      expect(cid.lines).not.toContain('/turn');
      srv.clock.advance(1000);
      await cid.waitFor(m('STARTED'));
      // Game two: Bob starts (the turn goes round), then Cid.
      await cid.waitFor(m('TURN_OF', { name: 'Bob' }));
      await bob.waitFor('/turn');
      bob.send(`/letter ${w.miss}`);
      expect(await cid.waitFor((l) => l.startsWith(m('TURN_OF', { name: '' })))).toBe(m('TURN_OF', { name: 'Cid' }));
      expect(await cid.next()).toBe('/turn');
    });

    it('ROOM_FULL when every seat is taken, seated or away', async () => {
      const port = await start();
      const { code, players } = await room(port, 'players=2', ['Ann', 'Bob']);
      players[1].close();
      await players[0].waitFor(m('AWAY', { name: 'Bob', seconds: 60 }));
      const cid = await game.player(port);
      cid.send(`/join ${code}`);
      expect(await cid.next()).toBe(m('ROOM_FULL', { code }));
      // The grace runs out: the seat is free again.
      srv.clock.advance(60_000);
      await players[0].waitFor(m('LEFT', { name: 'Bob' }));
      cid.send(`/join ${code}`);
      expect(await cid.next()).toBe(m('ROOM_READY', { code }));
    });
  });

  describe('/leave', () => {
    it('in a room: LEFT to the others, /quit to the leaver, closed; the turn passes if it was theirs', async () => {
      const port = await start({ players: 3 });
      const { players } = await room(port, 'players=3', ['Ann', 'Bob', 'Cid']);
      const [ann, bob, cid] = players;
      await ann.waitFor('/turn');
      ann.send('/leave');
      expect(await ann.next()).toBe('/quit');
      await ann.closed;
      for (const c of [bob, cid]) {
        await c.waitFor(m('LEFT', { name: 'Ann' }));
        expect(await c.next()).toBe(m('TURN_OF', { name: 'Bob' }));
      }
      expect(await bob.next()).toBe('/turn');
      // Out of turn, waiting between games too.
      cid.send('/leave');
      expect(await cid.waitFor('/quit')).toBe('/quit');
      expect(await bob.next()).toBe(m('LEFT', { name: 'Cid' }));
    });

    it('at a public table, while it fills and in a game', async () => {
      const port = await start({ players: 3 });
      const ann = await game.player(port, 'Ann');
      const bob = await game.player(port, 'Bob');
      await bob.waitFor(m('WAITING', { k: 2, n: 3 }));
      bob.send('/leave');
      expect(await bob.waitFor((l) => l.startsWith('/'))).toBe('/quit');
      await ann.waitFor(m('LEFT', { name: 'Bob' }));
      expect(await ann.next()).toBe(m('WAITING', { k: 1, n: 3 }));
      const [cid, dan] = [await game.player(port, 'Cid'), await game.player(port, 'Dan')];
      await ann.waitFor('/turn');
      dan.send('/leave');
      expect(await dan.waitFor((l) => l.startsWith('/'))).toBe('/quit');
      for (const c of [ann, cid]) await c.waitFor(m('LEFT', { name: 'Dan' }));
      ann.send(`/word ${w.word}`);
      await cid.waitFor('/quit');
    });
  });

  describe('closing', () => {
    it('a room with no player connected for 10 minutes is closed, its code unknown; time with a player connected does not count', async () => {
      const port = await start();
      const { code, players } = await room(port, 'players=2', ['Ann']);
      const [ann] = players;
      srv.clock.advance(30 * 60_000);
      const watcher = await game.player(port);
      watcher.send(`/watch ${code}`);
      await watcher.waitFor(m('WATCHING', { code }));
      ann.close();
      await watcher.waitFor(m('AWAY', { name: 'Ann', seconds: 60 }));
      srv.clock.advance(60_000);
      await watcher.waitFor(m('LEFT', { name: 'Ann' }));
      srv.clock.advance(10 * 60_000 - 60_001);
      expect(game.server.stats().rooms).toBe(1);
      srv.clock.advance(1);
      expect(await watcher.next()).toBe(m('ROOM_CLOSED', { code }));
      expect(await watcher.next()).toBe('/quit');
      await watcher.closed;
      expect(game.server.stats().rooms).toBe(0);
      const late = await game.player(port);
      late.send(`/join ${code}`);
      expect(await late.next()).toBe(m('NO_ROOM', { code }));
      expect(srv.logs.some((l) => l.startsWith(`room ${code} closed`))).toBe(true);
    });

    it('logs a room opened with its settings, its word count (never its words), its games and its close', async () => {
      const port = await start({ players: 1 });
      const c = await game.player(port);
      const code = await openRoom(c, 'players=1 turn=0 pause=0');
      c.send('/words secretword anotherword');
      await c.waitFor(m('WORDS_ADDED', { count: 2 }));
      c.send('Ann');
      await c.waitFor('/turn');
      c.send('/leave');
      await c.closed;
      srv.clock.advance(10 * 60_000);
      await eventually(() => game.server.stats().rooms === 0, 'the room to close');
      const mine = srv.logs.filter((l) => l.includes(code));
      expect(mine.some((l) => l.endsWith(`opened room ${code}`))).toBe(true);
      expect(mine).toContain(`room ${code} opened: players=1 turn=0 lang=${lang} bots=0 pause=0`);
      expect(mine).toContain(`room ${code}: 2 words of its own`);
      expect(mine.some((l) => l.startsWith(`room ${code}: game started with ["Ann"]`))).toBe(true);
      expect(mine.some((l) => l.startsWith(`room ${code} closed: no player connected`))).toBe(true);
      // The words appear only once the game is over (the word played, as at public tables), never as a list.
      expect(mine.filter((l) => l.includes('anotherword') && l.includes('secretword'))).toEqual([]);
      // A seat key is never logged in full.
      const key = c.lines.map((l) => /[2-9A-HJ-NP-Z]{8}/.exec(l)?.[0]).find(Boolean)!;
      expect(srv.logs.join('\n')).not.toContain(key);
    });
  });
});
