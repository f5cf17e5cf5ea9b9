/**
 * What `npm start` and `npm run cluster` share: run the project's programs as
 * child processes, wait for each to say it is ready, and stop them all together
 * (Ctrl-C, or any one of them dying).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { networkInterfaces } from 'node:os';

/** The repository root: every entry point is relative to it. */
export const root = fileURLToPath(new URL('..', import.meta.url));

/** Children stop within 5 s by design; past this they are killed, so the terminal never hangs. */
const STOP_DEADLINE_MS = 6000;

export interface ChildOptions {
  /** Whether everything stops when this child does (default true). One process of a cluster is not: the others go on. */
  readonly essential?: boolean;
}

export class Supervisor {
  private readonly children: { name: string; child: ChildProcess }[] = [];
  private stopping = false;

  constructor() {
    process.on('SIGINT', () => this.stopAll(0));
    process.on('SIGTERM', () => this.stopAll(0));
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Runs a TypeScript entry point of this repository (`server/main.ts` …). */
  run(name: string, entry: string, args: readonly string[], opts: ChildOptions = {}): ChildProcess {
    return this.command(name, process.execPath, ['--import', 'tsx', entry, ...args], opts);
  }

  /** Runs any program; its stdout is read by waitForLine, its stderr passes through. */
  command(name: string, program: string, args: readonly string[], opts: ChildOptions = {}): ChildProcess {
    const child = spawn(program, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    this.children.push({ name, child });
    child.on('error', (err) => {
      process.stderr.write(`Cannot run ${program} for the ${name}: ${err.message}\n`);
      this.stopAll(1);
    });
    child.on('exit', (code, signal) => {
      if (this.stopping) return;
      if (opts.essential === false) {
        process.stderr.write(`\nThe ${name} stopped (${signal ?? `exit code ${code}`}); the rest go on.\n`);
        return;
      }
      process.stderr.write(`\nThe ${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest.\n`);
      this.stopAll(1);
    });
    return child;
  }

  /** Resolves with the first stdout line matching `pattern`; with `echo`, every line is shown with the process's name. */
  waitForLine(name: string, child: ChildProcess, pattern: RegExp, echo = true): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      let found = false;
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (echo) process.stdout.write(`[${name}] ${line}\n`);
        const m = found ? null : pattern.exec(line);
        if (m) {
          found = true;
          resolve(m);
        }
      });
      child.once('exit', () => found || reject(new Error(`the ${name} exited before it was ready`)));
    });
  }

  /** Stops every child (SIGTERM, then SIGKILL past the deadline) and exits with `code`. */
  stopAll(code: number): void {
    if (this.stopping) return;
    this.stopping = true;
    const alive = this.children.filter(({ child }) => child.exitCode === null && child.signalCode === null && child.pid !== undefined);
    if (alive.length === 0) process.exit(code);
    let left = alive.length;
    for (const { child } of alive) {
      child.once('exit', () => --left === 0 && process.exit(code));
      child.kill('SIGTERM');
    }
    setTimeout(() => {
      for (const { child } of alive) child.kill('SIGKILL');
      process.exit(code);
    }, STOP_DEADLINE_MS).unref();
  }
}

/** Builds the web client when it is missing (or when asked to); exits when the build fails. */
export async function buildWebIfMissing(rebuild: boolean, command: string): Promise<void> {
  if (!rebuild && existsSync(`${root}/dist/web/index.html`)) return;
  process.stdout.write(`Building the web client (once; \`${command} -- --rebuild\` builds it again)...\n`);
  const vite = spawn(process.execPath, [`${root}/node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => vite.on('exit', resolve));
  if (code !== 0) {
    process.stderr.write('The web client did not build (see above); fix it or run `npm run build` to see why.\n');
    process.exit(1);
  }
}

/** This machine's IPv4 addresses on its networks, for players on other machines. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}
