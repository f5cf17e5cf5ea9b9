/**
 * `node --import tsx scripts/screenshots.ts`: photographs every screen of the web
 * client at 1280 px and 360 px, light and dark, into docs/screenshots/. The game
 * server is played by a script over Playwright's WebSocket routing, so each screen
 * is exactly reproducible. Run `npx vite build` first. `SCREENS=watch,join` takes
 * only those screens; `OUT=dir` writes elsewhere.
 */
import { mkdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import type { Page, WebSocketRoute } from '@playwright/test';
import { preview } from 'vite';

const OUT = process.env.OUT ?? 'docs/screenshots';

/** What the scripted server sends after the name, and what the page does next. */
interface Screen {
  readonly name: string;
  readonly lines: readonly string[];
  readonly then?: (page: Page, ws: WebSocketRoute) => Promise<void>;
  readonly close?: { code: number; reason: string };
  readonly wire?: boolean;
  /** The page's language, chosen on the join form. */
  readonly ui?: 'uk';
  /** Answers to the lobby commands the page sends before its name (`new`, `watch`, …). */
  readonly lobby?: Readonly<Record<string, readonly string[]>>;
  /** How the page sits down, instead of typing the name and pressing Join. */
  readonly start?: (page: Page) => Promise<void>;
  /** The page's address, when not `/`. */
  readonly path?: string;
  /** Photographs once this is visible (the default: the word, when `then` plays on). */
  readonly ready?: (page: Page) => Promise<void>;
}

/** A room of three with Cy, a computer player and Ann (PROTOCOL.md §8). */
const KEY = 'Your seat key: HB7K3M9Q (if you lose the connection, reconnect and type /back HB7K3M9Q)';
const roomGame = [
  'Cy joined the game',
  'At the table: Bob (bot), Ann, Cy',
  KEY,
  'The game has started!',
  'Word: ******',
  'Turn: Bob (bot)',
  'Time to move: 30 s',
  "Letter named: 'e'",
  'Word: ****e*',
  'Score: Bob (bot) 1, Ann 0, Cy 0',
  'Turn: Bob (bot)',
  'Time to move: 30 s',
  "Letter named: 'o'",
  'Word: ****e*',
  'Score: Bob (bot) 1, Ann 0, Cy 0',
  'Turn: Ann',
  'Time to move: 30 s',
  '<Ann> good luck, Cy!',
  'Ann lost the connection; the seat is kept for 60 s',
  'Turn: Cy',
  'Time to move: 30 s',
  '/turn',
];

const game = [
  'Welcome to Word Guess! Type your name and press Enter.',
  'On your turn type: /letter X (a letter) or /word WORD (the whole word).',
  'Cy joined the game',
  'The game has started!',
  'Word: ******',
  'Turn: Ann',
  "Letter named: 'e'",
  'Word: ****e*',
  'Score: Ann 1, Bob 0, Cy 0',
  'Turn: Ann',
  "Letter named: 'o'",
  'Word: ****e*',
  'Score: Ann 1, Bob 0, Cy 0',
  'Turn: Bob',
  'Word named: "planes"',
  'Word: ****e*',
  'Score: Ann 1, Bob 0, Cy 0',
  'Turn: Cy',
  '/turn',
];

const screens: Screen[] = [
  { name: 'join', lines: [] },
  { name: 'waiting', lines: ['Cy joined the game', 'Waiting for players: 2 of 3'] },
  { name: 'your-turn', lines: game },
  {
    name: 'their-turn',
    lines: game,
    wire: true,
    then: async (page, ws) => {
      await page.keyboard.press('a');
      for (const l of ['You earned points: 1', 'Word: *a**e*', 'Score: Ann 1, Bob 0, Cy 1', 'Turn: Cy', '/turn']) ws.send(l);
      await page.getByRole('button', { name: 'r', exact: true }).click();
      for (const l of ['No such letter', 'Word: *a**e*', 'Score: Ann 1, Bob 0, Cy 1', 'Turn: Ann']) ws.send(l);
    },
  },
  {
    name: 'results',
    lines: [...game.slice(0, -1), 'Cy ran out of time', 'Turn: Ann', "Letter named: 'a'", 'Word: *a**e*', 'Score: Ann 2, Bob 0, Cy 0', 'Turn: Ann'],
    then: async (_page, ws) => {
      for (const l of ['Word named: "basket"', 'Word: basket', 'Score: Ann 12, Bob 0, Cy 0', 'The game is over!', 'Ann 12', 'Bob 0', 'Cy 0', '/quit']) ws.send(l);
    },
  },
  {
    name: 'ukrainian',
    ui: 'uk',
    lines: [
      'До гри приєднався(лась) Cy',
      'Гра почалась!',
      'Слово: *****',
      'Хід Ann',
      "Названо літеру 'а'",
      'Слово: *а***',
      'Рахунок: Ann 1, Cy 0',
      'Хід Ann',
      "Названо літеру 'ї'",
      'Слово: *а***',
      'Рахунок: Ann 1, Cy 0',
      'Хід Cy',
      '/turn',
    ],
  },
  { name: 'error', lines: [], close: { code: 1013, reason: 'the game server is not reachable; try again later' } },
  {
    name: 'room-waiting',
    lobby: { new: ['Room K7M2Q is open. Friends join with: /join K7M2Q'], words: ['Words in the room: 30'] },
    start: async (page) => {
      await page.getByLabel('Seats').selectOption('3');
      await page.getByLabel('Your own words (optional)').fill('apple, pear, plum, kiwi, mango, lemon, cherry, grape, melon, peach');
      await page.getByRole('button', { name: 'Open a room' }).click();
    },
    lines: ['Cy joined the game', 'At the table: Bob (bot), Cy', KEY, 'Waiting for players: 2 of 3'],
    ready: (page) => page.getByRole('button', { name: 'Start now' }).waitFor(),
  },
  { name: 'room-playing', lines: roomGame, lobby: { join: ['Room K7M2Q: type your name to sit down'] }, path: '/?room=K7M2Q' },
  {
    name: 'room-between-games',
    lines: roomGame,
    lobby: { join: ['Room K7M2Q: type your name to sit down'] },
    path: '/?room=K7M2Q',
    then: async (_page, ws) => {
      for (const l of ['Word named: "orange"', 'Word: orange', 'Score: Bob (bot) 1, Ann 0, Cy 11', 'The game is over!', 'Bob (bot) 1', 'Ann 0', 'Cy 11', 'Room K7M2Q total: Cy 18, Bob (bot) 9, Ann 4', 'Next game in 10 s (type /leave to leave the room)']) ws.send(l);
    },
  },
  {
    name: 'reconnecting',
    lines: roomGame,
    lobby: { join: ['Room K7M2Q: type your name to sit down'] },
    path: '/?room=K7M2Q',
    close: { code: 1001, reason: 'the gateway is shutting down' },
    ready: (page) => page.getByText(/^Try [2-9]\./).waitFor(),
  },
  {
    name: 'watch',
    path: '/?watch=K7M2Q',
    lobby: {
      watch: [
        'You are watching room K7M2Q',
        'At the table: Bob (bot), Ann, Cy',
        'Word: *a**e*',
        'Letters named: e, o, a',
        'Score: Bob (bot) 1, Ann 1, Cy 0',
        'Turn: Cy',
        'Time to move: 24 s',
        '<Ann> nice one',
        '<Cy> thinking…',
      ],
    },
    lines: [],
    ready: (page) => page.getByRole('timer').first().waitFor(),
  },
];

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const server = await preview({ preview: { port: 4318, strictPort: false }, logLevel: 'warn' });
  const base = server.resolvedUrls!.local[0];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [1280, 360]) {
        for (const screen of screens.filter((sc) => !process.env.SCREENS || process.env.SCREENS.split(',').includes(sc.name))) {
          const context = await browser.newContext({ baseURL: base, colorScheme: scheme, viewport: { width, height: width > 400 ? 800 : 740 } });
          const page = await context.newPage();
          await shoot(page, screen, `${OUT}/${screen.name}-${width}-${scheme}.png`);
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

/** Loads the page, joins as Cy against the scripted server, plays on, photographs. */
async function shoot(page: Page, screen: Screen, file: string): Promise<void> {
  let resolve: (ws: WebSocketRoute) => void = () => {};
  const named = new Promise<WebSocketRoute>((r) => (resolve = r));
  // Routed before the page loads: a watching page opens its socket at once.
  await page.routeWebSocket(/\/ws$/, (ws) => {
    ws.onMessage((line) => {
      if (typeof line !== 'string') return;
      if (line.startsWith('/')) {
        const command = line.slice(1).split(' ')[0];
        for (const l of screen.lobby?.[command] ?? []) ws.send(l);
        if (command === 'watch') resolve(ws); // no name follows
        return;
      }
      for (const l of screen.lines) ws.send(l);
      if (screen.close) void ws.close(screen.close);
      resolve(ws);
    });
  });
  await page.goto(screen.path ?? '/');
  if (screen.path?.includes('watch')) await named;
  else {
    if (screen.ui) await page.getByLabel('Language', { exact: true }).selectOption(screen.ui);
    await page.getByLabel(screen.ui ? 'Ім’я' : 'Name', { exact: true }).fill('Cy');
  }
  if (screen.name !== 'join' && !screen.path?.includes('watch')) {
    if (screen.start) await screen.start(page);
    else await page.getByRole('button', { name: screen.ui ? 'Приєднатися' : 'Join', exact: true }).click();
    const ws = await named;
    if (screen.then) {
      await page.getByRole('img', { name: /^Word:/ }).waitFor();
      await screen.then(page, ws);
    }
  }
  await screen.ready?.(page);
  if (screen.wire) await page.getByRole('button', { name: 'Wire' }).click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: file, fullPage: true });
  process.stdout.write(`${file}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
