/**
 * Tries the connection again after it dropped (PROTOCOL.md §8.4: the seat is kept
 * for a while): waits grow with each try, with jitter so that a gateway restart is
 * not met by every page at the same instant; after a few tries it stops and waits
 * for the player's Reconnect.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface BackoffOptions {
  /** The wait before the first try. */
  readonly baseMs: number;
  /** The longest wait between tries. */
  readonly capMs: number;
  /** Tries made without asking; then the page shows Reconnect. */
  readonly autoTries: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 8000, autoTries: 6 };

/** The wait before try number `tries` (0-based): between half and all of base·2^tries, capped. */
export function backoffMs(tries: number, random: () => number, o: BackoffOptions = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(o.capMs, o.baseMs * 2 ** Math.min(tries, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export interface ReconnectStatus {
  /** Reconnecting: a drop happened and the seat has not been taken back yet. */
  readonly active: boolean;
  /** Tries made since the drop. */
  readonly tries: number;
  /** When the next try starts (ms since the epoch); null when none is scheduled. */
  readonly nextAt: number | null;
  /** No more tries without the player: show Reconnect. */
  readonly gaveUp: boolean;
}

export const idleStatus: ReconnectStatus = { active: false, tries: 0, nextAt: null, gaveUp: false };

export interface ReconnectDeps {
  /** Starts one try (opens a connection that sends `/back KEY`). */
  readonly connect: () => void;
  /** The status changed: render it. */
  readonly changed: (status: ReconnectStatus) => void;
  readonly schedule?: (run: () => void, ms: number) => () => void;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly backoff?: BackoffOptions;
}

const timers = (run: () => void, ms: number) => {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
};

export class Reconnector implements ReactiveController {
  private status: ReconnectStatus = idleStatus;
  private cancel: (() => void) | null = null;
  private readonly schedule: NonNullable<ReconnectDeps['schedule']>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly backoff: BackoffOptions;

  constructor(
    private readonly deps: ReconnectDeps,
    host?: ReactiveControllerHost,
  ) {
    this.schedule = deps.schedule ?? timers;
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.backoff = deps.backoff ?? DEFAULT_BACKOFF;
    host?.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }

  get current(): ReconnectStatus {
    return this.status;
  }

  /** The connection dropped (or a try failed): schedule the next try, or give up. */
  dropped(): void {
    this.clearTimer();
    const tries = this.status.active ? this.status.tries : 0;
    if (tries >= this.backoff.autoTries) return this.set({ active: true, tries, nextAt: null, gaveUp: true });
    const ms = backoffMs(tries, this.random, this.backoff);
    this.cancel = this.schedule(() => this.attempt(), ms);
    this.set({ active: true, tries, nextAt: this.now() + ms, gaveUp: false });
  }

  /** The player pressed Reconnect: try at once. */
  retryNow(): void {
    this.clearTimer();
    this.attempt();
  }

  /** The seat is ours again (or the page moved on): forget the drop. */
  succeeded(): void {
    this.stop();
  }

  /** Stops trying and forgets the drop. */
  stop(): void {
    this.clearTimer();
    if (this.status !== idleStatus) this.set(idleStatus);
  }

  private attempt(): void {
    this.cancel = null;
    this.set({ active: true, tries: this.status.tries + 1, nextAt: null, gaveUp: false });
    this.deps.connect();
  }

  private clearTimer(): void {
    this.cancel?.();
    this.cancel = null;
  }

  private set(status: ReconnectStatus): void {
    this.status = status;
    this.deps.changed(status);
  }
}
