/**
 * The programs under test run as child processes, started the way a user starts
 * them, optionally pinned to one CPU with `taskset`, and stopped by their handle.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';

export interface Service {
  readonly name: string;
  readonly pid: number;
  readonly port: number;
  /** Resident memory of the process now, in bytes (NaN when unknown). */
  rss(): number;
  /** CPU seconds the process has used so far. */
  cpu(): number;
  /** The same, split into user (the program's own code) and system (the kernel working for it). */
  cpuSplit(): CpuSplit;
  /** The last lines it wrote, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Pin to this CPU (when pinning is available). */
  readonly cpu?: number;
  /** Read the listening port from the first output line that matches; its group 1 is the port. */
  readonly portPattern?: RegExp;
  /** Or: the port is known, wait until it accepts connections. */
  readonly port?: number;
  readonly cwd?: string;
  readonly timeoutMs?: number;
}

/** Whether `taskset` can pin processes here (Linux with it installed and at least two CPUs). */
export function canPin(): boolean {
  if (os.availableParallelism() < 2) return false;
  return spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' }).status === 0;
}

/** Pins every thread of this process to `cpu`. */
export function pinSelf(cpu: number): boolean {
  return spawnSync('taskset', ['-a', '-p', '-c', String(cpu), String(process.pid)], { stdio: 'ignore' }).status === 0;
}

/** Whether a program is on PATH. */
export function onPath(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;
}

/** Resident set size of a process in bytes, from /proc (Linux) or ps. */
export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux, or the process is gone
  }
  const ps = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
  const kb = Number(ps.stdout?.trim());
  return ps.status === 0 && kb > 0 ? kb * 1024 : NaN;
}

export interface CpuSplit {
  readonly user: number;
  readonly system: number;
}

/** User and system CPU seconds of one process (not its children), NaN when unknown. */
export function cpuSplitOf(pid: number): CpuSplit {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(f[11]) / CLOCK_TICKS, system: Number(f[12]) / CLOCK_TICKS };
  } catch {
    return { user: NaN, system: NaN };
  }
}

/**
 * CPU time (user + system) used so far by a process and its descendants, in
 * seconds (NaN when unknown): websockify forks a process per connection.
 */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime, and the times of children already waited for.
    let total = (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / CLOCK_TICKS;
    for (const child of childrenOf(pid)) {
      const c = cpuSecondsOf(child);
      if (Number.isFinite(c)) total += c;
    }
    return total;
  } catch {
    return NaN;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Linux reports process times in clock ticks; 100 a second on every common build. */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** A free TCP port on 127.0.0.1 (for programs that cannot pick their own). */
export { freePort } from '../node/free-port.js';

/** Starts `command args…` and resolves once it listens. */
export async function startService(name: string, command: string, args: readonly string[], opts: SpawnOptions): Promise<Service> {
  const argv = opts.cpu !== undefined ? ['taskset', '-c', String(opts.cpu), command, ...args] : [command, ...args];
  const child: ChildProcess = spawn(argv[0], argv.slice(1), { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  child.once('error', () => {});
  let found: ((port: number) => void) | null = null;
  let buffered = '';
  const onOutput = (chunk: Buffer) => {
    const text = chunk.toString();
    tail = (tail + text).slice(-4000);
    if (found && opts.portPattern) {
      buffered += text;
      const m = opts.portPattern.exec(buffered);
      if (m) found(Number(m[1]));
      if (buffered.length > 65536) buffered = buffered.slice(-4096);
    }
  };
  // Always read the pipes, or a chatty child blocks on a full pipe.
  child.stdout!.on('data', onOutput);
  child.stderr!.on('data', onOutput);

  const timeoutMs = opts.timeoutMs ?? 20_000;
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exit;
    clearTimeout(t);
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${tail}`)), timeoutMs);
      void exit.then(() => reject(new Error(`${name} exited at start (code ${child.exitCode}):\n${tail}`)));
      const done = (port: number) => {
        clearTimeout(timer);
        found = null;
        resolve(port);
      };
      if (opts.portPattern) found = done;
      else if (opts.port !== undefined) void waitForPort(opts.port, timeoutMs).then(() => done(opts.port!), reject);
      else reject(new Error('startService needs portPattern or port'));
    });
    return {
      name,
      pid: child.pid!,
      port,
      rss: () => rssOf(child.pid!),
      cpu: () => cpuSecondsOf(child.pid!),
      cpuSplit: () => cpuSplitOf(child.pid!),
      output: () => tail,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
}
