import { test, expect } from './fixtures.js';
import { roomResults } from './rooms.js';

test.use({ words: ['kiwi'] });

test('one browser plays a whole game against the computer', async ({ browserPlayer }) => {
  const ann = await browserPlayer();
  const page = ann.page;
  ann.name = 'Ann';
  await page.getByLabel('Name', { exact: true }).fill('Ann');
  await page.getByLabel('Level').selectOption('easy');
  await page.getByRole('button', { name: 'Play with the computer' }).click();

  // A computer player sits down at once and the game starts: Ann first.
  await ann.waitForTurn();
  const players = page.getByRole('list', { name: 'Players' });
  await expect(players.getByRole('listitem')).toHaveCount(2);
  await expect(players.getByRole('listitem').nth(1)).toContainText('(computer)');
  await ann.screenshot('against the computer');

  // Ann misses; the computer moves by itself; then either it named the word or Ann does.
  expect(await ann.letter('z')).toBe('miss');
  await ann.waitForLine(/^Turn: .+ \(bot\)$/);
  const over = page.getByRole('heading', { name: 'Game over' });
  await expect(page.getByText('Your turn: name a letter or the word.').or(over).first()).toBeVisible({ timeout: 20_000 });
  if (!(await over.isVisible())) expect(await ann.word('kiwi')).toBe('won');
  const { results, total } = await roomResults(ann);
  expect(results).toHaveLength(2);
  expect(results[1]).toMatch(/ \(bot\) \d+$/);
  expect(total.some((r) => r.startsWith('Ann '))).toBe(true);
  await ann.screenshot('the game against the computer is over');
});
