/** The rules that win or cost points, played across a browser and a raw TCP player. */
import { test, expect } from './fixtures.js';

test.use({ words: ['banana'] });

test('a wrong word burns the points and passes the turn', async ({ browserPlayer, tcpPlayer }) => {
  const ann = await browserPlayer();
  const bob = await tcpPlayer();
  await ann.join('Ann');
  await bob.join('Bob');

  await ann.waitForTurn();
  expect(await ann.letter('a')).toBe('hit');
  expect(await ann.score()).toEqual({ Ann: 3, Bob: 0 });
  await ann.waitForTurn();
  expect(await ann.word('bandana')).toBe('burned');
  expect(await ann.score()).toEqual({ Ann: 0, Bob: 0 });
  await expect(ann.page.getByText('Ann named the word “bandana”: wrong: points burned (3 points burned)')).toBeVisible();
  await ann.screenshot('points burned');

  await bob.waitForLine('Word named: "bandana"');
  await bob.waitForTurn();
  expect(await bob.score()).toEqual({ Ann: 0, Bob: 0 });
  expect(await bob.word('BANANA')).toBe('won');
  // Three hidden letters, six for the word.
  expect(await bob.results()).toEqual(['Ann 0', 'Bob 9']);
  expect(await ann.results()).toEqual(['Ann 0', 'Bob 9']);
  expect(await ann.winner()).toBe('Bob');
});

test('naming an open letter keeps the turn, at no cost', async ({ browserPlayer, tcpPlayer }) => {
  const ann = await browserPlayer();
  const bob = await tcpPlayer();
  await ann.join('Ann');
  await bob.join('Bob');

  await ann.waitForTurn();
  expect(await ann.letter('q')).toBe('miss');

  await bob.waitForTurn();
  expect(await bob.letter('n')).toBe('hit');
  await bob.waitForTurn();
  // Letters compare case-insensitively: N is the open n.
  expect(await bob.letter('N')).toBe('already');
  await bob.waitForTurn();
  expect((await bob.lines()).slice(-3)).toEqual(['That letter is already open', 'Turn: Bob', '/turn']);
  // The page does not offer an open letter again.
  await expect(ann.page.getByRole('button', { name: 'n', exact: true })).toBeDisabled();
  await expect(ann.page.getByText('Wait: it is Bob’s turn.')).toBeVisible();
  // Bob keeps his 2 points: the next hit adds to them.
  expect(await bob.letter('a')).toBe('hit');
  expect(await bob.score()).toEqual({ Ann: 0, Bob: 5 });
  await bob.waitForTurn();
  expect(await bob.letter('b')).toBe('won');
  expect(await ann.results()).toEqual(['Ann 0', 'Bob 12']);
});

test('a hit keeps the turn until the word is open', async ({ browserPlayer, tcpPlayer }) => {
  const ann = await browserPlayer();
  const bob = await tcpPlayer();
  await ann.join('Ann');
  await bob.join('Bob');

  for (const [letter, score] of [['a', 3], ['n', 5]] as const) {
    await ann.waitForTurn();
    expect(await ann.letter(letter)).toBe('hit');
    expect(await ann.score()).toEqual({ Ann: score, Bob: 0 });
  }
  await ann.waitForTurn();
  await ann.screenshot('still her turn after two hits');
  expect(await ann.letter('b')).toBe('won');
  expect(await ann.results()).toEqual(['Ann 12', 'Bob 0']);
  expect(await bob.results()).toEqual(['Ann 12', 'Bob 0']);
  // Bob never had a turn.
  expect(await bob.lines()).not.toContain('/turn');
  expect((await bob.lines()).filter((l) => l.startsWith('Turn: '))).toEqual(['Turn: Ann', 'Turn: Ann', 'Turn: Ann']);
});
