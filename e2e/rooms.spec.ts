import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { joinFromLink, nthLine, openRoom, roomResults, tcpJoinRoom } from './rooms.js';

test.use({ words: ['kiwi'] });

test('a browser opens a room, a second joins from its link, a TCP player by its code; two games in a row with the total on both pages', async ({
  browserPlayer,
  tcpPlayer,
}) => {
  const ann = await browserPlayer();
  const bob = await browserPlayer();
  const cy = await tcpPlayer();

  const room = await openRoom(ann, 'Ann', { seats: 3, pause: 5 });
  expect(room.code).toMatch(/^[2-9A-HJ-NP-Z]{5}$/);
  expect(room.link).toBe(`${new URL(ann.page.url()).origin}/?room=${room.code}`);
  expect(ann.page.url()).toContain(`?room=${room.code}`);
  await ann.screenshot('the room is open');

  await joinFromLink(bob, room.link, 'Bob');
  await expect(ann.page.getByText('1 of 3 seats free')).toBeVisible();
  await tcpJoinRoom(cy, room.code, 'Cy');
  await cy.waitForLine('At the table: Ann, Bob, Cy');

  // Game 1: Ann, who opened the room, moves first.
  await ann.waitForTurn();
  expect(await ann.word('kiwi')).toBe('won');
  const first = await roomResults(ann);
  expect(first.results).toEqual(['Ann 8', 'Bob 0', 'Cy 0']);
  expect(first.total[0]).toBe('Ann 8');
  expect((await roomResults(bob)).total[0]).toBe('Ann 8');
  await expect(ann.page.getByText(/^Next game in \d+ s$/)).toBeVisible();
  await ann.screenshot('between games');
  expect(await nthLine(cy, 'ROOM_TOTAL', 1)).toMatch(new RegExp(`^Room ${room.code} total: Ann 8, `));
  await nthLine(cy, 'NEXT_GAME', 1);
  expect((await cy.lines())).not.toContain('/quit');

  // Game 2 on the same connections; the first turn goes round to Bob.
  await bob.waitForTurn();
  expect(await nthLine(cy, 'TURN_OF', 2)).not.toBe('Turn: Ann');
  expect(await bob.word('kiwi')).toBe('won');
  for (const page of [ann, bob]) {
    await expect(page.page.locator('wg-between')).toContainText('after 2 games');
    expect((await roomResults(page)).total).toEqual(['Ann 8', 'Bob 8', 'Cy 0']);
  }
  expect(await nthLine(cy, 'ROOM_TOTAL', 2)).toBe(`Room ${room.code} total: Ann 8, Bob 8, Cy 0`);
  await bob.screenshot('the total after two games');
});

test('a room with a pasted word list plays one of those words', async ({ browserPlayer, tcpPlayer }) => {
  const ann = await browserPlayer();
  const bob = await tcpPlayer();
  // The server's own list is `kiwi`: four letters. The room's words have six.
  const room = await openRoom(ann, 'Ann', { seats: 2, words: 'banana, cherry\nBanana c4t' });
  await expect(ann.page.getByRole('log', { name: 'Messages' })).toContainText('Words in the room: 2');
  await tcpJoinRoom(bob, room.code, 'Bob');

  const mask = await bob.waitForLine(/^Word: /);
  expect(mask).toBe('Word: ******');
  await ann.waitForTurn();
  // `a` is in banana, not in cherry: the answer says which word it is.
  const a = await ann.letter('a');
  const word = a === 'hit' ? 'banana' : 'cherry';
  if (a === 'hit') {
    await ann.waitForTurn();
    expect(await ann.word(word)).toBe('won');
  } else {
    await bob.waitForTurn();
    expect(await bob.word(word)).toBe('won');
  }
  await bob.waitForLine(`Word: ${word}`);
  await expect(ann.page.getByRole('img', { name: `Word: ${[...word].join(' ')}` })).toBeVisible();
});

test('at 360 px a room works: the setup, the code with Copy, Start now and the chat are on screen; the page never scrolls sideways', async ({ browserPlayer }) => {
  const ann = await browserPlayer({ viewport: { width: 360, height: 740 } });
  const page = ann.page;
  const fits = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const onScreen = async (...controls: Locator[]) => {
    for (const control of controls) {
      await expect(control).toBeVisible();
      const box = (await control.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, String(control)).toBeLessThanOrEqual(360);
    }
  };
  await onScreen(page.getByLabel('Seats'), page.getByLabel('Your own words (optional)'), page.getByRole('button', { name: 'Open a room' }), page.getByRole('button', { name: 'Play with the computer' }));
  await fits();
  await openRoom(ann, 'Ann', { seats: 3, words: 'apple pear plum' });
  await onScreen(page.getByRole('button', { name: 'Copy link' }), page.getByRole('button', { name: 'Start now' }), page.getByRole('button', { name: 'Add a computer player' }), page.getByRole('textbox', { name: 'Message' }));
  await fits();
  // Start now with the players present: a game for one.
  await page.getByRole('button', { name: 'Start now' }).click();
  await ann.waitForTurn();
  await onScreen(page.getByRole('button', { name: 'Guess', exact: true }));
  await fits();
  await ann.screenshot('a room at 360 px');
});

test('in Ukrainian: a room with its own word, the total and the pause between games in the page’s language', async ({ browserPlayer, tcpPlayer }) => {
  const ann = await browserPlayer();
  const bob = await tcpPlayer();
  const page = ann.page;
  ann.name = 'Ann';
  await page.getByLabel('Language', { exact: true }).selectOption('uk');
  await page.getByLabel('Ім’я', { exact: true }).fill('Ann');
  await page.getByLabel('Мова кімнати').selectOption('uk');
  await page.getByLabel('Власні слова (необов’язково)').fill('лапа');
  await page.getByRole('button', { name: 'Відкрити кімнату' }).click();
  await expect(page.getByRole('button', { name: 'Почати зараз' })).toBeVisible();
  const code = (await page.locator('wg-room-code .code').textContent())!.trim();

  await tcpJoinRoom(bob, code, 'Bob');
  await bob.waitForLine('Слово: ****');
  await expect(page.getByText('Ваш хід: назвіть літеру або слово.')).toBeVisible();
  await page.getByLabel('Вгадати слово').fill('лапа');
  await page.getByRole('button', { name: 'Назвати', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Гру закінчено' })).toBeVisible();
  await expect(page.locator('wg-results').getByText('Ви виграли!', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Разом у кімнаті/ })).toBeVisible();
  await expect(page.locator('wg-between tbody tr').first()).toContainText('Ann');
  await expect(page.getByText(/^Наступна гра за \d+ с$/)).toBeVisible();
  await bob.waitForLine(`Разом у кімнаті ${code}: Ann 8, Bob 0`);
  await ann.screenshot('a room in Ukrainian, between games');
});
