/**
 * Closed-loop line load: C clients each keep `window` lines of 32 bytes in flight
 * (send, wait for the echo, send again) and time every round trip.
 *
 * Transports: raw TCP; WebSocket text frames (one frame = one line, the gateway's
 * framing); WebSocket binary frames holding raw bytes (websockify's framing: a
 * frame may hold any piece of the stream, so replies are re-split at `\n`).
 */
import net from 'node:net';
import type { Duplex } from 'node:stream';
import WebSocket from 'ws';
import { Histogram } from './histogram.js';
import type { MeasuredLoad } from './util.js';

export type Transport = 'tcp' | 'ws-text' | 'ws-binary';

export interface LoadOptions extends MeasuredLoad {
  readonly transport: Transport;
  readonly port: number;
  /** WebSocket path, e.g. `/ws`. */
  readonly path?: string;
  /** Origin header for WebSocket clients (a gateway may check it). */
  readonly origin?: string;
  readonly clients: number;
  /** Lines in flight per client: 1 is a strict closed loop. */
  readonly window: number;
  /** Give up connecting after this long; the run goes on with those connected. */
  readonly connectTimeoutMs?: number;
}

export interface LoadResult {
  readonly clients: number;
  readonly connected: number;
  readonly lines: number;
  readonly seconds: number;
  readonly linesPerSec: number;
  /** Round trip in ms. */
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  /** Clients that closed or failed during the measurement. */
  readonly dropped: number;
  /** CPU share of this (load generator) process while measured; 1 = one full core. */
  readonly clientCpu: number;
  /** Every round trip measured, for merging runs. */
  readonly hist: Histogram;
}

/** A line is 31 bytes of text and a `\n`: 32 bytes on the TCP wire. */
export const LINE_BYTES = 32;
const TEXT = Buffer.from('0123456789abcdefghijklmnopqrstu');
const LF = 0x0a;
const CONNECT_BATCH = 200;

interface Client {
  /** Sends `n` lines now. */
  send(n: number): void;
  close(): void;
}

/** Runs one measurement and closes every client it opened. */
export async function runLineLoad(opts: LoadOptions): Promise<LoadResult> {
  const window = opts.window;
  const hist = new Histogram();
  let measuring = false;
  let running = false;
  let lines = 0;
  let inFlight = 0;
  let dropped = 0;
  let onIdle: (() => void) | null = null;
  const many = Buffer.concat(Array.from({ length: window }, () => Buffer.concat([TEXT, Buffer.from('\n')])));

  /** Per client: send times of the lines in flight, oldest first (a ring of `window`). */
  class Times {
    private readonly t = new Float64Array(window);
    private head = 0;
    private size = 0;
    push(now: number, n: number): void {
      for (let i = 0; i < n; i++) this.t[(this.head + this.size++) % window] = now;
      inFlight += n;
    }
    /** `n` replies arrived at `now`; returns how many new lines to send. */
    arrive(now: number, n: number): number {
      for (let i = 0; i < n && this.size > 0; i++) {
        const sent = this.t[this.head];
        this.head = (this.head + 1) % window;
        this.size--;
        inFlight--;
        if (measuring) {
          hist.record(now - sent);
          lines++;
        }
      }
      if (inFlight === 0 && onIdle) onIdle();
      return running ? n : 0;
    }
  }

  const connectOne = (): Promise<Client> => {
    const times = new Times();
    if (opts.transport === 'tcp') {
      return new Promise((resolve, reject) => {
        const socket = net.connect({ host: '127.0.0.1', port: opts.port });
        socket.setNoDelay(true);
        const client: Client = {
          send(n) {
            times.push(performance.now(), n);
            socket.write(n === window ? many : many.subarray(0, n * LINE_BYTES));
          },
          close: () => socket.destroy(),
        };
        socket.once('connect', () => resolve(client));
        socket.once('error', reject);
        socket.on('close', () => {
          if (running) dropped++;
        });
        socket.on('data', (chunk: Buffer) => {
          let n = 0;
          for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) n++;
          const more = times.arrive(performance.now(), n);
          if (more > 0) client.send(more);
        });
      });
    }
    const binary = opts.transport === 'ws-binary';
    const line = binary ? many.subarray(0, LINE_BYTES) : TEXT;
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${opts.port}${opts.path ?? '/'}`, {
        perMessageDeflate: false,
        origin: opts.origin,
      });
      let raw: Duplex | null = null;
      let corked = false;
      const uncork = () => {
        corked = false;
        raw?.uncork();
      };
      const client: Client = {
        send(n) {
          times.push(performance.now(), n);
          // Frames sent in one tick leave in one write, as a browser would batch them.
          if (!corked && raw) {
            corked = true;
            raw.cork();
            process.nextTick(uncork);
          }
          for (let i = 0; i < n; i++) ws.send(line, { binary });
        },
        close: () => ws.terminate(),
      };
      ws.once('open', () => {
        raw = (ws as unknown as { _socket: Duplex })._socket;
        resolve(client);
      });
      ws.once('error', reject);
      ws.on('close', () => {
        if (running) dropped++;
      });
      ws.on('message', (data: Buffer) => {
        let n = 1;
        if (binary) {
          n = 0;
          for (let i = data.indexOf(LF); i !== -1; i = data.indexOf(LF, i + 1)) n++;
        }
        const more = times.arrive(performance.now(), n);
        if (more > 0) client.send(more);
      });
    });
  };

  const clients: Client[] = [];
  const deadline = Date.now() + (opts.connectTimeoutMs ?? 30_000);
  for (let i = 0; i < opts.clients && Date.now() < deadline; i += CONNECT_BATCH) {
    const batch = Math.min(CONNECT_BATCH, opts.clients - i);
    const settled = await Promise.allSettled(
      Array.from({ length: batch }, () => withTimeout(connectOne(), Math.max(1, deadline - Date.now()))),
    );
    for (const s of settled) if (s.status === 'fulfilled') clients.push(s.value);
  }

  running = true;
  for (const c of clients) c.send(window);
  await sleep(opts.warmupMs);
  opts.onMeasure?.('start');
  measuring = true;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  await sleep(opts.durationMs);
  measuring = false;
  const cpu = process.cpuUsage(cpu0);
  const seconds = (performance.now() - start) / 1000;
  opts.onMeasure?.('end');
  running = false;
  // Let the lines in flight come home before closing, so the next run starts clean.
  if (inFlight > 0) await Promise.race([new Promise<void>((r) => (onIdle = r)), sleep(2000)]);
  for (const c of clients) c.close();
  await sleep(50);
  return {
    clients: opts.clients,
    connected: clients.length,
    lines,
    seconds,
    linesPerSec: lines / seconds,
    p50: hist.quantile(0.5),
    p90: hist.quantile(0.9),
    p99: hist.quantile(0.99),
    dropped,
    clientCpu: (cpu.user + cpu.system) / 1e6 / seconds,
    hist,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout<T extends Client>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('connect timed out'));
      // A client that connects after the deadline is closed at once.
      void p.then((c) => c.close(), () => {});
    }, ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (err) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
