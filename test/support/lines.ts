/**
 * Test support: read a stream (a socket, a child's stdout) line by line and wait
 * for lines by event, never by sleeping.
 */
import type { Readable } from 'node:stream';
import { LineDecoder } from '../../protocol/framing.js';

export interface LineReader {
  /** The next line not yet taken; rejects if the stream ends first. */
  next(): Promise<string>;
  /** Takes lines until one satisfies `match` and returns it; rejects if the stream ends first. */
  until(match: string | RegExp | ((line: string) => boolean)): Promise<string>;
  /** Every line seen so far, taken or not. */
  readonly seen: readonly string[];
  /** Resolves with the lines not yet taken when the stream ends. */
  readonly ended: Promise<string[]>;
}

/** Starts reading `stream` as lines. */
export function readLines(stream: Readable): LineReader {
  const decoder = new LineDecoder({ maxLineBytes: 1 << 20, maxUnterminatedBytes: Infinity });
  const queue: string[] = [];
  const seen: string[] = [];
  let waiter: { resolve(line: string): void; reject(err: Error): void } | null = null;
  let done = false;
  let resolveEnded: (rest: string[]) => void = () => {};
  const ended = new Promise<string[]>((resolve) => (resolveEnded = resolve));

  function add(lines: string[]): void {
    for (const line of lines) {
      seen.push(line);
      if (waiter) {
        const w = waiter;
        waiter = null;
        w.resolve(line);
      } else queue.push(line);
    }
  }
  stream.on('data', (chunk: Buffer) => add(decoder.push(chunk).lines.map((l) => l.text)));
  stream.on('error', () => {}); // a reset shows up as the end of the lines
  stream.on('close', finish);
  stream.on('end', finish);
  function finish(): void {
    if (done) return;
    done = true;
    add(decoder.end().map((l) => l.text));
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
