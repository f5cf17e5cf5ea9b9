/**
 * Computer players (PROTOCOL.md §8.7) over real sockets, in both languages: a
 * telnet user alone plays a whole game, a room opens with computer players, they
 * never count as connections, and a room of computer players alone closes.
 */
import { describe, expect, it } from 'vitest';
import type { GameServerOptions } from './server.js';
import { parseAs, parseList } from '../protocol/catalog.js';
import { gameServerPerTest } from '../test/support/game-server.js';
import { openRoom, wording } from '../test/support/room-lines.js';
import { BOT_SUFFIX } from './bots.js';

const game = gameServerPerTest();

const WORDS = { en: ['data', 'date', 'kite'], uk: ['лапа', 'липа', 'мама'] } as const;
const ALPHABET = { en: 'etaoinshrdlcumwfgypbvkjxqz', uk: 'оаеинтрвслкмдпуяьзбгчйхжшюцщєіїґф' } as const;

describe.each(['en', 'uk'] as const)('computer players (--lang %s)', (lang) => {
  const m = wording(lang);
  const start = (opts: Partial<GameServerOptions> = {}) => game.start({ lang, words: WORDS[lang], botDelayMs: 0, ...opts });

  it('a telnet user alone types /bot and plays a whole game against it', async () => {
    const port = await start();
    const ann = await game.player(port, 'Ann');
    await ann.waitFor(m('WAITING', { k: 1, n: 2 }));
    ann.send('/bot');
    const joined = parseAs('JOINED', await ann.next())!;
    expect(joined.lang).toBe(lang);
    expect(joined.fields.name.endsWith(BOT_SUFFIX)).toBe(true);
    expect(await ann.next()).toBe(m('STARTED'));
    // Ann names letters nobody has named yet until the game ends; the computer plays its own turns.
    const named = new Set<string>();
    for (;;) {
      const line = await ann.next();
      if (line === m('GAME_OVER')) break;
      const other = parseAs('LETTER_NAMED', line);
      if (other) named.add(other.fields.letter);
      if (line !== '/turn') continue;
      const letter = [...ALPHABET[lang]].find((l) => !named.has(l))!;
      named.add(letter);
      ann.send(`/letter ${letter}`);
    }
    expect(ann.lines.some((l) => parseAs('LETTER_NAMED', l) || parseAs('WORD_NAMED', l))).toBe(true);
    expect(await ann.waitFor('/quit')).toBe('/quit');
  });

  it('bots=K: the computer players sit when the room opens, ahead of its creator, and move first', async () => {
    const port = await start({ players: 3 });
    const ann = await game.player(port);
    await openRoom(ann, 'players=3 bots=2');
    ann.send('Ann');
    expect(await ann.next()).toBe(m('JOINED', { name: 'Ann' }));
    const names = parseList(parseAs('PLAYERS', await ann.next())!.fields.names);
    expect(names).toHaveLength(3);
    expect(names.slice(0, 2).every((n) => n.endsWith(BOT_SUFFIX))).toBe(true);
    expect(names[2]).toBe('Ann');
    await ann.waitFor(m('STARTED'));
    expect(await ann.waitFor((l) => l.startsWith(m('TURN_OF', { name: '' })))).toBe(m('TURN_OF', { name: names[0] }));
    // The computer moves on its own.
    await ann.waitFor((l) => parseAs('LETTER_NAMED', l) !== null || parseAs('WORD_NAMED', l) !== null);
  });

  it('computer players never count against the connection limits', async () => {
    const port = await start({ maxConnections: 1, players: 4 });
    const ann = await game.player(port, 'Ann');
    await ann.waitFor(m('WAITING', { k: 1, n: 4 }));
    for (let i = 0; i < 3; i++) ann.send('/bot easy');
    await ann.waitFor(m('STARTED'));
    expect(game.server.stats().connections).toBe(1);
  });

  it('a room where only computer players are left, once a person sat in it, is closed', async () => {
    const port = await start();
    const ann = await game.player(port);
    const code = await openRoom(ann, 'players=2 bots=1');
    ann.send('Ann');
    await ann.waitFor(m('STARTED'));
    const eve = await game.player(port);
    eve.send(`/watch ${code}`);
    await eve.waitFor(m('WATCHING', { code }));
    ann.send('/leave');
    await eve.waitFor(m('LEFT', { name: 'Ann' }));
    expect(await eve.next()).toBe(m('ROOM_CLOSED', { code }));
    expect(await eve.next()).toBe('/quit');
    await eve.closed;
    expect(game.server.stats().rooms).toBe(0);
  });

  it('a room opened with computer players waits for its first person (it is not closed for having only them)', async () => {
    const port = await start();
    const ann = await game.player(port);
    const code = await openRoom(ann, 'players=3 bots=2');
    const bob = await game.player(port);
    bob.send(`/join ${code}`);
    expect(await bob.next()).toBe(m('ROOM_READY', { code }));
    bob.send('Bob');
    await bob.waitFor(m('STARTED'));
  });
});
