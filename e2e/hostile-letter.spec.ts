/**
 * One hostile letter must not take the keyboard away: a raw TCP player names a
 * Cyrillic letter in an English game, and the browser player's keyboard stays English.
 */
import { test, expect } from './fixtures.js';

test.use({ words: ['kiwi'] });

test('a TCP player naming `ж` in an English game leaves the page’s keyboard English, and typed letters are still sent as letters', async ({ browserPlayer, tcpPlayer }) => {
  const bob = await tcpPlayer();
  const ann = await browserPlayer();
  await bob.join('Bob'); // Bob moves first
  await ann.join('Ann');

  await bob.waitForTurn();
  expect(await bob.letter('ж')).toBe('miss');
  await ann.waitForLine("Letter named: 'ж'");

  // The on-screen keys are still the English alphabet; `ж` is no key.
  await ann.waitForTurn();
  const page = ann.page;
  const keys = page.getByRole('group', { name: 'Letters' }).getByRole('button');
  await expect(keys).toHaveText([...'abcdefghijklmnopqrstuvwxyz']);
  await ann.screenshot('after Bob named ж: the English keys');

  // A letter typed on the physical keyboard is sent as /letter.
  let from = (await ann.lines()).length;
  await page.keyboard.press('i');
  expect(await ann.outcome(from, 'typed i')).toBe('hit');

  // So is a letter of another alphabet (a Ukrainian layout's key, as Chromium gets it;
  // Playwright's own keyboard knows only the US layout): a letter, never a word.
  await ann.waitForTurn();
  from = (await ann.lines()).length;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'ї', text: 'ї', code: 'BracketRight' });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'ї', code: 'BracketRight' });
  expect(await ann.outcome(from, 'typed ї')).toBe('miss');
  await bob.waitForLine("Letter named: 'ї'");
  expect(await ann.score()).toEqual({ Bob: 0, Ann: 2 });

  // One letter in the word field is a letter too: a miss, not a wrong word that burns the points.
  await bob.waitForTurn();
  expect(await bob.letter('q')).toBe('miss');
  await ann.waitForTurn();
  from = (await ann.lines()).length;
  await page.getByLabel('Guess the word').fill('z');
  await page.getByRole('button', { name: 'Guess', exact: true }).click();
  expect(await ann.outcome(from, 'z in the word field')).toBe('miss');
  await bob.waitForLine("Letter named: 'z'");
  expect(await ann.score()).toEqual({ Bob: 0, Ann: 2 });
  await expect(keys).toHaveText([...'abcdefghijklmnopqrstuvwxyz']);

  await bob.waitForTurn();
  expect(await bob.word('kiwi')).toBe('won');
  expect(await ann.results()).toEqual(['Bob 6', 'Ann 2']);
});
