/**
 * One hostile player against the others at its table, over real sockets: what it
 * sends must cost the others nothing. Each test counts the lines the others get;
 * none waits on a timer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGameServer, type GameServer } from './server.js';
import { format, type MessageFields, type MessageId } from './protocol/catalog.js';
import { connectLines, type LineClient } from '../test/support/line-client.js';

let server: GameServer | null = null;
const clients: LineClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
  server = null;
});

const m = <Id extends MessageId>(id: Id, fields?: MessageFields<Id>) => format('en', id, fields);

/** Three players at one table, word `data`; Eve moves first. */
async function table(): Promise<[eve: LineClient, ann: LineClient, bob: LineClient]> {
  server = await createGameServer({ host: '127.0.0.1', port: 0, players: 3, words: ['data'], lang: 'en', turnSeconds: 0, greetAfterMs: 60_000 });
  const port = server.address().port;
  const seated: LineClient[] = [];
  for (const name of ['Eve', 'Ann', 'Bob']) {
    const c = await connectLines(port, name);
    clients.push(c);
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
    server = await createGameServer({ host: '127.0.0.1', port: 0, players: 2, words: ['data'], lang: 'en', turnSeconds: 0, greetAfterMs: 60_000, maxPerAddress: 3, trustedAddresses: [] });
    const port = server.address().port;
    const ann = await connectLines(port, 'Ann');
    const idle = await connectLines(port);
    const bob = await connectLines(port, 'Bob');
    clients.push(ann, idle, bob);
    await ann.waitFor(m('STARTED'));
    const flood: LineClient[] = [];
    for (let i = 0; i < 20; i++) flood.push(await connectLines(port, `Eve${i}`));
    clients.push(...flood);
    for (const c of flood) {
      expect(await c.next()).toBe(m('SERVER_FULL'));
      await c.closed;
    }
    idle.close();
    await idle.closed;
    // Ann and Bob's game goes on; a new player from the address is taken again once a seat is free.
    let cid: LineClient | null = null;
    for (let tries = 0; tries < 100 && cid === null; tries++) {
      const c = await connectLines(port, 'Cid');
      clients.push(c);
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
    server = await createGameServer({ host: '127.0.0.1', port: 0, players: 100, words: ['data'], lang: 'en', turnSeconds: 0, greetAfterMs: 60_000, maxPerAddress: 3 });
    const port = server.address().port;
    const many: LineClient[] = [];
    for (let i = 0; i < 10; i++) many.push(await connectLines(port, `P${i}`));
    clients.push(...many);
    for (const [i, c] of many.entries()) expect(await c.next()).toBe(m('JOINED', { name: `P${i}` }));
  });
});
