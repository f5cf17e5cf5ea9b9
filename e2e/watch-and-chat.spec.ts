import { test, expect } from './fixtures.js';
import { chatLines, openRoom, say, tcpJoinRoom } from './rooms.js';

test.use({ words: ['banana'] });

test('chat between a browser and a telnet player; the projector view in a second browser; the clock counts down', async ({ browserPlayer, tcpPlayer }) => {
  const ann = await browserPlayer();
  const bob = await tcpPlayer();
  const room = await openRoom(ann, 'Ann', { seats: 2, turn: 60 });
  await tcpJoinRoom(bob, room.code, 'Bob');

  // The projector: the room's watch link in another browser; no name asked, no controls.
  const projector = await browserPlayer({ viewport: { width: 1280, height: 720 } });
  await projector.page.goto(room.link.replace('?room=', '?watch='));
  const view = projector.page.locator('wg-watch');
  await expect(projector.page.getByRole('heading', { name: `Room ${room.code}` })).toBeVisible();
  await expect(view.getByRole('img', { name: 'Word: blank blank blank blank blank blank' })).toBeVisible();

  // Chat both ways; text is shown as text.
  await say(ann, 'hello Bob & all');
  await bob.waitForLine('<Ann> hello Bob & all');
  bob.send('/say hi Ann <b>bold</b>');
  // The server may take `<` and `>` out (they are cleaned from names); whatever is left is text, never markup.
  await expect.poll(() => chatLines(ann)).toEqual(['Ann: hello Bob & all', expect.stringMatching(/^Bob: hi Ann <?b>?bold<?\/?b?>?$/)]);
  await expect(view.getByRole('log', { name: 'Chat' })).toContainText('Ann: hello Bob & all');
  await expect(ann.page.locator('wg-chat b')).toHaveCount(0);

  // The clock: shown to everyone, counting down.
  await ann.waitForTurn();
  const clock = ann.page.getByRole('timer', { name: 'Time to move' });
  await expect(clock).toBeVisible();
  const first = Number((await clock.locator('.n').textContent())!.trim());
  expect(first).toBeGreaterThan(50);
  await expect.poll(async () => Number((await clock.locator('.n').textContent())!.trim()), { timeout: 5000 }).toBeLessThan(first);
  await expect(view.getByRole('timer', { name: 'Time to move' })).toBeVisible();

  expect(await ann.letter('a')).toBe('hit');
  await expect(view.getByRole('img', { name: 'Word: blank a blank a blank a' })).toBeVisible();
  await expect(view.getByRole('listitem').filter({ hasText: 'Ann named the letter “a”' })).toBeVisible();
  await expect(view.getByRole('list', { name: 'Players' })).toContainText('Ann');
  await expect(view.getByRole('button')).toHaveCount(0);
  await expect(view.getByRole('textbox')).toHaveCount(0);
  await projector.screenshot('the projector view');
  await ann.screenshot('chat and the clock');
});
