/**
 * One WebSocket ↔ one TCP connection to the line server.
 *
 * A text frame becomes one line (the frame plus `\n`); each line from the server
 * becomes one text frame. Nothing here knows the game: any line server works.
 * Backpressure runs both ways, so a slow peer on either side holds the other.
 */
import net from 'node:net';
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import { CloseCode } from '../protocol/close-codes.js';
import { LineDecoder, MAX_LINE_BYTES, MAX_SERVER_LINE_BYTES } from '../protocol/framing.js';
import { assertNoExtensions, writeLineFrames } from './under-ws.js';
import { formatProxyLine } from '../node/proxy-protocol.js';

/** Where the gateway connects: the same target for every WebSocket, never the client's choice. */
export interface Target {
  readonly host: string;
  readonly port: number;
}

/** Close reasons, each within the 123 bytes a close frame allows. */
export const CloseReason = {
  serverEnded: 'the server closed the connection',
  shutdown: 'the gateway is shutting down',
  binary: 'binary frames are not accepted; send text, one line per frame',
  lineBreak: 'a frame is one line: it must not contain CR or LF',
  tooBig: `a line may hold at most ${MAX_LINE_BYTES} bytes`,
  unreachable: 'the game server is not reachable; try again later',
  serverFailed: 'the connection to the game server failed',
  serverLineTooLong: 'the server sent a line that is too long to forward',
} as const;

/** Pause reading from TCP while the WebSocket has more than this many bytes queued. */
export const DEFAULT_HIGH_WATER_MARK = 64 * 1024;
/** A target that has not accepted the connection by then counts as unreachable. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** After the browser leaves, the server gets this long to close its side before we cut it. */
export const DEFAULT_LINGER_MS = 5000;

const LF = 0x0a;
const CR = 0x0d;

/** Settings for one bridge; the gateway passes the same object to every bridge. */
export interface BridgeOptions {
  readonly target: Target;
  /** Line servers to try in this order until one accepts (the gateway's round robin); default: just `target`. */
  readonly targets?: readonly Target[];
  /** Bytes queued on the WebSocket above which TCP reading pauses. */
  readonly highWaterMark?: number;
  readonly lingerMs?: number;
  /** Send the PROXY protocol v1 header first, naming the browser's address (the server must trust ours). */
  readonly sendProxy?: boolean;
  /** The browser's address when a trusted proxy in front of the gateway named it; default: the socket's peer. */
  readonly client?: string;
  /** Frame whole server lines ourselves, under ws (gateway/under-ws.ts). Default true; off, every line goes through ws.send. */
  readonly framesUnderWs?: boolean;
  /** Called once, when both sides are closed and every listener and timer is gone. */
  readonly onClosed: (bridge: Bridge) => void;
  /** Called when one side is paused for backpressure ('upstream': TCP reading; 'client': WebSocket reading). */
  readonly onPause?: (side: 'upstream' | 'client') => void;
  /** Called at most a few times per pair, when it is closed for a reason an operator may want to see. */
  readonly onNotice?: (bridge: Bridge, text: string) => void;
}

/** A snapshot of one pair's buffers. */
export interface BridgeState {
  /** Bytes queued towards the browser. */
  toClient: number;
  /** Bytes queued towards the server. */
  toServer: number;
  /** Reading from the server is paused because the browser is slow. */
  upstreamPaused: boolean;
  /** Reading from the browser is paused because the server is slow. */
  clientPaused: boolean;
}

/**
 * The server side of a pair: `connecting` until TCP connects, `failed` once an error
 * came after that (its close is reported as a failure), `closed` once TCP closed.
 */
type ServerSide = 'connecting' | 'open' | 'failed' | 'closed';
/** The browser side: `closing` once we sent a close frame (nothing more is forwarded from it). */
type BrowserSide = 'open' | 'closing' | 'closed';

/** The browser's frames of one tick, held to leave as one TCP write: one buffer, lines and line ends copied in. */
class FrameBatch {
  private readonly frames: Buffer[] = [];
  private bytes = 0;

  get empty(): boolean {
    return this.frames.length === 0;
  }

  push(frame: Buffer): void {
    this.frames.push(frame);
    this.bytes += frame.length + 1;
  }

  /** The held frames as lines in one buffer, or null when none are held; empties the batch. */
  take(): Buffer | null {
    const frames = this.frames;
    if (frames.length === 0) return null;
    const out = Buffer.allocUnsafe(this.bytes);
    let at = 0;
    for (let i = 0; i < frames.length; i++) {
      at += frames[i].copy(out, at);
      out[at++] = LF;
    }
    frames.length = 0;
    this.bytes = 0;
    return out;
  }
}

/** Pairs a freshly upgraded WebSocket with a new TCP connection to the target. */
export class Bridge {
  /** Cleared by the heartbeat before each ping, set again by the pong. */
  alive = true;
  private server: ServerSide = 'connecting';
  private browser: BrowserSide = 'open';
  private readonly ws: WebSocket;
  private readonly raw: Duplex;
  private tcp!: net.Socket;
  /** Targets not tried yet: one that refuses is skipped for the next. */
  private readonly untried: Target[];
  private readonly opts: BridgeOptions;
  private readonly highWaterMark: number;
  /** Made on first use: a pair that only ever sees whole lines never needs one. */
  private lineDecoder: LineDecoder | null = null;
  private readonly toServer = new FrameBatch();
  private readonly framesUnderWs: boolean;
  private connectTimer: NodeJS.Timeout | undefined;
  private lingerTimer: NodeJS.Timeout | undefined;

  /** `raw` is the upgraded HTTP socket under `ws`: we write frames to it and wait for its 'drain'. */
  constructor(ws: WebSocket, raw: Duplex, opts: BridgeOptions) {
    assertNoExtensions(ws);
    this.ws = ws;
    this.raw = raw;
    this.opts = opts;
    // 'drain' only fires once a write has passed the socket's own mark, so never pause below it.
    this.highWaterMark = Math.max(opts.highWaterMark ?? DEFAULT_HIGH_WATER_MARK, raw.writableHighWaterMark);
    this.framesUnderWs = opts.framesUnderWs ?? true;

    // ws closes the socket itself after a protocol error (bad UTF-8, a frame over maxPayload).
    ws.on('error', (err: Error) => this.notice(`WebSocket error: ${err.message}`));
    ws.on('message', (data, isBinary) => this.onFrame(data, isBinary));
    ws.on('close', () => this.onWsClose());
    ws.on('pong', () => {
      this.alive = true;
    });
    raw.on('drain', () => this.onWsDrain());
    // Hold the browser's frames until there is somewhere to send them.
    ws.pause();

    this.untried = [...(opts.targets ?? [opts.target])];
    this.dial(this.untried.shift()!);
  }

  /** Connects to one target; before it accepts, a failure moves on to the next untried one. */
  private dial(target: Target): void {
    const tcp = net.connect({ host: target.host, port: target.port });
    this.tcp = tcp;
    tcp.on('error', (err: Error) => {
      this.notice(`${this.server === 'connecting' ? 'cannot reach' : 'connection to'} ${target.host}:${target.port}: ${err.message}`);
      if (this.server === 'open') this.server = 'failed';
    });
    // A plain timer: a socket timeout stays attached once cleared and is refreshed on every read and write.
    this.connectTimer = setTimeout(destroyTcp, CONNECT_TIMEOUT_MS, tcp);
    this.connectTimer.unref();
    tcp.on('connect', () => this.onConnect());
    tcp.on('data', (chunk: Buffer) => this.onTcpData(chunk));
    tcp.on('end', () => this.onTcpEnd());
    tcp.on('close', () => this.onTcpClose());
    tcp.on('drain', () => this.ws.resume());
  }

  /** The decoder for partial lines and CR line ends; the fast path needs none. */
  private get decoder(): LineDecoder {
    return (this.lineDecoder ??= new LineDecoder({ maxLineBytes: MAX_SERVER_LINE_BYTES, maxUnterminatedBytes: MAX_SERVER_LINE_BYTES + 2 }));
  }

  /** Frames can go to the browser: ws is open (not closing, by us or by the browser). */
  private get canSend(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  /** Bytes queued each way, and which side is paused for backpressure now. */
  state(): BridgeState {
    return {
      toClient: this.ws.bufferedAmount,
      toServer: this.tcp.writableLength,
      upstreamPaused: this.tcp.isPaused() && this.browser !== 'closed',
      clientPaused: this.server !== 'connecting' && this.ws.isPaused,
    };
  }

  /** Sends a ping; the heartbeat terminates the pair if no pong came since the last one. */
  ping(): void {
    if (!this.alive) {
      this.ws.terminate();
      return;
    }
    this.alive = false;
    this.ws.ping();
  }

  /** Closes the WebSocket with `code`; the TCP side follows once the browser has gone. */
  close(code: number, reason: string): void {
    if (!this.canSend) return;
    this.browser = 'closing';
    this.ws.close(code, reason);
    // The browser's reply to our close frame must be read even if reading was paused.
    this.ws.resume();
  }

  /** Cuts both sides at once, without a closing handshake. */
  terminate(): void {
    this.ws.terminate();
    this.tcp.destroy();
  }

  private onConnect(): void {
    this.server = 'open';
    clearTimeout(this.connectTimer);
    this.connectTimer = undefined;
    this.tcp.setNoDelay(true);
    if (this.opts.sendProxy) {
      const raw = this.raw as net.Socket;
      // Named by a proxy in front of us, the browser's port is not known: 0.
      const client = this.opts.client === undefined || this.opts.client === raw.remoteAddress ? { address: raw.remoteAddress, port: raw.remotePort } : { address: this.opts.client, port: 0 };
      this.tcp.write(formatProxyLine(client, { address: raw.localAddress, port: raw.localPort }));
    }
    if (this.browser !== 'closed') this.ws.resume();
  }

  private onFrame(data: RawData, isBinary: boolean): void {
    if (this.browser !== 'open') return;
    // binaryType is 'nodebuffer', so a text frame arrives as one Buffer.
    const buf = data as Buffer;
    if (isBinary) return this.refuse(CloseCode.unsupportedData, CloseReason.binary);
    if (buf.length > MAX_LINE_BYTES) return this.refuse(CloseCode.tooBig, CloseReason.tooBig);
    if (buf.indexOf(LF) !== -1 || buf.indexOf(CR) !== -1) return this.refuse(CloseCode.invalidData, CloseReason.lineBreak);
    // The frames of one tick (all those of one read from the browser) leave in one TCP write.
    if (this.toServer.empty) process.nextTick(flushToServer, this);
    this.toServer.push(buf);
  }

  /** Writes the browser's frames of this tick to TCP as lines, in one write. */
  flushToServer(): void {
    const out = this.toServer.take();
    if (out === null || this.server === 'closed' || this.tcp.destroyed) return;
    if (!this.tcp.write(out)) {
      this.ws.pause();
      this.opts.onPause?.('client');
    }
  }

  private onTcpData(chunk: Buffer): void {
    if (this.browser === 'closed') return; // the browser is gone: drain and discard until the server closes
    const atLineStart = this.lineDecoder?.atLineStart ?? true;
    if (this.framesUnderWs && atLineStart && chunk.indexOf(CR) === -1 && this.canSend) {
      // The usual case: whole `\n` lines, framed as they are and written at once.
      if (!this.sendChunk(chunk)) return this.failFromServer();
    } else {
      const { lines, overflow } = this.decoder.push(chunk);
      this.sendLines(lines);
      if (overflow) return this.failFromServer();
    }
    if (this.ws.bufferedAmount > this.highWaterMark) {
      this.tcp.pause();
      this.opts.onPause?.('upstream');
    }
  }

  /**
   * Sends the complete lines of a chunk that starts a line and has no CR, framed
   * by us in one buffer; the partial line after them goes to the decoder. A chunk
   * with a line over the limit or bytes that are not UTF-8 goes to the decoder
   * whole, which sends what comes before and repairs or refuses as it always has.
   * False: the server broke a limit.
   */
  private sendChunk(chunk: Buffer): boolean {
    const end = chunk.lastIndexOf(LF) + 1; // just after the last complete line
    if (end > 0 && !writeLineFrames(this.raw, chunk, end, MAX_SERVER_LINE_BYTES)) {
      const { lines, overflow } = this.decoder.push(chunk);
      this.sendLines(lines); // fails the pair itself at a line that is too long
      return !overflow;
    }
    return end === chunk.length || !this.decoder.push(chunk.subarray(end)).overflow;
  }

  private sendLines(lines: readonly { text: string; tooLong: boolean }[]): void {
    const n = lines.length;
    if (n === 0 || !this.canSend) return;
    // One socket write for all the frames of this chunk.
    this.raw.cork();
    for (let i = 0; i < n; i++) {
      const line = lines[i];
      if (line.tooLong) {
        this.raw.uncork();
        return this.failFromServer();
      }
      this.ws.send(line.text);
    }
    this.raw.uncork();
  }

  private refuse(code: number, reason: string): void {
    this.notice(`refused a frame: ${code} ${reason}`);
    this.close(code, reason);
  }

  private notice(text: string): void {
    this.opts.onNotice?.(this, text);
  }

  private failFromServer(): void {
    this.notice(`closed: ${CloseReason.serverLineTooLong}`);
    this.close(CloseCode.unexpected, CloseReason.serverLineTooLong);
    this.tcp.destroy();
  }

  private onWsDrain(): void {
    if (this.ws.bufferedAmount <= this.highWaterMark && this.browser !== 'closed') this.tcp.resume();
  }

  private onTcpEnd(): void {
    // Deliver everything received, a last line without its line end too, then say goodbye.
    this.sendLines(this.lineDecoder?.end() ?? []);
    this.close(CloseCode.normal, CloseReason.serverEnded);
  }

  private onTcpClose(): void {
    if (this.server === 'connecting' && this.browser !== 'closed' && this.untried.length > 0) {
      clearTimeout(this.connectTimer);
      return this.dial(this.untried.shift()!);
    }
    const was = this.server;
    this.server = 'closed';
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = undefined;
    clearTimeout(this.connectTimer);
    this.connectTimer = undefined;
    if (was === 'connecting') this.close(CloseCode.tryAgainLater, CloseReason.unreachable);
    else if (was === 'failed') this.close(CloseCode.unexpected, CloseReason.serverFailed);
    else this.close(CloseCode.normal, CloseReason.serverEnded);
    this.finishIfBothClosed();
  }

  private onWsClose(): void {
    this.browser = 'closed';
    const tcp = this.tcp;
    if (this.server === 'connecting') {
      tcp.destroy();
    } else if (this.server !== 'closed') {
      // Let what the browser sent reach the server, then let the server close its side.
      this.flushToServer();
      tcp.end();
      tcp.resume();
      this.lingerTimer = setTimeout(destroyTcp, this.opts.lingerMs ?? DEFAULT_LINGER_MS, tcp);
      this.lingerTimer.unref();
    }
    this.finishIfBothClosed();
  }

  /** Each side's 'close' comes once, so the second of them tells the gateway, once. */
  private finishIfBothClosed(): void {
    if (this.server !== 'closed' || this.browser !== 'closed') return;
    // Once the gateway forgets this bridge, nothing refers to it.
    this.opts.onClosed(this);
  }
}

function flushToServer(bridge: Bridge): void {
  bridge.flushToServer();
}

function destroyTcp(tcp: net.Socket): void {
  tcp.destroy();
}
