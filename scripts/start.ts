/**
 * `npm start`: the one command to play. Builds the web client if it is missing,
 * starts the game server and the gateway as two processes, prints where to join,
 * and stops both together (Ctrl-C, or either one dying).
 */
import { parseFlagsOrExit } from '../node/flags.js';
import { GAME_PORT, GATEWAY_PORT } from '../node/ports.js';
import { Supervisor, buildWebIfMissing, lanAddresses } from './supervisor.js';
import { GAME_FLAGS, gameArgs, gatewayListenArgs, hostArgs } from './game-flags.js';

const USAGE =
  `usage: npm start -- [--port ${GATEWAY_PORT} (web)] [--game-port ${GAME_PORT} (telnet)] [--host HOST (default: every interface)] [--players 2] [--lang en|uk] [--words FILE] [--turn-seconds 60] [--rebuild]`;

const flags = parseFlagsOrExit(process.argv.slice(2), GAME_FLAGS, USAGE);

const supervisor = new Supervisor();

await buildWebIfMissing(flags.rebuild, 'npm start');
// Both listen where players are: every interface unless --host narrows it.
const server = supervisor.run('game server', 'server/main.ts', [...hostArgs(flags), '--port', String(flags['game-port']), ...gameArgs(flags)]);
try {
  await supervisor.waitForLine('server', server, /listening on/);
  // The gateway names each browser in a PROXY line, so the server's per-address limits see browsers too.
  const gatewayArgs = [...gatewayListenArgs(flags), '--target', `127.0.0.1:${flags['game-port']}`, '--send-proxy'];
  const gateway = supervisor.run('gateway', 'gateway/main.ts', gatewayArgs);
  await supervisor.waitForLine('gateway', gateway, /listening on/);
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  supervisor.stopAll(1);
}
if (!supervisor.isStopping) {
  const gamePort = flags['game-port'];
  const lan = flags.host ? [] : lanAddresses();
  process.stdout.write(
    `\nWord Guess is running. ${flags.players} players per game.\n` +
      `  In a browser:  http://localhost:${flags.port}/\n` +
      `  In a terminal: telnet localhost ${gamePort}   (or: nc localhost ${gamePort}, or: npm run client -- --port ${gamePort})\n` +
      lan.map((a) => `  From another machine: http://${a}:${flags.port}/  or  telnet ${a} ${gamePort}\n`).join('') +
      `Press Ctrl-C to stop both.\n\n`,
  );
}
