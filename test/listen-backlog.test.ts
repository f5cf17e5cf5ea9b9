/**
 * The game server and the gateway listen with a backlog of LISTEN_BACKLOG (up to the
 * kernel's net.core.somaxconn), not Node's 511: when hundreds of tables end at once and
 * their players come straight back, no connection waits a second for the kernel's retry.
 * Read from the kernel itself: for a listening socket, `ss` shows the backlog as Send-Q.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createGameServer } from '../server/server.js';
import { createGateway } from '../gateway/gateway.js';
import { LISTEN_BACKLOG } from '../node/ports.js';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** The backlog the kernel holds for the listener on 127.0.0.1:PORT. */
function backlogOf(port: number): number {
  const ss = spawnSync('ss', ['-ltnH', `sport = :${port}`], { encoding: 'utf8' });
  if (ss.error) throw new Error(`ss (from iproute2) is needed to read a listener's backlog: ${ss.error.message}`);
  const fields = ss.stdout.trim().split(/\s+/);
  // State, Recv-Q (connections waiting), Send-Q (the backlog), local address, peer address.
  return Number(fields[2]);
}

const expected = Math.min(LISTEN_BACKLOG, Number(readFileSync('/proc/sys/net/core/somaxconn', 'utf8')));

describe('listeners hold a burst of new connections', () => {
  it('the game server', async () => {
    const server = await createGameServer({ host: '127.0.0.1', port: 0, players: 2, words: ['cat'], lang: 'en', turnSeconds: 0 });
    stops.push(() => server.close());
    expect(expected).toBeGreaterThan(511);
    expect(backlogOf(server.address().port)).toBe(expected);
  });

  it('the gateway', async () => {
    const gw = await createGateway({ host: '127.0.0.1', port: 0, target: { host: '127.0.0.1', port: 1 }, log: () => {} });
    stops.push(() => gw.close());
    expect(backlogOf(gw.address().port)).toBe(expected);
  });
});
