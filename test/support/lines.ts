/**
 * Test support: a stream's lines (a socket, a child's stdout) as a queue to take
 * from, waiting by event, never by sleeping. Read through node/lines.
 */
import type { Readable } from 'node:stream';
import { readLines } from '../../node/lines.js';

export interface LineQueue {
  /** The next line not yet taken; rejects if the stream ends first. */
  next(): Promise<string>;
  /** Takes lines until one satisfies `match` and returns it; rejects if the stream ends first. */
  until(match: string | RegExp | ((line: string) => boolean)): Promise<string>;
  /** Every line seen so far, taken or not. */
  readonly seen: readonly string[];
  /** Resolves with the lines not yet taken when the stream ends. */
  readonly ended: Promise<string[]>;
}

/** Starts reading `stream` as a queue of lines. */
export function lineQueue(stream: Readable): LineQueue {
  const queue: string[] = [];
  const seen: string[] = [];
  let waiter: { resolve(line: string): void; reject(err: Error): void } | null = null;
  let done = false;
  let resolveEnded: (rest: string[]) => void = () => {};
  const ended = new Promise<string[]>((resolve) => (resolveEnded = resolve));

  stream.on('error', () => {}); // a reset shows up as the end of the lines
  readLines(stream, { line: (l) => add(l.text), end: finish }, { maxLineBytes: 1 << 20, maxUnterminatedBytes: Infinity });
  stream.on('close', finish); // closed without an end: a reset, or destroyed

  function add(line: string): void {
    seen.push(line);
    if (waiter) {
      const w = waiter;
      waiter = null;
      w.resolve(line);
    } else queue.push(line);
  }

  function finish(): void {
    if (done) return;
    done = true;
    waiter?.reject(new Error(`the stream ended while a line was awaited; lines seen: ${JSON.stringify(seen)}`));
    waiter = null;
    resolveEnded([...queue]); // lines not yet taken stay takeable by next()
  }

  function next(): Promise<string> {
    if (queue.length > 0) return Promise.resolve(queue.shift()!);
    if (done) return Promise.reject(new Error(`the stream has ended; lines seen: ${JSON.stringify(seen)}`));
    return new Promise((resolve, reject) => (waiter = { resolve, reject }));
  }

  async function until(match: string | RegExp | ((line: string) => boolean)): Promise<string> {
    const test = typeof match === 'string' ? (l: string) => l === match : match instanceof RegExp ? (l: string) => match.test(l) : match;
    for (;;) {
      const line = await next();
      if (test(line)) return line;
    }
  }

  return { next, until, seen, ended };
}
