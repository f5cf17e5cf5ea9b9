/** The gateway's checks, seen from a real Chromium: what a page may and may not do. */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';

interface Probe {
  opened: boolean;
  /** The close code, or 0 when a line came first. */
  code: number;
  /** The close reason, or the first line the server sent. */
  reason: string;
}

/**
 * Opens a WebSocket from the page and sends `frame` once open (or closes at once);
 * resolves at the close, or at the first line from the server (then closes).
 */
function probe(page: Page, url: string, frame?: string | 'binary'): Promise<Probe> {
  return page.evaluate(
    ({ url, frame }) =>
      new Promise<Probe>((resolve) => {
        const ws = new WebSocket(url);
        let opened = false;
        ws.onopen = () => {
          opened = true;
          if (frame === undefined) ws.close(1000);
          else ws.send(frame === 'binary' ? new Uint8Array([65, 110, 110]) : frame);
        };
        ws.onmessage = (e) => {
          resolve({ opened, code: 0, reason: String(e.data) });
          ws.close(1000);
        };
        ws.onclose = (e) => resolve({ opened, code: e.code, reason: e.reason });
      }),
    { url, frame },
  );
}

test.describe('the gateway at the edge', () => {
  test('only /ws on the page’s own origin opens a WebSocket', async ({ game, browserPlayer }) => {
    const { page } = await browserPlayer();
    const port = new URL(game.url).port;
    expect(await probe(page, `ws://127.0.0.1:${port}/ws`)).toEqual({ opened: true, code: 1000, reason: '' });
    // The same gateway under another host name is another origin.
    expect((await probe(page, `ws://localhost:${port}/ws`)).opened).toBe(false);
    expect((await probe(page, `ws://127.0.0.1:${port}/elsewhere`)).opened).toBe(false);
    expect(game.log.join('\n')).toMatch(/403 origin "http:\/\/127\.0\.0\.1:\d+" is not allowed/);
    expect(game.log.join('\n')).toMatch(/404 WebSockets are served at \/ws only/);
  });

  test('a frame is one line of text: line breaks, binary and overlong frames close the socket with a reason', async ({ game, browserPlayer }) => {
    const { page } = await browserPlayer();
    const ws = `ws://127.0.0.1:${new URL(game.url).port}/ws`;
    expect(await probe(page, ws, 'Ann\n/word kiwi')).toEqual({ opened: true, code: 1007, reason: 'a frame is one line: it must not contain CR or LF' });
    expect(await probe(page, ws, 'Ann\r')).toMatchObject({ code: 1007 });
    expect(await probe(page, ws, 'binary')).toEqual({ opened: true, code: 1003, reason: 'binary frames are not accepted; send text, one line per frame' });
    expect(await probe(page, ws, 'x'.repeat(1025))).toEqual({ opened: true, code: 1009, reason: 'a line may hold at most 1024 bytes' });
    // 1024 bytes is still a line: a name the server cuts to 32 characters.
    expect(await probe(page, ws, 'A'.repeat(1024))).toEqual({ opened: true, code: 0, reason: `${'A'.repeat(32)} joined the game` });
  });
});

test.describe('connection limits', () => {
  test.describe('per address', () => {
    test.use({ gatewayOptions: { maxPerIp: 2 }, players: 3, seatGraceSeconds: 0 });
    test('a third tab from one address is refused until one leaves', async ({ game, browserPlayer }) => {
      const ann = await browserPlayer();
      const bob = await browserPlayer();
      const cy = await browserPlayer();
      await ann.join('Ann');
      await bob.join('Bob');
      await cy.page.getByLabel('Name', { exact: true }).fill('Cy');
      await cy.page.getByRole('button', { name: 'Join' }).click();
      await expect(cy.page.getByRole('heading', { name: 'Cannot reach the game gateway.' })).toBeVisible();
      await cy.screenshot('refused: too many tabs from one address');
      await ann.close();
      await bob.waitForLine('Ann left the game');
      await expect.poll(() => game.gateway.stats().connections).toBe(1);
      await cy.page.getByRole('button', { name: 'Reconnect' }).click();
      await cy.seated();
      await expect(cy.page.getByText('2 of 3 at the table: 1 more to go.')).toBeVisible();
    });
  });

  test.describe('in all', () => {
    test.use({ gatewayOptions: { maxConnections: 1 } });
    test('a second WebSocket is refused while the gateway is full; a raw TCP player still gets in', async ({ browserPlayer, tcpPlayer }) => {
      const ann = await browserPlayer();
      const bob = await browserPlayer();
      await ann.join('Ann');
      await bob.page.getByLabel('Name', { exact: true }).fill('Bob');
      await bob.page.getByRole('button', { name: 'Join' }).click();
      await expect(bob.page.getByRole('heading', { name: 'Cannot reach the game gateway.' })).toBeVisible();
      const cy = await tcpPlayer();
      await cy.join('Cy');
      await ann.waitForTurn();
      expect(await ann.word('kiwi')).toBe('won');
      expect(await cy.results()).toEqual(['Ann 8', 'Cy 0']);
    });
  });
});
