/** Small helpers shared by the bench programs. */

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** When a load's measured interval starts and ends. */
export type MeasurePhase = 'start' | 'end';

/** What every load generator is told about its measured interval. */
export interface MeasuredLoad {
  /** How long it runs before it measures. */
  readonly warmupMs: number;
  readonly durationMs: number;
  /** Called when the measured interval starts and ends (e.g. to read a program's CPU time). */
  readonly onMeasure?: (phase: MeasurePhase) => void;
}

/**
 * A counter (a program's CPU time, its RSS, a clock) read when the measured interval
 * starts and when it ends: pass `mark` as a load's `onMeasure`, then read `rise`.
 */
export class Reading {
  start = 0;
  end = 0;

  constructor(private readonly read: () => number) {}

  readonly mark = (phase: MeasurePhase): void => {
    if (phase === 'start') this.start = this.read();
    else this.end = this.read();
  };

  /** How much the counter rose over the interval. */
  get rise(): number {
    return this.end - this.start;
  }
}

/** One `onMeasure` that marks every reading given. */
export function markAll(...readings: readonly Reading[]): (phase: MeasurePhase) => void {
  return (phase) => {
    for (const r of readings) r.mark(phase);
  };
}
