/**
 * Test support: `npm run server` as a child process (a real, killable process of a
 * cluster), started on a free port and stopped by its handle after the test.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript, type TestChild } from './child.js';

export interface ServerProcess extends TestChild {
  readonly port: number;
  /** Every log line so far (the server logs to stdout). */
  readonly log: readonly string[];
  /** Sends a signal and resolves once the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

let wordFile: string | undefined;
/** A word file with the one word `data`, so that every game is the same. */
function dataWords(): string {
  if (wordFile === undefined) {
    wordFile = join(mkdtempSync(join(tmpdir(), 'word-guess-words-')), 'words.txt');
    writeFileSync(wordFile, 'data\n');
  }
  return wordFile;
}

/** Starts `server/main.ts --host 127.0.0.1 --port 0 --words (data) --turn-seconds 0 …args`; resolves once it listens. */
export async function startServerProcess(args: readonly string[] = []): Promise<ServerProcess> {
  const child = runScript('server/main.ts', ['--host', '127.0.0.1', '--port', '0', '--words', dataWords(), '--turn-seconds', '0', ...args]);
  const line = await child.stdout.until(/listening on/);
  const port = Number(/:(\d+):/.exec(line)?.[1]);
  if (!Number.isInteger(port)) throw new Error(`no port in ${JSON.stringify(line)}`);
  return {
    ...child,
    port,
    log: child.stdout.seen,
    async kill(signal) {
      if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill(signal);
      await child.exited;
    },
  };
}
