import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.js';

test.use({ words: ['kiwi'] });

/** Is this element the one with the focus, looking through shadow roots? */
function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === el;
  });
}

/** Presses Tab until `target` has the focus (at most `limit` times). */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

test('keyboard only: join, a letter typed, a letter button, the word, and Play again without the mouse', async ({ browserPlayer, tcpPlayer }) => {
  const ann = await browserPlayer();
  const bob = await tcpPlayer();
  const page = ann.page;
  ann.name = 'Ann';

  // The name field has the focus when the page opens; Enter joins.
  expect(await hasFocus(page.getByLabel('Name', { exact: true }))).toBe(true);
  await page.keyboard.type('Ann');
  await page.keyboard.press('Enter');
  await ann.seated();
  await bob.join('Bob');

  // Typing a letter names it.
  await ann.waitForTurn();
  let from = (await ann.lines()).length;
  await page.keyboard.press('i');
  expect(await ann.outcome(from, 'typed i')).toBe('hit');

  // Tab reaches the letter buttons; Enter presses one.
  await ann.waitForTurn();
  const k = page.getByRole('button', { name: 'k', exact: true });
  await tabTo(page, k);
  from = (await ann.lines()).length;
  await page.keyboard.press('Enter');
  expect(await ann.outcome(from, 'the k button')).toBe('hit');

  // Tab reaches the word field; Enter guesses.
  await ann.waitForTurn();
  const field = page.getByLabel('Guess the word');
  await tabTo(page, field);
  await page.keyboard.type('kiwi');
  await ann.screenshot('the word typed, not yet sent');
  from = (await ann.lines()).length;
  await page.keyboard.press('Enter');
  expect(await ann.outcome(from, 'the word')).toBe('won');
  expect(await ann.results()).toEqual(['Ann 8', 'Bob 0']);

  // Play again has the focus on the results screen.
  expect(await hasFocus(page.getByRole('button', { name: 'Play again' }))).toBe(true);
  await page.keyboard.press('Enter');
  await ann.seated();
  await expect(page.getByRole('heading', { name: 'Waiting for players' })).toBeVisible();
});

test('keyboard only in a room: open it with its settings, Start now, chat, and leave', async ({ browserPlayer }) => {
  const ann = await browserPlayer();
  const page = ann.page;
  ann.name = 'Ann';
  await page.keyboard.type('Ann');

  await tabTo(page, page.getByLabel('Seats'));
  await page.keyboard.press('ArrowDown'); // 2 → 3 seats
  await tabTo(page, page.getByLabel('Your own words (optional)'));
  await page.keyboard.type('kiwi plum');
  await tabTo(page, page.getByRole('button', { name: 'Open a room' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('2 of 3 seats free')).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Copy link' }));
  await tabTo(page, page.getByRole('textbox', { name: 'Message' }));
  await page.keyboard.type('ready when you are');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('log', { name: 'Chat' })).toContainText('Ann: ready when you are');

  await tabTo(page, page.getByRole('button', { name: 'Start now' }));
  await page.keyboard.press('Enter');
  await ann.waitForTurn();
  await tabTo(page, page.getByLabel('Guess the word'));
  // The word is one of the room's two: a wrong guess burns and the turn comes back (a game for one).
  const from = (await ann.lines()).length;
  await page.keyboard.type('kiwi');
  await page.keyboard.press('Enter');
  if ((await ann.outcome(from)) !== 'won') {
    await ann.waitForTurn();
    await tabTo(page, page.getByLabel('Guess the word'));
    await page.keyboard.type('plum');
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { name: 'Game over' })).toBeVisible();
  await tabTo(page, page.locator('wg-between').getByRole('button', { name: 'Leave' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Join a table' })).toBeVisible();
});
