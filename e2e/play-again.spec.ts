import { test, expect } from './fixtures.js';

test.use({ words: ['kiwi'] });

test('"Play again" seats the players at a new table and a new game runs to the end', async ({ game, browserPlayer }) => {
  const ann = await browserPlayer();
  const bob = await browserPlayer();
  await ann.join('Ann');
  await bob.join('Bob');
  await ann.waitForTurn();
  expect(await ann.word('kiwi')).toBe('won');
  expect(await bob.results()).toEqual(['Ann 8', 'Bob 0']);

  // Bob asks first this time, so he moves first at the new table.
  await bob.page.getByRole('button', { name: 'Play again' }).click();
  await expect(bob.page.getByRole('heading', { name: 'Waiting for players' })).toBeVisible();
  expect(await ann.results()).toEqual(['Ann 8', 'Bob 0']);
  await ann.page.getByRole('button', { name: 'Play again' }).click();
  await ann.seated();

  await bob.waitForTurn();
  // A fresh board: no letter named yet, no results.
  await expect(bob.page.getByRole('img', { name: 'Word: blank blank blank blank' })).toBeVisible();
  await expect(bob.page.getByRole('button', { name: 'k', exact: true })).toBeEnabled();
  expect(await bob.letter('w')).toBe('hit');
  await bob.waitForTurn();
  expect(await bob.letter('y')).toBe('miss');
  await ann.waitForTurn();
  expect(await ann.letter('k')).toBe('hit');
  await ann.waitForTurn();
  expect(await ann.letter('i')).toBe('won');

  expect(await ann.results()).toEqual(['Bob 1', 'Ann 7']);
  expect(await bob.results()).toEqual(['Bob 1', 'Ann 7']);
  await ann.screenshot('results of the second game');
  expect(game.server().stats()).toMatchObject({ started: 2, finished: 2 });
});
