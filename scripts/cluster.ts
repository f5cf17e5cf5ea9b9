/**
 * `npm run cluster -- --processes N [--redis URL]`: one game server on N processes
 * of this machine (docs/SCALING.md). Starts a private redis-server when no URL is
 * given, then N game servers on consecutive ports from --game-port, each part of
 * the cluster, then the gateway with every process as a target and the PROXY
 * header on. Ctrl-C stops everything it started.
 */
import { spawnSync } from 'node:child_process';
import { custom, integer, parseFlagsOrExit, UsageError } from '../node/flags.js';
import { freePort } from '../node/free-port.js';
import { GAME_PORT, GATEWAY_PORT } from '../node/ports.js';
import { Supervisor, buildWebIfMissing, lanAddresses } from './supervisor.js';
import { GAME_FLAGS, gameArgs, gatewayListenArgs, hostArgs } from './game-flags.js';

const USAGE =
  `usage: npm run cluster -- [--processes 2] [--redis redis://HOST:PORT (default: a private redis-server)] [--port ${GATEWAY_PORT} (web)] ` +
  `[--game-port ${GAME_PORT} (the first process; the others on the next ports)] [--host HOST] [--players 2] [--lang en|uk] [--words FILE] [--turn-seconds 60] [--rebuild]`;

const flags = parseFlagsOrExit(
  process.argv.slice(2),
  {
    processes: integer({ min: 1, max: 64, default: 2 }),
    redis: custom((raw, flag) => {
      if (!/^rediss?:\/\/\S+$/.test(raw)) throw new UsageError(`${flag} must be a URL like redis://127.0.0.1:6379 (got "${raw}")`);
      return raw;
    }),
    ...GAME_FLAGS,
  },
  USAGE,
);

const REDIS_MISSING = `No --redis was given, and redis-server is not installed to start a private one.
Install it (Debian, Ubuntu: sudo apt-get install -y redis-server; Valkey works too), or give the URL of a running Redis:
  npm run cluster -- --processes ${flags.processes} --redis redis://HOST:6379`;

const supervisor = new Supervisor();

/** Starts a private redis-server on a free loopback port, nothing kept on disk; resolves with its URL. */
async function privateRedis(): Promise<string> {
  if (spawnSync('redis-server', ['--version']).error) {
    process.stderr.write(`${REDIS_MISSING}\n`);
    process.exit(1);
  }
  const redisPort = await freePort();
  const redis = supervisor.command('Redis', 'redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  await supervisor.waitForLine('redis', redis, /Ready to accept connections/, false);
  return `redis://127.0.0.1:${redisPort}`;
}

await buildWebIfMissing(flags.rebuild, 'npm run cluster');
try {
  const redisUrl = flags.redis ?? (await privateRedis());
  const gamePorts = Array.from({ length: flags.processes }, (_, i) => flags['game-port'] + i);
  const serverArgs = [...gameArgs(flags), '--redis', redisUrl];
  const servers = gamePorts.map((p, i) => {
    const name = `game server ${i + 1}`;
    // One process dying ends only its own games: the others, Redis and the gateway go on.
    const child = supervisor.run(name, 'server/main.ts', [...hostArgs(flags), '--port', String(p), ...serverArgs], { essential: false });
    return supervisor.waitForLine(`server ${i + 1}`, child, /listening on/);
  });
  await Promise.all(servers);
  // The gateway spreads browsers over every process and names each browser in a PROXY line.
  const targets = gamePorts.flatMap((p) => ['--target', `127.0.0.1:${p}`]);
  const gateway = supervisor.run('gateway', 'gateway/main.ts', [...gatewayListenArgs(flags), ...targets, '--send-proxy']);
  await supervisor.waitForLine('gateway', gateway, /listening on/);
  if (!supervisor.isStopping) {
    const lan = flags.host ? [] : lanAddresses();
    const ports = gamePorts.join(', ');
    process.stdout.write(
      `\nWord Guess is running as one server on ${flags.processes} processes (Redis: ${redisUrl}). ${flags.players} players per game.\n` +
        `  In a browser:  http://localhost:${flags.port}/   (each new browser goes to the next process)\n` +
        `  In a terminal: telnet localhost PORT, PORT one of ${ports}: every process seats you at the same tables\n` +
        lan.map((a) => `  From another machine: http://${a}:${flags.port}/  or  telnet ${a} ${gamePorts[0]}\n`).join('') +
        `Press Ctrl-C to stop everything.\n\n`,
    );
  }
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  supervisor.stopAll(1);
}
