/**
 * Text frames from the gateway to the browser (RFC 6455 §5.2), built straight
 * into one buffer: FIN set, opcode 1 (text), unmasked as a server's frames are.
 *
 * The bridge frames a whole chunk of server lines this way and writes it once;
 * `ws.send` would make two writes (header and payload) per line. It is safe on
 * the socket under `ws` because the gateway turns compression off, so ws's
 * sender never holds a frame back that ours could overtake.
 */

/** Bytes of the header of an unmasked frame with `n` bytes of payload. */
export function frameHeaderLength(n: number): number {
  return n < 126 ? 2 : n < 65536 ? 4 : 10;
}

/** Writes a text frame header for `n` bytes of payload at `at`; returns the offset after it. */
export function writeTextFrameHeader(out: Buffer, at: number, n: number): number {
  out[at++] = 0x81; // FIN, text
  if (n < 126) {
    out[at++] = n;
  } else if (n < 65536) {
    out[at++] = 126;
    out.writeUInt16BE(n, at);
    at += 2;
  } else {
    out[at++] = 127;
    out.writeUInt32BE(Math.floor(n / 2 ** 32), at);
    out.writeUInt32BE(n >>> 0, at + 4);
    at += 8;
  }
  return at;
}

/**
 * The `\n`-ended lines of `chunk[0, end)` (end just after the last `\n`), each as
 * one text frame without its `\n`, in one buffer; null when a line is longer
 * than `maxLine` bytes.
 */
export function textFramesOfLines(chunk: Buffer, end: number, maxLine: number): Buffer | null {
  let size = 0;
  for (let start = 0, lf = chunk.indexOf(0x0a); lf !== -1 && lf < end; start = lf + 1, lf = chunk.indexOf(0x0a, start)) {
    const n = lf - start;
    if (n > maxLine) return null;
    size += frameHeaderLength(n) + n;
  }
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (let start = 0, lf = chunk.indexOf(0x0a); lf !== -1 && lf < end; start = lf + 1, lf = chunk.indexOf(0x0a, start)) {
    at = writeTextFrameHeader(out, at, lf - start);
    at += chunk.copy(out, at, start, lf);
  }
  return out;
}
