/**
 * The two places the bridge works underneath `ws`'s API for speed, and what each
 * relies on. ws promises neither; gateway/under-ws.test.ts checks both against the
 * installed ws, so an upgrade that changes them fails loudly there.
 *
 * 1. Server lines → frames we build ourselves, written straight to the socket
 *    under ws (one buffer for a whole read, no decode and re-encode). Relies on:
 *    with no extension (no compression) ws writes each frame of its own to the
 *    socket at once, never queued, so ours and ws's (pings, the close frame) keep
 *    their order, and `ws.bufferedAmount` counts ours too.
 * 2. Browser frames → one TCP write per read. Relies on: ws parses a read inside
 *    its own 'data' listener on the socket and emits every 'message' of it there
 *    and then (ws's `allowSynchronousEvents`, on by default), so a listener put
 *    before ws's runs before the read's messages and one put after runs after all.
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

/**
 * Calls `before` ahead of ws's parsing of each read from the browser and `after`
 * once every message of that read has been emitted. `raw` must already be ws's
 * socket (after handleUpgrade), so that ws's listener sits between the two.
 */
export function aroundEachRead(raw: Duplex, before: () => void, after: () => void): void {
  raw.prependListener('data', before);
  raw.on('data', after);
}
