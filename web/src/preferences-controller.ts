/** What the page remembers between visits: the name, the page's language, the sound. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang } from '../../protocol/index.js';

/** The localStorage keys (kept from the first version, so nothing a player saved is lost). */
export const STORAGE_KEYS = { name: 'wg.name', lang: 'wg.lang', muted: 'wg.muted' } as const;

/** The page's storage, or null where the browser refuses it (some private modes, sandboxed frames). */
function pageStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The browser's language when it is one of ours, else English. */
function browserLang(): Lang {
  return globalThis.navigator?.language?.startsWith('uk') ? 'uk' : 'en';
}

/** Owns the saved preferences: read once, written on every change, the host re-rendered. */
export class PreferencesController implements ReactiveController {
  /** The name last joined with. */
  name: string;
  /** The language the player chose last, else the browser's. */
  lang: Lang;
  /** Whether the turn tone is off. */
  muted: boolean;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly storage: Storage | null = pageStorage(),
  ) {
    host.addController(this);
    const saved = this.read(STORAGE_KEYS.lang);
    this.name = this.read(STORAGE_KEYS.name) ?? '';
    this.lang = saved === 'en' || saved === 'uk' ? saved : browserLang();
    this.muted = this.read(STORAGE_KEYS.muted) === '1';
  }

  hostConnected(): void {}

  setName(name: string): void {
    this.name = name;
    this.write(STORAGE_KEYS.name, name);
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.write(STORAGE_KEYS.lang, lang);
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    this.write(STORAGE_KEYS.muted, muted ? '1' : '0');
  }

  private read(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  /** A full or refused storage only means the choice is not remembered. */
  private write(key: string, value: string): void {
    try {
      this.storage?.setItem(key, value);
    } catch {
      // not remembered; the page works on
    }
    this.host.requestUpdate();
  }
}
