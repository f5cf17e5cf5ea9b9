/**
 * The one place the bridge works underneath `ws`'s API, for speed: server lines
 * become text frames we build ourselves, written straight to the socket under ws
 * (one buffer for a whole read, no decode and re-encode). At a window of 16 lines
 * it costs the gateway about a third less CPU a line (docs/BENCHMARKS.md).
 *
 * It relies on what ws does not promise: with no extension negotiated (no
 * compression) ws writes each frame of its own to the socket at once, never
 * queued, so ours and ws's (pings, the close frame) keep their order, and
 * `ws.bufferedAmount` counts ours too. gateway/under-ws.test.ts checks that
 * against the installed ws, so an upgrade that changes it fails loudly there;
 * the bridge's `framesUnderWs: false` turns the fast path off.
 */
import { isUtf8 } from 'node:buffer';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { textFramesOfLines } from './frames.js';

/** Throws unless ws writes its frames straight to the socket: no extension was negotiated. */
export function assertNoExtensions(ws: WebSocket): void {
  if (ws.extensions !== '') {
    throw new Error(`the bridge writes frames underneath ws, which needs no WebSocket extension (keep perMessageDeflate off); got "${ws.extensions}"`);
  }
}

/**
 * Writes the `\n`-ended lines of `chunk[0, end)` to `raw` as text frames, in one
 * write. Writes nothing and returns false when they are not all valid UTF-8 or a
 * line is over `maxLine` bytes: the caller decodes them instead.
 */
export function writeLineFrames(raw: Duplex, chunk: Buffer, end: number, maxLine: number): boolean {
  // A `\n` cannot be inside a UTF-8 sequence, so one check covers every line.
  const frames = isUtf8(chunk.subarray(0, end)) ? textFramesOfLines(chunk, end, maxLine) : null;
  if (frames === null) return false;
  raw.write(frames);
  return true;
}
