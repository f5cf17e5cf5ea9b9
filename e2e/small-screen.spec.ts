import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.js';

test.use({ words: ['banana'] });

const WIDTH = 360;

/** Nothing is wider than the screen: no sideways scrolling. */
async function fitsWidth(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
}

/** Every control is whole within the screen's width (scrolling down is fine). */
async function onScreen(...controls: Locator[]): Promise<void> {
  for (const control of controls) {
    for (const one of await control.all()) {
      await expect(one).toBeVisible();
      const box = (await one.boundingBox())!;
      expect(box.x, String(one)).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, String(one)).toBeLessThanOrEqual(WIDTH);
      expect(box.width, String(one)).toBeGreaterThanOrEqual(24); // big enough to tap
    }
  }
}

test('at 360 px wide the game is playable: every control is on screen', async ({ browserPlayer, tcpPlayer }) => {
  const ann = await browserPlayer({ viewport: { width: WIDTH, height: 740 } });
  const bob = await tcpPlayer();
  const page = ann.page;

  await onScreen(page.getByLabel('Name', { exact: true }), page.getByRole('button', { name: 'Join' }));
  await fitsWidth(page);
  await ann.join('Ann');
  await bob.join('Bob');

  await ann.waitForTurn();
  const letters = page.getByRole('group', { name: 'Letters' }).getByRole('button');
  expect(await letters.count()).toBe(26);
  await onScreen(letters, page.getByLabel('Guess the word'), page.getByRole('button', { name: 'Guess', exact: true }), page.getByRole('img', { name: /^Word:/ }));
  await fitsWidth(page);
  await ann.screenshot('her turn at 360 px');
  expect(await ann.letter('a')).toBe('hit');
  await ann.waitForTurn();
  expect(await ann.letter('e')).toBe('miss');

  await bob.waitForTurn();
  expect(await bob.letter('n')).toBe('hit');
  await bob.waitForTurn();
  expect(await bob.letter('u')).toBe('miss');

  await ann.waitForTurn();
  await onScreen(page.getByText('Bob named the letter “u”: not in the word'));
  expect(await ann.word('banana')).toBe('won');
  expect(await ann.results()).toEqual(['Ann 10', 'Bob 2']);
  await onScreen(page.getByRole('table'), page.getByRole('button', { name: 'Play again' }));
  await fitsWidth(page);
  await ann.screenshot('results at 360 px');
});
