/**
 * One long guess must not break the page: a raw TCP player with the longest name
 * there is names a word of 1000 letters; every place that shows it wraps, and the
 * page never gets wider than the screen.
 */
import type { Page } from '@playwright/test';
import { test, expect, type BrowserPlayer } from './fixtures.js';

test.use({ words: ['kiwi'] });

const LONG_NAME = 'W'.repeat(32); // the longest name the server keeps
const LONG_WORD = 'w'.repeat(1000);

/** The elements (through shadow roots) that stick out of their element's box, or out of the screen. */
function sticking(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = window.innerWidth;
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} in ${(el.getRootNode() as ShadowRoot).host?.tagName.toLowerCase() ?? 'the page'}`;
    const walk = (root: Document | ShadowRoot, box: DOMRect | null) => {
      for (const el of root.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.right > width + 0.5 || r.left < -0.5) out.push(`${describe(el)}: ${Math.round(r.left)}..${Math.round(r.right)} beyond the screen (${width})`);
        else if (box && (r.right > box.right + 0.5 || r.left < box.left - 0.5)) out.push(`${describe(el)}: ${Math.round(r.left)}..${Math.round(r.right)} beyond its element (${Math.round(box.left)}..${Math.round(box.right)})`);
        if (el.shadowRoot) walk(el.shadowRoot, el.tagName === 'WG-APP' ? null : el.getBoundingClientRect());
      }
    };
    walk(document, null);
    return out;
  });
}

/** The page is no wider than the screen, nothing sticks out of its element, and Guess can be whole on screen. */
async function fits(ann: BrowserPlayer, withGuess: boolean): Promise<void> {
  const page = ann.page;
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, 'the page is wider than the screen').toBeLessThanOrEqual(innerWidth);
  expect(await sticking(page)).toEqual([]);
  if (withGuess) {
    // Scrolling down is fine; sideways is not.
    const guess = page.getByRole('button', { name: 'Guess', exact: true });
    await guess.scrollIntoViewIfNeeded();
    await expect(guess).toBeInViewport({ ratio: 1 });
  }
}

for (const width of [360, 1280]) {
  test(`at ${width} px: a 1000-letter guess and a 32-letter name wrap everywhere they are shown`, async ({ browserPlayer, tcpPlayer }) => {
    const bob = await tcpPlayer();
    const ann = await browserPlayer({ viewport: { width, height: 800 } });
    await bob.join(LONG_NAME);
    await ann.join('Ann');
    await ann.page.getByRole('button', { name: 'Wire' }).click();

    await bob.waitForTurn();
    expect(await bob.word(LONG_WORD)).toBe('burned');
    await ann.waitForLine(`Word named: "${LONG_WORD}"`);
    await ann.waitForTurn();
    // The last move shows the start of the guess; the log has it whole.
    await expect(ann.page.getByText(`${LONG_NAME} named the word “${'w'.repeat(40)}…”: wrong`)).toBeVisible();
    await fits(ann, true);
    await ann.screenshot(`the long guess at ${width} px`);

    expect(await ann.word('kiwi')).toBe('won');
    expect(await ann.results()).toEqual([`${LONG_NAME} 0`, 'Ann 8']);
    await fits(ann, false);
    await ann.screenshot(`results at ${width} px`);
  });
}
