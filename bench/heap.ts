/**
 * The heap of a program under test, read from outside: the program is started with
 * `probeArgs` (bench/heap-probe.ts loaded before its own code); on SIGUSR2 the probe
 * collects garbage and writes `process.memoryUsage()` to a file named by its pid.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Node flags that load the probe (after tsx, which must come first). */
export const probeArgs: readonly string[] = ['--expose-gc', '--import', 'tsx', '--import', './bench/heap-probe.ts'];

/** Where the probe of process `pid` writes its figures. */
export function heapFile(pid: number): string {
  return join(tmpdir(), `word-guess-heap-${pid}.json`);
}

/** What the probe writes: memory after a full collection, and how many times it was asked. */
export interface HeapReading {
  readonly seq: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
}

/** Asks the probe in process `pid` for its memory after a full collection; rejects after `timeoutMs`. */
export async function readHeap(pid: number, timeoutMs = 10_000): Promise<HeapReading> {
  const file = heapFile(pid);
  const before = read(file)?.seq ?? 0;
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const r = read(file);
    if (r && r.seq > before) return r;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`process ${pid} did not answer the heap probe within ${timeoutMs} ms (was it started with probeArgs?)`);
}

/** Removes the probe's file once the process has stopped. */
export function forgetHeap(pid: number): void {
  rmSync(heapFile(pid), { force: true });
}

function read(file: string): HeapReading | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as HeapReading;
  } catch {
    return null;
  }
}
