import type { Page } from '@playwright/test';
import { createGateway } from '../gateway/gateway.js';
import { parseAs } from '../protocol/catalog.js';
import { WEB_DIR, test, expect } from './fixtures.js';
import { openRoom, joinFromLink, roomResults, tcpJoinRoom } from './rooms.js';

test.use({ words: ['kiwi'] });

/** The points a page shows for a player in the scoreboard. */
function pointsOf(page: Page, name: string) {
  return page.getByRole('list', { name: 'Players' }).getByRole('listitem').filter({ hasText: name }).locator('.pts');
}

test('a reload mid-game keeps the seat and the points; the TCP player sees AWAY then BACK, never a second JOINED', async ({ browserPlayer, tcpPlayer }) => {
  const ann = await browserPlayer();
  const bob = await tcpPlayer();
  const room = await openRoom(ann, 'Ann', { seats: 2 });
  await tcpJoinRoom(bob, room.code, 'Bob');

  await ann.waitForTurn();
  expect(await ann.letter('i')).toBe('hit');
  await expect(pointsOf(ann.page, 'Ann')).toHaveText('2');

  await ann.page.reload();
  // No name asked: the page takes its seat back with the key it kept in the tab.
  await expect(ann.page.getByRole('img', { name: 'Word: blank i blank i' })).toBeVisible();
  await expect(pointsOf(ann.page, 'Ann')).toHaveText('2');
  await expect(ann.page.getByText('You: Ann')).toBeVisible();
  await bob.waitForLine(/^Ann lost the connection; the seat is kept for \d+ s$/);
  await bob.waitForLine('Ann is back');
  const away = (await bob.lines()).findIndex((l) => l.startsWith('Ann lost the connection'));
  expect((await bob.lines()).indexOf('Ann is back')).toBeGreaterThan(away);
  // Ann sat down before Bob: he never sees her join, not even now.
  expect((await bob.lines()).filter((l) => / joined the game$/.test(l))).toEqual(['Bob joined the game']);
  await ann.screenshot('back after a reload');

  // Her turn passed when she dropped: Bob moves, then she wins with her points kept.
  await bob.waitForTurn();
  expect(await bob.letter('z')).toBe('miss');
  await ann.waitForTurn();
  expect(await ann.word('kiwi')).toBe('won');
  expect((await roomResults(ann)).results).toEqual(['Ann 8', 'Bob 0']);
});

test('a second tab that takes the seat leaves the first saying so; Play here takes it back', async ({ browserPlayer, tcpPlayer }) => {
  const ann = await browserPlayer();
  const bob = await tcpPlayer();
  const room = await openRoom(ann, 'Ann', { seats: 2 });
  await tcpJoinRoom(bob, room.code, 'Bob');
  await ann.waitForTurn();

  // A duplicated tab carries the tab's storage along: here, copied by hand.
  const seat = await ann.page.evaluate(() => sessionStorage.getItem('wg.seat'));
  expect(seat).toContain('"name":"Ann"');
  const second = await ann.context.newPage();
  await second.addInitScript((value) => sessionStorage.setItem('wg.seat', value), seat!);
  await second.goto(room.link);
  await expect(second.getByRole('img', { name: 'Word: blank blank blank blank' })).toBeVisible();
  await expect(ann.page.getByText('Your seat is now played in another tab or window.')).toBeVisible();
  await ann.screenshot('the seat went to another tab');
  expect((await bob.lines()).filter((l) => / joined the game$/.test(l))).toEqual(['Bob joined the game']);

  await ann.page.getByRole('button', { name: 'Play here' }).click();
  await expect(second.getByText('Your seat is now played in another tab or window.')).toBeVisible();
  await expect(ann.page.getByRole('img', { name: /^Word:/ })).toBeVisible();
});

test('the gateway restarts mid-game: each browser comes back to its seat with its points', async ({ game, browserPlayer, tcpPlayer }) => {
  const ann = await browserPlayer();
  const bob = await browserPlayer();
  const cy = await tcpPlayer();
  const room = await openRoom(ann, 'Ann', { seats: 3 });
  await joinFromLink(bob, room.link, 'Bob');
  await tcpJoinRoom(cy, room.code, 'Cy');

  await ann.waitForTurn();
  expect(await ann.letter('k')).toBe('hit');
  await ann.waitForTurn();
  expect(await ann.letter('z')).toBe('miss');
  await bob.waitForTurn();
  expect(await bob.letter('w')).toBe('hit');
  await expect(pointsOf(ann.page, 'Bob')).toHaveText('1');

  // Stop the gateway: both WebSockets and both TCP connections behind them drop.
  const port = game.gateway.address().port;
  await game.gateway.close();
  for (const p of [ann, bob]) await expect(p.page.getByRole('heading', { name: /^(Reconnecting…|The connection was lost\.)$/ })).toBeVisible();
  await cy.waitForLine(/^Ann lost the connection/);
  await cy.waitForLine(/^Bob lost the connection/);
  await ann.screenshot('reconnecting while the gateway is down');

  const again = await createGateway({ host: '127.0.0.1', port, target: { host: '127.0.0.1', port: game.port }, staticDir: WEB_DIR, shutdownGraceMs: 500, log: (l) => void game.log.push(`gateway 2: ${l}`) });
  try {
    for (const p of [ann, bob]) {
      // After its last automatic try a page waits for Reconnect: press it if it is there.
      const reconnect = p.page.getByRole('button', { name: 'Reconnect' });
      await expect(p.page.getByRole('img', { name: /^Word:/ }).or(reconnect).first()).toBeVisible({ timeout: 20_000 });
      if (await reconnect.isVisible()) await reconnect.click();
      await expect(p.page.getByRole('img', { name: 'Word: k blank w blank' })).toBeVisible();
      await expect(p.page.getByText(/^Reconnecting/)).toHaveCount(0);
      await expect(pointsOf(p.page, 'Ann')).toHaveText('1');
      await expect(pointsOf(p.page, 'Bob')).toHaveText('1');
    }
    await cy.waitForLine('Ann is back');
    await cy.waitForLine('Bob is back');
    expect((await cy.lines()).filter((l) => / joined the game$/.test(l))).toEqual(['Cy joined the game']);

    // Bob's turn passed to Cy when Bob dropped; the game goes on to its end with the points kept.
    await cy.waitForTurn();
    expect(await cy.letter('q')).toBe('miss');
    await ann.waitForTurn();
    expect(await ann.word('kiwi')).toBe('won');
    for (const p of [ann, bob]) expect((await roomResults(p)).results).toEqual(['Ann 7', 'Bob 1', 'Cy 0']);
    await ann.screenshot('the game ended after the gateway restarted');
  } finally {
    await again.close();
  }
});

test('a player who drops is greyed with the seconds their seat is kept, and is back when they send /back', async ({ browserPlayer, tcpPlayer }) => {
  const ann = await browserPlayer();
  const bob = await tcpPlayer();
  const room = await openRoom(ann, 'Ann', { seats: 2 });
  await tcpJoinRoom(bob, room.code, 'Bob');
  const key = parseAs('SEAT_KEY', await bob.waitForLine(/^Your seat key: /))!.fields.key;
  await ann.waitForTurn();

  bob.close();
  const chip = ann.page.getByRole('list', { name: 'Players' }).getByRole('listitem').filter({ hasText: 'Bob' });
  await expect(chip).toHaveClass(/away/);
  const seconds = async () => Number(/away, (\d+) s/.exec((await chip.textContent()) ?? '')?.[1]);
  const first = await seconds();
  expect(first).toBeGreaterThan(50);
  await expect.poll(seconds, { timeout: 5000 }).toBeLessThan(first);
  await ann.screenshot('Bob away, his seat kept');

  const back = await tcpPlayer();
  back.send(`/back ${key}`);
  await back.waitForLine('You are back as Bob');
  await expect(chip).not.toHaveClass(/away/);
  await expect(chip).not.toContainText('away');
});
