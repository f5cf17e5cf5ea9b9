import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, Reconnector, backoffMs } from './reconnect.js';
import type { ReconnectStatus } from './reconnect.js';

/** A clock and a timer queue the test moves by hand. */
function fakeTime() {
  let now = 1_000_000;
  const queue: { at: number; run: () => void; live: boolean }[] = [];
  return {
    now: () => now,
    schedule(run: () => void, ms: number) {
      const job = { at: now + ms, run, live: true };
      queue.push(job);
      return () => void (job.live = false);
    },
    /** Runs the next live timer; returns how long it waited. */
    next(): number {
      const job = queue.filter((j) => j.live).sort((a, b) => a.at - b.at)[0];
      if (!job) throw new Error('no timer');
      job.live = false;
      const waited = job.at - now;
      now = job.at;
      job.run();
      return waited;
    },
    pending: () => queue.filter((j) => j.live).length,
  };
}

function setup(random = () => 0.5) {
  const time = fakeTime();
  const statuses: ReconnectStatus[] = [];
  let tries = 0;
  const r = new Reconnector({ connect: () => tries++, changed: (s) => statuses.push(s), schedule: time.schedule, now: time.now, random });
  return { r, time, statuses, tries: () => tries };
}

describe('backoffMs', () => {
  it('grows by doubling between half and all of the ceiling, and stops at the cap', () => {
    expect(backoffMs(0, () => 0)).toBe(250);
    expect(backoffMs(0, () => 0.999999)).toBe(500);
    expect(backoffMs(3, () => 0)).toBe(2000);
    expect(backoffMs(10, () => 1)).toBe(DEFAULT_BACKOFF.capMs);
    expect(backoffMs(1000, () => 0)).toBe(DEFAULT_BACKOFF.capMs / 2);
  });

  it('jitter spreads pages that dropped together', () => {
    const waits = new Set([0, 0.25, 0.5, 0.75].map((x) => backoffMs(2, () => x)));
    expect(waits.size).toBe(4);
  });
});

describe('Reconnector', () => {
  it('after a drop it tries again by itself, waiting longer each time, then gives up and waits for the player', () => {
    const { r, time, tries } = setup();
    r.dropped();
    expect(r.current).toMatchObject({ active: true, tries: 0, gaveUp: false });
    const waits: number[] = [];
    for (let i = 0; i < DEFAULT_BACKOFF.autoTries; i++) {
      waits.push(time.next());
      expect(tries()).toBe(i + 1);
      r.dropped(); // the try failed
    }
    expect(waits).toEqual([375, 750, 1500, 3000, 6000, 6000]);
    expect(r.current).toMatchObject({ active: true, gaveUp: true, nextAt: null });
    expect(time.pending()).toBe(0);
    r.retryNow();
    expect(tries()).toBe(DEFAULT_BACKOFF.autoTries + 1);
  });

  it('says when the next try comes', () => {
    const { r, time } = setup();
    r.dropped();
    expect(r.current.nextAt).toBe(time.now() + 375);
  });

  it('a try that takes the seat back ends it', () => {
    const { r, time, statuses } = setup();
    r.dropped();
    time.next();
    r.succeeded();
    expect(r.current).toEqual({ active: false, tries: 0, nextAt: null, gaveUp: false });
    expect(statuses.at(-1)?.active).toBe(false);
    // A later drop starts again from the shortest wait.
    r.dropped();
    expect(time.next()).toBe(375);
  });

  it('Reconnect during a wait tries at once and cancels the timer', () => {
    const { r, time, tries } = setup();
    r.dropped();
    r.retryNow();
    expect(tries()).toBe(1);
    expect(time.pending()).toBe(0);
  });

  it('stop cancels the next try', () => {
    const { r, time, tries } = setup();
    r.dropped();
    r.stop();
    expect(time.pending()).toBe(0);
    expect(tries()).toBe(0);
  });
});
