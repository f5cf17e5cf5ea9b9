/**
 * One TCP peer of the game server from its connection to its close: its first line
 * may be a trusted proxy's PROXY header; until it sits down it is greeted and given a
 * time for its name; its lines go to the lobby, to a relay (its table is in another
 * process of a cluster), or wait while the cluster is asked where to go.
 *
 * One object a peer, its state in fields and its behaviour in methods: an idle seated
 * player costs its socket, its Connection and this, not a dozen closures and their contexts.
 */
import type { Socket } from 'node:net';
import { Connection, type ConnectionHandlers, type ConnectionLimits } from './connection.js';
import type { Lobby, Peer } from './lobby.js';
import { format, type Lang, type MessageFields, type MessageId } from '../protocol/catalog.js';
import { BACK, parseCommand } from '../protocol/commands.js';
import { checkName, cleanLine } from './sanitize.js';
import { canonicalCode, keyForLog } from './codes.js';
import { proxiedAddress } from './proxy-accept.js';
import { looksLikeProxyLine } from '../node/proxy-protocol.js';
import { LineGate, type HeldLine } from './line-gate.js';
import type { Cluster, Member } from './cluster/cluster.js';
import type { Relay } from './cluster/relay.js';

/** What every client of one server shares: the lobby, the settings, and the server's counts. */
export interface ClientHost {
  readonly lobby: Lobby;
  readonly lang: Lang;
  readonly limits: ConnectionLimits;
  /** A peer silent this long after connecting is greeted (a person on telnet). */
  readonly greetAfterMs: number;
  /** How long a peer in the lobby has to send its name (again after each lobby command). */
  readonly nameTimeoutMs: number;
  readonly trusted: ReadonlySet<string>;
  /** Connections held at once from one untrusted address. */
  readonly maxPerAddress: number;
  readonly log: (line: string) => void;
  /** The cluster this process is in, once it has joined; undefined for one process alone. */
  cluster(): Cluster | undefined;
  /** A client now counts against this address's limit; returns whether it is within it. */
  count(client: Client): boolean;
  /** The client no longer counts against this address. */
  uncount(address: string): void;
  /** The client is gone. */
  closed(client: Client): void;
}

export class Client implements ConnectionHandlers, Peer {
  readonly id: string;
  readonly conn: Connection;
  /** The peer's address; a trusted proxy's PROXY line may replace it with the real client's. */
  address: string;
  private port: number | undefined;
  private firstLine = true;
  /** Made only in a cluster, on the first lookup. */
  private gate: LineGate | null = null;
  private relay: Relay | null = null;
  /** A person on telnet who has typed nothing yet is told what to type; a program sends its name at once. */
  private greetTimer: ReturnType<typeof setTimeout> | null = null;
  /** Until it sits down (or watches, or takes back a seat), a client must keep the lobby moving. */
  private nameTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly host: ClientHost,
    private readonly socket: Socket,
    id: string,
  ) {
    this.id = id;
    this.address = socket.remoteAddress ?? 'unknown';
    this.port = socket.remotePort;
    this.conn = new Connection(socket, id, this, host.limits);
    host.log(`${id} connected from ${this.conn.remote}`);
  }

  /** Into the lobby, within the limits: `full` turns it away instead (the server holds too many connections already). */
  start(full: boolean): void {
    const within = this.host.count(this);
    if (full) {
      this.say('SERVER_FULL');
      return this.conn.end('server full');
    }
    if (!within) return this.turnAway();
    this.host.lobby.arrive(this);
    const { greetAfterMs, nameTimeoutMs } = this.host;
    if (greetAfterMs < nameTimeoutMs) this.greetTimer = setTimeout(Client.greet, greetAfterMs, this);
    this.waitForName();
  }

  /** Many people share a trusted address (a gateway): its limits count per connection instead. */
  get trusted(): boolean {
    return this.host.trusted.has(this.address);
  }

  send(line: string): void {
    this.conn.send(line);
  }

  end(why: string): void {
    this.conn.end(why);
  }

  // The Connection's handlers.

  line(text: string): void {
    if (this.firstLine && ((this.firstLine = false), looksLikeProxyLine(text))) return this.takeProxyLine(text);
    if (this.relay) return this.relay.send(text);
    if (this.gate?.busy) return this.gate.hold({ text });
    if (this.greetTimer) clearTimeout(this.greetTimer);
    this.greetTimer = null;
    const cluster = this.host.cluster();
    const find = cluster ? this.whereInCluster(cluster, text) : undefined;
    if (cluster && find) return void this.routeInCluster(cluster, text, find).catch((err: Error) => this.host.log(`${this.id}: ${err.message}`));
    this.lobbyLine(text);
  }

  tooLong(): void {
    if (this.relay) return this.relay.sendTooLong();
    if (this.gate?.busy) return this.gate.hold({ tooLong: true });
    this.host.lobby.tooLong(this.id);
  }

  close(why: string): void {
    this.clearTimers();
    this.relay?.end();
    this.host.closed(this);
    this.host.lobby.gone(this.id);
    this.host.log(`${this.id} disconnected (${why})`);
  }

  /** Sends one catalogue message in the server's language. */
  say<Id extends MessageId>(id: Id, fields?: MessageFields<Id>): void {
    this.conn.send(format(this.host.lang, id, fields));
  }

  // Timer callbacks take the client as their argument: no closure a timer.
  private static greet(client: Client): void {
    client.greetTimer = null;
    client.say('WELCOME');
    client.say('HOW_TO_PLAY');
  }

  private static nameTimedOut(client: Client): void {
    client.say('NAME_TIMEOUT');
    client.conn.end('sent no name in time');
  }

  private turnAway(): void {
    this.say('SERVER_FULL');
    this.conn.end(`more than ${this.host.maxPerAddress} connections from ${this.address}`);
  }

  private clearTimers(): void {
    if (this.greetTimer) clearTimeout(this.greetTimer);
    if (this.nameTimer) clearTimeout(this.nameTimer);
    this.greetTimer = this.nameTimer = null;
  }

  private waitForName(): void {
    if (this.nameTimer) clearTimeout(this.nameTimer);
    this.nameTimer = setTimeout(Client.nameTimedOut, this.host.nameTimeoutMs, this);
  }

  /** A trusted proxy's first line names the real client: limits and logs count that address from now on. */
  private takeProxyLine(text: string): void {
    const { log, trusted } = this.host;
    const real = proxiedAddress(text, this.address, trusted);
    if (!real.ok) {
      log(`${this.id} from ${this.conn.remote}: ${real.error}; closed`);
      return this.conn.destroy(real.error);
    }
    log(`${this.id} is ${real.address} (PROXY header from ${this.conn.remote})`);
    this.host.uncount(this.address);
    this.address = real.address;
    this.port = real.port ?? this.port;
    if (!this.host.count(this)) this.turnAway();
  }

  /** A line this server answers alone. */
  private lobbyLine(text: string): void {
    const { lobby } = this.host;
    lobby.line(this.id, text);
    // Each lobby command gives the client the name time again: a teacher pasting a word list is not rushed.
    if (!lobby.inLobby(this.id)) this.clearTimers();
    else if (this.conn.open) this.waitForName();
  }

  /** How to find the process that holds what this lobby line asks for; undefined when this server answers it alone. */
  private whereInCluster(cluster: Cluster, text: string): (() => Promise<Member | undefined>) | undefined {
    const { lobby } = this.host;
    if (lobby.seatsPublicly(this.id, text)) return () => cluster.publicElsewhere(lobby.stats().waiting > 0);
    const wanted = lobby.wantedElsewhere(this.id, text);
    if (wanted?.kind === 'room') return () => cluster.roomElsewhere(wanted.code);
    if (wanted?.kind === 'seat') return () => cluster.seatElsewhere(wanted.key);
    return undefined;
  }

  /**
   * A name for the public table, `/join` or `/watch` of a room, `/back` to a seat: served
   * here, or relayed to the process that holds it (which then sees this line first).
   */
  private routeInCluster(cluster: Cluster, line: string, find: () => Promise<Member | undefined>): Promise<void> {
    const { conn, socket, host } = this;
    const replay = (held: HeldLine) => ('text' in held ? this.line(held.text) : this.tooLong());
    this.gate ??= new LineGate();
    return this.gate.run(async () => {
      const owner = await find();
      if (owner && conn.open) {
        this.relay =
          (await cluster.relay(
            {
              client: { address: this.address, port: this.port },
              local: { address: socket.localAddress, port: socket.localPort },
              send: (l) => conn.send(l),
              sendBytes: (bytes) => conn.sendBytes(bytes),
              end: (why) => conn.end(why),
            },
            owner,
            [line],
          )) ?? null;
        // The player may have left while the owner was being reached: leave nothing behind.
        if (this.relay && !conn.open) return this.relay.end();
        if (this.relay) {
          this.clearTimers();
          host.lobby.gone(this.id);
          return void host.log(`${this.id} relayed to ${owner.address} ${relayedFor(line)}`);
        }
      }
      if (!conn.open) return;
      const publicSeat = host.lobby.seatsPublicly(this.id, line);
      this.lobbyLine(line);
      if (publicSeat) cluster.seatedHere(host.lobby.stats().waiting > 0);
    }, replay);
  }
}

/** What a relayed line asked for, for the log: the name, or the command (a seat key cut short). */
function relayedFor(line: string): string {
  const command = parseCommand(cleanLine(line));
  if (command) return `for /${command.name} ${command.name === BACK ? keyForLog(canonicalCode(command.arg)) : canonicalCode(command.arg)}`;
  const check = checkName(line);
  return `as ${JSON.stringify(check.ok ? check.name : line)}`;
}
