import { afterEach, describe, expect, it, vi } from 'vitest';
import { SoundController, type SoundInput } from './sound-controller.js';

/** Counts the tones started; nothing is heard. */
class FakeAudioContext {
  static made = 0;
  static tones = 0;
  currentTime = 0;
  destination = {};
  closed = false;
  constructor() {
    FakeAudioContext.made++;
  }
  resume() {
    return Promise.resolve();
  }
  close() {
    this.closed = true;
    return Promise.resolve();
  }
  createGain() {
    return { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (x: unknown) => x };
  }
  createOscillator() {
    return { frequency: { value: 0 }, connect: (x: unknown) => x, start: () => FakeAudioContext.tones++, stop() {} };
  }
}

describe('SoundController', () => {
  const host = { addController: vi.fn(), removeController: vi.fn(), requestUpdate: vi.fn(), updateComplete: Promise.resolve(true) };
  afterEach(() => vi.unstubAllGlobals());

  function setup(hidden: boolean) {
    FakeAudioContext.made = FakeAudioContext.tones = 0;
    vi.stubGlobal('AudioContext', FakeAudioContext);
    const doc = { hidden } as Document;
    let input: SoundInput = { turns: 0, muted: false };
    const sound = new SoundController(host, () => input, doc);
    return { sound, set: (next: Partial<SoundInput>) => ((input = { ...input, ...next }), sound.hostUpdated()) };
  }

  it('rings once for a new turn in a background tab, after Join unlocked the sound', () => {
    const { sound, set } = setup(true);
    set({ turns: 1 });
    expect(FakeAudioContext.tones).toBe(0); // no gesture yet: no sound allowed
    sound.unlock();
    set({ turns: 2 });
    set({ turns: 2 });
    expect(FakeAudioContext.tones).toBe(1);
  });

  it('stays silent when muted, or when the tab is in front', () => {
    const muted = setup(true);
    muted.sound.unlock();
    muted.set({ turns: 1, muted: true });
    expect(FakeAudioContext.tones).toBe(0);
    const visible = setup(false);
    visible.sound.unlock();
    visible.set({ turns: 1 });
    expect(FakeAudioContext.tones).toBe(0);
  });

  it('makes one AudioContext, closes it when the page goes, and lives without one', () => {
    const { sound } = setup(true);
    sound.unlock();
    sound.unlock();
    expect(FakeAudioContext.made).toBe(1);
    sound.hostDisconnected();
    vi.stubGlobal('AudioContext', class {
      constructor() {
        throw new Error('no audio here');
      }
    });
    expect(() => sound.unlock()).not.toThrow();
  });
});
