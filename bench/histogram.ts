/**
 * Latency histogram: fixed log-spaced buckets (about 1 % wide), so recording a
 * sample allocates nothing and a run of millions of samples costs a few KiB.
 */

/** Bucket i holds samples in [BASE·R^i, BASE·R^(i+1)) milliseconds. */
const BASE_MS = 0.001; // 1 µs
const RATIO = 1.01;
const LOG_RATIO = Math.log(RATIO);
const BUCKETS = Math.ceil(Math.log(60_000 / BASE_MS) / LOG_RATIO) + 1; // up to a minute

export class Histogram {
  private readonly counts = new Float64Array(BUCKETS);
  private total = 0;
  private maxMs = 0;

  /** Records one sample in milliseconds. */
  record(ms: number): void {
    const i = ms <= BASE_MS ? 0 : Math.min(BUCKETS - 1, Math.floor(Math.log(ms / BASE_MS) / LOG_RATIO));
    this.counts[i]++;
    this.total++;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  get count(): number {
    return this.total;
  }

  get max(): number {
    return this.maxMs;
  }

  /** The q-quantile (0 < q ≤ 1) in milliseconds, the bucket's geometric middle; NaN when empty. */
  quantile(q: number): number {
    if (this.total === 0) return NaN;
    const rank = Math.ceil(q * this.total);
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i];
      if (seen >= rank) return Math.min(this.maxMs, BASE_MS * RATIO ** (i + 0.5));
    }
    return this.maxMs;
  }

  /** Adds another histogram's samples to this one. */
  merge(other: Histogram): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i] += other.counts[i];
    this.total += other.total;
    if (other.maxMs > this.maxMs) this.maxMs = other.maxMs;
  }
}
