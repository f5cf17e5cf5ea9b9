/** A short tone when a new turn comes while the tab is in the background. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the tone follows, read from the host after each update. */
export interface SoundInput {
  /** Counts our turns (State.turns): a rise is a new turn. */
  readonly turns: number;
  readonly muted: boolean;
}

/** The tone: 660 Hz, fading out over 0.35 s. */
const TONE = { hz: 660, seconds: 0.35, gain: 0.2 } as const;

export class SoundController implements ReactiveController {
  private audio: AudioContext | null = null;
  private seenTurns = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly input: () => SoundInput,
    private readonly doc: Document = document,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    void this.audio?.close();
    this.audio = null;
  }

  /** Browsers let a page make sound only after a user gesture: call this in one (Join). */
  unlock(): void {
    try {
      this.audio ??= new AudioContext();
    } catch {
      this.audio = null; // no sound here; the title still says it
    }
  }

  hostUpdated(): void {
    const { turns, muted } = this.input();
    if (turns > this.seenTurns && this.doc.hidden && !muted) this.ring();
    this.seenTurns = turns;
  }

  private ring(): void {
    const ctx = this.audio;
    if (!ctx) return;
    void ctx.resume();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = TONE.hz;
    gain.gain.setValueAtTime(TONE.gain, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + TONE.seconds);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + TONE.seconds);
  }
}
