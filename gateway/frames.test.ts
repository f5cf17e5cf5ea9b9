import type { EventEmitter } from 'node:events';
import * as ws from 'ws';
import { describe, expect, it } from 'vitest';
import { frameHeaderLength, textFramesOfLines } from './frames.js';

// ws exports its frame parser, but @types/ws does not declare it.
const { Receiver } = ws as unknown as { Receiver: new (opts: { isServer: boolean; maxPayload: number }) => EventEmitter & { write(b: Buffer): void } };

/** Parses frames with ws's own receiver, as a client would (client side: frames arrive unmasked). */
function parse(frames: Buffer): string[] {
  const receiver = new Receiver({ isServer: false, maxPayload: 0 });
  const got: string[] = [];
  receiver.on('message', (data: Buffer, isBinary: boolean) => {
    expect(isBinary).toBe(false);
    got.push(data.toString('utf8'));
  });
  receiver.write(frames);
  return got;
}

describe('textFramesOfLines', () => {
  it('frames each line without its \\n, at every header size', () => {
    const lines = ['', 'a', 'x'.repeat(125), 'y'.repeat(126), 'z'.repeat(65535), 'w'.repeat(65536), 'Слово: ла*а'];
    const chunk = Buffer.from(lines.map((l) => l + '\n').join('') + 'partial');
    const frames = textFramesOfLines(chunk, chunk.lastIndexOf(0x0a) + 1, 65536)!;
    expect(parse(frames)).toEqual(lines);
    const bytes = lines.map((l) => Buffer.byteLength(l));
    expect(frames.length).toBe(bytes.reduce((sum, n) => sum + frameHeaderLength(n) + n, 0));
  });

  it('refuses a chunk with a line over the limit', () => {
    const chunk = Buffer.from('ok\n' + 'x'.repeat(11) + '\n');
    expect(textFramesOfLines(chunk, chunk.length, 10)).toBeNull();
    expect(textFramesOfLines(chunk, chunk.length, 11)).not.toBeNull();
  });

  it('uses the 2, 4 and 10 byte headers at their bounds', () => {
    expect([0, 125, 126, 65535, 65536].map(frameHeaderLength)).toEqual([2, 2, 4, 4, 10]);
  });
});
