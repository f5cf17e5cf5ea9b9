/**
 * Chat and watchers (PROTOCOL.md §8.6) over real sockets, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { gameServerPerTest } from '../test/support/game-server.js';
import { roomServer } from '../test/support/room-server.js';
import { wording } from '../test/support/room-lines.js';
import { MAX_CHAT_LENGTH } from './chat.js';

const game = gameServerPerTest();

const WORDS = { en: { word: 'data', hit: 'a', afterHit: '*a*a', miss: 'z' }, uk: { word: 'лапа', hit: 'а', afterHit: '*а*а', miss: 'ж' } } as const;

describe.each(['en', 'uk'] as const)('chat and watchers (--lang %s)', (lang) => {
  const m = wording(lang);
  const w = WORDS[lang];
  const srv = roomServer(game, lang, w.word);
  const { start, room, watcher } = srv;

  describe('/say', () => {
    it('CHAT to everyone at the table, the sender and watchers too; from the mover, /turn follows', async () => {
      const port = await start();
      const { code, players } = await room(port, 'players=2', ['Ann', 'Bob']);
      const [ann, bob] = players;
      const eve = await watcher(port, code);
      await eve.waitFor(m('WATCHING', { code }));
      await ann.waitFor('/turn');
      // Cleaned as names are (§8.6, §4): `,` `<` `>` go.
      ann.send('/say hello <all>, 1 < 2');
      const chat = m('CHAT', { name: 'Ann', text: 'hello all 1  2' });
      expect(await ann.next()).toBe(chat);
      expect(await ann.next()).toBe('/turn');
      expect(await bob.waitFor((l) => l.startsWith('<'))).toBe(chat);
      expect(await eve.waitFor((l) => l.startsWith('<'))).toBe(chat);
      // From a player out of turn: no /turn.
      bob.send('/say hi');
      expect(await bob.next()).toBe(m('CHAT', { name: 'Bob', text: 'hi' }));
      expect(await ann.next()).toBe(m('CHAT', { name: 'Bob', text: 'hi' }));
      // Chat never changes the game: Ann still has the turn.
      ann.send(`/letter ${w.hit}`);
      expect(await ann.next()).toBe(m('EARNED', { points: 2 }));
    });

    it('at a public table too, while it fills', async () => {
      const port = await start({ players: 3 });
      const ann = await game.player(port, 'Ann');
      const bob = await game.player(port, 'Bob');
      await bob.waitFor(m('WAITING', { k: 2, n: 3 }));
      bob.send('/say ready?');
      expect(await ann.waitFor((l) => l.startsWith('<'))).toBe(m('CHAT', { name: 'Bob', text: 'ready?' }));
    });

    it('cleans the text as a name is cleaned (no controls, no escape sequences), cuts it to 300 code points whole characters, and an empty one gets BAD_COMMAND', async () => {
      const port = await start({ players: 1 });
      const ann = await game.player(port, 'Ann');
      await ann.waitFor('/turn');
      ann.send('/say \x1b[31mred\x1b[0m \x07bell\x1b]0;title\x07');
      expect(await ann.next()).toBe(m('CHAT', { name: 'Ann', text: 'red bell' }));
      expect(await ann.next()).toBe('/turn');
      const long = 'я'.repeat(299) + '👍🏽' + 'x';
      ann.send(`/say ${long}`);
      const cut = await ann.next();
      expect(cut).toBe(m('CHAT', { name: 'Ann', text: 'я'.repeat(299) }));
      expect([...cut.slice(m('CHAT', { name: 'Ann', text: '' }).length)].length).toBeLessThanOrEqual(MAX_CHAT_LENGTH);
      await ann.next();
      ann.send(`/say ${'ї'.repeat(400)}`);
      expect(await ann.next()).toBe(m('CHAT', { name: 'Ann', text: 'ї'.repeat(300) }));
      await ann.next();
      for (const line of ['/say', '/say    ', '/say \x1b[1m\x07']) {
        ann.send(line);
        expect(await ann.next()).toMatch(new RegExp(`^${m('BAD_COMMAND', { line: 'X' }).split('X')[0]}`));
        expect(await ann.next()).toBe('/turn');
      }
    });

    it('more than 5 /say in 10 s: SLOW_DOWN to the sender, nothing sent; later again', async () => {
      const port = await start({ players: 3 });
      const ann = await game.player(port, 'Ann');
      const bob = await game.player(port, 'Bob');
      await bob.waitFor(m('WAITING', { k: 2, n: 3 }));
      for (let i = 1; i <= 5; i++) {
        ann.send(`/say ${i}`);
        await ann.waitFor(m('CHAT', { name: 'Ann', text: String(i) }));
        srv.clock.advance(1000);
      }
      ann.send('/say 6');
      expect(await ann.next()).toBe(m('SLOW_DOWN'));
      // 10 s after the first, one more may go.
      srv.clock.advance(5000);
      ann.send('/say 7');
      expect(await ann.next()).toBe(m('CHAT', { name: 'Ann', text: '7' }));
      await bob.waitFor(m('CHAT', { name: 'Ann', text: '7' }));
      expect(bob.lines).not.toContain(m('CHAT', { name: 'Ann', text: '6' }));
    });

    it('a /say over the 1024-byte line limit is refused like any line', async () => {
      const port = await start({ players: 1 });
      const ann = await game.player(port, 'Ann');
      await ann.waitFor('/turn');
      ann.send(`/say ${'x'.repeat(1100)}`);
      expect(await ann.next()).toBe(m('LINE_TOO_LONG'));
      expect(await ann.next()).toBe('/turn');
    });
  });

  describe('from the mover, every line that is not a move is answered and followed by /turn', () => {
    it.each([
      ['/help', 'HELP_TABLE'],
      ['/bot', 'NO_BOT_SEAT'],
      ['/start', 'NO_COMMAND'],
      ['/back XX', 'NO_COMMAND'],
      ['/join XX', 'NO_COMMAND'],
      ['hello', 'UNEXPECTED'],
    ] as const)('%s', async (line, first) => {
      const port = await start({ players: 1 });
      const ann = await game.player(port, 'Ann');
      await ann.waitFor('/turn');
      ann.send(line);
      expect(await ann.next()).toMatch(new RegExp(`^${m(first, { command: '', name: 'Ann' } as never).slice(0, 6).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(await ann.waitFor((l) => l.startsWith('/'))).toBe('/turn');
    });
  });

  describe('/watch', () => {
    it('WATCHING and PLAYERS; while a game is on WORD, LETTERS, SCORE, TURN_OF, CLOCK; then every table line, never a player line, never /turn', async () => {
      const port = await start({ turnSeconds: 30 });
      const { code, players } = await room(port, 'players=2', ['Ann', 'Bob']);
      const [ann, bob] = players;
      await ann.waitFor('/turn');
      ann.send(`/letter ${w.hit}`);
      await ann.waitFor('/turn');
      srv.clock.advance(5000);
      const eve = await watcher(port, code.toLowerCase());
      for (const line of [
        m('WATCHING', { code }),
        m('PLAYERS', { names: 'Ann, Bob' }),
        m('WORD', { mask: w.afterHit }),
        m('LETTERS', { letters: w.hit }),
        m('SCORE', { scores: 'Ann 2, Bob 0' }),
        m('TURN_OF', { name: 'Ann' }),
        m('CLOCK', { seconds: 25 }),
      ]) {
        expect(await eve.next()).toBe(line);
      }
      ann.send(`/letter ${w.miss}`);
      expect(await eve.next()).toBe(m('LETTER_NAMED', { letter: w.miss }));
      expect(await eve.next()).toBe(m('WORD', { mask: w.afterHit }));
      await bob.waitFor('/turn');
      bob.send(`/word ${w.word}`);
      expect(await eve.waitFor(m('GAME_OVER'))).toBeTruthy();
      for (const line of [m('RESULT', { name: 'Ann', points: 2 }), m('RESULT', { name: 'Bob', points: 6 })]) expect(await eve.next()).toBe(line);
      expect(eve.lines).toContain(m('WORD_NAMED', { word: w.word }));
      for (const personal of [m('EARNED', { points: 2 }), m('NO_LETTER'), m('WON'), '/turn']) expect(eve.lines).not.toContain(personal);
    });

    it('between two games of a room: WATCHING, PLAYERS and NEXT_GAME with the seconds left', async () => {
      const port = await start();
      const { code, players } = await room(port, 'players=1 pause=10', ['Ann']);
      await players[0].waitFor('/turn');
      players[0].send(`/word ${w.word}`);
      await players[0].waitFor(m('NEXT_GAME', { seconds: 10 }));
      srv.clock.advance(3500);
      const eve = await watcher(port, code);
      expect(await eve.next()).toBe(m('WATCHING', { code }));
      expect(await eve.next()).toBe(m('PLAYERS', { names: 'Ann' }));
      expect(await eve.next()).toBe(m('NEXT_GAME', { seconds: 7 }));
      srv.clock.advance(6500);
      expect(await eve.next()).toBe(m('STARTED'));
    });

    it('before any game: WATCHING and PLAYERS only', async () => {
      const port = await start();
      const { code } = await room(port, 'players=3', ['Ann']);
      const eve = await watcher(port, code);
      expect(await eve.next()).toBe(m('WATCHING', { code }));
      expect(await eve.next()).toBe(m('PLAYERS', { names: 'Ann' }));
      const bob = await game.player(port);
      bob.send(`/join ${code}`);
      bob.send('Bob');
      expect(await eve.next()).toBe(m('JOINED', { name: 'Bob' }));
      expect(await eve.next()).toBe(m('WAITING', { k: 2, n: 3 }));
    });

    it('from a watcher: /help is answered, /leave gives /quit and closes, any other line NOT_PLAYING', async () => {
      const port = await start();
      const { code, players } = await room(port, 'players=2', ['Ann']);
      const eve = await watcher(port, code);
      await eve.waitFor(m('PLAYERS', { names: 'Ann' }));
      for (const line of ['/letter a', '/word data', '/say hi', '/start', '/bot', 'hello', '/nope']) {
        eve.send(line);
        expect(await eve.next()).toBe(m('NOT_PLAYING'));
      }
      eve.send('/help');
      expect(await eve.next()).toBe(m('HELP_WATCHER'));
      eve.send('/leave');
      expect(await eve.next()).toBe('/quit');
      await eve.closed;
      // Watchers are no players: the room still waits for its second seat, and never saw the watcher.
      expect(players[0].lines.join('\n')).not.toMatch(/NOT_PLAYING|watch/i);
      const bob = await game.player(port);
      bob.send(`/join ${code}`);
      expect(await bob.next()).toBe(m('ROOM_READY', { code }));
    });

    it('past the limit of watchers: ROOM_FULL', async () => {
      const port = await start({ lobbyLimits: { maxWatchers: 2 } });
      const { code } = await room(port, 'players=2', ['Ann']);
      for (let i = 0; i < 2; i++) await (await watcher(port, code)).waitFor(m('WATCHING', { code }));
      const third = await watcher(port, code);
      expect(await third.next()).toBe(m('ROOM_FULL', { code }));
      third.send('/watch 22222');
      expect(await third.next()).toBe(m('NO_ROOM', { code: '22222' }));
    });

    it('a watcher who closes is simply gone; the players see nothing', async () => {
      const port = await start();
      const { code, players } = await room(port, 'players=2', ['Ann', 'Bob']);
      const eve = await watcher(port, code);
      await eve.waitFor(m('WATCHING', { code }));
      eve.close();
      await players[0].waitFor('/turn');
      players[0].send('/say still here');
      await players[1].waitFor(m('CHAT', { name: 'Ann', text: 'still here' }));
      expect(players[1].lines.filter((l) => l.startsWith(m('AWAY', { name: '', seconds: 0 }).slice(0, 3)))).toEqual([]);
    });
  });
});

describe('chatText', () => {
  it('cleans the text exactly as a name is cleaned (PROTOCOL.md §8.6): invisible characters and `,` `<` `>` go', async () => {
    const { chatText } = await import('./chat.js');
    expect(chatText('a\u200bb\u2060c <b>, ok')).toBe('abc b ok');
    expect(chatText('\u001b[2Jhi\u0007')).toBe('hi');
    expect(chatText('\u200b\u200b')).toBe('');
    // A family emoji is kept whole or not at all.
    const family = '👨‍👩‍👧';
    expect(chatText('x'.repeat(298) + family)).toBe('x'.repeat(298));
  });
});
