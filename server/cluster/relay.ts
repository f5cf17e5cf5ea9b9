/**
 * A player whose table lives in another process reaches it through a relay: this
 * process opens a TCP connection to the owner's game port, names the player with a
 * PROXY header (so the owner's limits and logs see the player, not us), replays
 * what the player sent so far, and from then on passes lines both ways. The owner
 * serves the player exactly as it serves a direct one: same lines, same order.
 */
import net from 'node:net';
import { readLines } from '../../node/lines.js';
import { MAX_LINE_BYTES } from '../../protocol/framing.js';
import { formatProxyLine, type Endpoint } from '../../node/proxy-protocol.js';

/** The owner has this long to accept the connection; then the player is served here instead. */
export const RELAY_CONNECT_TIMEOUT_MS = 2000;
/** Longest line taken from the owner: a bound on memory, like the gateway's. */
export const RELAY_MAX_LINE_BYTES = 64 * 1024;
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
  /** A line from the owner, for the player. */
  readonly onLine: (line: string) => void;
  /** The owner's side closed (or failed); `lastLine` is the last line it sent. Called once. */
  readonly onClose: (lastLine: string | undefined, why: string) => void;
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
  let lastLine: string | undefined;
  let why = 'the owner closed the connection';
  let closed = false;
  socket.on('error', (err) => (why = `connection to ${opts.target}: ${err.message}`));
  readLines(
    socket,
    {
      line(line) {
        if (line.tooLong) return;
        lastLine = line.text;
        opts.onLine(line.text);
      },
      overflow() {
        why = `${opts.target} sent a line over ${RELAY_MAX_LINE_BYTES} bytes`;
        socket.destroy();
      },
    },
    { maxLineBytes: RELAY_MAX_LINE_BYTES, maxUnterminatedBytes: RELAY_MAX_LINE_BYTES + 2 },
  );
  socket.on('close', () => {
    if (closed) return;
    closed = true;
    opts.onClose(lastLine, why);
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
      if (!socket.destroyed) socket.end();
    },
    abort: (reason) => {
      why = reason;
      socket.destroy();
    },
  };
}

/** `HOST:PORT` or `[IPv6]:PORT`. */
export function parseAddress(address: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d{1,5})$/.exec(address);
  if (!m || Number(m[3]) < 1 || Number(m[3]) > 65535) throw new Error(`Not a HOST:PORT address: "${address}"`);
  return { host: m[1] ?? m[2], port: Number(m[3]) };
}
