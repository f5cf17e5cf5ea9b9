/**
 * Bot players for the game server: each one connects over raw TCP, sends its
 * name at once, and on every `/turn` names the next untried letter (in English
 * frequency order). When its game ends it reconnects as a new player, so the
 * number of connected players stays near the target.
 *
 * Latency: from a bot writing its move to the last player at the table reading
 * the WORD line that answers it. Every move a bot makes is a fresh letter, so
 * every move is answered by a WORD line to the whole table.
 */
import net from 'node:net';
import { readLines } from '../node/lines.js';
import { MAX_SERVER_LINE_BYTES } from '../protocol/framing.js';
import { Histogram } from './histogram.js';
import type { MeasuredLoad } from './util.js';

export interface BotOptions extends MeasuredLoad {
  readonly port: number;
  /** Several servers (the processes of a cluster): bots connect to each in turn. Default: just `port`. */
  readonly ports?: readonly number[];
  readonly players: number;
  /** Players per table, as the server was started with. */
  readonly tableSize: number;
  /** Mean think time before each move, in ms: 0 moves as fast as possible. */
  readonly thinkMs?: number;
  readonly connectTimeoutMs?: number;
  /** Awaited once every bot has connected, before the warm-up (e.g. to start with another load generator). */
  readonly ready?: () => Promise<void>;
}

export interface BotResult {
  readonly players: number;
  /** Players connected when the measurement started. */
  readonly connected: number;
  readonly moves: number;
  readonly seconds: number;
  readonly movesPerSec: number;
  readonly gamesPerSec: number;
  /** Move → WORD at every player of the table, ms. */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Connections that failed or were refused. */
  readonly errors: number;
  /** CPU share of this (bots) process while measured; 1 = one full core. */
  readonly clientCpu: number;
}

const LETTERS = 'etaoinsrhldcumfpgwybvkxjqz';
const TURN_OF = 'Turn: ';
const LETTER_NAMED = "Letter named: '";
const WORD = 'Word: ';
const CONNECT_BATCH = 500;

/** Runs bots against a server; resolves after the measurement with every bot closed. */
export async function runBots(opts: BotOptions): Promise<BotResult> {
  const hist = new Histogram();
  const pending = new Map<string, { t0: number; seen: number }>();
  const live = new Set<Bot>();
  let measuring = false;
  let running = true;
  let moves = 0;
  let quits = 0;
  let errors = 0;
  let nextName = 1;
  const thinkMs = opts.thinkMs ?? 0;
  const ports = opts.ports ?? [opts.port];

  class Bot {
    readonly name = `b${nextName++}`;
    readonly socket: net.Socket;
    private tried = 0; // bit i: LETTERS[i] was named at this table
    private turnOf = '';
    private done = false;

    constructor(onConnect?: () => void, onError?: () => void) {
      const socket = net.connect({ host: '127.0.0.1', port: ports[nextName % ports.length] });
      this.socket = socket;
      live.add(this);
      socket.setNoDelay(true);
      socket.on('connect', () => {
        socket.write(this.name + '\n');
        onConnect?.();
      });
      socket.on('error', () => {
        errors++;
        onError?.();
      });
      readLines(socket, (line) => this.onLine(line.text), { maxLineBytes: MAX_SERVER_LINE_BYTES });
      socket.on('close', () => {
        live.delete(this);
        // Keep the number of players up: a finished or dropped player is replaced.
        if (!this.done && running) new Bot();
      });
    }

    private onLine(line: string): void {
      if (line.startsWith(WORD)) {
        const p = pending.get(this.turnOf);
        if (p && ++p.seen === opts.tableSize) {
          pending.delete(this.turnOf);
          if (measuring && p.t0 >= 0) hist.record(performance.now() - p.t0);
        }
      } else if (line.startsWith(TURN_OF)) {
        this.turnOf = line.slice(TURN_OF.length);
      } else if (line.startsWith(LETTER_NAMED)) {
        const i = LETTERS.indexOf(line[LETTER_NAMED.length]);
        if (i >= 0) this.tried |= 1 << i;
      } else if (line === '/turn') {
        // Think times spread from 0.5× to 1.5× the mean, so tables do not move in lockstep.
        if (thinkMs > 0) setTimeout(() => this.move(), thinkMs * (0.5 + Math.random()));
        else this.move();
      } else if (line === '/quit') {
        quits++;
        this.done = true;
        this.socket.end();
        if (running) new Bot();
      }
    }

    private move(): void {
      if (this.socket.destroyed) return;
      let i = 0;
      while (i < LETTERS.length && this.tried & (1 << i)) i++;
      // Every letter named and still no end: cannot happen with a-z words; guess a word to move on.
      const line = i < LETTERS.length ? `/letter ${LETTERS[i]}\n` : '/word zzz\n';
      this.tried |= 1 << i;
      // A move made before the measurement is not timed (t0 < 0) but still counted down.
      pending.set(this.name, { t0: measuring ? performance.now() : -1, seen: 0 });
      if (measuring) moves++;
      this.socket.write(line);
    }
  }

  const deadline = Date.now() + (opts.connectTimeoutMs ?? 60_000);
  let connected = 0;
  for (let i = 0; i < opts.players && Date.now() < deadline; i += CONNECT_BATCH) {
    const batch = Math.min(CONNECT_BATCH, opts.players - i);
    await new Promise<void>((resolve) => {
      let left = batch;
      const one = () => {
        if (--left === 0) resolve();
      };
      for (let k = 0; k < batch; k++)
        new Bot(
          () => (connected++, one()),
          () => one(),
        );
      setTimeout(resolve, Math.max(1, deadline - Date.now())).unref();
    });
  }
  await opts.ready?.();
  await sleep(opts.warmupMs);
  const connectedNow = live.size;
  opts.onMeasure?.('start');
  measuring = true;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const quitsBefore = quits;
  await sleep(opts.durationMs);
  const cpu = process.cpuUsage(cpu0);
  measuring = false;
  const seconds = (performance.now() - start) / 1000;
  opts.onMeasure?.('end');
  const games = (quits - quitsBefore) / opts.tableSize;
  running = false;
  for (const bot of live) bot.socket.destroy();
  await sleep(100);
  return {
    players: opts.players,
    connected: Math.min(connected, connectedNow),
    moves,
    seconds,
    movesPerSec: moves / seconds,
    gamesPerSec: games / seconds,
    p50: hist.quantile(0.5),
    p99: hist.quantile(0.99),
    max: hist.max,
    errors,
    clientCpu: (cpu.user + cpu.system) / 1e6 / seconds,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface IdleSeats {
  /** Players connected and seated (their first line from the server came back). */
  readonly held: number;
  /** Connections that failed or were closed. */
  readonly failed: number;
  close(): Promise<void>;
}

/**
 * Seats `players` who never move: each connects, sends its name and reads what the
 * table says. With no turn clock they stay seated, so the server's memory per
 * seated player can be read.
 */
export async function seatIdlePlayers(opts: { readonly port: number; readonly players: number; readonly timeoutMs?: number }): Promise<IdleSeats> {
  const open = new Set<net.Socket>();
  let failed = 0;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  let nextName = 1;
  const one = () =>
    new Promise<void>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port: opts.port });
      let settled = false;
      const done = (ok: boolean) => {
        if (settled) return;
        settled = true;
        if (ok) open.add(socket);
        else failed++;
        resolve();
      };
      socket.once('connect', () => socket.write(`i${nextName++}\n`));
      // Seated: the table answered the name (JOINED, WAITING or the game's start).
      socket.once('data', () => done(true));
      socket.on('data', () => {});
      socket.on('error', () => done(false));
      socket.on('close', () => (open.delete(socket), done(false)));
      setTimeout(() => done(false), Math.max(1, deadline - Date.now())).unref();
    });
  for (let i = 0; i < opts.players && Date.now() < deadline; i += CONNECT_BATCH) {
    await Promise.all(Array.from({ length: Math.min(CONNECT_BATCH, opts.players - i) }, one));
  }
  return {
    held: open.size,
    failed,
    async close() {
      const closed = [...open].map((s) => new Promise<void>((resolve) => (s.once('close', () => resolve()), s.destroy())));
      await Promise.all(closed);
    },
  };
}
