/**
 * Line framing for the word-guess wire (PROTOCOL.md §1), browser-safe.
 *
 * TCP is a byte stream: a read may hold half a line, several lines, or half of a
 * UTF-8 character. LineDecoder turns chunks of bytes into whole lines. It works on
 * bytes and decodes a line only when it is complete, so a character split across
 * reads is always whole.
 */

/** Longest line accepted, in bytes, without its line end. */
export const MAX_LINE_BYTES = 1024;
/** A peer that sends more than this without a line end is cut off. */
export const MAX_UNTERMINATED_BYTES = 64 * 1024;
/**
 * Longest line a client takes from the server, in bytes: a bound on memory, not a
 * protocol rule (a SCORE line at a big table outgrows MAX_LINE_BYTES).
 */
export const MAX_SERVER_LINE_BYTES = 64 * 1024;

const LF = 0x0a;
const CR = 0x0d;
const NUL = 0x00;
const IAC = 0xff;
const SB = 0xfa;
const SE = 0xf0;
const WILL = 0xfb;
const DONT = 0xfe;

export interface LineDecoderOptions {
  /** Longest line in bytes; longer lines are reported as `tooLong`. Default MAX_LINE_BYTES. */
  maxLineBytes?: number;
  /** Bytes without a line end after which `push` reports `overflow`. Default MAX_UNTERMINATED_BYTES. */
  maxUnterminatedBytes?: number;
  /** Drop telnet IAC sequences (a server reading from telnet users). Default false. */
  telnet?: boolean;
}

/** What one complete line turned out to be. */
export type Line = { readonly text: string; readonly tooLong: false } | { readonly text: ''; readonly tooLong: true };

/** Result of one `push`: the lines completed by the chunk, and whether the peer overflowed. */
export interface PushResult {
  readonly lines: Line[];
  /** True when the peer sent more than `maxUnterminatedBytes` without a line end: disconnect it. */
  readonly overflow: boolean;
}

const TOO_LONG: Line = { text: '', tooLong: true };
const IAC_BYTE = Uint8Array.of(0xff);

// One decoder for every line: each is decoded whole, so none carries state between lines.
const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

// Telnet parser states.
const enum Telnet {
  Data,
  Iac, // saw IAC
  Option, // saw IAC WILL/WONT/DO/DONT, one option byte to skip
  Sub, // inside IAC SB … waiting for IAC SE
  SubIac, // inside a subnegotiation, saw IAC
}

/**
 * Splits a byte stream into lines. Line ends: `\n`, `\r\n`, a lone `\r`, `\r\0`;
 * `\r\n` is one line end even when split across chunks.
 *
 * A line that arrives whole in one chunk is decoded where it lies; only the start of
 * a line still waiting for its end is copied, into a buffer made when first needed.
 */
export class LineDecoder {
  private readonly maxLineBytes: number;
  private readonly maxUnterminated: number;
  private readonly telnet: boolean;
  /** The start of a line whose end has not arrived; null until one is needed. */
  private buf: Uint8Array | null = null;
  private len = 0; // bytes of the current line kept in buf
  private dropped = false; // the current line passed maxLineBytes
  private unterminated = 0; // bytes since the last line end
  private afterCR = false; // the previous byte ended a line with \r
  private telnetState = Telnet.Data;

  constructor(options: LineDecoderOptions = {}) {
    this.maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
    this.maxUnterminated = options.maxUnterminatedBytes ?? MAX_UNTERMINATED_BYTES;
    this.telnet = options.telnet ?? false;
  }

  /** Feeds one chunk; returns the lines it completed. */
  push(chunk: Uint8Array): PushResult {
    const lines: Line[] = [];
    const n = chunk.length;
    // chunk[run..i) are bytes of the current line not yet kept in buf.
    let run = 0;
    for (let i = 0; i < n; i++) {
      // Every byte counts toward the limit, telnet negotiation too: it bounds work, not just memory.
      if (++this.unterminated > this.maxUnterminated) return { lines, overflow: true };
      const b = chunk[i];
      if (this.telnet && (b === IAC || this.telnetState !== Telnet.Data)) {
        this.keep(chunk, run, i);
        run = i + 1;
        // IAC IAC stands for one byte 255: part of the line, like any other.
        if (this.telnetByte(b) === IAC) {
          this.afterCR = false;
          this.keep(IAC_BYTE, 0, 1);
        }
        continue;
      }
      if (this.afterCR) {
        this.afterCR = false;
        // \r\n and \r\0 are one line end, already counted at the \r.
        if (b === LF || b === NUL) {
          run = i + 1;
          continue;
        }
      }
      if (b === LF || b === CR) {
        lines.push(this.endLine(chunk, run, i));
        run = i + 1;
        this.afterCR = b === CR;
      }
    }
    this.keep(chunk, run, n);
    return { lines, overflow: false };
  }

  /** True when no part of a line is held: the next byte starts a new line. */
  get atLineStart(): boolean {
    return this.len === 0 && !this.dropped && !this.afterCR && this.telnetState === Telnet.Data;
  }

  /** The stream ended: a last line without a line end still counts. */
  end(): Line[] {
    if (this.len === 0 && !this.dropped) return [];
    return [this.endLine(IAC_BYTE, 0, 0)];
  }

  /** Ends the current line, whose last bytes are src[from..to). */
  private endLine(src: Uint8Array, from: number, to: number): Line {
    this.unterminated = 0;
    if (this.len === 0 && !this.dropped) {
      if (to - from > this.maxLineBytes) return TOO_LONG;
      return { text: to === from ? '' : utf8.decode(src.subarray(from, to)), tooLong: false };
    }
    this.keep(src, from, to);
    const text = this.dropped ? null : utf8.decode(this.buf!.subarray(0, this.len));
    this.len = 0;
    this.dropped = false;
    return text === null ? TOO_LONG : { text, tooLong: false };
  }

  /** Adds src[from..to) to the current line, or marks the line dropped once it passes the limit. */
  private keep(src: Uint8Array, from: number, to: number): void {
    if (to <= from || this.dropped) return;
    const len = this.len + (to - from);
    if (len > this.maxLineBytes) {
      this.dropped = true;
      return;
    }
    if (this.buf === null || len > this.buf.length) this.grow(len);
    this.buf!.set(src.subarray(from, to), this.len);
    this.len = len;
  }

  private grow(atLeast: number): void {
    const size = Math.min(Math.max(atLeast, (this.buf?.length ?? 128) * 2), this.maxLineBytes);
    const bigger = new Uint8Array(size);
    if (this.buf) bigger.set(this.buf.subarray(0, this.len));
    this.buf = bigger;
  }

  /** Runs the telnet state machine; returns a data byte, or -1 when the byte is dropped. */
  private telnetByte(b: number): number {
    switch (this.telnetState) {
      case Telnet.Data:
        this.telnetState = Telnet.Iac; // b is IAC
        return -1;
      case Telnet.Iac:
        if (b === IAC) {
          this.telnetState = Telnet.Data;
          return IAC; // IAC IAC stands for one byte 255
        }
        this.telnetState = b === SB ? Telnet.Sub : b >= WILL && b <= DONT ? Telnet.Option : Telnet.Data;
        return -1;
      case Telnet.Option:
        this.telnetState = Telnet.Data;
        return -1;
      case Telnet.Sub:
        if (b === IAC) this.telnetState = Telnet.SubIac;
        return -1;
      case Telnet.SubIac:
        this.telnetState = b === SE ? Telnet.Data : Telnet.Sub;
        return -1;
    }
  }
}

const encoder = new TextEncoder();

/** Encodes one line for the wire: UTF-8 with a trailing `\n`. */
export function encodeLine(line: string): Uint8Array {
  return encoder.encode(line + '\n');
}
