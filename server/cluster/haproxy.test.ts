/**
 * The recipe of docs/SCALING.md, tested: Debian's HAProxy in front of the TCP ports
 * of a two-process cluster (round robin, PROXY header on). Two telnet-like
 * players (CRLF line ends) reach two different processes and play one game; each
 * process sees the player's own address, not HAProxy's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { clusterPerTest } from '../../test/support/cluster.js';
import { startHaproxy, type TestHaproxy } from '../../test/support/haproxy.js';
import { lineQueue, type LineQueue } from '../../test/support/lines.js';
import { format, type MessageFields, type MessageId } from '../../protocol/catalog.js';

const m = <Id extends MessageId>(id: Id, fields?: MessageFields<Id>) => format('en', id, fields);

const cluster = clusterPerTest();

const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** A telnet user from `from` (a loopback address of its own): CRLF line ends. */
async function telnet(port: number, from: string): Promise<LineQueue & { type(line: string): void; until: LineQueue['until'] }> {
  const socket = net.connect({ port, host: '127.0.0.1', localAddress: from });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  stops.push(() => void socket.destroy());
  return Object.assign(lineQueue(socket), { type: (line: string) => void socket.write(line + '\r\n') });
}

describe('HAProxy in front of two processes', () => {
  it('spreads telnet players over both; they play one game; each process logs the player by its own address', async () => {
    const { ports, logs } = await cluster.start(2);
    const haproxy: TestHaproxy = await startHaproxy(ports);
    stops.push(() => haproxy.stop());

    const ann = await telnet(haproxy.port, '127.0.0.2');
    ann.type('Ann');
    await ann.until(m('WAITING', { k: 1, n: 2 }));
    const bob = await telnet(haproxy.port, '127.0.0.3');
    bob.type('Bob');
    await ann.until('/turn');
    await bob.until(m('TURN_OF', { name: 'Ann' }));
    ann.type('/word data');
    await ann.until('/quit');
    await bob.until('/quit');
    // Round robin: Ann reached the first process, Bob the second, which relayed him to the first.
    expect(logs[0].some((l) => /^c\d+ is 127\.0\.0\.2 \(PROXY header from 127\.0\.0\.1:\d+\)$/.test(l))).toBe(true);
    expect(logs[1].some((l) => /^c\d+ is 127\.0\.0\.3 \(PROXY header from 127\.0\.0\.1:\d+\)$/.test(l))).toBe(true);
    expect(logs[1].some((l) => l.includes('relayed to') && l.includes('"Bob"'))).toBe(true);
    // The relay named Bob by his own address to the first process as well.
    expect(logs[0].some((l) => /^c\d+ is 127\.0\.0\.3 /.test(l))).toBe(true);
  });
});
