import { once } from 'node:events';
import { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { answerLine, servePalindromeSession } from './session.js';

/**
 * A duplex whose writes complete only when the test says so, with a one-byte
 * buffer: like a TCP peer that has stopped reading. Kernel buffers on loopback
 * hold tens of megabytes, so a real socket cannot show this in a test quickly.
 */
function slowPeer() {
  const written: string[] = [];
  const done: (() => void)[] = [];
  let reading = false;
  let onWrite: (() => void) | null = null;
  const stream = new Duplex({
    writableHighWaterMark: 1,
    read() {},
    write(chunk: Buffer, _enc, callback) {
      written.push(chunk.toString());
      if (reading) callback();
      else done.push(callback);
      onWrite?.();
    },
  });
  stream.on('error', () => {});
  return {
    stream,
    written,
    /** The peer starts reading: every write so far and from now on completes. */
    release: () => {
      reading = true;
      done.splice(0).forEach((cb) => cb());
    },
    /** Resolves when `n` answers have reached the peer (a write waits until the previous one completes). */
    writes: (n: number) =>
      new Promise<void>((resolve) => {
        if (written.length >= n) return resolve();
        onWrite = () => written.length >= n && resolve();
      }),
  };
}

describe('palindrome session', () => {
  it('answers `1`, empty, or ends the session', () => {
    expect(answerLine({ text: 'Abba', tooLong: false })).toBe('1');
    expect(answerLine({ text: 'abc', tooLong: false })).toBe('');
    expect(answerLine({ text: '', tooLong: true })).toBe('');
    expect(answerLine({ text: '  ', tooLong: false })).toBe(null);
  });

  it('stops reading while its answers are not taken, and goes on after drain', async () => {
    const peer = slowPeer();
    servePalindromeSession(peer.stream, 'test', () => {});
    peer.stream.push('abba\nabc\n');
    await peer.writes(1);
    expect(peer.stream.isPaused()).toBe(true);
    expect(peer.stream.writableLength).toBe(3); // both answers wait in the buffer

    peer.stream.push('xyx\n'); // arrives while paused: not read yet
    await new Promise((resolve) => setImmediate(resolve));
    expect(peer.stream.writableLength).toBe(3);

    peer.release();
    await once(peer.stream, 'resume');
    await peer.writes(3);
    expect(peer.written).toEqual(['1\n', '\n', '1\n']);
  });

  it('ends its side after an empty line and drops what follows', async () => {
    const peer = slowPeer();
    servePalindromeSession(peer.stream, 'test', () => {});
    const finished = once(peer.stream, 'finish');
    peer.release();
    peer.stream.push('abba\n\nabba\n');
    await finished;
    expect(peer.written).toEqual(['1\n']);
    peer.stream.destroy(); // clears the linger timer
  });
});
