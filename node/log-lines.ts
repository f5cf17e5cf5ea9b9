/**
 * An operator log: each line stamped with its time, the lines of one turn of the
 * event loop written together (and stamped with the turn's time). Standard output to a pipe or a file is written
 * synchronously, one system call a write, and a busy server logs several lines a
 * game: one write a turn instead of one a line. What is gathered is written before
 * the process exits.
 */

/** Gathered text longer than this (in UTF-16 units) is written at once, not at the end of the turn. */
export const LOG_FLUSH_CHARS = 64 * 1024;

/** Where the lines go: standard output, or any writable stream. */
export interface LogSink {
  write(text: string): unknown;
}

/** A function that logs one line: `2026-12-06T10:00:00.000Z line`. */
export function timestampedLog(sink: LogSink, now: () => Date = () => new Date()): (line: string) => void {
  let pending = '';
  // One stamp a turn: its lines come within a millisecond or so of each other.
  let stamp = '';
  const flush = () => {
    if (pending === '') return;
    const text = pending;
    pending = '';
    sink.write(text);
  };
  process.on('exit', flush);
  return (line) => {
    if (pending === '') {
      setImmediate(flush);
      stamp = now().toISOString();
    }
    pending += `${stamp} ${line}\n`;
    if (pending.length > LOG_FLUSH_CHARS) flush();
  };
}
