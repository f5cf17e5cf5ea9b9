/**
 * Time as the server sees it, injectable so tests run turn clocks, seat grace and
 * room closing by hand instead of waiting.
 */

/** Timers and the time now. */
export interface Clock {
  /** Milliseconds since some fixed point; only differences matter. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** One timer that can be set again and cleared, never two at once. */
export class Timer {
  private handle: unknown = null;
  private endsAt = 0;

  constructor(private readonly clock: Clock) {}

  /** Runs `fn` after `ms`, replacing what was set before. */
  set(ms: number, fn: () => void): void {
    this.clear();
    this.endsAt = this.clock.now() + ms;
    this.handle = this.clock.setTimeout(() => {
      this.handle = null;
      fn();
    }, ms);
  }

  clear(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }

  get running(): boolean {
    return this.handle !== null;
  }

  /** Milliseconds until it fires; 0 when it is not running. */
  get left(): number {
    return this.handle === null ? 0 : Math.max(0, this.endsAt - this.clock.now());
  }
}
