/**
 * Re-renders its element every so often while it shows a countdown (the clock,
 * an away player's grace, the pause between games); idle otherwise.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How often a countdown is redrawn: under a second, so it never skips a number. */
export const TICK_MS = 250;

export class Tick implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Whether anything is counting down now. */
    private readonly running: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** After each render: start or stop as the element's countdowns require. */
  hostUpdated(): void {
    const want = this.running();
    if (want && !this.timer) this.timer = setInterval(() => this.host.requestUpdate(), TICK_MS);
    else if (!want) this.stop();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
