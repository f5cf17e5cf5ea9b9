/**
 * Our kept seat in the tab's session storage (PROTOCOL.md §8.4): a reload of the
 * tab takes the seat back without asking the name. Session storage is per tab, so
 * a second tab starts fresh unless it was made by duplicating this one.
 */

/** What `/back` needs, and what to fall back on when the seat is no longer kept. */
export interface Seat {
  readonly key: string;
  readonly name: string;
  /** The room's code; null at a public table. */
  readonly code: string | null;
}

/** The storage item that holds the seat. */
export const SEAT_ITEM = 'wg.seat';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Remembers the seat (a storage that refuses, e.g. when full or disabled, just forgets). */
export function saveSeat(store: Store, seat: Seat): void {
  try {
    store.setItem(SEAT_ITEM, JSON.stringify(seat));
  } catch {
    // Without storage a reload asks for the name again: no worse than before.
  }
}

/** The remembered seat, or null when there is none or it is not one of ours. */
export function loadSeat(store: Store): Seat | null {
  let value: unknown;
  try {
    value = JSON.parse(store.getItem(SEAT_ITEM) ?? 'null');
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { key, name, code } = value as Record<string, unknown>;
  if (typeof key !== 'string' || typeof name !== 'string' || !(code === null || typeof code === 'string')) return null;
  return { key, name, code };
}

/** Forgets the seat: we left, the game ended, or the server no longer keeps it. */
export function clearSeat(store: Store): void {
  try {
    store.removeItem(SEAT_ITEM);
  } catch {
    // nothing to forget
  }
}
