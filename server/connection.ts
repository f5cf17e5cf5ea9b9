/**
 * One TCP peer as lines: framing in, lines out, and the limits that keep one slow
 * or hostile peer from hurting anyone else (PROTOCOL.md §1).
 */
import type { Socket } from 'node:net';
import { LineDecoder, MAX_LINE_BYTES, MAX_UNTERMINATED_BYTES, type Line } from '../protocol/framing.js';

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

/** Input is decoded this many bytes at a time, so a peer's input waiting to be served stays raw. */
const INPUT_SLICE_BYTES = 1024;

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

/** Where a socket's shared listeners find its Connection. */
const CONNECTION = Symbol('connection');
type OwnedSocket = Socket & { [CONNECTION]: Connection };

/** No lines held: kept instead of the last batch, so a quiet peer holds none of its old lines. */
const NO_LINES: readonly Line[] = [];

export class Connection {
  readonly id: string;
  readonly remote: string;
  private readonly socket: Socket;
  private readonly limits: ConnectionLimits;
  private readonly handlers: ConnectionHandlers;
  private readonly decoder: LineDecoder;
  /** Lines sent this tick, not yet written: a peer gets one write a tick, however many lines. */
  private pending = '';
  /** Bytes of `pending`, counted only once output nears a limit (then at every line); -1 until then. */
  private pendingBytes = -1;
  /** Input read but not yet decoded, while the peer's output is over the pause mark. */
  private unread: Buffer | null = null;
  /** Lines decoded but not yet handled, and the next one to handle. */
  private held: readonly Line[] = NO_LINES;
  private heldNext = 0;
  /** Output is over the pause mark: no line is handled and nothing is read until 'drain'. */
  private holding = false;
  /** The peer closed its side while input was held: end once it is handled. */
  private endHeld = false;
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
    // Listeners shared by every connection, finding theirs on the socket: no closures a peer.
    (socket as OwnedSocket)[CONNECTION] = this;
    socket.on('error', Connection.onSocketError);
    socket.on('data', Connection.onSocketData);
    socket.on('end', Connection.onSocketEnd);
    socket.on('close', Connection.onSocketClose);
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 60_000);
  }

  private static onSocketError(this: OwnedSocket, err: Error): void {
    this[CONNECTION].why = `error: ${err.message}`;
  }

  private static onSocketData(this: OwnedSocket, chunk: Buffer): void {
    this[CONNECTION].onData(chunk);
  }

  private static onSocketEnd(this: OwnedSocket): void {
    this[CONNECTION].onEnd();
  }

  private static onSocketClose(this: OwnedSocket): void {
    this[CONNECTION].onClose();
  }

  /** Whether lines can still be sent. */
  get open(): boolean {
    return !this.ending && !this.closed;
  }

  /**
   * Sends one line. Lines sent in one tick leave in one write. Output over the cap
   * cuts the peer at once; over the pause mark, its input waits until it reads.
   */
  send(line: string): void {
    if (!this.open) return;
    if (this.pending === '') process.nextTick(flushLater, this);
    this.pending += line + '\n';
    // A UTF-16 unit is at most 3 bytes of UTF-8: far from a limit, the bytes need no counting.
    if (this.pendingBytes >= 0) this.pendingBytes += Buffer.byteLength(line) + 1;
    else if (this.socket.writableLength + 3 * this.pending.length > Math.min(this.limits.pauseOutputBytes, this.limits.maxOutputBytes)) this.pendingBytes = Buffer.byteLength(this.pending);
    else return;
    this.bound();
  }

  /** Sends lines already framed (a relay passes on what another server sent), after the lines sent before, under the same limits. */
  sendBytes(bytes: Buffer): void {
    if (!this.open) return;
    this.flush();
    this.socket.write(bytes);
    this.bound();
  }

  /** Keeps the peer's unsent output within the limits. */
  private bound(): void {
    const queued = this.socket.writableLength + Math.max(0, this.pendingBytes);
    if (queued > this.limits.maxOutputBytes) return this.destroy('does not read its output');
    if (queued <= this.limits.pauseOutputBytes) return;
    // Over the pause mark: hand the lines to the socket now, and hold the peer's input
    // if the socket could not pass them on ('drain' comes only after such a write).
    this.flush();
    if (this.socket.writableNeedDrain) this.hold();
  }

  /** Ends the connection after what was sent; a peer that does not close is cut off. */
  end(why = 'closed by server'): void {
    if (!this.open) return;
    this.ending = true;
    this.why = why;
    this.flush();
    this.socket.end();
    this.graceTimer = setTimeout(() => this.socket.destroy(), this.limits.closeGraceMs);
  }

  /** Drops the connection at once. */
  destroy(why: string): void {
    if (this.closed) return;
    this.why = why;
    this.ending = true;
    this.pending = '';
    this.pendingBytes = -1;
    this.socket.destroy();
  }

  /** Writes the lines sent so far, as bytes so that writableLength counts bytes. */
  flush(): void {
    if (this.pending === '') return;
    const out = this.pending;
    this.pending = '';
    this.pendingBytes = -1;
    if (!this.socket.destroyed) this.socket.write(Buffer.from(out));
  }

  /** Stops reading and handling the peer's lines until its output drains. */
  private hold(): void {
    if (this.holding) return;
    this.holding = true;
    this.socket.pause();
    // Made here, not per connection: few peers are ever held.
    this.socket.once('drain', () => this.release());
  }

  private release(): void {
    this.holding = false;
    this.serve();
    if (this.holding || this.ending) return;
    if (this.endHeld) return this.onEnd();
    this.socket.resume();
  }

  private onData(chunk: Buffer): void {
    if (this.ending) return;
    this.unread = this.unread ? Buffer.concat([this.unread, chunk]) : chunk;
    this.serve();
  }

  /**
   * Decodes and handles input in order until none is left or the peer's output is over
   * the pause mark. Decoding a slice at a time keeps what is held small: the rest of a
   * chunk stays as its bytes, not as thousands of decoded lines.
   */
  private serve(): void {
    while (!this.holding && !this.ending) {
      if (this.heldNext < this.held.length) {
        const line = this.held[this.heldNext++];
        if (line.tooLong) this.handlers.tooLong();
        else this.handlers.line(line.text);
        continue;
      }
      if (this.unread === null) {
        this.held = NO_LINES;
        this.heldNext = 0;
        break;
      }
      // A read of one slice or less (a move is a dozen bytes) is decoded as it came, without a view of it.
      let slice = this.unread;
      this.unread = null;
      if (slice.length > INPUT_SLICE_BYTES) {
        this.unread = slice.subarray(INPUT_SLICE_BYTES);
        slice = slice.subarray(0, INPUT_SLICE_BYTES);
      }
      const { lines, overflow } = this.decoder.push(slice);
      if (overflow) return this.destroy(`sent more than ${this.limits.maxUnterminatedBytes} bytes without a line end`);
      this.held = lines;
      this.heldNext = 0;
    }
  }

  private get hasInput(): boolean {
    return this.unread !== null || this.heldNext < this.held.length;
  }

  private onEnd(): void {
    if (this.hasInput && !this.ending) {
      this.endHeld = true;
      return;
    }
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

/** The end of the tick in which a connection was first sent a line. */
function flushLater(conn: Connection): void {
  conn.flush();
}
