/**
 * Test support: run one of the project's TypeScript entry points as a child
 * process, driven through its stdin and read line by line from stdout and stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { lineQueue, type LineQueue } from './lines.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface TestChild {
  readonly child: ChildProcess;
  readonly stdout: LineQueue;
  readonly stderr: LineQueue;
  /** Writes a line with `\n` to its stdin. */
  send(line: string): void;
  /** Resolves with the exit code once it has exited and its output is read. */
  readonly exited: Promise<number | null>;
}

/** Starts `node --import tsx <script> ...args` from the repository root; `script` is relative to it. */
export function runScript(script: string, args: string[] = []): TestChild {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stdout = lineQueue(child.stdout!);
  const stderr = lineQueue(child.stderr!);
  // 'close' comes after the exit and after stdout and stderr are drained.
  const exited = once(child, 'close').then(([code]) => code as number | null);
  child.stdin!.on('error', () => {}); // writing to a child that has just exited is not a test failure
  return { child, stdout, stderr, send: (line) => void child.stdin!.write(line + '\n'), exited };
}
