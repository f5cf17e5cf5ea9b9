import { test, expect } from './fixtures.js';

test.use({ words: ['kiwi'] });

test('the game server goes down while the gateway stays up: the page says so and recovers on retry', async ({ game, browserPlayer, tcpPlayer }) => {
  const ann = await browserPlayer();
  const bob = await tcpPlayer();
  await ann.join('Ann');
  await bob.join('Bob');
  await ann.waitForTurn();

  // The server stops mid-game: it tells everyone, then closes.
  await game.stop();
  await bob.waitForLine('The server is stopping. Goodbye!');
  await expect(ann.page.getByRole('heading', { name: 'The connection was lost.' })).toBeVisible();
  await expect(ann.page.getByText('The server is stopping. Goodbye!', { exact: true }).first()).toBeVisible();
  await ann.screenshot('the server stopped');

  // Retrying while it is down: the gateway answers 1013 with its reason.
  await ann.page.getByRole('button', { name: 'Reconnect' }).click();
  await expect(ann.page.getByRole('heading', { name: 'The game server is unavailable.' })).toBeVisible();
  await expect(ann.page.getByText('close code 1013')).toBeVisible();
  await expect(ann.page.getByText('the game server is not reachable; try again later')).toBeVisible();
  await ann.screenshot('the server is down');

  // It comes back on the same port; the same button seats her at a new table.
  await game.start();
  await ann.page.getByRole('button', { name: 'Reconnect' }).click();
  await ann.seated();
  const cy = await tcpPlayer();
  await cy.join('Cy');
  await ann.waitForTurn();
  expect(await ann.word('kiwi')).toBe('won');
  expect(await ann.results()).toEqual(['Ann 8', 'Cy 0']);
  expect(await cy.results()).toEqual(['Ann 8', 'Cy 0']);
  await ann.screenshot('a whole game after the server came back');
});
