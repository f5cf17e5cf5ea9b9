/**
 * Two game servers in one cluster (one Redis), in this process: newcomers on
 * either sit at the one public table that is filling, so two players who reach two
 * different servers play each other; moves pass through the relay in order.
 */
import { describe, expect, it } from 'vitest';
import { clusterPerTest } from '../../test/support/cluster.js';
import { format, type MessageFields, type MessageId } from '../../protocol/catalog.js';

const m = <Id extends MessageId>(id: Id, fields?: MessageFields<Id>) => format('en', id, fields);

const cluster = clusterPerTest();

describe('public tables across processes', () => {
  it('two players who reach two servers play one game, line for line as on one server', async () => {
    const { ports, logs } = await cluster.start(2);
    const ann = await cluster.player(ports[0], 'Ann');
    await ann.waitFor(m('WAITING', { k: 1, n: 2 }));
    const bob = await cluster.player(ports[1], 'Bob');
    const annLines = [m('JOINED', { name: 'Bob' }), m('STARTED'), m('WORD', { mask: '****' }), m('TURN_OF', { name: 'Ann' }), '/turn'];
    for (const line of annLines) expect(await ann.next()).toBe(line);
    // The newcomer alone gets PLAYERS and its SEAT_KEY right after JOINED (PROTOCOL.md §8.3), through the relay too.
    expect(await bob.next()).toBe(m('JOINED', { name: 'Bob' }));
    expect(await bob.next()).toBe(m('PLAYERS', { names: 'Ann, Bob' }));
    expect(await bob.next()).toMatch(/^Your seat key: [2-9A-HJ-NP-Z]{8} /);
    for (const line of [m('STARTED'), m('WORD', { mask: '****' }), m('TURN_OF', { name: 'Ann' })]) expect(await bob.next()).toBe(line);
    ann.send('/letter d');
    expect(await bob.next()).toBe(m('LETTER_NAMED', { letter: 'd' }));
    await ann.waitFor('/turn');
    ann.send('/letter x');
    await bob.waitFor('/turn');
    bob.send('/word data');
    await bob.waitFor(m('WON'));
    await bob.waitFor('/quit');
    await ann.waitFor('/quit');
    await bob.closed;
    // Bob reached the second server, which relayed him to the first.
    expect(logs[1].some((l) => /relayed to 127\.0\.0\.1:\d+ as "Bob"/.test(l))).toBe(true);
    expect(cluster.servers[1].stats().playing + cluster.servers[1].stats().waiting).toBe(0);
  });

  it('spreads tables: once a table is full, the next newcomer opens one where it arrived', async () => {
    const { ports } = await cluster.start(2);
    const a1 = await cluster.player(ports[0], 'A1');
    await a1.waitFor(m('WAITING', { k: 1, n: 2 }));
    const b1 = await cluster.player(ports[1], 'B1');
    await b1.waitFor(m('STARTED'));
    // The first table is full and on server 0; the next newcomer on server 1 opens the next table there.
    const b2 = await cluster.player(ports[1], 'B2');
    await b2.waitFor(m('WAITING', { k: 1, n: 2 }));
    const a2 = await cluster.player(ports[0], 'A2');
    await a2.waitFor(m('STARTED'));
    expect(cluster.servers[1].stats().playing).toBe(1);
    expect(cluster.servers[0].stats().playing).toBe(1);
  });
});
