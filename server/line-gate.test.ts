import { describe, expect, it } from 'vitest';
import { LineGate, type HeldLine } from './line-gate.js';

/** A step the test finishes by hand. */
function manual() {
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  return { step: () => done, finish };
}

describe('LineGate', () => {
  it('holds lines while a step runs and hands them over in order afterwards', async () => {
    const gate = new LineGate();
    const handled: HeldLine[] = [];
    const first = manual();
    const running = gate.run(first.step, (l) => handled.push(l));
    expect(gate.busy).toBe(true);
    gate.hold({ text: 'a' });
    gate.hold({ tooLong: true });
    gate.hold({ text: 'b' });
    expect(handled).toEqual([]);
    first.finish();
    await running;
    expect(gate.busy).toBe(false);
    expect(handled).toEqual([{ text: 'a' }, { tooLong: true }, { text: 'b' }]);
  });

  it('a held line that starts another step keeps the rest waiting behind it', async () => {
    const gate = new LineGate();
    const handled: string[] = [];
    const second = manual();
    let secondRun: Promise<void> | undefined;
    const replay = (l: HeldLine) => {
      const text = 'text' in l ? l.text : '<too long>';
      handled.push(text);
      if (text === 'lookup') secondRun = gate.run(second.step, replay);
    };
    const first = manual();
    const running = gate.run(first.step, replay);
    for (const text of ['x', 'lookup', 'y', 'z']) gate.hold({ text });
    first.finish();
    await running;
    expect(handled).toEqual(['x', 'lookup']);
    expect(gate.busy).toBe(true);
    gate.hold({ text: 'late' });
    second.finish();
    await secondRun;
    expect(handled).toEqual(['x', 'lookup', 'y', 'z', 'late']);
  });

  it('hands the lines over even when the step fails', async () => {
    const gate = new LineGate();
    const handled: HeldLine[] = [];
    const running = gate.run(() => Promise.reject(new Error('lookup failed')), (l) => handled.push(l));
    gate.hold({ text: 'a' });
    await expect(running).rejects.toThrow('lookup failed');
    expect(handled).toEqual([{ text: 'a' }]);
  });
});
