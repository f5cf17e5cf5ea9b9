/**
 * `npm start`: the one command to play. Builds the web client if it is missing,
 * starts the game server and the gateway as two processes, prints where to join,
 * and stops both together (Ctrl-C, or either one dying).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { networkInterfaces } from 'node:os';
import { boolean, integer, oneOf, parseFlagsOrExit, port, string } from '../node/flags.js';
import { GAME_PORT, GATEWAY_PORT } from '../node/ports.js';
import { LANGS } from '../protocol/catalog.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const USAGE =
  `usage: npm start -- [--port ${GATEWAY_PORT} (web)] [--game-port ${GAME_PORT} (telnet)] [--host HOST (default: every interface)] [--players 2] [--lang en|uk] [--words FILE] [--turn-seconds 60] [--rebuild]`;

const flags = parseFlagsOrExit(
  process.argv.slice(2),
  {
    port: port({ default: GATEWAY_PORT }),
    host: string(),
    'game-port': port({ default: GAME_PORT }),
    players: integer({ min: 1, max: 100, default: 2 }),
    lang: oneOf(LANGS, { default: 'en' }),
    words: string(),
    'turn-seconds': integer({ min: 0, default: 60 }),
    rebuild: boolean(),
  },
  USAGE,
);

const children: { name: string; child: ChildProcess }[] = [];
let stopping = false;

/** Runs a TypeScript entry point of this repository as a child process. */
function run(name: string, entry: string, args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push({ name, child });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`\nThe ${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest.\n`);
    stopAll(1);
  });
  return child;
}

/** Resolves with the first stdout line matching `pattern`; every line is echoed with the process's name. */
function waitForLine(name: string, child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let found = false;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      process.stdout.write(`[${name}] ${line}\n`);
      const m = found ? null : pattern.exec(line);
      if (m) {
        found = true;
        resolve(m);
      }
    });
    child.once('exit', () => found || reject(new Error(`the ${name} exited before it was ready`)));
  });
}

function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  const alive = children.filter(({ child }) => child.exitCode === null && child.signalCode === null);
  if (alive.length === 0) process.exit(code);
  let left = alive.length;
  for (const { child } of alive) {
    child.once('exit', () => --left === 0 && process.exit(code));
    child.kill('SIGTERM');
  }
  // Both stop within 5 s by design; do not hang the terminal if one does not.
  setTimeout(() => {
    for (const { child } of alive) child.kill('SIGKILL');
    process.exit(code);
  }, 6000).unref();
}

async function buildWebIfMissing(): Promise<void> {
  if (!flags.rebuild && existsSync(`${root}/dist/web/index.html`)) return;
  process.stdout.write('Building the web client (once; `npm start -- --rebuild` builds it again)...\n');
  const vite = spawn(process.execPath, [`${root}/node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => vite.on('exit', resolve));
  if (code !== 0) {
    process.stderr.write('The web client did not build (see above); fix it or run `npm run build` to see why.\n');
    process.exit(1);
  }
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

await buildWebIfMissing();
// Both listen where players are: every interface unless --host narrows it.
const hostArgs = flags.host ? ['--host', flags.host] : [];
const serverArgs = [...hostArgs, '--port', String(flags['game-port']), '--players', String(flags.players), '--lang', flags.lang, '--turn-seconds', String(flags['turn-seconds'])];
if (flags.words) serverArgs.push('--words', flags.words);
const server = run('game server', 'server/main.ts', serverArgs);
try {
  await waitForLine('server', server, /listening on/);
  // The gateway names each browser in a PROXY line, so the server's per-address limits see browsers too.
  const gatewayArgs = [...(flags.host ? hostArgs : ['--host', '::']), '--port', String(flags.port), '--target', `127.0.0.1:${flags['game-port']}`, '--send-proxy'];
  const gateway = run('gateway', 'gateway/main.ts', gatewayArgs);
  await waitForLine('gateway', gateway, /listening on/);
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  stopAll(1);
}
if (!stopping) {
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

/** This machine's IPv4 addresses on its networks, for players on other machines. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}
