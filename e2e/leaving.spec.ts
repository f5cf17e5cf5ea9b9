import { test, expect } from './fixtures.js';

// A seat kept for no time: the player who closes the tab leaves at once (PROTOCOL.md §4, --seat-grace 0).
test.use({ words: ['kiwi'], players: 3, seatGraceSeconds: 0 });

test('a player closes the tab in their turn; the others play on to a normal end', async ({ browserPlayer, tcpPlayer }) => {
  const ann = await browserPlayer();
  const bob = await browserPlayer();
  const cy = await tcpPlayer();
  await ann.join('Ann');
  await bob.join('Bob');
  await cy.join('Cy');

  await ann.waitForTurn();
  await ann.close();

  // The turn passes at once to the next player.
  await cy.waitForLine('Ann left the game');
  await bob.waitForTurn();
  await bob.waitForLine('Ann left the game');
  await expect(bob.page.getByRole('list', { name: 'Players' }).getByText('(left)')).toBeVisible();
  await bob.screenshot('Ann left in her turn');
  expect(await bob.letter('k')).toBe('hit');
  expect(await bob.score()).toEqual({ Bob: 1, Cy: 0 });
  await bob.waitForTurn();
  expect(await bob.letter('x')).toBe('miss');

  await cy.waitForTurn();
  expect(await cy.score()).toEqual({ Bob: 1, Cy: 0 });
  expect(await cy.letter('w')).toBe('hit');
  await cy.waitForTurn();
  expect(await cy.letter('i')).toBe('won');

  // Who left is not in the results.
  expect(await cy.results()).toEqual(['Bob 1', 'Cy 7']);
  expect(await bob.results()).toEqual(['Bob 1', 'Cy 7']);
  await bob.screenshot('results');
});
