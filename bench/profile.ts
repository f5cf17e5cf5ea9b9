/**
 * `npm run bench -- --profile server|gateway`: runs one program under the bench's
 * load with `node --cpu-prof`, and says where its CPU went by function, counting
 * only the samples taken while the load was measured (start-up and shutdown left out).
 *
 * - server: the game server, 1 000 bots flat out (as the server bench).
 * - gateway: the gateway in front of the echo server, C = 50 closed loops of 32-byte lines.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBots } from './bots.js';
import { formatSummary, summarize, type CpuProfile, type Window } from './cpu-profile.js';
import { runLineLoad } from './line-load.js';
import type { Service } from './procs.js';
import { Reading, markAll } from './util.js';
import { startEchoProgram, startGameServer, startGatewayProgram } from './programs.js';

export interface ProfileOptions {
  readonly root: string;
  /** CPU of the program profiled. */
  readonly cpu?: number;
  /** CPU of the helpers (the echo server behind the gateway). */
  readonly helperCpu?: number;
  readonly durationMs: number;
  /** Sampling interval in µs (node's default is 1000). */
  readonly intervalUs?: number;
  readonly say: (line: string) => void;
  readonly track: (service: Service) => Service;
  readonly untrack: (service: Service) => void;
}

export interface ProfileRun {
  /** The `.cpuprofile` written (open it in Chrome DevTools or speedscope). */
  readonly file: string;
  /** What the load did while measured, for the per-move or per-line figures. */
  readonly load: string;
  readonly report: string;
}

const now = () => Number(process.hrtime.bigint() / 1000n);

/** The game server under 1 000 bots flat out. */
export async function profileServer(opts: ProfileOptions): Promise<ProfileRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'word-guess-profile-'));
  const server = opts.track(await startGameServer(1000, { root: opts.root, cpu: opts.cpu, nodeArgs: profFlags(dir, opts) }));
  const clock = new Reading(now);
  const cpu = new Reading(() => server.cpu());
  const r = await runBots({
    port: server.port,
    players: 1000,
    tableSize: 4,
    warmupMs: 1000,
    durationMs: opts.durationMs,
    onMeasure: markAll(clock, cpu),
  });
  await stop(server, opts);
  const load = `${Math.round(r.movesPerSec)} moves/s, ${((cpu.rise / r.moves) * 1e6).toFixed(0)} µs of server CPU a move (with the profiler on), p99 ${r.p99.toFixed(2)} ms`;
  return read(dir, opts.root, { from: clock.start, to: clock.end }, load);
}

/** The gateway relaying C = 50 closed loops to the echo server. */
export async function profileGateway(opts: ProfileOptions): Promise<ProfileRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'word-guess-profile-'));
  const echo = opts.track(await startEchoProgram({ root: opts.root, cpu: opts.helperCpu }));
  try {
    const gateway = opts.track(await startGatewayProgram(echo.port, 1000, { root: opts.root, cpu: opts.cpu, nodeArgs: profFlags(dir, opts) }));
    const clock = new Reading(now);
    const cpu = new Reading(() => gateway.cpu());
    const r = await runLineLoad({
      transport: 'ws-text',
      port: gateway.port,
      path: '/ws',
      clients: 50,
      window: 1,
      warmupMs: 500,
      durationMs: opts.durationMs,
      onMeasure: markAll(clock, cpu),
    });
    await stop(gateway, opts);
    const load = `${Math.round(r.linesPerSec)} lines/s, ${((cpu.rise / r.lines) * 1e6).toFixed(1)} µs of gateway CPU a line (with the profiler on), p99 ${r.p99.toFixed(2)} ms`;
    return read(dir, opts.root, { from: clock.start, to: clock.end }, load);
  } finally {
    await stop(echo, opts);
  }
}

function profFlags(dir: string, opts: ProfileOptions): string[] {
  return ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', String(opts.intervalUs ?? 250)];
}

async function stop(service: Service, opts: ProfileOptions): Promise<void> {
  opts.untrack(service);
  // SIGTERM: the program closes and exits, and node writes the profile as it exits.
  await service.stop();
}

function read(dir: string, root: string, window: Window, load: string): ProfileRun {
  const name = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!name) throw new Error(`no CPU profile was written to ${dir}: did the program exit on SIGTERM?`);
  const file = path.join(dir, name);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  return { file, load, report: formatSummary(summarize(profile, root, window), 25) };
}
