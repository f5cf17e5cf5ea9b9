/**
 * Loaded into a program under test (`node --expose-gc --import tsx --import
 * ./bench/heap-probe.ts prog.ts`): on SIGUSR2, a full collection, then the memory
 * figures go to heapFile(pid) for bench/heap.ts to read. Nothing else changes.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { heapFile } from './heap.js';

let seq = 0;
process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice: the first pass may leave objects with finalizers for the second.
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  const file = heapFile(process.pid);
  // Written whole, then renamed: the reader never sees half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify({ seq: ++seq, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external }));
  renameSync(`${file}.tmp`, file);
});
