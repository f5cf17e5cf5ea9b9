/**
 * Who sits here, kept seats and the clock (PROTOCOL.md §8.3–§8.5) over real
 * sockets, in both languages, with a clock run by hand for the turn and the grace.
 */
import { describe, expect, it } from 'vitest';
import type { LineClient } from '../test/support/line-client.js';
import { gameServerPerTest } from '../test/support/game-server.js';
import { roomServer } from '../test/support/room-server.js';
import { KEY, openRoom, seatKey, wording } from '../test/support/room-lines.js';
import { keyOf } from '../test/support/seat-keys.js';

const game = gameServerPerTest();

const WORDS = { en: { word: 'data', hit: 'a', afterHit: '*a*a', miss: 'z' }, uk: { word: 'лапа', hit: 'а', afterHit: '*а*а', miss: 'ж' } } as const;

describe.each(['en', 'uk'] as const)('kept seats and the clock (--lang %s)', (lang) => {
  const m = wording(lang);
  const w = WORDS[lang];
  const srv = roomServer(game, lang, w.word, { turnSeconds: 30 });
  const { start, comeBack } = srv;

  /** Seats players at the public table in order; resolves with each one's client and seat key. */
  async function seat(port: number, names: string[]): Promise<{ c: LineClient; key: string }[]> {
    const out: { c: LineClient; key: string }[] = [];
    for (const name of names) {
      const c = await game.player(port, name);
      await c.waitFor(m('JOINED', { name }));
      out.push({ c, key: await seatKey(c) });
    }
    return out;
  }

  describe('§8.3 who sits here', () => {
    it('a full table gives the newcomer JOINED, PLAYERS, SEAT_KEY, STARTED, WORD, TURN_OF, CLOCK; the first player /turn', async () => {
      const port = await start();
      const [ann] = await seat(port, ['Ann']);
      const bob = await game.player(port, 'Bob');
      expect(await bob.next()).toBe(m('JOINED', { name: 'Bob' }));
      expect(await bob.next()).toBe(m('PLAYERS', { names: 'Ann, Bob' }));
      const key = keyOf(await bob.next());
      expect(key).toMatch(KEY);
      expect(key).not.toBe(ann.key);
      for (const line of [m('STARTED'), m('WORD', { mask: '****' }), m('TURN_OF', { name: 'Ann' }), m('CLOCK', { seconds: 30 })]) expect(await bob.next()).toBe(line);
      await ann.c.waitFor(m('JOINED', { name: 'Bob' }));
      for (const line of [m('STARTED'), m('WORD', { mask: '****' }), m('TURN_OF', { name: 'Ann' }), m('CLOCK', { seconds: 30 }), '/turn']) expect(await ann.c.next()).toBe(line);
    });
  });

  describe('§8.4 a dropped connection', () => {
    it('AWAY to the table, the turn passes at once, away players are skipped; /back KEY from a new connection: BACK to the others, RESUMED, PLAYERS, WORD, LETTERS, SCORE, TURN_OF, CLOCK (seconds left)', async () => {
      const port = await start({ players: 3 });
      const [ann, bob, cid] = await seat(port, ['Ann', 'Bob', 'Cid']);
      await ann.c.waitFor('/turn');
      ann.c.send(`/letter ${w.hit}`);
      await ann.c.waitFor('/turn');
      ann.c.close();
      for (const p of [bob, cid]) {
        await p.c.waitFor(m('AWAY', { name: 'Ann', seconds: 60 }));
        expect(await p.c.next()).toBe(m('TURN_OF', { name: 'Bob' }));
        expect(await p.c.next()).toBe(m('CLOCK', { seconds: 30 }));
      }
      expect(await bob.c.next()).toBe('/turn');
      bob.c.send(`/letter ${w.miss}`);
      await cid.c.waitFor('/turn');
      cid.c.send(`/letter ${w.miss}`);
      // Ann is away: her turn is skipped.
      await bob.c.waitFor(m('TURN_OF', { name: 'Bob' }));
      expect(await bob.c.next()).toBe(m('CLOCK', { seconds: 30 }));
      expect(await bob.c.next()).toBe('/turn');
      srv.clock.advance(12_000);
      const back = await comeBack(port, ann.key.toLowerCase());
      for (const line of [
        m('RESUMED', { name: 'Ann' }),
        m('PLAYERS', { names: 'Ann, Bob, Cid' }),
        m('WORD', { mask: w.afterHit }),
        m('LETTERS', { letters: `${w.hit}, ${w.miss}` }),
        m('SCORE', { scores: 'Ann 2, Bob 0, Cid 0' }),
        m('TURN_OF', { name: 'Bob' }),
        m('CLOCK', { seconds: 18 }),
      ]) {
        expect(await back.next()).toBe(line);
      }
      for (const p of [bob, cid]) expect(await p.c.waitFor(m('BACK', { name: 'Ann' }))).toBeTruthy();
      // Her place in the turn order and her points are hers again.
      bob.c.send(`/letter ${w.miss}`);
      await cid.c.waitFor('/turn');
      cid.c.send(`/letter ${w.miss}`);
      await back.waitFor(m('TURN_OF', { name: 'Cid' }));
      expect(await back.waitFor((l) => l.startsWith(m('TURN_OF', { name: '' })))).toBe(m('TURN_OF', { name: 'Ann' }));
      await back.waitFor('/turn');
      back.send(`/word ${w.word}`);
      await back.waitFor(m('RESULT', { name: 'Ann', points: 8 }));
      expect(back.lines.filter((l) => l === m('JOINED', { name: 'Ann' }))).toEqual([]);
    });

    it('a player whose turn it is when they come back gets /turn (a game for one waits for them)', async () => {
      const port = await start({ players: 1 });
      const [ann] = await seat(port, ['Ann']);
      await ann.c.waitFor('/turn');
      ann.c.send(`/letter ${w.hit}`);
      await ann.c.waitFor('/turn');
      ann.c.close();
      // Nobody to pass the turn to: the clock does not run out on an empty table.
      srv.clock.advance(45_000);
      const back = await comeBack(port, ann.key);
      for (const line of [
        m('RESUMED', { name: 'Ann' }),
        m('PLAYERS', { names: 'Ann' }),
        m('WORD', { mask: w.afterHit }),
        m('LETTERS', { letters: w.hit }),
        m('SCORE', { scores: 'Ann 2' }),
        m('TURN_OF', { name: 'Ann' }),
        m('CLOCK', { seconds: 30 }),
        '/turn',
      ]) {
        expect(await back.next()).toBe(line);
      }
      expect(back.lines).not.toContain(m('TIMEOUT', { name: 'Ann' }));
    });

    it('/back while the table fills: RESUMED, PLAYERS, WAITING; the seat counted all along', async () => {
      const port = await start({ players: 3 });
      const [ann, bob] = await seat(port, ['Ann', 'Bob']);
      ann.c.close();
      await bob.c.waitFor(m('AWAY', { name: 'Ann', seconds: 60 }));
      const back = await comeBack(port, ann.key);
      expect(await back.next()).toBe(m('RESUMED', { name: 'Ann' }));
      expect(await back.next()).toBe(m('PLAYERS', { names: 'Ann, Bob' }));
      expect(await back.next()).toBe(m('WAITING', { k: 2, n: 3 }));
      const [cid] = await seat(port, ['Cid']);
      await cid.c.waitFor(m('STARTED'));
      await back.waitFor(m('TURN_OF', { name: 'Ann' }));
    });

    it('a second connection takes the seat over: the old gets REPLACED and /quit and is closed; the others get BACK', async () => {
      const port = await start();
      const [ann, bob] = await seat(port, ['Ann', 'Bob']);
      await ann.c.waitFor('/turn');
      const again = await comeBack(port, ann.key);
      expect(await ann.c.waitFor(m('REPLACED'))).toBeTruthy();
      expect(await ann.c.next()).toBe('/quit');
      await ann.c.closed;
      await bob.c.waitFor(m('BACK', { name: 'Ann' }));
      for (const line of [m('RESUMED', { name: 'Ann' }), m('PLAYERS', { names: 'Ann, Bob' }), m('WORD', { mask: '****' }), m('SCORE', { scores: 'Ann 0, Bob 0' }), m('TURN_OF', { name: 'Ann' }), m('CLOCK', { seconds: 30 }), '/turn']) {
        expect(await again.next()).toBe(line);
      }
      // The old connection closing is no drop: no AWAY.
      again.send(`/letter ${w.miss}`);
      await bob.c.waitFor('/turn');
      expect(bob.c.lines).not.toContain(m('AWAY', { name: 'Ann', seconds: 60 }));
    });

    it('when the grace runs out: LEFT; the key is then unknown (NO_SEAT); a player away at the end keeps a RESULT line', async () => {
      const port = await start({ players: 3 });
      const [ann, bob, cid] = await seat(port, ['Ann', 'Bob', 'Cid']);
      await ann.c.waitFor('/turn');
      ann.c.send(`/letter ${w.hit}`);
      await ann.c.waitFor('/turn');
      ann.c.send(`/letter ${w.miss}`);
      await bob.c.waitFor('/turn');
      cid.c.close();
      await bob.c.waitFor(m('AWAY', { name: 'Cid', seconds: 60 }));
      srv.clock.advance(10_000);
      ann.c.close();
      await bob.c.waitFor(m('AWAY', { name: 'Ann', seconds: 60 }));
      srv.clock.advance(49_999);
      expect(bob.c.lines).not.toContain(m('LEFT', { name: 'Cid' }));
      srv.clock.advance(1);
      await bob.c.waitFor(m('LEFT', { name: 'Cid' }));
      const late = await comeBack(port, cid.key);
      expect(await late.next()).toBe(m('NO_SEAT'));
      bob.c.send(`/word ${w.word}`);
      await bob.c.waitFor(m('GAME_OVER'));
      expect(await bob.c.next()).toBe(m('RESULT', { name: 'Ann', points: 2 }));
      expect(await bob.c.next()).toBe(m('RESULT', { name: 'Bob', points: 6 }));
      expect(await bob.c.next()).toBe('/quit');
      // The table is gone: Ann's key with it.
      const after = await comeBack(port, ann.key);
      expect(await after.next()).toBe(m('NO_SEAT'));
    });

    it('after /leave the key is no longer kept', async () => {
      const port = await start({ players: 3 });
      const [ann] = await seat(port, ['Ann', 'Bob']);
      ann.c.send('/leave');
      await ann.c.closed;
      const c = await comeBack(port, ann.key);
      expect(await c.next()).toBe(m('NO_SEAT'));
      // Still in the lobby: it may go on.
      c.send('Ann');
      expect(await c.next()).toBe(m('JOINED', { name: 'Ann' }));
    });

    it('--seat-grace 0: LEFT at once, as §4', async () => {
      const port = await start({ seatGraceSeconds: 0, players: 3 });
      const [ann, bob] = await seat(port, ['Ann', 'Bob']);
      ann.c.close();
      expect(await bob.c.waitFor((l) => l !== m('WAITING', { k: 2, n: 3 }))).toBe(m('LEFT', { name: 'Ann' }));
      const c = await comeBack(port, ann.key);
      expect(await c.next()).toBe(m('NO_SEAT'));
    });

    it('a room keeps the seat across games: the key stays good for the whole stay', async () => {
      const port = await start();
      const a = await game.player(port);
      const code = await openRoom(a, 'players=2 pause=1');
      a.send('Ann');
      const key = await seatKey(a);
      const b = await game.player(port);
      b.send(`/join ${code}`);
      b.send('Bob');
      await a.waitFor('/turn');
      a.send(`/word ${w.word}`);
      await b.waitFor(m('NEXT_GAME', { seconds: 1 }));
      a.close();
      await b.waitFor(m('AWAY', { name: 'Ann', seconds: 60 }));
      srv.clock.advance(1000);
      await b.waitFor(m('STARTED'));
      const back = await comeBack(port, key);
      expect(await back.next()).toBe(m('RESUMED', { name: 'Ann' }));
      expect(await back.next()).toBe(m('PLAYERS', { names: 'Ann, Bob' }));
      expect(await back.next()).toBe(m('WORD', { mask: '****' }));
      expect(await back.next()).toBe(m('SCORE', { scores: 'Ann 0, Bob 0' }));
      expect(await back.next()).toBe(m('TURN_OF', { name: 'Bob' }));
    });
  });

  describe('wrong keys', () => {
    it('past the limit of wrong keys from one address in a minute: TOO_MANY_KEYS and closed; a right key still works', async () => {
      const port = await start({ trustedAddresses: [], lobbyLimits: { wrongKeysPerMinute: 3 } });
      const [ann] = await seat(port, ['Ann']);
      const guesser = await game.player(port);
      for (let i = 0; i < 3; i++) {
        guesser.send('/back 22222222');
        expect(await guesser.next()).toBe(m('NO_SEAT'));
      }
      guesser.send('/back 33333333');
      expect(await guesser.next()).toBe(m('TOO_MANY_KEYS'));
      await guesser.closed;
      // The next connection from the address is cut at its first wrong key…
      const again = await comeBack(port, '44444444');
      expect(await again.next()).toBe(m('TOO_MANY_KEYS'));
      await again.closed;
      // …but the seat's owner is never locked out.
      ann.c.close();
      const owner = await comeBack(port, ann.key);
      expect(await owner.next()).toBe(m('RESUMED', { name: 'Ann' }));
      // A minute later the address may try again.
      srv.clock.advance(60_000);
      const later = await comeBack(port, '55555555');
      expect(await later.next()).toBe(m('NO_SEAT'));
    });

    it('from a trusted address (a gateway) the limit counts per connection', async () => {
      const port = await start({ lobbyLimits: { wrongKeysPerMinute: 1 } });
      const first = await comeBack(port, '22222222');
      expect(await first.next()).toBe(m('NO_SEAT'));
      first.send('/back 22222222');
      expect(await first.next()).toBe(m('TOO_MANY_KEYS'));
      const second = await comeBack(port, '22222222');
      expect(await second.next()).toBe(m('NO_SEAT'));
    });
  });

  describe('§8.5 the clock on the wire', () => {
    it('CLOCK follows every TURN_OF: after a move, a timeout, and (with the time left) an open letter named again', async () => {
      const port = await start();
      const [ann, bob] = await seat(port, ['Ann', 'Bob']);
      await ann.c.waitFor('/turn');
      ann.c.send(`/letter ${w.hit}`);
      await bob.c.waitFor(m('TURN_OF', { name: 'Ann' }));
      await bob.c.waitFor(m('TURN_OF', { name: 'Ann' }));
      expect(await bob.c.next()).toBe(m('CLOCK', { seconds: 30 }));
      srv.clock.advance(10_000);
      ann.c.send(`/letter ${w.hit}`);
      await ann.c.waitFor(m('ALREADY_OPEN'));
      expect(await ann.c.next()).toBe(m('TURN_OF', { name: 'Ann' }));
      expect(await ann.c.next()).toBe(m('CLOCK', { seconds: 20 }));
      expect(await ann.c.next()).toBe('/turn');
      srv.clock.advance(20_000);
      await bob.c.waitFor(m('TIMEOUT', { name: 'Ann' }));
      expect(await bob.c.next()).toBe(m('TURN_OF', { name: 'Bob' }));
      expect(await bob.c.next()).toBe(m('CLOCK', { seconds: 30 }));
      expect(await bob.c.next()).toBe('/turn');
    });

    it('no CLOCK when the clock is off', async () => {
      const port = await start({ turnSeconds: 0 });
      const [ann] = await seat(port, ['Ann', 'Bob']);
      await ann.c.waitFor(m('TURN_OF', { name: 'Ann' }));
      expect(await ann.c.next()).toBe('/turn');
    });
  });
});
