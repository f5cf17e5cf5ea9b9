/** What the page remembers between visits, and the title and language it gives the document. */
import { test, expect } from './fixtures.js';

test('the language and the name chosen are remembered across a reload, and name the document', async ({ browserPlayer, tcpPlayer }) => {
  const ann = await browserPlayer();
  const page = ann.page;
  await expect(page).toHaveTitle('Word Guess');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

  await page.getByLabel('Language', { exact: true }).selectOption('uk');
  await expect(page).toHaveTitle('Вгадай слово');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('uk');
  await page.getByLabel('Ім’я', { exact: true }).fill('Ann');
  await page.getByRole('button', { name: 'Приєднатися' }).click();
  const bob = await tcpPlayer();
  await bob.join('Bob');
  await bob.waitForLine(/^Turn: (Ann|Bob)$/); // Ann's click and Bob's connect race: either may move first

  // A reload in the game takes the seat back (PROTOCOL.md §8.4), in the language chosen.
  await page.reload();
  await expect(page).toHaveTitle('Вгадай слово');
  await expect(page.getByText('Ви: Ann')).toBeVisible();
  await expect(page.getByRole('img', { name: /^Слово:/ })).toBeVisible();

  // A new tab has no seat: its join form has the name and the language remembered.
  const tab = await ann.context.newPage();
  await tab.goto(page.url().split('?')[0]);
  await expect(tab).toHaveTitle('Вгадай слово');
  await expect(tab.getByLabel('Ім’я', { exact: true })).toHaveValue('Ann');
  await expect(tab.getByLabel('Мова', { exact: true })).toHaveValue('uk');
});
