/**
 * Load for rooms (PROTOCOL.md §8.1–8.3), over raw TCP to 127.0.0.1: connections
 * held in the lobby, rooms held open by their creators, players seated in rooms
 * that wait for more, rooms opened one after another in a closed loop, and rooms
 * of four playing game after game. Every loop is bounded in count and in time.
 *
 * Lines are read in English: the bench server runs with `--lang en`.
 */
import net from 'node:net';
import { readLines } from '../node/lines.js';
import { MAX_SERVER_LINE_BYTES } from '../protocol/framing.js';
import { parseAs } from '../protocol/catalog.js';
import { Histogram } from './histogram.js';
import { sleep, type MeasuredLoad, type MeasurePhase } from './util.js';

const TURN = '/turn';
const STARTED = 'The game has started!';
const GAME_OVER = 'The game is over!';
const WORD = 'Word: ';
const LETTER_NAMED = "Letter named: '";
const LETTERS = 'etaoinsrhldcumfpgwybvkxjqz';
const isOpened = (line: string) => parseAs('ROOM_OPENED', line) !== null;
const isReady = (line: string) => parseAs('ROOM_READY', line) !== null;
const isSeated = (line: string) => parseAs('SEAT_KEY', line) !== null;
const isLastHelp = (line: string) => parseAs('HELP_LEAVE', line) !== null;

/** One connection to the game server, whose waits for a line are each bounded in time. */
class Conn {
  readonly socket: net.Socket;
  private waiter: { match: (line: string) => boolean; done: (line: string | null) => void } | null = null;
  private isClosed = false;
  private readonly whenClosed: Promise<void>;

  /** `onLine` sees every line, before any wait does. */
  constructor(port: number, private readonly onLine?: (line: string) => void) {
    const socket = net.connect({ host: '127.0.0.1', port });
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('error', () => {});
    this.whenClosed = new Promise((resolve) =>
      socket.once('close', () => {
        this.isClosed = true;
        this.waiter?.done(null);
        resolve();
      }),
    );
    readLines(socket, (line) => this.line(line.text), { maxLineBytes: MAX_SERVER_LINE_BYTES });
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Sends `line`, then resolves with the first line that matches, or null on timeout or close. */
  ask(line: string, match: (line: string) => boolean, timeoutMs: number): Promise<string | null> {
    const answer = new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => this.waiter?.done(null), timeoutMs);
      this.waiter = {
        match,
        done: (l) => {
          clearTimeout(timer);
          this.waiter = null;
          resolve(l);
        },
      };
      if (this.isClosed) this.waiter.done(null);
    });
    this.send(line);
    return answer;
  }

  send(line: string): void {
    if (!this.socket.destroyed) this.socket.write(line + '\n');
  }

  /** Resolves once the server has closed the connection, or after `timeoutMs`. */
  async end(timeoutMs: number): Promise<void> {
    await Promise.race([this.whenClosed, sleep(timeoutMs)]);
    this.socket.destroy();
  }

  destroy(): Promise<void> {
    this.socket.destroy();
    return this.whenClosed;
  }

  private line(text: string): void {
    this.onLine?.(text);
    if (this.waiter?.match(text)) this.waiter.done(text);
  }
}

/** What a pool holds, one unit each. */
export type HeldKind = 'connection' | 'room' | 'player';

export interface PoolOptions {
  readonly port: number;
  /**
   * `connection`: a connection in the lobby that asked `/help` (nothing else);
   * `room`: a room just opened with `/new`, its creator's connection in the lobby;
   * `player`: a player seated in a room that is not full.
   */
  readonly kind: HeldKind;
  /** For `player`: seats of each room, and players seated in each (fewer, so the room waits). */
  readonly seats?: number;
  readonly seated?: number;
  /** Units set up at once. */
  readonly batch?: number;
  readonly timeoutMs?: number;
}

export interface Pool {
  /** Units held now. */
  held(): number;
  /** Units that failed to set up. */
  failed(): number;
  /** Rooms opened by this pool. */
  rooms(): number;
  /** Sets up more units until `total` are held or tried; resolves with the number held. */
  growTo(total: number): Promise<number>;
  close(): Promise<void>;
}

/** Holds idle units of one kind against a game server. */
export function roomPool(opts: PoolOptions): Pool {
  const conns = new Set<Conn>();
  const held = new Set<Conn>();
  let failed = 0;
  let tried = 0;
  let rooms = 0;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const seats = opts.seats ?? 10;
  const seated = opts.seated ?? 5;
  if (opts.kind === 'player' && !(seated >= 1 && seated < seats)) throw new Error(`a waiting room needs 1 ≤ seated < seats (got ${seated} of ${seats})`);

  const connect = () => {
    const c = new Conn(opts.port);
    conns.add(c);
    return c;
  };
  const keep = (c: Conn, ok: boolean) => {
    if (ok && !c.closed) held.add(c);
    else {
      failed++;
      void c.destroy();
    }
    return ok;
  };
  const sitDown = async (c: Conn, name: string) => (await c.ask(name, isSeated, timeoutMs)) !== null;

  /** One unit (for `player`: one room with its seated players, `seated` units). */
  async function one(i: number): Promise<void> {
    const creator = connect();
    if (opts.kind === 'connection') return void keep(creator, (await creator.ask('/help', isLastHelp, timeoutMs)) !== null);
    const settings = opts.kind === 'room' ? '/new' : `/new players=${seats}`;
    const opened = await creator.ask(settings, isOpened, timeoutMs);
    if (opened) rooms++;
    if (opts.kind === 'room') return void keep(creator, opened !== null);
    if (!keep(creator, opened !== null && (await sitDown(creator, `p${i}x0`)))) return void (failed += seated - 1);
    const code = parseAs('ROOM_OPENED', opened!)!.fields.code;
    await Promise.all(
      Array.from({ length: seated - 1 }, async (_, k) => {
        const c = connect();
        keep(c, (await c.ask(`/join ${code}`, isReady, timeoutMs)) !== null && (await sitDown(c, `p${i}x${k + 1}`)));
      }),
    );
  }

  const perStep = opts.kind === 'player' ? seated : 1;
  return {
    held: () => [...held].filter((c) => !c.closed).length,
    failed: () => failed,
    rooms: () => rooms,
    async growTo(total) {
      const batch = Math.max(1, Math.floor((opts.batch ?? 250) / perStep));
      while (tried < total) {
        const n = Math.min(batch, Math.ceil((total - tried) / perStep));
        const first = tried / perStep;
        tried += n * perStep;
        await Promise.all(Array.from({ length: n }, (_, k) => one(first + k)));
      }
      return this.held();
    },
    async close() {
      await Promise.all([...conns].map((c) => c.destroy()));
      conns.clear();
      held.clear();
    },
  };
}

export interface OpenLoopOptions {
  readonly port: number;
  /** Clients at once, each opening one room after another. */
  readonly clients: number;
  /** Rooms opened before the measurement starts (not counted). */
  readonly warmupRooms: number;
  /** The measurement ends after this many rooms or this long, whichever comes first. */
  readonly maxRooms: number;
  readonly durationMs: number;
  readonly timeoutMs?: number;
  /** Called when the measured interval starts and ends (e.g. to read the server's CPU time). */
  readonly onMeasure?: (phase: MeasurePhase) => void;
}

export interface OpenLoopResult {
  /** Rooms opened and sat in while measured. */
  readonly rooms: number;
  readonly seconds: number;
  readonly roomsPerSec: number;
  /** Connect → `/new` → ROOM_OPENED → name → SEAT_KEY, ms. */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Rooms that did not open or seat their creator in time. */
  readonly failed: number;
  /** CPU share of this (client) process while measured; 1 = one full core. */
  readonly clientCpu: number;
}

/**
 * A closed loop: each client connects, sends `/new`, its name on ROOM_OPENED, and
 * `/leave` once seated (SEAT_KEY), then does it again on a new connection.
 */
export async function openRoomsLoop(opts: OpenLoopOptions): Promise<OpenLoopResult> {
  const hist = new Histogram();
  const timeoutMs = opts.timeoutMs ?? 15_000;
  let started = 0;
  let measuring = false;
  let measured = 0;
  let failed = 0;
  let next = 0;
  let stopAt = Infinity;
  const total = opts.warmupRooms + opts.maxRooms;

  async function client(): Promise<void> {
    while (started < total && performance.now() < stopAt) {
      started++;
      const t0 = performance.now();
      const timed = measuring;
      const c = new Conn(opts.port);
      const ok = (await c.ask('/new', isOpened, timeoutMs)) !== null && (await c.ask(`o${next++}`, isSeated, timeoutMs)) !== null;
      const t1 = performance.now();
      if (!ok) {
        if (measuring) failed++;
        await c.destroy();
        continue;
      }
      c.send('/leave');
      await c.end(timeoutMs);
      // Only rooms begun and finished inside the measured interval count.
      if (timed && measuring) {
        measured++;
        hist.record(t1 - t0);
        if (measured >= opts.maxRooms) finish();
      } else if (!measuring && started >= opts.warmupRooms && stopAt === Infinity) begin();
    }
  }

  let t0 = 0;
  let t1 = 0;
  let cpu0 = process.cpuUsage();
  let cpu = cpu0;
  let overall: ReturnType<typeof setTimeout> | undefined;
  const begin = () => {
    opts.onMeasure?.('start');
    measuring = true;
    t0 = performance.now();
    cpu0 = process.cpuUsage();
    stopAt = t0 + opts.durationMs;
    overall = setTimeout(finish, opts.durationMs);
  };
  const finish = () => {
    if (!measuring) return;
    measuring = false;
    t1 = performance.now();
    cpu = process.cpuUsage(cpu0);
    stopAt = 0;
    clearTimeout(overall);
    opts.onMeasure?.('end');
  };
  if (opts.warmupRooms === 0) begin();
  // A bound on the warm-up too: a server that never answers does not hold the bench.
  const warmupLimit = setTimeout(() => stopAt === Infinity && (stopAt = 0), timeoutMs + opts.durationMs);
  await Promise.all(Array.from({ length: opts.clients }, client));
  clearTimeout(warmupLimit);
  finish();
  const seconds = t1 > t0 ? (t1 - t0) / 1000 : NaN;
  return {
    rooms: measured,
    seconds,
    roomsPerSec: measured / seconds,
    p50: hist.quantile(0.5),
    p99: hist.quantile(0.99),
    max: hist.max,
    failed,
    clientCpu: (cpu.user + cpu.system) / 1e6 / seconds,
  };
}

export interface RoomGamesOptions extends MeasuredLoad {
  readonly port: number;
  readonly rooms: number;
  /** Players in each room: the room's seats, all taken, so its games start at once. */
  readonly seats: number;
  /** Mean think time before each move, in ms (drawn from 0.5× to 1.5× of it). */
  readonly thinkMs: number;
  /** The rooms' `pause=` between games, in seconds. */
  readonly pauseSeconds: number;
  /** Ends the measurement early once this many games are over (a bound for tests). */
  readonly maxGames?: number;
  readonly setupTimeoutMs?: number;
  /** Awaited once every room is set up, before the warm-up (e.g. to start with another load generator). */
  readonly ready?: () => Promise<void>;
}

export interface RoomGamesResult {
  readonly rooms: number;
  /** Rooms with every seat taken when the measurement started. */
  readonly full: number;
  readonly players: number;
  readonly moves: number;
  /** Games over while measured. */
  readonly games: number;
  readonly seconds: number;
  readonly movesPerSec: number;
  readonly gamesPerSec: number;
  /** Move → WORD at every player of the room, ms. */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Connections that closed before the end. */
  readonly dropped: number;
  /** CPU share of this (players') process while measured. */
  readonly clientCpu: number;
}

/**
 * Rooms of `seats` players playing game after game: each room is opened with
 * `/new players=… turn=0 pause=…`, its creator sits, the others `/join` it; on
 * `/turn` a player thinks, then names the next letter nobody at the table has
 * named. Latency runs from a move written to the last player of the room reading
 * the WORD line that answers it.
 */
export async function runRoomGames(opts: RoomGamesOptions): Promise<RoomGamesResult> {
  const hist = new Histogram();
  let measuring = false;
  let running = true;
  let moves = 0;
  let games = 0;
  let dropped = 0;
  let enough = () => {};

  interface RoomState {
    /** The move in flight: when it was written (-1: before the measurement) and how many players have seen its WORD. */
    pending: { t0: number; seen: number } | null;
    seatedCount: number;
  }

  class Player {
    readonly conn: Conn;
    private tried = 0; // bit i: LETTERS[i] was named in this game
    private skipWord = false; // the WORD right after STARTED answers no move

    constructor(
      readonly room: RoomState,
      readonly name: string,
      readonly counts: boolean,
    ) {
      this.conn = new Conn(opts.port, (line) => this.onLine(line));
      this.conn.socket.once('close', () => running && dropped++);
    }

    private onLine(line: string): void {
      if (line.startsWith(WORD)) {
        if (this.skipWord) return void (this.skipWord = false);
        const p = this.room.pending;
        if (p && ++p.seen === opts.seats) {
          this.room.pending = null;
          if (measuring && p.t0 >= 0) hist.record(performance.now() - p.t0);
        }
      } else if (line === TURN) {
        setTimeout(() => this.move(), opts.thinkMs * (0.5 + Math.random()));
      } else if (line.startsWith(LETTER_NAMED)) {
        const i = LETTERS.indexOf(line[LETTER_NAMED.length]);
        if (i >= 0) this.tried |= 1 << i;
      } else if (line === STARTED) {
        this.tried = 0;
        this.skipWord = true;
      } else if (line === GAME_OVER) {
        if (this.counts && measuring && ++games === opts.maxGames) enough();
      }
    }

    private move(): void {
      if (!running || this.conn.closed) return;
      let i = 0;
      while (i < LETTERS.length && this.tried & (1 << i)) i++;
      // Every letter named and no end cannot happen with a-z words; a wrong word moves on.
      const line = i < LETTERS.length ? `/letter ${LETTERS[i]}` : '/word zzz';
      this.tried |= 1 << i;
      this.room.pending = { t0: measuring ? performance.now() : -1, seen: 0 };
      if (measuring) moves++;
      this.conn.send(line);
    }
  }

  const timeoutMs = opts.setupTimeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  const players: Player[] = [];
  const roomsState: RoomState[] = [];
  const settings = `/new players=${opts.seats} turn=0 pause=${opts.pauseSeconds}`;
  const sit = async (p: Player, first: string, answer: (line: string) => boolean) => {
    const left = Math.max(1, deadline - Date.now());
    const ok = (await p.conn.ask(first, answer, left)) !== null && (await p.conn.ask(p.name, isSeated, left)) !== null;
    if (ok) p.room.seatedCount++;
    return ok;
  };
  async function openOne(r: number): Promise<void> {
    const room: RoomState = { pending: null, seatedCount: 0 };
    roomsState.push(room);
    const creator = new Player(room, `r${r}p0`, true);
    players.push(creator);
    const opened = await creator.conn.ask(settings, isOpened, Math.max(1, deadline - Date.now()));
    if (!opened || (await creator.conn.ask(creator.name, isSeated, Math.max(1, deadline - Date.now()))) === null) return;
    room.seatedCount++;
    const code = parseAs('ROOM_OPENED', opened)!.fields.code;
    await Promise.all(
      Array.from({ length: opts.seats - 1 }, (_, k) => {
        const p = new Player(room, `r${r}p${k + 1}`, false);
        players.push(p);
        return sit(p, `/join ${code}`, isReady);
      }),
    );
  }
  const BATCH = 100;
  for (let r = 0; r < opts.rooms && Date.now() < deadline; r += BATCH) {
    await Promise.all(Array.from({ length: Math.min(BATCH, opts.rooms - r) }, (_, k) => openOne(r + k)));
  }
  await opts.ready?.();
  await sleep(opts.warmupMs);
  const full = roomsState.filter((r) => r.seatedCount === opts.seats).length;
  opts.onMeasure?.('start');
  measuring = true;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, opts.durationMs);
    enough = () => (clearTimeout(timer), resolve());
  });
  const cpu = process.cpuUsage(cpu0);
  measuring = false;
  const seconds = (performance.now() - start) / 1000;
  opts.onMeasure?.('end');
  running = false;
  await Promise.all(players.map((p) => p.conn.destroy()));
  return {
    rooms: opts.rooms,
    full,
    players: players.length,
    moves,
    games,
    seconds,
    movesPerSec: moves / seconds,
    gamesPerSec: games / seconds,
    p50: hist.quantile(0.5),
    p99: hist.quantile(0.99),
    max: hist.max,
    dropped,
    clientCpu: (cpu.user + cpu.system) / 1e6 / seconds,
  };
}
