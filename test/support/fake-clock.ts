/**
 * A clock run by hand: timers fire only when the test says so, and time moves only
 * then. For turn clocks, seat grace, room closing and rate limits without waiting.
 */
import type { Clock } from '../../server/clock.js';

interface Pending {
  readonly fn: () => void;
  readonly ms: number;
  readonly at: number;
}

export class FakeClock implements Clock {
  private readonly timers = new Map<number, Pending>();
  private nextHandle = 1;
  private time = 0;
  /** How many timers were ever set. */
  started = 0;

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.timers.set(handle, { fn, ms, at: this.time + ms });
    this.started++;
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Timers still pending. */
  get pending(): number {
    return this.timers.size;
  }

  /** Delays of the timers still pending, as they were set. */
  get delays(): number[] {
    return [...this.timers.values()].map((t) => t.ms);
  }

  /** Runs the one pending timer, as if its time had come; fails unless exactly one is pending. */
  fire(): void {
    if (this.timers.size !== 1) throw new Error(`expected exactly one timer pending, found ${this.timers.size}`);
    const [[handle, timer]] = [...this.timers];
    this.timers.delete(handle);
    this.time = Math.max(this.time, timer.at);
    timer.fn();
  }

  /** Moves time on by `ms`, running every timer that comes due, in order (timers they set included). */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      let next: [number, Pending] | null = null;
      for (const entry of this.timers) if (entry[1].at <= until && (next === null || entry[1].at < next[1].at)) next = entry;
      if (next === null) break;
      this.timers.delete(next[0]);
      this.time = Math.max(this.time, next[1].at);
      next[1].fn();
    }
    this.time = until;
  }
}
