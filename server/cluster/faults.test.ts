/**
 * A cluster of real server processes (npm run server -- --redis …) and a real
 * Redis: a process killed with SIGKILL ends only its own games, and players
 * relayed to it are told; Redis stopped and started again mid-game costs no game,
 * and the cluster heals without a restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { redisPerFile } from '../../test/support/redis-per-file.js';
import { startServerProcess, type ServerProcess } from '../../test/support/server-process.js';
import { connectLines, type LineClient } from '../../test/support/line-client.js';
import { eventually } from '../../test/support/eventually.js';
import { format, type MessageFields, type MessageId } from '../../protocol/catalog.js';

const m = <Id extends MessageId>(id: Id, fields?: MessageFields<Id>) => format('en', id, fields);

const redis = redisPerFile();

const processes: ServerProcess[] = [];
const clients: LineClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const p of processes.splice(0)) await p.kill('SIGKILL');
  if (!redis.running) await redis.restart();
  const r = new Redis(redis.url);
  await r.flushall();
  r.disconnect();
});

async function cluster(n: number): Promise<ServerProcess[]> {
  const started = await Promise.all(Array.from({ length: n }, () => startServerProcess(['--redis', redis.url])));
  processes.push(...started);
  await membersAlive(n);
  return started;
}

/** Waits until `n` processes are registered in Redis (after a start, or after Redis came back). */
async function membersAlive(n: number): Promise<void> {
  const r = new Redis(redis.url, { maxRetriesPerRequest: 0 });
  r.on('error', () => {});
  try {
    let alive = 0;
    await eventually(() => {
      void r
        .keys('wg:member:*')
        .then((keys) => (alive = keys.length))
        .catch(() => {});
      return alive === n;
    }, `${n} members registered`);
  } finally {
    r.disconnect();
  }
}

async function player(port: number, name: string): Promise<LineClient> {
  const c = await connectLines(port, name);
  clients.push(c);
  return c;
}

/** Two players at one public table: `first` arrives at `a` (the table is there), `second` at `b`. */
async function pair(a: ServerProcess, b: ServerProcess, first: string, second: string): Promise<[LineClient, LineClient]> {
  const one = await player(a.port, first);
  await one.waitFor(m('WAITING', { k: 1, n: 2 }));
  const two = await player(b.port, second);
  await one.waitFor('/turn');
  await two.waitFor(m('TURN_OF', { name: first }));
  return [one, two];
}

/** Plays the started game to its end: `mover` names the word. */
async function finish(mover: LineClient, other: LineClient): Promise<void> {
  mover.send('/word data');
  await mover.waitFor('/quit');
  await other.waitFor('/quit');
}

describe('a cluster of processes', () => {
  it('SIGKILL of one process: players relayed to it get STOPPING then /quit, games elsewhere go on, newcomers are not sent to it', async () => {
    const [a, b, c] = await cluster(3);
    // Game 1 on A, Bob relayed from C. Game 2 on B, Fay relayed from C.
    const [ann, bob] = await pair(a, c, 'Ann', 'Bob');
    const [eve, fay] = await pair(b, c, 'Eve', 'Fay');
    // A room on B, and its code.
    const zed = await player(b.port, '/new players=3');
    const code = /^Room (\w{5})/.exec(await zed.waitFor(/^Room \w{5} is open/))![1];
    await b.kill('SIGKILL');
    expect(await fay.waitFor(m('STOPPING'))).toBe(m('STOPPING'));
    expect(await fay.next()).toBe('/quit');
    await fay.closed;
    await eve.closed; // connected to B itself: the connection is simply gone
    // Game 1 is untouched.
    ann.send('/letter d');
    expect(await bob.next()).toBe(m('LETTER_NAMED', { letter: 'd' }));
    await finish(ann, bob);
    // Once B's lease is over, newcomers on A and C meet each other, never at B; B's room is unknown.
    await membersAlive(2);
    const late = await player(c.port, `/join ${code}`);
    expect(await late.next()).toBe(m('NO_ROOM', { code }));
    const [gus, hal] = await pair(c, a, 'Gus', 'Hal');
    await finish(gus, hal);
  }, 90_000);

  it('Redis stopped mid-game: games go on, newcomers sit at their own process; Redis back empty: the cluster heals', async () => {
    const [a, b] = await cluster(2);
    const [ann, bob] = await pair(a, b, 'Ann', 'Bob');
    await redis.stop();
    ann.send('/letter d');
    expect(await bob.next()).toBe(m('LETTER_NAMED', { letter: 'd' }));
    // Newcomers on B are seated at B's own table while Redis is away.
    const [cid, dan] = await pair(b, b, 'Cid', 'Dan');
    await finish(cid, dan);
    await redis.restart();
    await membersAlive(2);
    // Healed: two newcomers on two processes play each other again.
    const [eve, fay] = await pair(b, a, 'Eve', 'Fay');
    await finish(eve, fay);
    await ann.waitFor('/turn');
    await finish(ann, bob);
    expect(a.log.some((l) => l.includes('relayed to') && l.includes('"Fay"'))).toBe(true);
  }, 90_000);
});
