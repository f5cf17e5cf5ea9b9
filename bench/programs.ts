/**
 * The node programs under test, started the way the bench measures them: from a
 * source tree (this one, or another commit's checkout), with `--import tsx`,
 * optionally pinned to one CPU and with extra flags for node (`--cpu-prof`).
 */
import { startService, type Service } from './procs.js';

export interface ProgramRun {
  /** Root of the source tree to run. */
  readonly root: string;
  /** Pin to this CPU. */
  readonly cpu?: number;
  /** Extra flags for node, e.g. `--cpu-prof`. */
  readonly nodeArgs?: readonly string[];
}

/** The line a program under test prints once it listens; group 1 is the port. */
export const LISTENING = /listening on (?:http:\/\/)?\S*?:(\d+)/;

/** Starts `node --import tsx SCRIPT ARGS` in the tree; resolves once it says where it listens. */
export function startProgram(name: string, script: string, args: readonly string[], run: ProgramRun): Promise<Service> {
  return startService(name, process.execPath, [...(run.nodeArgs ?? []), '--import', 'tsx', script, ...args], {
    cpu: run.cpu,
    cwd: run.root,
    portPattern: LISTENING,
  });
}

/** The game server as the bench runs it: tables of four, no turn clock, English words, room for `players`. */
export function startGameServer(players: number, run: ProgramRun): Promise<Service> {
  const args = ['--host', '127.0.0.1', '--port', '0', '--players', '4', '--turn-seconds', '0', '--lang', 'en', '--words', 'game/words/en.txt'];
  return startProgram('game server', 'server/main.ts', [...args, '--max-connections', String(players * 2 + 100)], run);
}

/** The gateway in front of a line server on 127.0.0.1, taking `max` connections from anyone. */
export function startGatewayProgram(target: number, max: number, run: ProgramRun): Promise<Service> {
  const limits = ['--max-connections', String(max), '--max-per-ip', String(max)];
  return startProgram('gateway', 'gateway/main.ts', ['--port', '0', '--target', `127.0.0.1:${target}`, ...limits], run);
}

/** The line echo server the relays are measured against. */
export function startEchoProgram(run: ProgramRun): Promise<Service> {
  return startProgram('echo server', 'test/support/echo-server.ts', [], run);
}

/** The floor (bench/floor-server.ts): the bots' traffic over Node's sockets with no game. */
export function startFloorProgram(run: ProgramRun): Promise<Service> {
  return startProgram('floor', 'bench/floor-server.ts', [], run);
}
