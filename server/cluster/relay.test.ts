/**
 * The relay over real sockets: the owner sees the player's address and the replayed
 * lines first, lines pass both ways, and the relay says how the owner's side ended.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { lastLineOf, openRelay, parseAddress, type RelayOptions } from './relay.js';
import { gameServerPerTest } from '../../test/support/game-server.js';
import { createScriptedServer, type ScriptedServer } from '../../test/support/scripted-server.js';
import { freePort } from '../../node/free-port.js';

const game = gameServerPerTest();
const servers: ScriptedServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** A relay whose lines and close are collected. */
async function relayTo(target: string, replay: string[], extra: Partial<RelayOptions> = {}) {
  const lines: string[] = [];
  let rest = '';
  let waiter: (() => void) | undefined;
  let resolveClosed!: (v: { lastLine: string | undefined; why: string }) => void;
  const closed = new Promise<{ lastLine: string | undefined; why: string }>((r) => (resolveClosed = r));
  const relay = await openRelay({
    target,
    client: { address: '203.0.113.7', port: 5555 },
    local: { address: '127.0.0.1', port: 30003 },
    replay,
    onOutput: (bytes) => {
      const parts = (rest + bytes.toString()).split('\n');
      rest = parts.pop()!;
      lines.push(...parts);
      waiter?.();
    },
    onClose: (lastLine, why) => resolveClosed({ lastLine, why }),
    ...extra,
  });
  const until = async (line: string) => {
    while (!lines.includes(line)) await new Promise<void>((r) => (waiter = r));
  };
  return { relay, lines, until, closed };
}

describe('a relay to the owner of a table', () => {
  it('names the player in a PROXY header, replays its lines, then passes lines both ways', async () => {
    const server = await createScriptedServer();
    servers.push(server);
    const { relay, until } = await relayTo(`127.0.0.1:${server.port}`, ['/join ABCDE', 'Ann']);
    const owner = await server.nextPeer();
    expect(await owner.next()).toBe('PROXY TCP4 203.0.113.7 127.0.0.1 5555 30003');
    expect(await owner.next()).toBe('/join ABCDE');
    expect(await owner.next()).toBe('Ann');
    owner.send('Ann joined the game');
    await until('Ann joined the game');
    relay.send('/letter a');
    expect(await owner.next()).toBe('/letter a');
    relay.sendTooLong();
    expect((await owner.next()).length).toBeGreaterThan(1024);
  });

  it("plays a whole game at a real server, which counts the player's own address", async () => {
    const log: string[] = [];
    const port = await game.start({ players: 1, log: (l) => log.push(l) });
    const { relay, until, closed } = await relayTo(`127.0.0.1:${port}`, ['Ann']);
    await until('/turn');
    relay.send('/word data');
    await until('/quit');
    expect((await closed).lastLine).toBe('/quit');
    expect(log.some((l) => l.includes('is 203.0.113.7'))).toBe(true);
  });

  it('reports an owner that vanished without /quit', async () => {
    const server = await createScriptedServer();
    servers.push(server);
    const { until, closed } = await relayTo(`127.0.0.1:${server.port}`, ['Ann']);
    const owner = await server.nextPeer();
    owner.send('Ann joined the game');
    await until('Ann joined the game');
    owner.socket.destroy();
    expect((await closed).lastLine).toBe('Ann joined the game');
  });

  it('rejects when nothing listens at the owner address', async () => {
    await expect(relayTo(`127.0.0.1:${await freePort()}`, ['Ann'])).rejects.toThrow(/cannot reach 127\.0\.0\.1:\d+/);
  });

  it('the player leaving ends the connection to the owner', async () => {
    const server = await createScriptedServer();
    servers.push(server);
    const { relay } = await relayTo(`127.0.0.1:${server.port}`, ['Ann']);
    const owner = await server.nextPeer();
    await owner.next();
    relay.end();
    await owner.ended;
  });
});

describe('lastLineOf', () => {
  it('finds the last line of what was received, with or without its line end', () => {
    expect(lastLineOf(Buffer.from(''))).toBeUndefined();
    expect(lastLineOf(Buffer.from('a\n/quit\n'))).toBe('/quit');
    expect(lastLineOf(Buffer.from('a\r\n/quit\r\n'))).toBe('/quit');
    expect(lastLineOf(Buffer.from('a\nhalf a li'))).toBe('half a li');
    expect(lastLineOf(Buffer.from('/quit'))).toBe('/quit');
    expect(lastLineOf(Buffer.from('\n'))).toBe('');
  });
});

describe('parseAddress', () => {
  it('reads HOST:PORT and [IPv6]:PORT, and refuses anything else', () => {
    expect(parseAddress('10.0.0.1:30003')).toEqual({ host: '10.0.0.1', port: 30003 });
    expect(parseAddress('[::1]:7')).toEqual({ host: '::1', port: 7 });
    expect(parseAddress('game.example:1')).toEqual({ host: 'game.example', port: 1 });
    for (const bad of ['10.0.0.1', ':1', '10.0.0.1:0', '10.0.0.1:70000', '::1:7']) expect(() => parseAddress(bad)).toThrow(/HOST:PORT/);
  });
});

