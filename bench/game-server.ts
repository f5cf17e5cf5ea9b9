/**
 * Starts the game server the way the bench measures it: `server/main.ts` of a
 * source tree (this one, or another commit's checkout), tables of four, no turn
 * clock, English words, connection limits above the bench's load.
 */
import { startService, type Service } from './procs.js';

export interface GameServerRun {
  /** Root of the source tree whose server runs. */
  readonly root: string;
  /** Players the bench will connect (the connection limit is set above it). */
  readonly players: number;
  /** Pin the server to this CPU. */
  readonly cpu?: number;
  /** Extra flags for node, e.g. `--cpu-prof`. */
  readonly nodeArgs?: readonly string[];
  readonly name?: string;
}

/** Starts `node --import tsx server/main.ts` in `root`; resolves once it listens. */
export function startGameServer(run: GameServerRun): Promise<Service> {
  const args = [
    ...(run.nodeArgs ?? []),
    '--import',
    'tsx',
    'server/main.ts',
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--players',
    '4',
    '--turn-seconds',
    '0',
    '--lang',
    'en',
    '--words',
    'game/words/en.txt',
    '--max-connections',
    String(run.players * 2 + 100),
  ];
  return startService(run.name ?? 'game server', process.execPath, args, {
    cpu: run.cpu,
    cwd: run.root,
    portPattern: /listening on (?:http:\/\/)?\S*?:(\d+)/,
  });
}
