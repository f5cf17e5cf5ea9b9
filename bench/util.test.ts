import { describe, expect, it } from 'vitest';
import { Reading, markAll } from './util.js';

describe('Reading', () => {
  it('reads its counter when the interval starts and ends, and says how much it rose', () => {
    let counter = 5;
    const r = new Reading(() => counter);
    r.mark('start');
    counter = 12;
    r.mark('end');
    counter = 100; // after the interval: not counted
    expect([r.start, r.end, r.rise]).toEqual([5, 12, 7]);
  });

  it('markAll marks every reading at each phase', () => {
    let a = 1;
    let b = 10;
    const ra = new Reading(() => a);
    const rb = new Reading(() => b);
    const onMeasure = markAll(ra, rb);
    onMeasure('start');
    a = 4;
    b = 30;
    onMeasure('end');
    expect([ra.rise, rb.rise]).toEqual([3, 20]);
  });
});
