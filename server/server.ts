/**
 * The canonical word-guess server: accepts TCP peers, takes each one's name, and
 * hands them to the lobby. Everything a peer sends goes through here first, so the
 * name rules and the limits of PROTOCOL.md §4 live here.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { GAME_PORT } from '../node/ports.js';
import { Connection, DEFAULT_LIMITS, type ConnectionHandlers, type ConnectionLimits } from './connection.js';
import { Lobby, type LobbyStats } from './lobby.js';
import { format, type Lang, type MessageFields, type MessageId } from '../protocol/catalog.js';
import { QUIT } from '../protocol/commands.js';
import { checkName, cleanLine } from './sanitize.js';
import { pickWord } from '../game/words.js';
import type { Clock } from './table.js';
import { proxiedAddress } from './proxy-accept.js';
import { looksLikeProxyLine } from '../node/proxy-protocol.js';
import { LineGate, type HeldLine } from './line-gate.js';
import { Cluster } from './cluster/cluster.js';
import type { Relay } from './cluster/relay.js';

export interface GameServerOptions {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Players per table. */
  readonly players: number;
  /** Words to choose from; with one word every game is the same. */
  readonly words: readonly string[];
  readonly lang: Lang;
  /** Time for one move; 0 turns the clock off. */
  readonly turnSeconds: number;
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
  const connections = new Map<string, Connection>();
  const maxPerAddress = opts.maxPerAddress ?? MAX_PER_ADDRESS;
  const trusted = new Set(opts.trustedAddresses ?? TRUSTED_ADDRESSES);
  const perAddress = new Map<string, number>();
  let nextId = 1;

  let cluster: Cluster | undefined;
  const say = <Id extends MessageId>(c: Connection, id: Id, fields?: MessageFields<Id>) => c.send(format(opts.lang, id, fields));

  const lobby = new Lobby({
    playersPerTable: opts.players,
    lang: opts.lang,
    pickWord: () => pickWord(opts.words, random),
    turnMs: opts.turnSeconds * 1000,
    clock: opts.clock,
    io: {
      send: (player, line) => connections.get(player)?.send(line),
      end: (player) => connections.get(player)?.end('game over'),
      log,
    },
  });

  function accept(socket: Socket): void {
    const id = `c${nextId++}`;
    let address = socket.remoteAddress ?? 'unknown';
    let clientPort = socket.remotePort;
    let firstLine = true;
    // In a cluster: lines wait while a lookup runs, then go to the relay if the table is elsewhere.
    const gate = new LineGate();
    let relay: Relay | undefined;
    let named = false;
    let greeted = false;
    // One timer per waiting peer: first the greeting, then the name deadline.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const waitForName = () => {
      if (!greeted && greetAfterMs < nameTimeoutMs) {
        timer = setTimeout(() => {
          greeted = true;
          say(conn, 'WELCOME');
          say(conn, 'HOW_TO_PLAY');
          waitForName();
        }, greetAfterMs);
      } else {
        timer = setTimeout(() => {
          say(conn, 'NAME_TIMEOUT');
          conn.end('sent no name in time');
        }, greeted ? nameTimeoutMs - greetAfterMs : nameTimeoutMs);
      }
    };
    const handlers: ConnectionHandlers = {
      line(text) {
        if (firstLine && ((firstLine = false), looksLikeProxyLine(text))) return takeProxyLine(text);
        if (relay) return relay.send(text);
        if (gate.busy) return gate.hold({ text });
        if (named) {
          const line = cleanLine(text);
          if (line !== '') lobby.handleLine(id, line);
          return;
        }
        if (timer) clearTimeout(timer);
        const check = checkName(text);
        if (!check.ok) {
          say(conn, check.error);
          conn.end(check.error === 'NO_NAME' ? 'sent no name' : 'sent a bad name');
          return;
        }
        named = true;
        if (cluster) return void seatInCluster(cluster, check.name, text).catch((err: Error) => log(`${id}: ${err.message}`));
        const name = lobby.join(id, check.name);
        log(`${id} joined as ${JSON.stringify(name)}`);
      },
      tooLong() {
        if (relay) return relay.sendTooLong();
        if (gate.busy) return gate.hold({ tooLong: true });
        if (named) lobby.lineTooLong(id);
        else say(conn, 'LINE_TOO_LONG');
      },
      close(why) {
        if (timer) clearTimeout(timer);
        relay?.end();
        connections.delete(id);
        release(address);
        if (named) lobby.leave(id);
        log(`${id} disconnected (${why})`);
      },
    };
    const conn: Connection = new Connection(socket, id, handlers, limits);
    connections.set(id, conn);
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    log(`${id} connected from ${conn.remote}`);
    if (connections.size > maxConnections) {
      say(conn, 'SERVER_FULL');
      conn.end('server full');
      return;
    }
    if (!withinAddressLimit()) return;
    waitForName();

    function withinAddressLimit(): boolean {
      // One address may not take every seat: a flood from it is told the server is full.
      if (trusted.has(address) || perAddress.get(address)! <= maxPerAddress) return true;
      say(conn, 'SERVER_FULL');
      conn.end(`more than ${maxPerAddress} connections from ${address}`);
      return false;
    }

    /** A trusted proxy's first line names the real client: limits and logs count that address from now on. */
    function takeProxyLine(text: string): void {
      const real = proxiedAddress(text, address, trusted);
      if (!real.ok) {
        log(`${id} from ${conn.remote}: ${real.error}; closed`);
        return conn.destroy(real.error);
      }
      log(`${id} is ${real.address} (PROXY header from ${conn.remote})`);
      release(address);
      address = real.address;
      clientPort = real.port ?? clientPort;
      perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
      withinAddressLimit();
    }

    /** A newcomer sits at the public table that is filling in the cluster: here, or through a relay. */
    function seatInCluster(cluster: Cluster, name: string, line: string): Promise<void> {
      const replay = (held: HeldLine) => ('text' in held ? handlers.line(held.text) : handlers.tooLong());
      return gate.run(async () => {
        const owner = await cluster.publicElsewhere();
        if (owner && conn.open) {
          relay = await cluster.relay(
            {
              client: { address, port: clientPort },
              local: { address: socket.localAddress, port: socket.localPort },
              send: (l) => conn.send(l),
              sendBytes: (bytes) => conn.sendBytes(bytes),
              end: (why) => conn.end(why),
            },
            owner,
            [line],
          );
          if (relay) return void log(`${id} relayed to ${owner.address} as ${JSON.stringify(name)}`);
        }
        if (!conn.open) return;
        const seated = lobby.join(id, name);
        log(`${id} joined as ${JSON.stringify(seated)}`);
        cluster.seatedHere(lobby.stats().waiting > 0);
      }, replay);
    }
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
    server.listen({ port: opts.port ?? DEFAULT_PORT, host: opts.host }, () => {
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
      return { connections: connections.size, ...lobby.stats() };
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => void (cluster?.close() ?? Promise.resolve()).then(resolve));
        lobby.stop();
        for (const c of connections.values()) {
          say(c, 'STOPPING');
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
