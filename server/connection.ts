/**
 * One TCP peer as lines: framing in, lines out, and the limits that keep one slow
 * or hostile peer from hurting anyone else (PROTOCOL.md §1).
 */
import type { Socket } from 'node:net';
import { LineDecoder, MAX_LINE_BYTES, MAX_UNTERMINATED_BYTES } from '../protocol/framing.js';

export interface ConnectionLimits {
  /** Longest line accepted, in bytes. */
  readonly maxLineBytes: number;
  /** Bytes without a line end before the peer is cut off. */
  readonly maxUnterminatedBytes: number;
  /** Output queued for a peer that does not read, before we stop reading its input. */
  readonly pauseOutputBytes: number;
  /** Output queued for a peer that does not read, before it is cut off. */
  readonly maxOutputBytes: number;
  /** After we end a connection, how long the peer has to close its side. */
  readonly closeGraceMs: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = {
  maxLineBytes: MAX_LINE_BYTES,
  maxUnterminatedBytes: MAX_UNTERMINATED_BYTES,
  pauseOutputBytes: 64 * 1024,
  maxOutputBytes: 1024 * 1024,
  closeGraceMs: 2000,
};

export interface ConnectionHandlers {
  /** A complete line, as decoded (not yet trimmed). */
  line(text: string): void;
  /** A line over the limit ended; it was discarded. */
  tooLong(): void;
  /** The connection is gone, for whatever reason; `why` is for the log. */
  close(why: string): void;
}

export class Connection {
  readonly id: string;
  readonly remote: string;
  private readonly socket: Socket;
  private readonly limits: ConnectionLimits;
  private readonly handlers: ConnectionHandlers;
  private readonly decoder: LineDecoder;
  private corked = false;
  /** Output written since the last flush: still corked, so no sign yet that the peer does not read. */
  private corkedBytes = 0;
  private ending = false;
  private closed = false;
  private why = 'peer closed';
  private graceTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(socket: Socket, id: string, handlers: ConnectionHandlers, limits: ConnectionLimits = DEFAULT_LIMITS) {
    this.socket = socket;
    this.id = id;
    this.handlers = handlers;
    this.limits = limits;
    this.remote = `${socket.remoteAddress}:${socket.remotePort}`;
    this.decoder = new LineDecoder({
      maxLineBytes: limits.maxLineBytes,
      maxUnterminatedBytes: limits.maxUnterminatedBytes,
      telnet: true,
    });
    socket.on('error', (err) => (this.why = `error: ${err.message}`));
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('end', () => this.onEnd());
    socket.on('close', () => this.onClose());
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 60_000);
  }

  /** Whether lines can still be sent. */
  get open(): boolean {
    return !this.ending && !this.closed;
  }

  /** Sends one line. Lines sent in one tick leave in one write. */
  send(line: string): void {
    if (!this.open) return;
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(this.flush);
    }
    const before = this.socket.writableLength;
    this.socket.write(line + '\n');
    const queued = this.socket.writableLength;
    this.corkedBytes += queued - before;
    // Only output left over from earlier ticks shows a peer that does not read; one
    // busy tick (a burst of input, each line answered) is no fault of the peer's.
    if (queued - this.corkedBytes > this.limits.maxOutputBytes) {
      this.destroy('does not read its output');
    } else if (queued > this.limits.pauseOutputBytes && !this.socket.isPaused()) {
      // A peer that does not read gets no more of its input served until it does.
      this.socket.pause();
      this.socket.once('drain', () => this.socket.resume());
    }
  }

  /** Ends the connection after what was sent; a peer that does not close is cut off. */
  end(why = 'closed by server'): void {
    if (!this.open) return;
    this.ending = true;
    this.why = why;
    this.socket.end();
    this.graceTimer = setTimeout(() => this.socket.destroy(), this.limits.closeGraceMs);
  }

  /** Drops the connection at once. */
  destroy(why: string): void {
    if (this.closed) return;
    this.why = why;
    this.ending = true;
    this.socket.destroy();
  }

  private readonly flush = (): void => {
    this.corked = false;
    this.corkedBytes = 0;
    this.socket.uncork();
  };

  private onData(chunk: Buffer): void {
    if (this.ending) return;
    const { lines, overflow } = this.decoder.push(chunk);
    for (const line of lines) {
      if (this.ending) return;
      if (line.tooLong) this.handlers.tooLong();
      else this.handlers.line(line.text);
    }
    if (overflow) this.destroy(`sent more than ${this.limits.maxUnterminatedBytes} bytes without a line end`);
  }

  private onEnd(): void {
    // The peer will send no more: a last line without a line end still counts.
    if (!this.ending) for (const line of this.decoder.end()) if (!line.tooLong) this.handlers.line(line.text);
    if (!this.ending) this.end('peer closed');
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.handlers.close(this.why);
  }
}
