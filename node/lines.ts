/**
 * The one line reader over a Node stream (a socket, a child's stdout): bytes in,
 * whole lines out, through protocol/framing's LineDecoder, so a UTF-8 character
 * or a CRLF split across reads is always whole.
 *
 * It only reads: the caller gives the stream its 'error' listener first, writes,
 * and decides what to do at the end; flow control (pause/resume) is the caller's.
 */
import type { Readable } from 'node:stream';
import { LineDecoder, type Line, type LineDecoderOptions } from '../protocol/framing.js';

/** What to do with what a stream holds. */
export interface LineHandlers {
  /** Each complete line, in order. */
  line(line: Line): void;
  /** The stream ended; any last line without a line end came before. Not called once stopped. */
  end?(): void;
  /** More than `maxUnterminatedBytes` came without a line end; reading has stopped. */
  overflow?(): void;
}

/** A running reader. */
export interface LineReading {
  /** Delivers no more lines, from the next one on (even within the chunk being read). */
  stop(): void;
  /** Whether stop() was called or the peer overflowed. */
  readonly stopped: boolean;
}

/**
 * Reads `stream` as lines: `handlers.line` (or `handlers` itself) for each one,
 * a last line without a line end included when the stream ends.
 */
export function readLines(stream: Readable, handlers: LineHandlers | ((line: Line) => void), options?: LineDecoderOptions): LineReading {
  const on: LineHandlers = typeof handlers === 'function' ? { line: handlers } : handlers;
  const decoder = new LineDecoder(options);
  let stopped = false;
  const reading: LineReading = {
    stop: () => void (stopped = true),
    get stopped() {
      return stopped;
    },
  };

  function deliver(lines: readonly Line[]): void {
    for (let i = 0; i < lines.length && !stopped; i++) on.line(lines[i]);
  }

  stream.on('data', (chunk: Uint8Array) => {
    if (stopped) return;
    const { lines, overflow } = decoder.push(chunk);
    deliver(lines);
    if (overflow && !stopped) {
      stopped = true;
      on.overflow?.();
    }
  });
  stream.on('end', () => {
    if (stopped) return;
    deliver(decoder.end());
    if (!stopped) on.end?.();
  });
  return reading;
}
