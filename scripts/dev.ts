/**
 * `npm run dev`: Vite's dev server with hot reload for the web client, its `/ws`
 * proxied to a gateway. Starts the game server and the gateway as child processes
 * when nothing listens on their ports yet, and stops them on exit. A program on
 * the gateway port is used only when its /healthz says it is a Word Guess gateway.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { readLines } from '../node/lines.js';
import { integer, oneOf, parseFlagsOrExit, port } from '../node/flags.js';
import { DEV_PORT, GAME_PORT, GATEWAY_PORT } from '../node/ports.js';
import { LANGS } from '../protocol/catalog.js';
import { listeningProgram, probeGatewayPort } from './port-probe.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const USAGE =
  `usage: npm run dev -- [--port ${DEV_PORT} (Vite)] [--gateway-port ${GATEWAY_PORT} (or GATEWAY_PORT)] [--game-port ${GAME_PORT}] [--players 2] [--lang en|uk]`;

const flags = parseFlagsOrExit(
  process.argv.slice(2),
  {
    port: port({ default: DEV_PORT }),
    'gateway-port': port({ default: Number(process.env.GATEWAY_PORT ?? GATEWAY_PORT) }),
    'game-port': port({ default: GAME_PORT }),
    players: integer({ min: 1, max: 100, default: 2 }),
    lang: oneOf(LANGS, { default: 'en' }),
  },
  USAGE,
);

const children: ChildProcess[] = [];

/** Whether something accepts TCP connections on a local port. */
function listening(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: p });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts an entry point of this repository; resolves when its stdout says it listens. */
function start(name: string, entry: string, args: string[]): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    readLines(child.stdout!, (line) => {
      process.stdout.write(`[${name}] ${line.text}\n`);
      if (line.text.includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the ${name} exited (code ${code})`)));
  });
}

function stopChildren(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
}

const gamePort = flags['game-port'];
const gatewayPort = flags['gateway-port'];
try {
  // First what is on the gateway port: nothing is started when it cannot be used.
  const onGatewayPort = await probeGatewayPort(gatewayPort);
  if (onGatewayPort.kind === 'other') {
    const program = listeningProgram(gatewayPort);
    let other = gatewayPort < 65535 ? gatewayPort + 1 : 1024;
    while (other === gamePort || other === flags.port) other++;
    throw new Error(
      `Port ${gatewayPort} is taken by ${program ? `${program}, ` : ''}${onGatewayPort.what}; the page could not play through it.\n` +
        `Stop that program, or give the gateway another port: npm run dev -- --gateway-port ${other}`,
    );
  }
  if (await listening(gamePort)) process.stdout.write(`Using the game server already on port ${gamePort}.\n`);
  else {
    const args = ['--port', String(gamePort), '--players', String(flags.players), '--lang', flags.lang];
    await start('server', 'server/main.ts', args);
  }
  if (onGatewayPort.kind === 'gateway') {
    const targets = onGatewayPort.targets.map((t) => `${t.target}${t.reachable ? '' : ' (not reachable)'}`).join(', ');
    process.stdout.write(`Using the Word Guess gateway already on port ${gatewayPort}, in front of ${targets} (start it with --allow-origin http://localhost:${flags.port}).\n`);
    if (!onGatewayPort.targets.some((t) => t.target.endsWith(`:${gamePort}`))) {
      process.stdout.write(`Note: that gateway does not lead to the game server on port ${gamePort}.\n`);
    }
  } else {
    // The proxy keeps the page's Origin, so the gateway must allow Vite's.
    const origins = [`http://localhost:${flags.port}`, `http://127.0.0.1:${flags.port}`].flatMap((o) => ['--allow-origin', o]);
    await start('gateway', 'gateway/main.ts', ['--port', String(gatewayPort), '--target', `127.0.0.1:${gamePort}`, ...origins]);
  }
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  stopChildren();
  process.exit(1);
}

// vite.config.ts reads the gateway's port from the environment.
process.env.GATEWAY_PORT = String(gatewayPort);
const vite = await createServer({ configFile: `${root}/vite.config.ts`, server: { port: flags.port, strictPort: true } });
await vite.listen();
vite.printUrls();
process.stdout.write(`Terminal players: telnet localhost ${gamePort}\n`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  stopChildren();
  await vite.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
process.on('exit', stopChildren);
