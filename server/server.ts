/**
 * The canonical word-guess server: accepts TCP peers, takes each one's name, and
 * hands them to the lobby. Everything a peer sends goes through here first, so the
 * name rules and the limits of PROTOCOL.md §4 live here.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { GAME_PORT } from '../node/ports.js';
import { Connection, DEFAULT_LIMITS, type ConnectionHandlers, type ConnectionLimits } from './connection.js';
import { DEFAULT_LOBBY_LIMITS, Lobby, type LobbyLimits, type LobbyStats } from './lobby.js';
import { format, type Lang, type MessageFields, type MessageId } from '../protocol/catalog.js';
import { BACK, QUIT, parseCommand } from '../protocol/commands.js';
import { realClock, type Clock } from './clock.js';
import { checkName, cleanLine } from './sanitize.js';
import { canonicalCode, keyForLog } from './codes.js';
import { BOT_DELAY_MS } from './bots.js';
import { proxiedAddress } from './proxy-accept.js';
import { looksLikeProxyLine } from '../node/proxy-protocol.js';
import { LineGate, type HeldLine } from './line-gate.js';
import { Cluster, type Member } from './cluster/cluster.js';
import type { Relay } from './cluster/relay.js';

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

  function accept(socket: Socket): void {
    const id = `c${nextId++}`;
    let address = socket.remoteAddress ?? 'unknown';
    let clientPort = socket.remotePort;
    let firstLine = true;
    // In a cluster: lines wait while a lookup runs, then go to the relay if the table is elsewhere.
    const gate = new LineGate();
    let relay: Relay | undefined;
    // A person on telnet who has typed nothing yet is told what to type; a program sends its name at once.
    let greetTimer: ReturnType<typeof setTimeout> | null = null;
    // Until it sits down (or watches, or takes back a seat), a client must keep the lobby moving.
    let nameTimer: ReturnType<typeof setTimeout> | null = null;
    const clearTimers = () => {
      if (greetTimer) clearTimeout(greetTimer);
      if (nameTimer) clearTimeout(nameTimer);
      greetTimer = nameTimer = null;
    };
    const waitForName = (ms: number) => {
      if (nameTimer) clearTimeout(nameTimer);
      nameTimer = setTimeout(() => {
        say(conn, 'NAME_TIMEOUT');
        conn.end('sent no name in time');
      }, ms);
    };
    const handlers: ConnectionHandlers = {
      line(text) {
        if (firstLine && ((firstLine = false), looksLikeProxyLine(text))) return takeProxyLine(text);
        if (relay) return relay.send(text);
        if (gate.busy) return gate.hold({ text });
        if (greetTimer) clearTimeout(greetTimer);
        greetTimer = null;
        const find = cluster ? whereInCluster(cluster, text) : undefined;
        if (cluster && find) return void routeInCluster(cluster, text, find).catch((err: Error) => log(`${id}: ${err.message}`));
        lobbyLine(text);
      },
      tooLong() {
        if (relay) return relay.sendTooLong();
        if (gate.busy) return gate.hold({ tooLong: true });
        lobby.tooLong(id);
      },
      close(why) {
        clearTimers();
        relay?.end();
        connections.delete(id);
        release(address);
        lobby.gone(id);
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
    // Getters: a trusted proxy's PROXY line may name the real client after this. Methods, not
    // arrow properties: tsx's keepNames gives every named closure a property store of its own.
    lobby.arrive({
      id,
      get address() {
        return address;
      },
      get trusted() {
        return trusted.has(address);
      },
      send(line) {
        conn.send(line);
      },
      end(why) {
        conn.end(why);
      },
    });
    if (greetAfterMs < nameTimeoutMs) {
      greetTimer = setTimeout(() => {
        greetTimer = null;
        say(conn, 'WELCOME');
        say(conn, 'HOW_TO_PLAY');
      }, greetAfterMs);
    }
    waitForName(nameTimeoutMs);

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

    /** A line this server answers alone. */
    function lobbyLine(text: string): void {
      lobby.line(id, text);
      // Each lobby command gives the client the name time again: a teacher pasting a word list is not rushed.
      if (!lobby.inLobby(id)) clearTimers();
      else if (conn.open) waitForName(nameTimeoutMs);
    }

    /** How to find the process that holds what this lobby line asks for; undefined when this server answers it alone. */
    function whereInCluster(cluster: Cluster, text: string): (() => Promise<Member | undefined>) | undefined {
      if (lobby.seatsPublicly(id, text)) return () => cluster.publicElsewhere(lobby.stats().waiting > 0);
      const wanted = lobby.wantedElsewhere(id, text);
      if (wanted?.kind === 'room') return () => cluster.roomElsewhere(wanted.code);
      if (wanted?.kind === 'seat') return () => cluster.seatElsewhere(wanted.key);
      return undefined;
    }

    /**
     * A name for the public table, `/join` or `/watch` of a room, `/back` to a seat: served
     * here, or relayed to the process that holds it (which then sees this line first).
     */
    function routeInCluster(cluster: Cluster, line: string, find: () => Promise<Member | undefined>): Promise<void> {
      const replay = (held: HeldLine) => ('text' in held ? handlers.line(held.text) : handlers.tooLong());
      return gate.run(async () => {
        const owner = await find();
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
          // The player may have left while the owner was being reached: leave nothing behind.
          if (relay && !conn.open) return relay.end();
          if (relay) {
            clearTimers();
            lobby.gone(id);
            return void log(`${id} relayed to ${owner.address} ${relayedFor(line)}`);
          }
        }
        if (!conn.open) return;
        const publicSeat = lobby.seatsPublicly(id, line);
        lobbyLine(line);
        if (publicSeat) cluster.seatedHere(lobby.stats().waiting > 0);
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

/** What a relayed line asked for, for the log: the name, or the command (a seat key cut short). */
function relayedFor(line: string): string {
  const command = parseCommand(cleanLine(line));
  if (command) return `for /${command.name} ${command.name === BACK ? keyForLog(canonicalCode(command.arg)) : canonicalCode(command.arg)}`;
  const check = checkName(line);
  return `as ${JSON.stringify(check.ok ? check.name : line)}`;
}

function listenError(err: NodeJS.ErrnoException, host = 'every interface', port = DEFAULT_PORT): Error {
  if (err.code === 'EADDRINUSE') return new Error(`Port ${port} on ${host} is already in use: stop what runs there or choose another --port.`);
  if (err.code === 'EACCES') return new Error(`Not allowed to listen on port ${port}: choose a port above 1023.`);
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') return new Error(`Cannot listen on ${host}: no such local address.`);
  return new Error(`Cannot listen on ${host}:${port}: ${err.message}`);
}
