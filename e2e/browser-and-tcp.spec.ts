import { test, expect } from './fixtures.js';

test.use({ words: ['banana'] });

test('a browser and a raw TCP player share a table: moves, turns and results cross transports', async ({ browserPlayer, tcpPlayer }) => {
  const ann = await browserPlayer();
  const bob = await tcpPlayer();
  await ann.join('Ann');
  await bob.join('Bob');

  // Turn order is join order, whatever the transport.
  await bob.waitForLine('Turn: Ann');
  await ann.waitForTurn();
  expect(await ann.letter('a')).toBe('hit');
  // Bob has not moved, yet his view of the score is up to date.
  await bob.waitForScore({ Ann: 3, Bob: 0 });
  await bob.waitForLine("Letter named: 'a'");
  await bob.waitForLine('Word: *a*a*a');

  await ann.waitForTurn();
  expect(await ann.letter('x')).toBe('miss');
  await bob.waitForLine("Letter named: 'x'");

  // The turn crosses to TCP; the page shows it.
  await bob.waitForTurn();
  await expect(ann.page.getByText('Wait: it is Bob’s turn.')).toBeVisible();
  expect(await bob.score()).toEqual({ Ann: 3, Bob: 0 });
  expect(await bob.letter('n')).toBe('hit');
  await ann.waitForLine("Letter named: 'n'");
  await expect(ann.page.getByRole('img', { name: 'Word: blank a n a n a' })).toBeVisible();
  await expect(ann.page.getByText('Bob named the letter “n”: it is there: +2')).toBeVisible();
  await ann.screenshot('Bob (TCP) opened n');

  await bob.waitForTurn();
  expect(await bob.letter('b')).toBe('won');

  // 2 + 1 points for letters, 6 for the word. Both get the same RESULT lines.
  expect(await bob.results()).toEqual(['Ann 3', 'Bob 9']);
  expect(await ann.results()).toEqual(['Ann 3', 'Bob 9']);
  expect(await bob.winner()).toBe('Bob');
  expect(await ann.winner()).toBe('Bob');
  const tail = ['The game is over!', 'Ann 3', 'Bob 9', '/quit'];
  expect((await bob.lines()).slice(-4)).toEqual(tail);
  expect((await ann.lines()).slice(-4)).toEqual(tail);
  await bob.closed();
  await ann.screenshot('results');
});
