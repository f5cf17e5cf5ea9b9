/**
 * A raw TCP line client for tests: what a student's 20-line socket program does.
 * Waits on lines, never on timers (a wait fails only through the test's timeout,
 * or at once when the connection closes first).
 */
import { connect, type Socket } from 'node:net';
import { lineQueue, type LineQueue } from './lines.js';

export interface LineClient extends LineQueue {
  /** Every line received so far (the same array as `seen`). */
  readonly lines: readonly string[];
  /** Sends raw text (add your own line end). */
  write(data: string | Uint8Array): void;
  /** Sends one line with `\n` (or the line end given). */
  send(line: string, lineEnd?: string): void;
  /** Takes lines until one matches; returns it (lines before it are skipped). */
  waitFor(match: string | RegExp | ((line: string) => boolean)): Promise<string>;
  /** Resolves when the connection has closed. */
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
  const reader = lineQueue(socket);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const client: LineClient = {
    ...reader,
    lines: reader.seen,
    socket,
    closed,
    write: (data) => void socket.write(data),
    send: (line, lineEnd = '\n') => void socket.write(line + lineEnd),
    waitFor: reader.until,
    close: () => void socket.destroy(),
  };
  if (name !== undefined) client.send(name);
  return client;
}
