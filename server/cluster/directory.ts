/**
 * The cluster's directory in Redis: which process (member) holds the public table
 * that is filling, each room code and each seat key, and where each member can be
 * reached. Every entry lives under a lease (a TTL renewed by this member's
 * heartbeat), so a killed process's entries leave within one lease.
 *
 *   {p}member:{id}   "host:port"              lease
 *   {p}members       set of member ids         (pruned of members whose lease is gone)
 *   {p}rooms:{id}    set of room codes held    lease
 *   {p}seats:{id}    set of seat keys held     lease
 *   {p}public        the id holding the filling public table   lease
 *
 * Redis is never on the path of a move, and never blocks a player: every call has
 * a time limit and no offline queue, and answers "not known" when Redis is away;
 * the member then serves its own tables alone and registers again when Redis is
 * back (even empty).
 */
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';

/** A process of the cluster and the TCP address its game port is reached at. */
export interface Member {
  readonly id: string;
  readonly address: string;
}

export interface DirectoryOptions {
  /** `redis://HOST:PORT`. */
  readonly url: string;
  /** Where other members reach this one's game port: `HOST:PORT`. */
  readonly address: string;
  /** Key prefix, so that several clusters can share one Redis. Default `wg:`. */
  readonly prefix?: string;
  /** An entry not renewed for this long leaves the directory. */
  readonly leaseMs?: number;
  /** How often this member renews its entries. */
  readonly heartbeatMs?: number;
  /** The longest any Redis call may take before it counts as failed. */
  readonly timeoutMs?: number;
  /** Whether this member seats public players at a table that is filling now (asked on each heartbeat). */
  readonly fillingHere?: () => boolean;
  /** Called after each heartbeat with the members whose lease is alive (not called while Redis is away). */
  readonly onMembers?: (alive: ReadonlySet<string>) => void;
  readonly log?: (line: string) => void;
}

/** A lease well under the 10 s in which a dead process's entries must be gone. */
export const LEASE_MS = 4000;
export const HEARTBEAT_MS = 1000;
/** Redis answers a healthy local call in well under a millisecond; a second means it is away. */
export const REDIS_TIMEOUT_MS = 1000;

// Lua keeps each decision in one round trip and atomic. Members are few (processes,
// not players), so walking them is cheap.
/** ARGV: prefix, kind (rooms|seats), item → {id, address} of the live member holding it, or nil. */
const FIND = `
local p, kind, item = ARGV[1], ARGV[2], ARGV[3]
for _, id in ipairs(redis.call('SMEMBERS', p .. 'members')) do
  local address = redis.call('GET', p .. 'member:' .. id)
  if not address then redis.call('SREM', p .. 'members', id)
  elseif redis.call('SISMEMBER', p .. kind .. ':' .. id, item) == 1 then return {id, address} end
end
return nil`;

/** ARGV: prefix → the ids of the members whose lease is alive; the others are dropped from the set. */
const LIVE = `
local p, live = ARGV[1], {}
for _, id in ipairs(redis.call('SMEMBERS', p .. 'members')) do
  if redis.call('EXISTS', p .. 'member:' .. id) == 1 then live[#live + 1] = id else redis.call('SREM', p .. 'members', id) end
end
return live`;

/** ARGV: prefix, me, lease → {id, address} of the live holder of the public table; claims it for me if none. */
const PUBLIC = `
local p, me, lease = ARGV[1], ARGV[2], ARGV[3]
local owner = redis.call('GET', p .. 'public')
if owner then
  local address = redis.call('GET', p .. 'member:' .. owner)
  if address then return {owner, address} end
end
redis.call('SET', p .. 'public', me, 'PX', lease)
return {me, redis.call('GET', p .. 'member:' .. me) or ''}`;

/** KEYS: public; ARGV: me → 1 if I held it and now do not. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** KEYS: public; ARGV: me, lease → 1 if I hold it (lease renewed), 0 if not. */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

/** ARGV: prefix, me, code, lease → 1 if the code is now mine, 0 if another live member holds it. */
const CLAIM_ROOM = `
local p, me, code, lease = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
for _, id in ipairs(redis.call('SMEMBERS', p .. 'members')) do
  if id ~= me and redis.call('EXISTS', p .. 'member:' .. id) == 1 and redis.call('SISMEMBER', p .. 'rooms:' .. id, code) == 1 then return 0 end
end
redis.call('SADD', p .. 'rooms:' .. me, code)
redis.call('PEXPIRE', p .. 'rooms:' .. me, lease)
return 1`;

/** This process's entry in the cluster directory. */
export class Directory {
  readonly id: string;
  readonly address: string;
  private readonly redis: Redis;
  private readonly p: string;
  private readonly leaseMs: number;
  private readonly opts: DirectoryOptions;
  private readonly log: (line: string) => void;
  private readonly rooms = new Set<string>();
  private readonly seats = new Set<string>();
  /** Redis may not hold what we hold (a call failed, or it came back empty): write it all again. */
  private stale = true;
  private holdsPublic = false;
  private readyAt = 0;
  private wasUp = false;
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> | undefined;
  private closed = false;

  constructor(opts: DirectoryOptions) {
    this.opts = opts;
    this.id = randomBytes(6).toString('hex');
    this.address = opts.address;
    this.p = opts.prefix ?? 'wg:';
    this.leaseMs = opts.leaseMs ?? LEASE_MS;
    this.log = opts.log ?? (() => {});
    this.redis = new Redis(opts.url, {
      lazyConnect: true,
      // No player waits on a dead Redis: fail at once when disconnected, and in time when it hangs.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: opts.timeoutMs ?? REDIS_TIMEOUT_MS,
      connectTimeout: opts.timeoutMs ?? REDIS_TIMEOUT_MS,
      // Keep trying, never faster than twice a second: the cluster heals when Redis is back.
      retryStrategy: (times) => Math.min(100 * times, 500),
      connectionName: `word-guess ${this.id}`,
    });
    this.redis.on('error', () => {}); // reported once per outage by 'close' / 'ready' below
    this.redis.on('ready', () => {
      this.readyAt = Date.now();
      this.stale = true;
      if (!this.wasUp) this.log(`cluster: Redis ${opts.url} is reachable; registering as ${this.id} at ${this.address}`);
      this.wasUp = true;
      void this.heartbeat();
    });
    this.redis.on('close', () => {
      if (this.wasUp && !this.closed) this.log(`cluster: Redis ${opts.url} is unreachable; serving this process's own tables until it is back`);
      this.wasUp = false;
      this.stale = true;
    });
  }

  /** Connects (without failing when Redis is away: it keeps trying) and starts the heartbeat. */
  async start(): Promise<void> {
    this.timer = setInterval(() => void this.heartbeat(), this.opts.heartbeatMs ?? HEARTBEAT_MS);
    this.timer.unref();
    await this.redis.connect().catch(() => {
      this.log(`cluster: Redis ${this.opts.url} is unreachable at start; serving this process's own tables until it is back`);
    });
    await this.beating;
  }

  /** Whether this member holds the public table, as far as it knows (a loss is noticed at the next heartbeat). */
  get holdsPublicTable(): boolean {
    return this.holdsPublic;
  }

  /** Whether Redis answers now. */
  get up(): boolean {
    return this.redis.status === 'ready';
  }

  /** The live member holding room `code` (maybe this one); undefined when none does or Redis is away. */
  findRoom(code: string): Promise<Member | undefined> {
    return this.find('rooms', code);
  }

  /** The live member holding seat `key`; undefined when none does or Redis is away. */
  findSeat(key: string): Promise<Member | undefined> {
    return this.find('seats', key);
  }

  /**
   * The member whose public table newcomers sit at; when none holds one, this member
   * claims it. Undefined when Redis is away (seat the newcomer here).
   */
  async publicTable(): Promise<Member | undefined> {
    const r = await this.call('public', () => this.redis.eval(PUBLIC, 0, this.p, this.id, this.leaseMs) as Promise<[string, string]>);
    if (r === undefined) return undefined;
    const [id, address] = r;
    if (id === this.id) this.holdsPublic = true;
    return { id, address: id === this.id ? this.address : address };
  }

  /** This member's public table has filled (or gone): newcomers should open the next one elsewhere. */
  releasePublic(): void {
    if (!this.holdsPublic) return;
    this.holdsPublic = false;
    void this.call('release', () => this.redis.eval(RELEASE, 1, `${this.p}public`, this.id));
  }

  /** Registers a room code opened here; false when another live member already holds it (pick another). */
  async addRoom(code: string): Promise<boolean> {
    const r = await this.call('claim room', () => this.redis.eval(CLAIM_ROOM, 0, this.p, this.id, code, this.leaseMs) as Promise<number>);
    if (r === 0) return false;
    // Redis away: the code is ours here, and is registered when Redis is back.
    this.rooms.add(code);
    return true;
  }

  removeRoom(code: string): void {
    if (this.rooms.delete(code)) void this.call('remove room', () => this.redis.srem(`${this.p}rooms:${this.id}`, code));
  }

  addSeat(key: string): void {
    this.seats.add(key);
    // A pipeline, not MULTI: only this member writes its set, so nothing can come between the two.
    void this.call('add seat', () => this.redis.pipeline().sadd(`${this.p}seats:${this.id}`, key).pexpire(`${this.p}seats:${this.id}`, this.leaseMs).exec());
  }

  removeSeat(key: string): void {
    if (this.seats.delete(key)) void this.call('remove seat', () => this.redis.srem(`${this.p}seats:${this.id}`, key));
  }

  /** Leaves the directory (entries deleted, not left to expire) and disconnects. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    await this.beating;
    if (this.up) {
      const m = this.redis.multi();
      m.del(`${this.p}member:${this.id}`, `${this.p}rooms:${this.id}`, `${this.p}seats:${this.id}`).srem(`${this.p}members`, this.id);
      if (this.holdsPublic) m.eval(RELEASE, 1, `${this.p}public`, this.id);
      await m.exec().catch(() => {});
    }
    this.redis.disconnect();
  }

  /** Renews every lease; writes everything again after an outage or an empty Redis. One at a time. */
  heartbeat(): Promise<void> {
    if (this.closed || !this.up) return Promise.resolve();
    this.beating ??= this.beat().finally(() => (this.beating = undefined));
    return this.beating;
  }

  private async beat(): Promise<void> {
    const { p, id, leaseMs } = this;
    const rooms = `${p}rooms:${id}`;
    const seats = `${p}seats:${id}`;
    const rewrite = this.stale;
    this.stale = false;
    const m = this.redis.multi().set(`${p}member:${id}`, this.address, 'PX', leaseMs).sadd(`${p}members`, id);
    if (rewrite) {
      m.del(rooms, seats);
      if (this.rooms.size > 0) m.sadd(rooms, ...this.rooms);
      if (this.seats.size > 0) m.sadd(seats, ...this.seats);
    }
    // The last four replies, in this order:
    m.pexpire(rooms, leaseMs).pexpire(seats, leaseMs).eval(RENEW, 1, `${p}public`, id, leaseMs).eval(LIVE, 0, p);
    const results = await this.call('heartbeat', () => m.exec());
    if (!results) {
      this.stale = true;
      return;
    }
    const [roomsKept, seatsKept, publicKept, live] = results.slice(-4).map(([, value]) => value) as [number, number, number, string[]];
    // A set that had expired (a stall longer than the lease) is written again next time.
    if ((this.rooms.size > 0 && roomsKept === 0) || (this.seats.size > 0 && seatsKept === 0)) this.stale = true;
    if (publicKept === 0) this.holdsPublic = false;
    const filling = this.opts.fillingHere?.() ?? false;
    if (this.holdsPublic && !filling) this.releasePublic();
    else if (!this.holdsPublic && filling) await this.publicTable();
    // Right after Redis came back, members are still registering again: do not judge them yet.
    if (Date.now() - this.readyAt >= leaseMs) this.opts.onMembers?.(new Set(live));
  }

  private async find(kind: 'rooms' | 'seats', item: string): Promise<Member | undefined> {
    const r = await this.call(`find ${kind}`, () => this.redis.eval(FIND, 0, this.p, kind, item) as Promise<[string, string] | null>);
    if (!r) return undefined;
    return { id: r[0], address: r[0] === this.id ? this.address : r[1] };
  }

  /** Runs one Redis call; a failure is logged, marks our entries for rewriting, and answers undefined. */
  private async call<T>(what: string, run: () => Promise<T>): Promise<T | undefined> {
    if (!this.up) return undefined;
    try {
      return await run();
    } catch (err) {
      this.stale = true;
      if (!this.closed) this.log(`cluster: Redis ${what} failed: ${(err as Error).message}`);
      return undefined;
    }
  }
}
