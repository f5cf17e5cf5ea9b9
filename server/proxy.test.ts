/**
 * The PROXY header at the game server, over real sockets: accepted as the first
 * line from a trusted address, after which the per-address limit and the log see
 * the client it names; refused (closed, nothing sent) from anyone else.
 */
import { describe, expect, it } from 'vitest';
import { format, type MessageFields, type MessageId } from '../protocol/catalog.js';
import { gameServerPerTest } from '../test/support/game-server.js';
import { eventually } from '../test/support/eventually.js';

const m = <Id extends MessageId>(id: Id, fields?: MessageFields<Id>) => format('en', id, fields);
const game = gameServerPerTest();
const header = (address: string, port = 40000) => `PROXY TCP4 ${address} 127.0.0.1 ${port} 30003\r\n`;

describe('a PROXY header', () => {
  it('from a trusted proxy names the client: the log shows its address and the game goes on as usual', async () => {
    const log: string[] = [];
    const port = await game.start({ players: 1, log: (l) => log.push(l) });
    const ann = await game.player(port);
    ann.write(header('203.0.113.7'));
    ann.send('Ann');
    expect(await ann.next()).toBe(m('JOINED', { name: 'Ann' }));
    await ann.waitFor('/turn');
    expect(log.some((l) => /is 203\.0\.113\.7 \(PROXY header from 127\.0\.0\.1:\d+\)/.test(l))).toBe(true);
  });

  it('counts the named client against the per-address limit, not the proxy', async () => {
    const port = await game.start({ players: 10, maxPerAddress: 2, trustedAddresses: ['127.0.0.1'] });
    const viaProxy = async (address: string, name: string) => {
      const c = await game.player(port);
      c.write(header(address));
      c.send(name);
      return c;
    };
    for (const name of ['A1', 'A2']) expect(await (await viaProxy('203.0.113.7', name)).next()).toBe(m('JOINED', { name }));
    const third = await viaProxy('203.0.113.7', 'A3');
    expect(await third.next()).toBe(m('SERVER_FULL'));
    await third.closed;
    // Another client behind the same proxy is not held by the first one's count.
    expect(await (await viaProxy('198.51.100.9', 'B1')).next()).toBe(m('JOINED', { name: 'B1' }));
    // UNKNOWN keeps the proxy's own (trusted) address.
    const unknown = await game.player(port);
    unknown.write('PROXY UNKNOWN\r\nU1\n');
    expect(await unknown.next()).toBe(m('JOINED', { name: 'U1' }));
  });

  it('from an address that is not trusted is refused: closed, no line sent, a log line says why', async () => {
    const log: string[] = [];
    const port = await game.start({ trustedAddresses: [], log: (l) => log.push(l) });
    const eve = await game.player(port);
    eve.write(header('10.0.0.1'));
    eve.send('Eve');
    await eve.closed;
    expect(eve.lines).toEqual([]);
    await eventually(() => log.some((l) => l.includes('not trusted')), 'the refusal in the log');
    expect(game.server.stats().connections).toBe(0);
  });

  it('that is malformed is refused even from a trusted proxy', async () => {
    const log: string[] = [];
    const port = await game.start({ log: (l) => log.push(l) });
    const c = await game.player(port);
    c.write('PROXY TCP4 1.2.3.4 5.6.7.8 99999 1\r\nAnn\n');
    await c.closed;
    expect(c.lines).toEqual([]);
    await eventually(() => log.some((l) => l.includes('bad PROXY header')), 'the refusal in the log');
  });

  it('counts only as the very first line: later it is an ordinary line, and a name may begin with the word', async () => {
    const port = await game.start({ players: 1 });
    const c = await game.player(port, 'PROXYMAN');
    expect(await c.next()).toBe(m('JOINED', { name: 'PROXYMAN' }));
    await c.waitFor('/turn');
    c.send('PROXY TCP4 1.2.3.4 5.6.7.8 1 2');
    expect(await c.next()).toBe(m('UNEXPECTED', { name: 'PROXYMAN' }));
  });
});
