/**
 * A sliding-window counter: at most `limit` events per key in any `windowMs`.
 * Used for `/new` per address, wrong seat keys per address and `/say` per player.
 */
import type { Clock } from './clock.js';

/** Keys held before stale ones are swept, so a flood of addresses cannot grow the map for ever. */
const SWEEP_AT = 1024;

export class RateLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly clock: Clock,
  ) {}

  /** Counts one event for `key` and returns true, or returns false (counting nothing) when the key is at its limit. */
  take(key: string): boolean {
    const now = this.clock.now();
    if (this.events.size >= SWEEP_AT && !this.events.has(key)) this.sweep(now);
    const recent = (this.events.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(key, recent);
      return false;
    }
    recent.push(now);
    this.events.set(key, recent);
    return true;
  }

  /** Forgets a key (its player left). */
  forget(key: string): void {
    this.events.delete(key);
  }

  /** Keys with an event still in the window (for tests). */
  get size(): number {
    return this.events.size;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.events) if (times.every((t) => now - t >= this.windowMs)) this.events.delete(key);
  }
}
