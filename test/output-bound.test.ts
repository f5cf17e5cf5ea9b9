/**
 * A peer that sends a burst and never reads must not park megabytes at the server
 * (docs/SECURITY.md). The server's output to one peer is watched at every write: it
 * never holds more than the pause mark plus the replies to one line. Directly over
 * TCP, and through the gateway.
 */
import { EventEmitter, once } from 'node:events';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { format } from '../protocol/catalog.js';
import { DEFAULT_LIMITS } from '../server/connection.js';
import { createGameServer, type GameServer } from '../server/server.js';
import { createGateway } from '../gateway/gateway.js';
import { TestClient } from './support/ws-client.js';
import { connectLines } from './support/line-client.js';

// The numbers: a 32-letter name of four-byte letters makes each reply long.
const NAME = '𝔸'.repeat(32);
const UNEXPECTED = format('uk', 'UNEXPECTED', { name: NAME });
// The replies to the one line whose reply passed the mark (UNEXPECTED and /turn) are sent whole.
const BOUND = DEFAULT_LIMITS.pauseOutputBytes + 1024;

const stops: (() => unknown)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** Records, after every write by the server's own sockets, the most bytes one of them held unsent. */
function watchServerOutput(port: number) {
  const write = net.Socket.prototype.write;
  const watch = { max: 0, socket: null as net.Socket | null };
  net.Socket.prototype.write = function (this: net.Socket, ...args: Parameters<typeof write>) {
    const result = write.apply(this, args);
    if (this.localPort === port) {
      watch.socket ??= this;
      watch.max = Math.max(watch.max, this.writableLength);
    }
    return result;
  } as typeof write;
  stops.push(() => (net.Socket.prototype.write = write));
  return watch;
}

async function gameServer(): Promise<GameServer> {
  // One player a table: the burst's every line is answered with UNEXPECTED and /turn.
  const server = await createGameServer({ host: '127.0.0.1', port: 0, players: 1, words: ['data'], lang: 'uk', turnSeconds: 0, greetAfterMs: 60_000 });
  stops.push(() => server.close());
  return server;
}

describe('output to a peer that does not read is bounded at every moment', () => {
  it('64 KiB of one-byte lines in one write, never read: the server holds at most the pause mark and one line’s replies', async () => {
    const server = await gameServer();
    const port = server.address().port;
    const watch = watchServerOutput(port);
    const peer = await connectLines(port, NAME);
    stops.push(() => peer.close());
    await peer.waitFor('/turn');
    peer.socket.pause(); // reads nothing from here on
    const paused = once(watch.socket!, 'pause');
    peer.write('x\n'.repeat(32 * 1024));
    await paused; // the server stopped reading: it waits for the peer to read
    expect(watch.max).toBeLessThanOrEqual(BOUND);

    // Reading again, the peer gets a reply to every line, and plays on.
    peer.socket.resume();
    let replies = 0;
    while (replies < 32 * 1024) if ((await peer.next()) === UNEXPECTED) replies++;
    peer.send('/word data');
    await peer.waitFor('/quit');
    expect(watch.max).toBeLessThanOrEqual(BOUND);
  });

  it('through the gateway: one WebSocket sending 40 000 one-byte frames and never reading parks no more at the server', async () => {
    const server = await gameServer();
    const watch = watchServerOutput(server.address().port);
    const events = new EventEmitter();
    const gw = await createGateway({
      host: '127.0.0.1',
      port: 0,
      target: { host: '127.0.0.1', port: server.address().port },
      log: () => {},
      onPause: () => events.emit('pause'),
    });
    stops.push(() => gw.close());
    const client = await TestClient.open(`ws://127.0.0.1:${gw.address().port}/ws`);
    stops.push(() => client.ws.terminate());
    client.send(NAME);
    while ((await client.next()) !== '/turn');
    client.ws.pause(); // the browser stops reading
    const FRAMES = 40_000;
    for (let i = 0; i < FRAMES; i++) client.send('x');
    // The gateway stops reading the server, so the server's output to it backs up.
    while (gw.stats().pausedUpstreams === 0) await once(events, 'pause');
    expect(watch.max).toBeLessThanOrEqual(BOUND);

    client.ws.resume();
    let replies = 0;
    while (replies < FRAMES) if ((await client.next()) === UNEXPECTED) replies++;
    expect(watch.max).toBeLessThanOrEqual(BOUND);
  });
});
