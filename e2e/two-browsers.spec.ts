import { test, expect } from './fixtures.js';

test.use({ words: ['kiwi'] });

test('two browser players play a whole game and see the same result', async ({ browserPlayer }) => {
  const ann = await browserPlayer();
  const bob = await browserPlayer();

  await ann.join('Ann');
  await expect(ann.page.getByRole('heading', { name: 'Waiting for players' })).toBeVisible();
  await ann.screenshot('waiting for a second player');
  await bob.join('Bob');

  // Join order is turn order: Ann first.
  await ann.waitForTurn();
  await expect(bob.page.getByText('Wait: it is Ann’s turn.')).toBeVisible();
  await ann.screenshot('her turn');
  expect(await ann.letter('i')).toBe('hit');
  expect(await ann.score()).toEqual({ Ann: 2, Bob: 0 });

  await ann.waitForTurn();
  expect(await ann.letter('z')).toBe('miss');

  await bob.waitForTurn();
  await expect(bob.page.getByRole('img', { name: 'Word: blank i blank i' })).toBeVisible();
  await expect(bob.page.getByRole('button', { name: 'z', exact: true })).toBeDisabled();
  await bob.screenshot('his turn, after Ann’s miss');
  expect(await bob.letter('k')).toBe('hit');
  await bob.waitForTurn();
  expect(await bob.word('kiwi')).toBe('won');

  // One point for the last hidden letter, four for the word: 1 + 1 + 4.
  expect(await bob.results()).toEqual(['Ann 2', 'Bob 6']);
  expect(await ann.results()).toEqual(['Ann 2', 'Bob 6']);
  await expect(bob.page.getByText('You won!', { exact: true })).toBeVisible();
  await expect(ann.page.getByText('Winner: Bob', { exact: true })).toBeVisible();
  expect(await bob.winner()).toBe('Bob');
  expect(await ann.winner()).toBe('Bob');
  await ann.screenshot('results');
  await bob.screenshot('results');
});
