import { describe, expect, it } from 'vitest';
import { SEAT_ITEM, clearSeat, loadSeat, saveSeat } from './seat-store.js';

/** A Storage as the tab has it, in memory. */
function memory(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
    key: (i) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    },
  };
}

describe('the kept seat in session storage', () => {
  it('survives a reload: saved, loaded, cleared', () => {
    const store = memory();
    expect(loadSeat(store)).toBeNull();
    saveSeat(store, { key: 'ABCD2345', name: 'Ann', code: 'K7M2Q' });
    expect(loadSeat(store)).toEqual({ key: 'ABCD2345', name: 'Ann', code: 'K7M2Q' });
    saveSeat(store, { key: 'ABCD2345', name: 'Ann', code: null });
    expect(loadSeat(store)).toEqual({ key: 'ABCD2345', name: 'Ann', code: null });
    clearSeat(store);
    expect(loadSeat(store)).toBeNull();
  });

  it.each(['not json', '42', '{"key":1,"name":"Ann","code":null}', '{"key":"K","name":"Ann"}', 'null'])('ignores %s', (raw) => {
    const store = memory();
    store.setItem(SEAT_ITEM, raw);
    expect(loadSeat(store)).toBeNull();
  });

  it('a storage that throws forgets quietly', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => saveSeat(broken, { key: 'K', name: 'A', code: null })).not.toThrow();
    expect(loadSeat(broken)).toBeNull();
    expect(() => clearSeat(broken)).not.toThrow();
  });
});
