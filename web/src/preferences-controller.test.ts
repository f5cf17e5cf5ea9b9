import { describe, expect, it, vi } from 'vitest';
import { PreferencesController, STORAGE_KEYS } from './preferences-controller.js';

/** A Map as the page's storage; `refuse` makes it throw as a full or blocked storage does. */
function fakeStorage(entries: Record<string, string> = {}, refuse = false): Storage {
  const map = new Map(Object.entries(entries));
  return {
    getItem: (k: string) => (refuse ? (() => { throw new Error('SecurityError'); })() : map.get(k) ?? null),
    setItem: (k: string, v: string) => {
      if (refuse) throw new Error('QuotaExceededError');
      map.set(k, v);
    },
  } as Storage;
}

describe('PreferencesController', () => {
  const host = () => ({ addController: vi.fn(), removeController: vi.fn(), requestUpdate: vi.fn(), updateComplete: Promise.resolve(true) });

  it('reads what was saved, and saves each change for the next visit', () => {
    const storage = fakeStorage({ [STORAGE_KEYS.name]: 'Ann', [STORAGE_KEYS.lang]: 'uk', [STORAGE_KEYS.muted]: '1' });
    const h = host();
    const prefs = new PreferencesController(h, storage);
    expect([prefs.name, prefs.lang, prefs.muted]).toEqual(['Ann', 'uk', true]);
    prefs.setName('Bob');
    prefs.setLang('en');
    prefs.setMuted(false);
    expect(h.requestUpdate).toHaveBeenCalledTimes(3);
    const again = new PreferencesController(host(), storage);
    expect([again.name, again.lang, again.muted]).toEqual(['Bob', 'en', false]);
  });

  it('a saved language that is not ours is ignored', () => {
    const prefs = new PreferencesController(host(), fakeStorage({ [STORAGE_KEYS.lang]: 'xx' }));
    expect(['en', 'uk']).toContain(prefs.lang);
  });

  it('works on, unremembered, where storage is refused or missing', () => {
    for (const storage of [fakeStorage({}, true), null]) {
      const prefs = new PreferencesController(host(), storage);
      expect(prefs.name).toBe('');
      expect(() => prefs.setName('Ann')).not.toThrow();
      expect(prefs.name).toBe('Ann');
    }
  });
});
