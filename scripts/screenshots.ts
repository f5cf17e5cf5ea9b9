/**
 * `node --import tsx scripts/screenshots.ts`: photographs every screen of the web
 * client at 1280 px and 360 px, light and dark, into docs/screenshots/. The game
 * server is played by a script over Playwright's WebSocket routing, so each screen
 * is exactly reproducible. Run `npx vite build` first.
 */
import { mkdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import type { Page, WebSocketRoute } from '@playwright/test';
import { preview } from 'vite';

const OUT = 'docs/screenshots';

/** What the scripted server sends after the name, and what the page does next. */
interface Screen {
  readonly name: string;
  readonly lines: readonly string[];
  readonly then?: (page: Page, ws: WebSocketRoute) => Promise<void>;
  readonly close?: { code: number; reason: string };
  readonly wire?: boolean;
  /** The page's language, chosen on the join form. */
  readonly ui?: 'uk';
}

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
];

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const server = await preview({ preview: { port: 4318, strictPort: false }, logLevel: 'warn' });
  const base = server.resolvedUrls!.local[0];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [1280, 360]) {
        for (const screen of screens) {
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
  const named = new Promise<WebSocketRoute>((resolve) => {
    void page.routeWebSocket(/\/ws$/, (ws) => {
      ws.onMessage((name) => {
        if (typeof name !== 'string' || name.startsWith('/')) return;
        for (const l of screen.lines) ws.send(l);
        if (screen.close) void ws.close(screen.close);
        resolve(ws);
      });
    });
  });
  await page.goto('/');
  if (screen.ui) await page.getByLabel('Language', { exact: true }).selectOption(screen.ui);
  await page.getByLabel(screen.ui ? 'Ім’я' : 'Name').fill('Cy');
  if (screen.name !== 'join') {
    await page.getByRole('button', { name: screen.ui ? 'Приєднатися' : 'Join', exact: true }).click();
    const ws = await named;
    if (screen.then) {
      await page.getByRole('img', { name: /^Word:/ }).waitFor();
      await screen.then(page, ws);
    }
  }
  if (screen.wire) await page.getByRole('button', { name: 'Wire' }).click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: file, fullPage: true });
  process.stdout.write(`${file}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
