/**
 * Fixtures for end-to-end games: each test gets its own game server and gateway
 * on free ports, and players that read like a script. Browser players (Chromium,
 * through the gateway), raw TCP players (the line protocol, CRLF like telnet) and
 * terminal-client players (clients/terminal/main.ts as a child process) have the
 * same verbs, all async (e2e/players/player.ts):
 *
 *   join(name) · waitForTurn() · letter(x) · word(w) · score() · waitForScore(s)
 *   results() · winner() · waitForLine(match) · lines()
 *
 * Nothing here sleeps: every wait is on a line that arrives or on what the page shows.
 * See e2e/README.md for a complete example game.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type TestInfo } from '@playwright/test';
import { createGateway, type Gateway, type GatewayOptions } from '../gateway/gateway.js';
import type { Lang } from '../protocol/catalog.js';
import { createGameServer, type GameServer } from '../server/server.js';
import { BrowserPlayer } from './players/browser.js';
import { TcpPlayer } from './players/tcp.js';
import { TerminalPlayer } from './players/terminal.js';

export { BrowserPlayer, TcpPlayer, TerminalPlayer, expect };
export type { Outcome, Player, Scores } from './players/player.js';

/** The built web client (scripts/e2e.ts builds it before the games). */
export const WEB_DIR = fileURLToPath(new URL('../dist/web', import.meta.url));

/**
 * Attaches text to a failed game as a file of its own: the console prints the
 * file's path (Playwright cuts text attachments there at 300 characters), the
 * HTML report shows it whole.
 */
async function attachText(testInfo: TestInfo, name: string, text: string): Promise<void> {
  const path = testInfo.outputPath(`${name.replace(/[^\w.-]+/g, '-')}.txt`);
  await writeFile(path, text + '\n');
  await testInfo.attach(name, { path, contentType: 'text/plain' });
}

function failed(testInfo: TestInfo): boolean {
  return testInfo.status !== testInfo.expectedStatus;
}

/** The game server and gateway one test plays against. */
export interface Game {
  /** The page's address at the gateway. */
  readonly url: string;
  /** The game server's TCP port (raw players connect here). */
  readonly port: number;
  readonly gateway: Gateway;
  /** The game server now running (replaced by start()). */
  server(): GameServer;
  /** Stops the game server; the gateway stays up. */
  stop(): Promise<void>;
  /** Starts the game server again, on the same port. */
  start(): Promise<void>;
  /** What the game server and gateway logged. */
  readonly log: string[];
}

export interface GameOptions {
  /** The word list: one word makes every game the same. */
  words: string[];
  /** Players per table. */
  players: number;
  lang: Lang;
  /** The turn clock; 0 (the default here) turns it off, so no game depends on speed. */
  turnSeconds: number;
  /** How long a dropped player's seat is kept (PROTOCOL.md §8.4); 0: LEFT at once. Default the server's, 60. */
  seatGraceSeconds: number;
  /** Gateway limits for this test, e.g. `{ maxPerIp: 2 }`. */
  gatewayOptions: Partial<Omit<GatewayOptions, 'target' | 'host' | 'port'>>;
}

export interface PlayerOptions {
  /** The tab's size, e.g. `{ width: 360, height: 740 }`. */
  viewport?: { width: number; height: number };
}

interface Fixtures {
  game: Game;
  /** Opens a new tab at the game's page: a browser player, not yet joined. */
  browserPlayer: (opts?: PlayerOptions) => Promise<BrowserPlayer>;
  /** Connects a raw TCP player to the game server, not yet joined. */
  tcpPlayer: () => Promise<TcpPlayer>;
  /** A terminal-client player; join(name) starts the process. */
  terminalPlayer: () => TerminalPlayer;
}

export const test = base.extend<GameOptions & Fixtures>({
  words: [['kiwi'], { option: true }],
  players: [2, { option: true }],
  lang: ['en', { option: true }],
  turnSeconds: [0, { option: true }],
  seatGraceSeconds: [60, { option: true }],
  gatewayOptions: [{}, { option: true }],

  game: async ({ words, players, lang, turnSeconds, seatGraceSeconds, gatewayOptions }, use, testInfo) => {
    if (!existsSync(`${WEB_DIR}/index.html`)) throw new Error('The web client is not built: run the games with `npm run e2e` (it builds it), or `npm run build` first.');
    const log: string[] = [];
    const serverOptions = { host: '127.0.0.1', players, words, lang, turnSeconds, seatGraceSeconds, log: (l: string) => void log.push(`server: ${l}`) };
    let server = await createGameServer({ ...serverOptions, port: 0 });
    const port = server.address().port;
    let running = true;
    const gateway = await createGateway({
      host: '127.0.0.1',
      port: 0,
      target: { host: '127.0.0.1', port },
      staticDir: WEB_DIR,
      shutdownGraceMs: 500,
      log: (l) => void log.push(`gateway: ${l}`),
      ...gatewayOptions,
    });
    const game: Game = {
      url: `http://127.0.0.1:${gateway.address().port}/`,
      port,
      gateway,
      log,
      server: () => server,
      async stop() {
        running = false;
        await server.close();
      },
      async start() {
        server = await createGameServer({ ...serverOptions, port });
        running = true;
      },
    };
    await use(game);
    await gateway.close();
    if (running) await server.close();
    if (failed(testInfo)) await attachText(testInfo, 'server and gateway log', log.join('\n'));
  },

  browserPlayer: async ({ browser, game }, use) => {
    const opened: BrowserPlayer[] = [];
    await use(async (opts = {}) => {
      const player = await BrowserPlayer.open(browser, game.url, opts.viewport);
      opened.push(player);
      return player;
    });
    await Promise.all(opened.map((p) => p.context.close()));
  },

  tcpPlayer: async ({ game }, use, testInfo) => {
    const players: TcpPlayer[] = [];
    await use(async () => {
      const player = await TcpPlayer.connect(game.port);
      players.push(player);
      return player;
    });
    for (const p of players) p.close();
    if (failed(testInfo)) {
      for (const [i, p] of players.entries()) await attachText(testInfo, `${p.name || `player ${i + 1}`} (TCP) lines`, (await p.lines()).join('\n'));
    }
  },

  terminalPlayer: async ({ game }, use, testInfo) => {
    const players: TerminalPlayer[] = [];
    await use(() => {
      const player = new TerminalPlayer(game.port);
      players.push(player);
      return player;
    });
    for (const p of players) p.kill();
    await Promise.all(players.map((p) => p.exited()));
    if (failed(testInfo)) {
      for (const [i, p] of players.entries()) await attachText(testInfo, `${p.name || `player ${i + 1}`} (terminal) output`, [...(await p.lines()), '--- stderr', ...p.stderr].join('\n'));
    }
  },
});
