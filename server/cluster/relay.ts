/**
 * A player whose table lives in another process reaches it through a relay: this
 * process opens a TCP connection to the owner's game port, names the player with a
 * PROXY header (so the owner's limits and logs see the player, not us), replays
 * what the player sent so far, and from then on passes lines both ways. The owner
 * serves the player exactly as it serves a direct one: same lines, same order.
 */
import net from 'node:net';
import { MAX_LINE_BYTES } from '../../protocol/framing.js';
import { formatProxyLine, type Endpoint } from '../../node/proxy-protocol.js';

/** The owner has this long to accept the connection; then the player is served here instead. */
export const RELAY_CONNECT_TIMEOUT_MS = 2000;
/** The owner's output is passed on as it comes; this much of its end is kept to tell its last line. */
const TAIL_BYTES = 4096;
/** Lines to the owner queued past this mean it does not read: the relay is cut. */
export const RELAY_MAX_QUEUED_BYTES = 1024 * 1024;

export interface RelayOptions {
  /** The owner's game port, `HOST:PORT`. */
  readonly target: string;
  /** The player as this process sees it: named in the PROXY header. */
  readonly client: Partial<Endpoint>;
  /** This process's end of the player's connection. */
  readonly local: Partial<Endpoint>;
  /** Lines the player sent that the owner must see first (`/join CODE`, a name …). */
  readonly replay: readonly string[];
  /** Output of the owner for the player: whole lines or pieces of them, passed on as they are. */
  readonly onOutput: (bytes: Buffer) => void;
  /**
   * The connection to the owner closed; `lastLine` is the last line it sent, `ended`
   * whether our side ended it first (the player left). Called once.
   */
  readonly onClose: (lastLine: string | undefined, why: string, ended: boolean) => void;
  readonly connectTimeoutMs?: number;
}

/** One player's connection to the process that holds its table. */
export interface Relay {
  /** Passes one line from the player (without its line end). */
  send(line: string): void;
  /** Passes a line that was over the limit: the owner answers it as it answers any such line. */
  sendTooLong(): void;
  /** The player left: ends our side after what was sent. */
  end(): void;
  /** The owner is known to be gone (its lease ended): drops the connection, reported through onClose. */
  abort(why: string): void;
}

/** Opens a relay; resolves once the owner accepted it, rejects when it could not be reached in time. */
export function openRelay(opts: RelayOptions): Promise<Relay> {
  const { host, port } = parseAddress(opts.target);
  const socket = net.connect({ host, port });
  socket.setNoDelay(true);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => socket.destroy(new Error(`no answer within ${opts.connectTimeoutMs ?? RELAY_CONNECT_TIMEOUT_MS} ms`)), opts.connectTimeoutMs ?? RELAY_CONNECT_TIMEOUT_MS);
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot reach ${opts.target}: ${err.message}`));
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(wire(socket, opts));
    });
  });
}

function wire(socket: net.Socket, opts: RelayOptions): Relay {
  // Not decoded here: the owner speaks the protocol already, and the player's connection frames nothing again.
  let tail: Buffer = Buffer.alloc(0);
  let why = 'the owner closed the connection';
  let closed = false;
  let ended = false;
  socket.on('error', (err) => (why = `connection to ${opts.target}: ${err.message}`));
  socket.on('data', (chunk: Buffer) => {
    tail = chunk.length >= TAIL_BYTES ? chunk.subarray(chunk.length - TAIL_BYTES) : Buffer.concat([tail, chunk]).subarray(-TAIL_BYTES);
    opts.onOutput(chunk);
  });
  socket.on('close', () => {
    if (closed) return;
    closed = true;
    opts.onClose(lastLineOf(tail), why, ended);
  });
  const write = (text: string) => {
    if (socket.destroyed || socket.writableEnded) return;
    socket.write(text);
    if (socket.writableLength > RELAY_MAX_QUEUED_BYTES) {
      why = `${opts.target} does not read what the player sends`;
      socket.destroy();
    }
  };
  // One write: header and replay arrive together, before anything the player sends next.
  write(formatProxyLine(opts.client, opts.local) + opts.replay.map((l) => l + '\n').join(''));
  return {
    send: (line) => write(line + '\n'),
    sendTooLong: () => write('x'.repeat(MAX_LINE_BYTES + 1) + '\n'),
    end: () => {
      if (ended || socket.destroyed) return;
      ended = true;
      why = 'the player left';
      socket.end();
    },
    abort: (reason) => {
      why = reason;
      socket.destroy();
    },
  };
}

/** The last line of what was received (without its line end), or undefined if nothing was. */
export function lastLineOf(tail: Buffer): string | undefined {
  if (tail.length === 0) return undefined;
  let end = tail.length;
  if (tail[end - 1] === 0x0a) end--;
  if (end > 0 && tail[end - 1] === 0x0d) end--;
  const start = end === 0 ? 0 : tail.lastIndexOf(0x0a, end - 1) + 1;
  return tail.subarray(start, end).toString();
}

/** `HOST:PORT` or `[IPv6]:PORT`. */
export function parseAddress(address: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d{1,5})$/.exec(address);
  if (!m || Number(m[3]) < 1 || Number(m[3]) > 65535) throw new Error(`Not a HOST:PORT address: "${address}"`);
  return { host: m[1] ?? m[2], port: Number(m[3]) };
}
