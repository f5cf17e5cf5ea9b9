/**
 * The directory against a real redis-server: members find each other's rooms,
 * seats and public table; a killed member's entries leave with its lease; Redis
 * away answers "not known" at once; Redis back empty is filled again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Directory, type DirectoryOptions } from './directory.js';
import { redisPerFile } from '../../test/support/redis-per-file.js';
import { runScript } from '../../test/support/child.js';
import { eventually } from '../../test/support/eventually.js';

const redis = redisPerFile();

let prefixes = 0;
const open: Directory[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
  if (!redis.running) await redis.restart();
});

/** Members of one cluster; each test gets its own key prefix. */
function cluster(extra: Partial<DirectoryOptions> = {}) {
  const prefix = `t${++prefixes}:`;
  return async (address: string, more: Partial<DirectoryOptions> = {}) => {
    const d = new Directory({ url: redis.url, address, prefix, ...extra, ...more });
    open.push(d);
    await d.start();
    return d;
  };
}

describe('the directory', () => {
  it('finds a room, a seat and the public table held by another member', async () => {
    const member = cluster();
    const a = await member('10.0.0.1:30003');
    const b = await member('10.0.0.2:30003');
    expect(await a.addRoom('ABCDE')).toBe(true);
    a.addSeat('KEYKEY23');
    await a.heartbeat();
    expect(await b.findRoom('ABCDE')).toEqual({ id: a.id, address: '10.0.0.1:30003' });
    expect(await b.findSeat('KEYKEY23')).toEqual({ id: a.id, address: '10.0.0.1:30003' });
    expect(await b.findRoom('ZZZZZ')).toBeUndefined();
    expect(await b.findSeat('ABCDE')).toBeUndefined();
    // A room code is unique in the cluster.
    expect(await b.addRoom('ABCDE')).toBe(false);
    a.removeRoom('ABCDE');
    a.removeSeat('KEYKEY23');
    await a.heartbeat();
    expect(await b.findRoom('ABCDE')).toBeUndefined();
    expect(await b.findSeat('KEYKEY23')).toBeUndefined();
  });

  it('sends newcomers to the member that claimed the public table until it releases it', async () => {
    const member = cluster();
    const a = await member('10.0.0.1:1');
    const b = await member('10.0.0.2:1');
    expect((await a.publicTable())?.id).toBe(a.id);
    expect(await b.publicTable()).toEqual({ id: a.id, address: '10.0.0.1:1' });
    a.releasePublic();
    await a.heartbeat();
    expect((await b.publicTable())?.id).toBe(b.id);
    expect((await a.publicTable())?.id).toBe(b.id);
  });

  it("drops a SIGKILLed member's room, seat and public table when its lease ends, and reports it gone", async () => {
    const alive: ReadonlySet<string>[] = [];
    // The member in the child process uses the default key prefix, so this reader does too.
    const c = new Directory({ url: redis.url, address: '10.0.0.3:1', leaseMs: 400, heartbeatMs: 50, onMembers: (ids) => alive.push(ids) });
    open.push(c);
    await c.start();
    const child = runScript('test/support/directory-member.ts', [redis.url, '10.0.0.9:1', '400', 'KILLD', 'KILLKEY2']);
    const id = (await child.stdout.until(/^ready /)).slice('ready '.length);
    expect((await c.findRoom('KILLD'))?.id).toBe(id);
    expect((await c.findSeat('KILLKEY2'))?.id).toBe(id);
    expect((await c.publicTable())?.id).toBe(id);
    await eventually(() => alive.some((ids) => ids.has(id)), 'the member reported alive');
    child.child.kill('SIGKILL');
    await child.exited;
    await eventually(() => (alive.at(-1)?.has(id) ?? true) === false, 'the member reported gone');
    expect(await c.findRoom('KILLD')).toBeUndefined();
    expect(await c.findSeat('KILLKEY2')).toBeUndefined();
    // The public table is claimed again by whoever asks next.
    expect((await c.publicTable())?.id).toBe(c.id);
  });

  it('answers "not known" at once while Redis is away, and registers again when it is back empty', async () => {
    const logs: string[] = [];
    const member = cluster({ heartbeatMs: 50, log: (l) => logs.push(l) });
    const a = await member('10.0.0.1:1');
    const b = await member('10.0.0.2:1');
    expect(await a.addRoom('ROOMA')).toBe(true);
    a.addSeat('SEATA234');
    await redis.stop();
    await eventually(() => !a.up && !b.up, 'both members to see Redis gone');
    expect(await b.findRoom('ROOMA')).toBeUndefined();
    expect(await b.publicTable()).toBeUndefined();
    // A room opened while Redis is away is this member's, and registered once it is back.
    expect(await a.addRoom('ROOMB')).toBe(true);
    await redis.restart();
    await eventually(() => a.up && b.up, 'both members back');
    let found: unknown;
    await eventually(() => {
      void b.findRoom('ROOMB').then((m) => (found = m));
      return found !== undefined;
    }, 'the room opened during the outage to be found');
    expect(await b.findRoom('ROOMA')).toEqual({ id: a.id, address: '10.0.0.1:1' });
    expect(await b.findSeat('SEATA234')).toEqual({ id: a.id, address: '10.0.0.1:1' });
    expect(logs.some((l) => l.includes('unreachable'))).toBe(true);
  });
});
