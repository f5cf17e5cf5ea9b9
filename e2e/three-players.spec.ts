import { test, expect } from './fixtures.js';

test.use({ words: ['melon'], players: 3 });

test('two browsers and the terminal client play a three-player game', async ({ browserPlayer, terminalPlayer }) => {
  const ann = await browserPlayer();
  const bob = await browserPlayer();
  const cy = terminalPlayer();
  await ann.join('Ann');
  await bob.join('Bob');
  await expect(bob.page.getByText('2 of 3 at the table: 1 more to go.')).toBeVisible();
  await cy.join('Cy');

  await ann.waitForTurn();
  expect(await ann.letter('e')).toBe('hit');
  await ann.waitForTurn();
  expect(await ann.letter('q')).toBe('miss');

  await bob.waitForTurn();
  expect(await bob.letter('z')).toBe('miss');

  // The terminal client reads its moves from stdin: one character is a letter, more a word.
  await cy.waitForTurn();
  expect(await cy.letter('m')).toBe('hit');
  expect(await cy.score()).toEqual({ Ann: 1, Bob: 0, Cy: 1 });
  await ann.waitForLine("Letter named: 'm'");
  await bob.screenshot('Cy (terminal) opened m');
  await cy.waitForTurn();
  expect(await cy.word('melon')).toBe('won');

  // 1 + 3 for the hidden letters, 5 for the word.
  const results = ['Ann 1', 'Bob 0', 'Cy 9'];
  expect(await cy.results()).toEqual(results);
  expect(await ann.results()).toEqual(results);
  expect(await bob.results()).toEqual(results);
  expect(await cy.winner()).toBe('Cy');
  expect(await ann.winner()).toBe('Cy');
  await expect(ann.page.getByText('Winner: Cy', { exact: true })).toBeVisible();
  expect(await cy.exited()).toBe(0);
  await ann.screenshot('results');
});
