/**
 * The cluster as one game server sees it: where a newcomer, a room code or a seat
 * key lives (the directory in Redis), and relays to the processes that hold them.
 * Without it (no --redis) the server is one process and needs no Redis.
 *
 * Lookups happen only when a player is seated (the public table, /join, /watch,
 * /back); moves never touch Redis. A relayed player whose owner vanished (killed:
 * its connection closed without /quit, or its lease ended) is told STOPPING, then
 * /quit, as if its own process were stopping.
 */
import { Directory, type DirectoryOptions, type Member } from './directory.js';
import { openRelay, type Relay } from './relay.js';
import type { Endpoint } from '../../node/proxy-protocol.js';

export type { Member } from './directory.js';

export interface ClusterOptions extends Omit<DirectoryOptions, 'onMembers' | 'log'> {
  /** Lines after which the owner closing the connection is the end of the conversation, not a fault (`/quit`, NO_NAME …). */
  readonly finalLines: ReadonlySet<string>;
  /** What a relayed player is told when its owner vanished, before `/quit`. */
  readonly stoppingLine: string;
  readonly relayConnectTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

/** A player's connection here, as a relay needs it. */
export interface RelayedPlayer {
  /** The player's own address (as the PROXY header named it, if one did). */
  readonly client: Partial<Endpoint>;
  /** Our end of its connection. */
  readonly local: Partial<Endpoint>;
  send(line: string): void;
  /** Passes on the owner's output as it came (already framed lines). */
  sendBytes(bytes: Buffer): void;
  end(why: string): void;
}

export class Cluster {
  readonly directory: Directory;
  private readonly opts: ClusterOptions;
  private readonly log: (line: string) => void;
  /** Open relays by the member they lead to. */
  private readonly relays = new Map<string, Set<Relay>>();

  private constructor(opts: ClusterOptions) {
    this.opts = opts;
    this.log = opts.log ?? (() => {});
    this.directory = new Directory({ ...opts, log: this.log, onMembers: (alive) => this.dropRelaysNotIn(alive) });
  }

  /** Joins the cluster (Redis may be away: the process then serves its own tables until it is back). */
  static async start(opts: ClusterOptions): Promise<Cluster> {
    const cluster = new Cluster(opts);
    await cluster.directory.start();
    return cluster;
  }

  /**
   * The other member whose public table a newcomer sits at; undefined: sit here. A
   * member that holds the public table and is filling it answers without asking Redis.
   */
  async publicElsewhere(fillingHere: boolean): Promise<Member | undefined> {
    if (fillingHere && this.directory.holdsPublicTable) return undefined;
    return this.elsewhere(await this.directory.publicTable());
  }

  /** Call after seating a newcomer at our public table: once it is full, the next one opens anywhere. */
  seatedHere(fillingHere: boolean): void {
    if (!fillingHere) this.directory.releasePublic();
  }

  /** The other member holding room `code`; undefined: none does (or Redis is away). */
  async roomElsewhere(code: string): Promise<Member | undefined> {
    return this.elsewhere(await this.directory.findRoom(code));
  }

  /** The other member holding seat `key`; undefined: none does (or Redis is away). */
  async seatElsewhere(key: string): Promise<Member | undefined> {
    return this.elsewhere(await this.directory.findSeat(key));
  }

  /**
   * Connects `player` to `owner`, which first sees `replay` (the lines that led here);
   * from then on the player's lines go to the returned relay. Undefined when the
   * owner cannot be reached: the caller serves the player here.
   */
  async relay(player: RelayedPlayer, owner: Member, replay: readonly string[]): Promise<Relay | undefined> {
    let relay: Relay;
    try {
      relay = await openRelay({
        target: owner.address,
        client: player.client,
        local: player.local,
        replay,
        connectTimeoutMs: this.opts.relayConnectTimeoutMs,
        onOutput: (bytes) => player.sendBytes(bytes),
        onClose: (lastLine, why, ended) => {
          this.relays.get(owner.id)?.delete(relay);
          if (!ended && (lastLine === undefined || !this.opts.finalLines.has(lastLine))) {
            // The owner vanished mid-conversation: end it as a stopping server would.
            this.log(`cluster: relay to ${owner.id} at ${owner.address} lost (${why})`);
            player.send(this.opts.stoppingLine);
            player.send('/quit');
          }
          player.end(`relay to ${owner.address} closed`);
        },
      });
    } catch (err) {
      this.log(`cluster: ${(err as Error).message}; serving the player here`);
      return undefined;
    }
    let set = this.relays.get(owner.id);
    if (!set) this.relays.set(owner.id, (set = new Set()));
    set.add(relay);
    return relay;
  }

  /** For the lobby's registries: every room code and seat key held here goes into the directory, and out with it. */
  readonly codes = {
    rooms: {
      added: (code: string) =>
        void this.directory.addRoom(code).then((mine) => {
          // 32^5 codes make this all but impossible; the room still works for whoever reaches this process.
          if (!mine) this.log(`cluster: room code ${code} is held by another process too; it is reached here only directly`);
        }),
      removed: (code: string) => this.directory.removeRoom(code),
    },
    seats: {
      added: (key: string) => this.directory.addSeat(key),
      removed: (key: string) => this.directory.removeSeat(key),
    },
  };

  /** Relays open now (players here whose table is elsewhere). */
  get relayCount(): number {
    let n = 0;
    for (const set of this.relays.values()) n += set.size;
    return n;
  }

  /** Leaves the directory; open relays are left to end with their players. */
  close(): Promise<void> {
    return this.directory.close();
  }

  private elsewhere(member: Member | undefined): Member | undefined {
    return member === undefined || member.id === this.directory.id ? undefined : member;
  }

  /** A member whose lease ended is gone even if its connections look open (a machine that died silently). */
  private dropRelaysNotIn(alive: ReadonlySet<string>): void {
    for (const [id, set] of this.relays) {
      if (alive.has(id)) continue;
      this.relays.delete(id);
      for (const relay of set) relay.abort(`member ${id} left the directory`);
    }
  }
}
