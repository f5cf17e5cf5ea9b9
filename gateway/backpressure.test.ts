import { EventEmitter, once } from 'node:events';
import { afterEach, expect, it } from 'vitest';
import { DEFAULT_HIGH_WATER_MARK } from './bridge.js';
import { createGateway, type Gateway } from './gateway.js';
import { TestClient } from '../test/support/ws-client.js';
import { createScriptedServer } from '../test/support/scripted-server.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

const LINE = 'x'.repeat(1000);
// More than the kernel buffers on the way can hold (loopback buffers grow to several MiB).
const TOTAL_LINES = 48 * 1024;
// What one pair may hold towards either side: the mark, plus the frames of one socket read (64 KiB).
const BOUND = DEFAULT_HIGH_WATER_MARK + 96 * 1024;

/** A gateway in front of a line server, and an emitter that says "look again" on each backpressure event. */
async function setup() {
  const events = new EventEmitter();
  const server = await createScriptedServer();
  stops.push(() => server.close());
  const gw: Gateway = await createGateway({
    host: '127.0.0.1',
    port: 0,
    target: { host: '127.0.0.1', port: server.port },
    log: () => {},
    onPause: () => events.emit('change'),
  });
  stops.push(() => gw.close());
  const client = await TestClient.open(`ws://127.0.0.1:${gw.address().port}/ws`);
  stops.push(async () => void client.ws.terminate());
  const peer = await server.nextPeer();
  // A pause can be brief (a buffer drains at once); wait until the condition holds at an event.
  const until = async (check: () => boolean): Promise<void> => {
    while (!check()) await once(events, 'change');
  };
  return { gw, client, peer, events, until };
}

it('holds the server back, not the gateway, when the browser stops reading', async () => {
  const { gw, client, peer, events, until } = await setup();
  let written = 0;
  let blocked = false; // a server write waits for 'drain'
  // Writes as fast as the socket takes it, waiting for 'drain' when it is full.
  const pump = (): void => {
    blocked = false;
    while (written < TOTAL_LINES) {
      if (!peer.socket.write(`${written++} ${LINE}\n`)) {
        blocked = true;
        peer.socket.once('drain', pump);
        break;
      }
    }
    events.emit('change');
  };
  client.ws.pause(); // the browser stops reading
  pump();

  await until(() => gw.stats().pausedUpstreams === 1 && (blocked || written === TOTAL_LINES));
  // The gateway reads nothing from the server now, so what it holds cannot grow.
  expect(gw.stats().bufferedToClients).toBeLessThan(BOUND);

  // Reading again: every line arrives, once, in order.
  client.ws.resume();
  const got = await client.take(TOTAL_LINES);
  got.forEach((frame, i) => {
    if (frame !== `${i} ${LINE}`) expect.fail(`frame ${i} was ${frame.slice(0, 20)}…`);
  });
  expect(gw.stats()).toMatchObject({ bufferedToClients: 0, pausedUpstreams: 0 });
});

it('stops reading from the browser while the server does not read', async () => {
  const { gw, client, peer, until } = await setup();
  peer.socket.pause(); // the server stops reading
  for (let i = 0; i < TOTAL_LINES; i++) client.send(`${i} ${LINE}`);

  await until(() => gw.stats().pausedClients === 1);
  // The gateway reads nothing from the browser now; the rest waits in the browser's own buffer.
  expect(gw.stats().bufferedToServer).toBeLessThan(BOUND);

  peer.socket.resume();
  for (let i = 0; i < TOTAL_LINES; i++) {
    const line = await peer.next();
    if (line !== `${i} ${LINE}`) expect.fail(`line ${i} was ${line.slice(0, 20)}…`);
  }
  expect(gw.stats()).toMatchObject({ bufferedToServer: 0, pausedClients: 0 });
});
