/**
 * A raw TCP line client for tests: what a student's 20-line socket program does.
 * Waits on lines, never on timers (a wait fails only through the test's timeout).
 */
import { connect, type Socket } from 'node:net';
import { LineDecoder } from '../../server/protocol/framing.js';

export interface LineClient {
  /** Every line received so far. */
  readonly lines: string[];
  /** Sends raw text (add your own line end). */
  write(data: string | Uint8Array): void;
  /** Sends one line with `\n` (or the line end given). */
  send(line: string, lineEnd?: string): void;
  /** The next line not yet taken by next()/waitFor(). */
  next(): Promise<string>;
  /** Takes lines until one matches; returns it (lines before it are skipped). */
  waitFor(match: string | RegExp | ((line: string) => boolean)): Promise<string>;
  /** Resolves when the server has closed the connection. */
  readonly closed: Promise<void>;
  readonly socket: Socket;
  close(): void;
}

/** Connects to 127.0.0.1:port; optionally sends a name first. */
export async function connectLines(port: number, name?: string, host = '127.0.0.1'): Promise<LineClient> {
  const socket = connect({ port, host });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const lines: string[] = [];
  let taken = 0;
  let wake: (() => void) | null = null;
  const decoder = new LineDecoder({ maxLineBytes: 1 << 20 });
  socket.on('data', (chunk) => {
    for (const l of decoder.push(chunk).lines) lines.push(l.text);
    wake?.();
  });
  socket.on('error', () => {});
  let isClosed = false;
  // Mark closed before waking a waiter, or next() would go back to sleep for good.
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      isClosed = true;
      wake?.();
      resolve();
    }),
  );

  async function next(): Promise<string> {
    while (taken >= lines.length) {
      if (isClosed) throw new Error(`connection closed; lines so far:\n${lines.join('\n')}`);
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    return lines[taken++];
  }

  const client: LineClient = {
    lines,
    socket,
    closed,
    write: (data) => void socket.write(data),
    send: (line, lineEnd = '\n') => void socket.write(line + lineEnd),
    next,
    async waitFor(match) {
      const test = typeof match === 'string' ? (l: string) => l === match : match instanceof RegExp ? (l: string) => match.test(l) : match;
      for (;;) {
        const line = await next();
        if (test(line)) return line;
      }
    },
    close: () => void socket.destroy(),
  };
  if (name !== undefined) client.send(name);
  return client;
}
