/**
 * Fixtures for end-to-end games: each test gets its own game server and gateway
 * on free ports, and players that read like a script. Browser players (Chromium,
 * through the gateway), raw TCP players (the line protocol, CRLF like telnet) and
 * terminal-client players (clients/terminal/main.ts as a child process) share the verbs:
 *
 *   join(name) · waitForTurn() · letter(x) · word(w) · score() · results()
 *
 * Nothing here sleeps: every wait is on a line that arrives or on what the page shows.
 * See e2e/README.md for a complete example game.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createGateway, type Gateway, type GatewayOptions } from '../gateway/gateway.js';
import { readLines } from '../node/lines.js';
import { MAX_SERVER_LINE_BYTES } from '../protocol/framing.js';
import { parseAs, parseMessage, type Lang, type MessageId } from '../protocol/catalog.js';
import { createGameServer, type GameServer } from '../server/server.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** The built web client (scripts/e2e.ts builds it before the games). */
export const WEB_DIR = fileURLToPath(new URL('../dist/web', import.meta.url));
/** How long one wait for a line may take before it fails with the lines seen so far. */
const LINE_TIMEOUT_MS = 15_000;

/** What a move came to, as the mover was told. */
export type Outcome = 'hit' | 'miss' | 'already' | 'won' | 'burned' | 'refused';

/** Replies after which the server sends `/turn` again without acting on the move. */
const REFUSED: ReadonlySet<MessageId> = new Set(['NOT_YOUR_TURN', 'NOT_A_LETTER', 'BAD_COMMAND', 'NO_COMMAND', 'UNEXPECTED', 'LINE_TOO_LONG']);

/**
 * Reads the mover's lines after a move; undefined until the move is settled. A move
 * the server acts on ends with SCORE (§8.2); an open letter or a refused move with its reply.
 */
export function outcomeOf(lines: readonly string[]): Outcome | undefined {
  let outcome: Outcome | undefined;
  for (const line of lines) {
    const id = parseMessage(line)?.id;
    if (id === 'EARNED') outcome ??= 'hit';
    else if (id === 'WON') outcome = 'won';
    else if (id === 'NO_LETTER') outcome = 'miss';
    else if (id === 'BURNED') outcome = 'burned';
    else if (id === 'ALREADY_OPEN') return 'already';
    else if (id !== undefined && REFUSED.has(id)) return 'refused';
    else if (id === 'SCORE' && outcome) return outcome;
  }
  return undefined;
}

/** `Score: Ann 2, Bob 0` → `{ Ann: 2, Bob: 0 }`. */
function scoreOf(line: string): Record<string, number> {
  const scores = parseAs('SCORE', line)?.fields.scores ?? '';
  const out: Record<string, number> = {};
  for (const m of scores.matchAll(/(.+?) (\d+)(?:, |$)/gsu)) out[m[1]] = Number(m[2]);
  return out;
}

/** The RESULT lines of the last finished game in `lines` (after GAME_OVER, before `/quit`). */
function resultLines(lines: readonly string[]): string[] | undefined {
  let over = -1;
  for (let i = lines.length - 1; i >= 0 && over < 0; i--) if (parseAs('GAME_OVER', lines[i])) over = i;
  if (over < 0) return undefined;
  const end = lines.indexOf('/quit', over);
  if (end < 0) return undefined;
  return lines.slice(over + 1, end);
}

// ---------------------------------------------------------------------------
// Players that speak lines: raw TCP and the terminal client.

/** Lines from a stream, taken in order by waits that fail with a transcript instead of hanging. */
class LineQueue {
  readonly lines: string[] = [];
  taken = 0;
  ended = false;
  private wake: (() => void) | null = null;

  push(line: string): void {
    this.lines.push(line);
    this.wake?.();
  }

  end(): void {
    this.ended = true;
    this.wake?.();
  }

  /** Takes lines until one matches; returns it. */
  async take(match: (line: string) => boolean, who: string, what: string): Promise<string> {
    const deadline = Date.now() + LINE_TIMEOUT_MS;
    for (;;) {
      while (this.taken < this.lines.length) {
        const line = this.lines[this.taken++];
        if (match(line)) return line;
      }
      const left = deadline - Date.now();
      if (this.ended || left <= 0) {
        const why = this.ended ? 'the connection ended' : `no such line came within ${LINE_TIMEOUT_MS} ms`;
        throw new Error(`${who} waited for ${what}, but ${why}. Lines so far:\n  ${this.lines.join('\n  ')}`);
      }
      await this.nextLineOrDeadline(left);
    }
  }

  /** Resolves when a line arrives or the connection ends, or after `ms`. */
  private async nextLineOrDeadline(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = null;
  }

  /** Waits until any line so far (taken or not) matches, without taking lines. */
  async seen(match: (line: string) => boolean, who: string, what: string): Promise<string> {
    const deadline = Date.now() + LINE_TIMEOUT_MS;
    for (let i = 0; ; ) {
      for (; i < this.lines.length; i++) if (match(this.lines[i])) return this.lines[i];
      const left = deadline - Date.now();
      if (this.ended || left <= 0) throw new Error(`${who} waited to see ${what}. Lines so far:\n  ${this.lines.join('\n  ')}`);
      await this.nextLineOrDeadline(left);
    }
  }
}

function matcher(match: string | RegExp): (line: string) => boolean {
  return typeof match === 'string' ? (l) => l === match : (l) => match.test(l);
}

/** What every player that speaks lines shares; subclasses say how a move is typed. */
abstract class LinePlayer {
  name = '';
  protected readonly queue = new LineQueue();

  /** Every line received so far, exactly as it came. */
  lines(): string[] {
    return [...this.queue.lines];
  }

  /** Waits until a line matching `match` has arrived (at any time so far); returns it. */
  waitForLine(match: string | RegExp): Promise<string> {
    return this.queue.seen(matcher(match), this.name || 'a player', `a line ${String(match)}`);
  }

  /** Waits for our own JOINED (after RENAMED, under the new name). */
  protected async joined(name: string): Promise<void> {
    this.name = name;
    const line = await this.queue.take(
      (l) => parseAs('RENAMED', l) !== null || parseAs('JOINED', l)?.fields.name === this.name,
      name,
      'its JOINED line',
    );
    const renamed = parseAs('RENAMED', line);
    if (renamed) {
      this.name = renamed.fields.name;
      await this.queue.take((l) => parseAs('JOINED', l)?.fields.name === this.name, name, 'its JOINED line');
    }
  }

  abstract waitForTurn(): Promise<void>;
  protected abstract sendMove(kind: 'letter' | 'word', value: string): void;

  /** Names a letter; resolves once the move is settled, with what it came to. */
  letter(x: string): Promise<Outcome> {
    return this.move('letter', x);
  }

  /** Names the whole word; resolves once the move is settled. */
  word(w: string): Promise<Outcome> {
    return this.move('word', w);
  }

  private async move(kind: 'letter' | 'word', value: string): Promise<Outcome> {
    const from = this.queue.taken;
    this.sendMove(kind, value);
    let outcome: Outcome | undefined;
    await this.queue.take(() => (outcome = outcomeOf(this.queue.lines.slice(from, this.queue.taken))) !== undefined, this.name, `the answer to ${kind} ${value}`);
    return outcome!;
  }

  /** The scores of the last SCORE line taken so far, in turn order. */
  score(): Record<string, number> {
    for (let i = this.queue.taken - 1; i >= 0; i--) {
      const line = this.queue.lines[i];
      if (parseAs('SCORE', line)) return scoreOf(line);
    }
    return {};
  }

  /** Waits for the end of the game; the RESULT lines, in turn order. */
  async results(): Promise<string[]> {
    await this.queue.take((l) => l === '/quit' && resultLines(this.queue.lines.slice(0, this.queue.taken)) !== undefined, this.name, 'the results and /quit');
    return resultLines(this.queue.lines.slice(0, this.queue.taken))!;
  }
}

/** A player on a raw TCP socket, as telnet: lines end in CRLF; commands typed by hand. */
export class TcpPlayer extends LinePlayer {
  private constructor(readonly socket: net.Socket) {
    super();
  }

  static async connect(port: number): Promise<TcpPlayer> {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.on('error', () => {}); // a reset shows up as the end of the lines
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const player = new TcpPlayer(socket);
    readLines(socket, (l) => player.queue.push(l.text), { maxLineBytes: MAX_SERVER_LINE_BYTES });
    socket.on('close', () => player.queue.end());
    return player;
  }

  /** Sends one raw line, CRLF-terminated. */
  send(line: string): void {
    this.socket.write(line + '\r\n');
  }

  async join(name: string): Promise<void> {
    this.send(name);
    await this.joined(name);
  }

  /** Takes lines up to the next `/turn`. */
  async waitForTurn(): Promise<void> {
    await this.queue.take((l) => l === '/turn', this.name, '/turn');
  }

  protected sendMove(kind: 'letter' | 'word', value: string): void {
    this.send(`/${kind} ${value}`);
  }

  /** Resolves when the server has closed the connection. */
  async closed(): Promise<void> {
    await this.queue.take(() => false, this.name, 'the end of the connection').catch((err: Error) => {
      if (!this.queue.ended) throw err;
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

/** The project's terminal client (clients/terminal/main.ts) as a child process, driven through its stdin. */
export class TerminalPlayer extends LinePlayer {
  private child: ChildProcess | null = null;
  private exit: Promise<number | null> = Promise.resolve(null);
  /** What the client said on stderr (its own remarks). */
  readonly stderr: string[] = [];

  constructor(private readonly port: number) {
    super();
  }

  /** Starts `clients/terminal/main.ts --port P --name NAME` and waits until it is seated. */
  async join(name: string): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'clients/terminal/main.ts', '--port', String(this.port), '--name', name], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdin!.on('error', () => {});
    readLines(child.stdout!, (l) => this.queue.push(l.text), { maxLineBytes: MAX_SERVER_LINE_BYTES });
    readLines(child.stderr!, (l) => this.stderr.push(l.text), { maxLineBytes: MAX_SERVER_LINE_BYTES });
    this.exit = new Promise((resolve) =>
      child.once('close', (code) => {
        this.queue.end();
        resolve(code);
      }),
    );
    await this.joined(name);
  }

  /** The client prints messages only: our turn is the TURN_OF line with our name. */
  async waitForTurn(): Promise<void> {
    await this.queue.take((l) => parseAs('TURN_OF', l)?.fields.name === this.name, this.name, `TURN_OF ${this.name}`);
  }

  /** One character is a letter, more a word: the client makes the command. */
  protected sendMove(_kind: 'letter' | 'word', value: string): void {
    this.child?.stdin!.write(value + '\n');
  }

  /** The game ends at `/quit`, which the client does not print: its exit is the end. */
  override async results(): Promise<string[]> {
    await this.queue.take(() => false, this.name, 'the end of the game').catch((err: Error) => {
      if (!this.queue.ended) throw err;
    });
    const lines = this.queue.lines;
    let over = -1;
    for (let i = lines.length - 1; i >= 0 && over < 0; i--) if (parseAs('GAME_OVER', lines[i])) over = i;
    if (over < 0) throw new Error(`${this.name}: the client ended without GAME_OVER. Lines:\n  ${lines.join('\n  ')}`);
    return lines.slice(over + 1).filter((l) => parseAs('RESULT', l));
  }

  /** The client's exit code. */
  exited(): Promise<number | null> {
    return this.exit;
  }

  kill(): void {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

// ---------------------------------------------------------------------------
// A player in Chromium.

/** A player in a Chromium tab of its own (its own browser context: its own storage). */
export class BrowserPlayer {
  name = '';

  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
  ) {}

  /** Types the name and presses Join; resolves when the page shows the table (or fails on an error screen). */
  async join(name: string): Promise<void> {
    this.name = name;
    await this.page.getByLabel('Name', { exact: true }).fill(name);
    await this.page.getByRole('button', { name: 'Join', exact: true }).click();
    await this.seated();
  }

  /** Resolves when the page shows the waiting room or the board; throws with the error screen's text. */
  async seated(): Promise<void> {
    const page = this.page;
    const seated = page.getByRole('heading', { name: 'Waiting for players' }).or(page.getByRole('img', { name: /^Word:/ }));
    const error = page.locator('wg-error h2');
    await expect(seated.or(error).first()).toBeVisible();
    if (await error.isVisible()) throw new Error(`${this.name} could not join: ${await error.textContent()}`);
  }

  /** Waits until the page says it is our turn. */
  async waitForTurn(): Promise<void> {
    await expect(this.page.getByText('Your turn: name a letter or the word.')).toBeVisible();
  }

  /** Clicks the letter's button; resolves once the move is settled, with what it came to. */
  async letter(x: string): Promise<Outcome> {
    const from = (await this.lines()).length;
    await this.page.getByRole('button', { name: x, exact: true }).click();
    return this.outcome(from, `letter ${x}`);
  }

  /** Types the word into "Guess the word" and presses Guess; resolves once the move is settled. */
  async word(w: string): Promise<Outcome> {
    const from = (await this.lines()).length;
    await this.page.getByLabel('Guess the word').fill(w);
    await this.page.getByRole('button', { name: 'Guess', exact: true }).click();
    return this.outcome(from, `word ${w}`);
  }

  /** Waits until the Messages log settles the move sent after log line `from`. */
  async outcome(from: number, what = 'the move'): Promise<Outcome> {
    let outcome: Outcome | undefined;
    await expect
      .poll(async () => (outcome = outcomeOf((await this.lines()).slice(from))), { message: `${this.name}: the answer to ${what}`, intervals: [10, 25, 50, 100] })
      .toBeDefined();
    return outcome!;
  }

  /** Every server line in the Messages log, as the server sent it (without the "to you" tag). */
  lines(): Promise<string[]> {
    return this.page
      .getByRole('log')
      .evaluate((log) => [...log.querySelectorAll('p')].map((p) => [...p.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('')));
  }

  /** Waits until the Messages log holds a line matching `match`; returns it. */
  async waitForLine(match: string | RegExp): Promise<string> {
    const test = matcher(match);
    let found: string | undefined;
    await expect
      .poll(async () => (found = (await this.lines()).find(test)), { message: `${this.name}: a line ${String(match)} in the log`, intervals: [10, 25, 50, 100] })
      .toBeDefined();
    return found!;
  }

  /** The players at the table and their points as the page shows them, in turn order (like SCORE, without who left). */
  async score(): Promise<Record<string, number>> {
    const rows = await this.page.getByRole('list', { name: 'Players' }).evaluate((list) =>
      [...list.querySelectorAll(':scope > li:not(.left)')].map((li) => {
        const name = [...(li.querySelector('span')?.childNodes ?? [])].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
        return [name.trim(), Number(li.querySelector('.pts')?.textContent ?? NaN)] as const;
      }),
    );
    return Object.fromEntries(rows);
  }

  /** Waits for the results screen; its rows as RESULT lines (`name points`), in turn order. */
  async results(): Promise<string[]> {
    await expect(this.page.getByRole('heading', { name: 'Game over' })).toBeVisible();
    await expect(this.page.getByRole('button', { name: 'Play again' })).toBeVisible();
    return this.page
      .getByRole('table')
      .evaluate((table) =>
        [...table.querySelectorAll('tbody tr')].map((tr) => {
          const [who, points] = tr.querySelectorAll('td');
          const name = [...who.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').replace(/^★ /, '').trim();
          return `${name} ${points.textContent!.trim()}`;
        }),
      );
  }

  /** Attaches a screenshot of the page to the test's report. */
  async screenshot(title: string): Promise<void> {
    const body = await this.page.screenshot({ fullPage: true });
    await base.info().attach(`${this.name || 'player'}: ${title}`, { body, contentType: 'image/png' });
  }

  /** Closes the tab (and its browser context). */
  async close(): Promise<void> {
    await this.context.close();
  }
}

// ---------------------------------------------------------------------------
// The servers, one pair per test.

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
  gatewayOptions: [{}, { option: true }],

  game: async ({ words, players, lang, turnSeconds, gatewayOptions }, use, testInfo) => {
    if (!existsSync(`${WEB_DIR}/index.html`)) throw new Error('The web client is not built: run the games with `npm run e2e` (it builds it), or `npm run build` first.');
    const log: string[] = [];
    const serverOptions = { host: '127.0.0.1', players, words, lang, turnSeconds, log: (l: string) => void log.push(`server: ${l}`) };
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
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('server and gateway log', { body: log.join('\n'), contentType: 'text/plain' });
  },

  browserPlayer: async ({ browser, game }, use) => {
    const opened: BrowserPlayer[] = [];
    await use(async (opts = {}) => {
      const player = await openPlayer(browser, game.url, opts);
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
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const p of players) await testInfo.attach(`${p.name} (TCP) lines`, { body: p.lines().join('\n'), contentType: 'text/plain' });
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
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const p of players) await testInfo.attach(`${p.name} (terminal) output`, { body: [...p.lines(), '--- stderr', ...p.stderr].join('\n'), contentType: 'text/plain' });
    }
  },
});

async function openPlayer(browser: Browser, url: string, opts: PlayerOptions): Promise<BrowserPlayer> {
  const context = await browser.newContext({ viewport: opts.viewport, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(url);
  return new BrowserPlayer(page, context);
}

export { expect };
