/**
 * Rooms and kept seats across the processes of a cluster (PROTOCOL.md §8 over
 * docs/SCALING.md): a room opened on one server is joined and watched from
 * another, a seat is taken back through another, and what no process holds
 * answers NO_ROOM / NO_SEAT, as on one server. Three servers in this process, one
 * real Redis, real sockets.
 */
import { describe, expect, it } from 'vitest';
import type { LineClient } from '../../test/support/line-client.js';
import { clusterPerTest } from '../../test/support/cluster.js';
import { format, type MessageFields, type MessageId } from '../../protocol/catalog.js';

const m = <Id extends MessageId>(id: Id, fields?: MessageFields<Id>) => format('en', id, fields);

const cluster = clusterPerTest();

async function client(port: number, ...lines: string[]): Promise<LineClient> {
  const c = await cluster.player(port);
  for (const line of lines) c.send(line);
  return c;
}

/** Ann opens a two-seat room on `port` and sits in it; resolves with her and the code. */
async function openRoom(port: number): Promise<{ ann: LineClient; code: string }> {
  const ann = await client(port, '/new players=2', 'Ann');
  const opened = await ann.waitFor(/^Room \w{5} is open/);
  const code = /^Room (\w{5})/.exec(opened)![1];
  await ann.waitFor(m('JOINED', { name: 'Ann' }));
  return { ann, code };
}

/**
 * Waits until another process finds `code`: a room's code reaches the directory a
 * moment after ROOM_OPENED (one Redis write), so a join from elsewhere in that moment
 * would be NO_ROOM. Asks by `/join` from `port`, a bounded number of times.
 */
async function untilFound(port: number, code: string): Promise<void> {
  const probe = await client(port);
  try {
    for (let tries = 0; tries < 200; tries++) {
      probe.send(`/join ${code}`);
      if ((await probe.next()) === m('ROOM_READY', { code })) return;
    }
    throw new Error(`room ${code} was never found from port ${port}`);
  } finally {
    probe.close();
  }
}

describe('rooms across processes', () => {
  it('a room opened on one server is joined from a second and watched from a third', async () => {
    const { ports, logs } = await cluster.start(3);
    const { ann, code } = await openRoom(ports[0]);
    await untilFound(ports[1], code);
    const bob = await client(ports[1], `/join ${code.toLowerCase()}`);
    expect(await bob.next()).toBe(m('ROOM_READY', { code }));
    bob.send('Bob');
    expect(await bob.next()).toBe(m('JOINED', { name: 'Bob' }));
    expect(await bob.next()).toBe(m('PLAYERS', { names: 'Ann, Bob' }));
    expect(await bob.next()).toMatch(/^Your seat key: \w{8} /);
    await ann.waitFor('/turn');
    const cid = await client(ports[2], `/watch ${code}`);
    expect(await cid.next()).toBe(m('WATCHING', { code }));
    expect(await cid.next()).toBe(m('PLAYERS', { names: 'Ann, Bob' }));
    ann.send('/letter d');
    await cid.waitFor(m('LETTER_NAMED', { letter: 'd' }));
    await bob.waitFor(m('LETTER_NAMED', { letter: 'd' }));
    // Bob and Cid reached servers 2 and 3, which relayed them to the room's server.
    expect(logs[1].some((l) => l.includes(`relayed to 127.0.0.1:${ports[0]} for /join ${code}`))).toBe(true);
    expect(logs[2].some((l) => l.includes(`relayed to 127.0.0.1:${ports[0]} for /watch ${code}`))).toBe(true);
  });

  it('/back takes a kept seat back through another server', async () => {
    const { ports } = await cluster.start(2);
    const { ann, code } = await openRoom(ports[0]);
    const bob = await client(ports[0], `/join ${code}`, 'Bob');
    const keyLine = await bob.waitFor(/^Your seat key: /);
    const key = /^Your seat key: (\w{8})/.exec(keyLine)![1];
    await bob.waitFor(m('STARTED'));
    bob.close();
    await ann.waitFor(/^Bob lost the connection/);
    const back = await client(ports[1], `/back ${key}`);
    expect(await back.next()).toBe(m('RESUMED', { name: 'Bob' }));
    await ann.waitFor(m('BACK', { name: 'Bob' }));
  });

  it('a code or key no process holds: NO_ROOM and NO_SEAT, and the client may try again', async () => {
    const { ports } = await cluster.start(2);
    const { code } = await openRoom(ports[0]);
    const eve = await client(ports[1], '/join ZZZZZ');
    expect(await eve.next()).toBe(m('NO_ROOM', { code: 'ZZZZZ' }));
    eve.send('/back ZZZZZZZZ');
    expect(await eve.next()).toBe(m('NO_SEAT'));
    eve.send(`/join ${code}`);
    expect(await eve.next()).toBe(m('ROOM_READY', { code }));
  });

  it('lines sent right behind /join wait for the lookup and reach the room in order', async () => {
    const { ports } = await cluster.start(2);
    const { ann, code } = await openRoom(ports[0]);
    await untilFound(ports[1], code);
    // One write: the lookup of the code is still running when the name and a chat line arrive.
    const bob = await client(ports[1]);
    bob.write(`/join ${code}\nBob\n/say hi\n`);
    expect(await bob.next()).toBe(m('ROOM_READY', { code }));
    expect(await bob.next()).toBe(m('JOINED', { name: 'Bob' }));
    await ann.waitFor(m('CHAT', { name: 'Bob', text: 'hi' }));
  });

  it('with Redis away, a room in another process is unknown (NO_ROOM); once Redis is back it is found again', async () => {
    const { ports } = await cluster.start(2);
    const { code } = await openRoom(ports[0]);
    await cluster.redis.stop();
    const eve = await client(ports[1], `/join ${code}`);
    expect(await eve.next()).toBe(m('NO_ROOM', { code }));
    await cluster.redis.restart();
    // The rooms are written again on the next heartbeat: ask until the answer changes.
    for (;;) {
      eve.send(`/join ${code}`);
      if ((await eve.next()) === m('ROOM_READY', { code })) break;
    }
  });
});
