/**
 * One hostile player against the others at its table, over real sockets: what it
 * sends must cost the others nothing. Each test counts the lines the others get;
 * none waits on a timer.
 */
import { describe, expect, it } from 'vitest';
import { format, type MessageFields, type MessageId } from '../protocol/catalog.js';
import type { LineClient } from '../test/support/line-client.js';
import { gameServerPerTest } from '../test/support/game-server.js';

const game = gameServerPerTest();

const m = <Id extends MessageId>(id: Id, fields?: MessageFields<Id>) => format('en', id, fields);

/** Three players at one table, word `data`; Eve moves first. */
async function table(): Promise<[eve: LineClient, ann: LineClient, bob: LineClient]> {
  const port = await game.start({ players: 3 });
  const seated: LineClient[] = [];
  for (const name of ['Eve', 'Ann', 'Bob']) {
    const c = await game.player(port, name);
    await c.waitFor(m('JOINED', { name }));
    seated.push(c);
  }
  return seated as [LineClient, LineClient, LineClient];
}

describe('a flood from one player', () => {
  it('naming an open letter again and again reaches only that player: the others get one TURN_OF, not one per line', async () => {
    const [eve, ann, bob] = await table();
    await eve.waitFor('/turn');
    eve.send('/letter a');
    await eve.waitFor('/turn');
    const before = ann.lines.length;
    const REPEATS = 2000;
    eve.write('/letter a\n'.repeat(REPEATS));
    // Eve gets every answer: ALREADY_OPEN and /turn for each line.
    let answers = 0;
    while (answers < REPEATS) if ((await eve.next()) === m('ALREADY_OPEN')) answers++;
    // Then a move that ends Eve's turn; the others see it after at most one repeated TURN_OF.
    eve.send('/letter z');
    await ann.waitFor(m('LETTER_NAMED', { letter: 'z' }));
    await bob.waitFor(m('LETTER_NAMED', { letter: 'z' }));
    const annSaw = ann.lines.slice(before);
    expect(annSaw.filter((l) => l === m('TURN_OF', { name: 'Eve' })).length).toBeLessThanOrEqual(1);
  });

  it('commands out of turn, unknown commands and stray lines are answered to the sender alone', async () => {
    const [eve, ann, bob] = await table();
    await eve.waitFor('/turn');
    const before = [ann.lines.length, bob.lines.length];
    ann.write('/letter d\n/word data\n/nope\n/\nhello\n'.repeat(500));
    for (let i = 0; i < 500; i++) await ann.waitFor(m('UNEXPECTED', { name: 'Ann' }));
    eve.send('/letter z');
    await bob.waitFor(m('LETTER_NAMED', { letter: 'z' }));
    // Bob's first line since Ann's flood is Eve's move.
    expect(bob.lines[before[1]]).toBe(m('LETTER_NAMED', { letter: 'z' }));
  });
});

describe('a connection flood from one address', () => {
  it('past maxPerAddress gets SERVER_FULL and is closed; the others play on, and a seat freed is a seat again', async () => {
    // 127.0.0.1 is trusted by default (a gateway there carries every browser); here it is not.
    const port = await game.start({ maxPerAddress: 3, trustedAddresses: [] });
    const ann = await game.player(port, 'Ann');
    const idle = await game.player(port);
    const bob = await game.player(port, 'Bob');
    await ann.waitFor(m('STARTED'));
    const flood: LineClient[] = [];
    for (let i = 0; i < 20; i++) flood.push(await game.player(port, `Eve${i}`));
    for (const c of flood) {
      expect(await c.next()).toBe(m('SERVER_FULL'));
      await c.closed;
    }
    idle.close();
    await idle.closed;
    // Ann and Bob's game goes on; a new player from the address is taken again once a seat is free.
    let cid: LineClient | null = null;
    for (let tries = 0; tries < 100 && cid === null; tries++) {
      const c = await game.player(port, 'Cid');
      if ((await c.next()) === m('JOINED', { name: 'Cid' })) cid = c;
      else await c.closed;
    }
    expect(cid).not.toBeNull();
    await ann.waitFor('/turn');
    ann.send('/word data');
    await ann.waitFor('/quit');
    await bob.waitFor('/quit');
  });

  it('from a trusted address (loopback, where the gateway runs) is held only by maxConnections', async () => {
    const port = await game.start({ players: 100, maxPerAddress: 3 });
    const many: LineClient[] = [];
    for (let i = 0; i < 10; i++) many.push(await game.player(port, `P${i}`));
    for (const [i, c] of many.entries()) expect(await c.next()).toBe(m('JOINED', { name: `P${i}` }));
  });
});
