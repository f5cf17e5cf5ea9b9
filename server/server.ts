/**
 * The canonical word-guess server: listens, accepts TCP peers within its limits (each
 * one a Client, server/client.ts, that takes its name and hands it to the lobby), joins
 * a cluster when given one, and stops.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { GAME_PORT, LISTEN_BACKLOG } from '../node/ports.js';
import { DEFAULT_LIMITS, type ConnectionLimits } from './connection.js';
import { Client, type ClientHost } from './client.js';
import { DEFAULT_LOBBY_LIMITS, Lobby, type LobbyLimits, type LobbyStats } from './lobby.js';
import { format, type Lang } from '../protocol/catalog.js';
import { realClock, type Clock } from './clock.js';
import { BOT_DELAY_MS } from './bots.js';
import { Cluster } from './cluster/cluster.js';
import { QUIT } from '../protocol/commands.js';

export interface GameServerOptions {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Players per table. */
  readonly players: number;
  /** Words to choose from; with one word every game is the same. */
  readonly words: readonly string[];
  /** The server's list for a room of a language that has no words of its own; default: `words` for every language. */
  readonly wordsFor?: (lang: Lang) => readonly string[];
  readonly lang: Lang;
  /** Time for one move; 0 turns the clock off. */
  readonly turnSeconds: number;
  /** How long a dropped player's seat is kept (PROTOCOL.md §8.4); 0: LEFT at once. Default 60. */
  readonly seatGraceSeconds?: number;
  /** Limits of rooms, their words and seat keys (docs/PROTOCOL.md). */
  readonly lobbyLimits?: Partial<LobbyLimits>;
  /** About how long a computer player takes for a move (PROTOCOL.md §8.7); default 1000. */
  readonly botDelayMs?: number;
  /** How long a new peer has to send its name. */
  readonly nameTimeoutMs?: number;
  /** A peer silent this long after connecting is greeted (a person on telnet); programs send their name first. */
  readonly greetAfterMs?: number;
  /** Connections held at once; more are told the server is full. */
  readonly maxConnections?: number;
  /** Connections held at once from one remote address; more are told the server is full. */
  readonly maxPerAddress?: number;
  /** Addresses without a per-address limit: the gateway's, whose every browser comes from it. Default: loopback. */
  readonly trustedAddresses?: readonly string[];
  readonly limits?: Partial<ConnectionLimits>;
  /** One log line for operators; silent by default. */
  readonly log?: (line: string) => void;
  readonly random?: () => number;
  readonly clock?: Clock;
  /** Join a cluster through this Redis; absent: one process, no Redis. */
  readonly cluster?: ClusterSettings;
}

/** How this process joins a cluster (server/cluster/). */
export interface ClusterSettings {
  /** `redis://HOST:PORT`. */
  readonly redis: string;
  /** Where the other processes reach this one: `HOST:PORT`. Default: the listening address (loopback when it is every interface). */
  readonly advertise?: string;
  /** Redis key prefix; default `wg:`. */
  readonly prefix?: string;
  readonly leaseMs?: number;
  readonly heartbeatMs?: number;
}

export interface ServerStats extends LobbyStats {
  /** Connections open now, named or not. */
  readonly connections: number;
}

export interface GameServer {
  address(): { host: string; port: number };
  stats(): ServerStats;
  /** Tells every player the server is stopping, closes every connection, stops listening. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = GAME_PORT;
export const SEAT_GRACE_SECONDS = 60;
export const NAME_TIMEOUT_MS = 60_000;
export const GREET_AFTER_MS = 1_000;
export const MAX_CONNECTIONS = 20_000;
export const MAX_PER_ADDRESS = 50;

/** Loopback: a gateway on the same machine connects from here for every browser. */
export const TRUSTED_ADDRESSES: readonly string[] = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];

/** Starts a game server; resolves once it is listening. */
export async function createGameServer(opts: GameServerOptions): Promise<GameServer> {
  if (opts.words.length === 0) throw new Error('The word list is empty: give at least one word.');
  if (!Number.isInteger(opts.players) || opts.players < 1) throw new Error(`Players per game must be a whole number ≥ 1, not ${opts.players}.`);
  const log = opts.log ?? (() => {});
  const random = opts.random ?? Math.random;
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const nameTimeoutMs = opts.nameTimeoutMs ?? NAME_TIMEOUT_MS;
  const greetAfterMs = opts.greetAfterMs ?? GREET_AFTER_MS;
  const maxConnections = opts.maxConnections ?? MAX_CONNECTIONS;
  const clients = new Map<string, Client>();
  const maxPerAddress = opts.maxPerAddress ?? MAX_PER_ADDRESS;
  const trusted = new Set(opts.trustedAddresses ?? TRUSTED_ADDRESSES);
  const perAddress = new Map<string, number>();
  let nextId = 1;

  let cluster: Cluster | undefined;

  const lobby = new Lobby({
    playersPerTable: opts.players,
    lang: opts.lang,
    words: opts.wordsFor ?? (() => opts.words),
    turnSeconds: opts.turnSeconds,
    graceMs: (opts.seatGraceSeconds ?? SEAT_GRACE_SECONDS) * 1000,
    limits: { ...DEFAULT_LOBBY_LIMITS, ...opts.lobbyLimits },
    clock: opts.clock ?? realClock,
    random,
    log,
    bots: { delayMs: opts.botDelayMs ?? BOT_DELAY_MS, random },
    // In a cluster, every room code and seat key held here is in the directory (the cluster joins once listening).
    directory: opts.cluster
      ? {
          rooms: { added: (code) => cluster?.codes.rooms.added(code), removed: (code) => cluster?.codes.rooms.removed(code) },
          seats: { added: (key) => cluster?.codes.seats.added(key), removed: (key) => cluster?.codes.seats.removed(key) },
        }
      : undefined,
  });

  const host: ClientHost = {
    lobby,
    lang: opts.lang,
    limits,
    greetAfterMs,
    nameTimeoutMs,
    trusted,
    maxPerAddress,
    log,
    cluster: () => cluster,
    count(client) {
      const n = (perAddress.get(client.address) ?? 0) + 1;
      perAddress.set(client.address, n);
      // One address may not take every seat: a flood from it is told the server is full.
      return trusted.has(client.address) || n <= maxPerAddress;
    },
    uncount: release,
    closed(client) {
      clients.delete(client.id);
      release(client.address);
    },
  };

  function accept(socket: Socket): void {
    const client = new Client(host, socket, `c${nextId++}`);
    clients.set(client.id, client);
    client.start(clients.size > maxConnections);
  }

  function release(address: string): void {
    const left = (perAddress.get(address) ?? 1) - 1;
    if (left > 0) perAddress.set(address, left);
    else perAddress.delete(address);
  }

  const server: Server = createServer(accept);
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => reject(listenError(err, opts.host, opts.port));
    server.once('error', onError);
    // No host: every interface, IPv6 and IPv4 both, so `telnet localhost` works either way.
    server.listen({ port: opts.port ?? DEFAULT_PORT, host: opts.host, backlog: LISTEN_BACKLOG }, () => {
      server.off('error', onError);
      resolve();
    });
  });
  // Accept errors (e.g. too many open files) are logged; the server keeps serving.
  server.on('error', (err) => log(`server error: ${err.message}`));
  if (opts.cluster) cluster = await joinCluster(opts.cluster, server, opts.lang, log, () => lobby.stats().waiting > 0);

  let closing: Promise<void> | null = null;
  return {
    address() {
      const a = server.address();
      if (a === null || typeof a === 'string') throw new Error('The server is not listening');
      return { host: a.address, port: a.port };
    },
    stats() {
      return { connections: clients.size, ...lobby.stats() };
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => void (cluster?.close() ?? Promise.resolve()).then(resolve));
        lobby.stop();
        for (const c of clients.values()) {
          c.say('STOPPING');
          c.send(QUIT);
          c.end('server stopping');
        }
      });
      return closing;
    },
  };
}

/** Joins the cluster under the address other processes reach this one at. */
function joinCluster(settings: ClusterSettings, server: Server, lang: Lang, log: (line: string) => void, fillingHere: () => boolean): Promise<Cluster> {
  const { address, port } = server.address() as AddressInfo;
  // Listening on every interface: other processes on this machine reach it on loopback.
  const host = address === '::' || address === '0.0.0.0' ? '127.0.0.1' : address;
  return Cluster.start({
    url: settings.redis,
    address: settings.advertise ?? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`),
    prefix: settings.prefix,
    leaseMs: settings.leaseMs,
    heartbeatMs: settings.heartbeatMs,
    fillingHere,
    // A conversation the owner ended itself: after these, its closing is no fault.
    finalLines: new Set([QUIT, ...(['NO_NAME', 'BAD_NAME', 'NAME_TIMEOUT', 'SERVER_FULL'] as const).map((id) => format(lang, id))]),
    stoppingLine: format(lang, 'STOPPING'),
    log,
  });
}

function listenError(err: NodeJS.ErrnoException, host = 'every interface', port = DEFAULT_PORT): Error {
  if (err.code === 'EADDRINUSE') return new Error(`Port ${port} on ${host} is already in use: stop what runs there or choose another --port.`);
  if (err.code === 'EACCES') return new Error(`Not allowed to listen on port ${port}: choose a port above 1023.`);
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') return new Error(`Cannot listen on ${host}: no such local address.`);
  return new Error(`Cannot listen on ${host}:${port}: ${err.message}`);
}
