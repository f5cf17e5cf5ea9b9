/**
 * Kept seats by key (PROTOCOL.md §8.3, §8.4): every seat a person takes gets a key,
 * and `/back KEY` finds the seat again from any connection. The one place keys are
 * looked up, so a layer that finds seats held by another process hooks in here.
 */
import { SEAT_KEY_LENGTH, canonicalCode, randomCode } from './codes.js';
import type { CodeListener } from './rooms.js';

/** What a table needs of the registry: a key for a new seat, and giving it up. */
export interface SeatKeys<Seat> {
  issue(seat: Seat): string;
  revoke(key: string): void;
}

export class SeatRegistry<Seat> implements SeatKeys<Seat> {
  private readonly byKey = new Map<string, Seat>();

  constructor(private readonly listener?: CodeListener) {}

  /** A new key for `seat`, unique among the keys held. */
  issue(seat: Seat): string {
    let key: string;
    do key = randomCode(SEAT_KEY_LENGTH);
    while (this.byKey.has(key));
    this.byKey.set(key, seat);
    this.listener?.added(key);
    return key;
  }

  /** The seat a typed key stands for (any case), or undefined for an unknown or expired key. */
  find(typed: string): Seat | undefined {
    return this.byKey.get(canonicalCode(typed));
  }

  /** The key is no longer valid (its player left, or the table is gone). */
  revoke(key: string): void {
    if (this.byKey.delete(key)) this.listener?.removed(key);
  }

  /** Keys held now. */
  get size(): number {
    return this.byKey.size;
  }
}
