/**
 * The cluster layer's own rules, against a real Redis: a relay to a member whose
 * lease ended is dropped (a machine that vanished without closing its sockets),
 * and the player is told STOPPING then /quit; a relay the player ended is no fault.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Cluster, type RelayedPlayer } from './cluster.js';
import { Directory } from './directory.js';
import { redisPerFile } from '../../test/support/redis-per-file.js';
import { createScriptedServer, type ScriptedServer } from '../../test/support/scripted-server.js';
import { eventually } from '../../test/support/eventually.js';

const redis = redisPerFile();

const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

let prefixes = 0;

/** A player here, as the relay sees it: what it was sent, and whether it was ended. */
function fakePlayer() {
  const sent: string[] = [];
  let ended = '';
  const player: RelayedPlayer = {
    client: { address: '203.0.113.7', port: 5555 },
    local: { address: '127.0.0.1', port: 30003 },
    send: (line) => void sent.push(line),
    sendBytes: (bytes) => void sent.push(...bytes.toString().split('\n').filter(Boolean)),
    end: (why) => void (ended = why),
  };
  return { player, sent, ended: () => ended };
}

describe('the cluster', () => {
  it("drops a relay to a member whose lease ended, telling the player STOPPING then /quit", async () => {
    const prefix = `k${++prefixes}:`;
    const owner: ScriptedServer = await createScriptedServer();
    stops.push(() => owner.close());
    // The owner's entry in the directory; its game port is the scripted server.
    const ownerEntry = new Directory({ url: redis.url, address: `127.0.0.1:${owner.port}`, prefix, leaseMs: 400, heartbeatMs: 50 });
    await ownerEntry.start();
    stops.push(() => ownerEntry.close());
    const logs: string[] = [];
    const here = await Cluster.start({
      url: redis.url,
      address: '127.0.0.1:1',
      prefix,
      leaseMs: 400,
      heartbeatMs: 50,
      finalLines: new Set(['/quit']),
      stoppingLine: 'The server is stopping. Goodbye!',
      log: (l) => logs.push(l),
    });
    stops.push(() => here.close());

    const { player, sent, ended } = fakePlayer();
    const relay = await here.relay(player, { id: ownerEntry.id, address: ownerEntry.address }, ['Ann']);
    expect(relay).toBeDefined();
    const peer = await owner.nextPeer();
    expect(await peer.next()).toMatch(/^PROXY TCP4 203\.0\.113\.7 /);
    peer.send('Ann joined the game');
    await eventually(() => sent.includes('Ann joined the game'), 'the owner line to reach the player');
    expect(here.relayCount).toBe(1);

    // The owner leaves the directory while its socket stays open: a machine gone silent.
    await ownerEntry.close();
    await eventually(() => sent.includes('/quit'), 'the player to be told');
    expect(sent.slice(-2)).toEqual(['The server is stopping. Goodbye!', '/quit']);
    expect(ended()).toMatch(/relay to .* closed/);
    expect(here.relayCount).toBe(0);
    expect(logs.some((l) => l.includes('left the directory'))).toBe(true);
  });

  it('a relay the player ended is no fault: nothing is sent to the player', async () => {
    const owner = await createScriptedServer();
    stops.push(() => owner.close());
    const prefix = `k${++prefixes}:`;
    const ownerEntry = new Directory({ url: redis.url, address: `127.0.0.1:${owner.port}`, prefix });
    await ownerEntry.start();
    stops.push(() => ownerEntry.close());
    const here = await Cluster.start({ url: redis.url, address: '127.0.0.1:1', prefix, finalLines: new Set(['/quit']), stoppingLine: 'STOPPING' });
    stops.push(() => here.close());
    const { player, sent, ended } = fakePlayer();
    const relay = await here.relay(player, { id: ownerEntry.id, address: ownerEntry.address }, ['Ann']);
    const peer = await owner.nextPeer();
    await peer.next();
    relay!.end();
    await peer.ended;
    peer.socket.end();
    await eventually(() => ended() !== '', 'the relay to close');
    expect(sent).toEqual([]);
  });
});
