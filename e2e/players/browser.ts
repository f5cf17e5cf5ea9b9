/** A player in a Chromium tab of its own (its own browser context: its own storage), through the gateway. */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { matcher, outcomeOf, type Outcome, type Player, type Scores } from './player.js';

/** How often a wait on the page looks again, in ms: soon at first, then less often. */
const POLL = { intervals: [10, 25, 50, 100] };

export class BrowserPlayer implements Player {
  name = '';

  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
  ) {}

  /** Opens a new context and tab at `url` (the game's page). */
  static async open(browser: Browser, url: string, viewport?: { width: number; height: number }): Promise<BrowserPlayer> {
    const context = await browser.newContext({ viewport, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(url);
    return new BrowserPlayer(page, context);
  }

  /** Types the name and presses Join; resolves when the page shows the table (or fails on an error screen). */
  async join(name: string): Promise<void> {
    this.name = name;
    await this.page.getByLabel('Name', { exact: true }).fill(name);
    await this.page.getByRole('button', { name: 'Join', exact: true }).click();
    await this.seated();
  }

  /** Resolves when the page shows the waiting room or the board; throws with the error screen's text. */
  async seated(): Promise<void> {
    const page = this.page;
    const seated = page.getByRole('heading', { name: 'Waiting for players' }).or(page.getByRole('img', { name: /^Word:/ }));
    const error = page.locator('wg-error h2');
    await expect(seated.or(error).first()).toBeVisible();
    if (await error.isVisible()) throw new Error(`${this.name} could not join: ${await error.textContent()}`);
  }

  /** Waits until the page says it is our turn. */
  async waitForTurn(): Promise<void> {
    await expect(this.page.getByText('Your turn: name a letter or the word.')).toBeVisible();
  }

  /** Clicks the letter's button; resolves once the move is settled, with what it came to. */
  async letter(x: string): Promise<Outcome> {
    const from = (await this.lines()).length;
    await this.page.getByRole('button', { name: x, exact: true }).click();
    return this.outcome(from, `letter ${x}`);
  }

  /** Types the word into "Guess the word" and presses Guess; resolves once the move is settled. */
  async word(w: string): Promise<Outcome> {
    const from = (await this.lines()).length;
    await this.page.getByLabel('Guess the word').fill(w);
    await this.page.getByRole('button', { name: 'Guess', exact: true }).click();
    return this.outcome(from, `word ${w}`);
  }

  /** Waits until the Messages log settles the move sent after log line `from` (for a move made by hand). */
  async outcome(from: number, what = 'the move'): Promise<Outcome> {
    let outcome: Outcome | undefined;
    await expect.poll(async () => (outcome = outcomeOf((await this.lines()).slice(from))), { message: `${this.name}: the answer to ${what}`, ...POLL }).toBeDefined();
    return outcome!;
  }

  /** Every server line in the Messages log, as the server sent it (without the "to you" tag). */
  lines(): Promise<string[]> {
    return this.page
      .getByRole('log', { name: 'Messages' })
      .evaluate((log) => [...log.querySelectorAll('p')].map((p) => [...p.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('')));
  }

  /** Waits until the Messages log holds a line matching `match`; returns it. */
  async waitForLine(match: string | RegExp): Promise<string> {
    const test = matcher(match);
    let found: string | undefined;
    await expect.poll(async () => (found = (await this.lines()).find(test)), { message: `${this.name}: a line ${String(match)} in the log`, ...POLL }).toBeDefined();
    return found!;
  }

  /** The players at the table and their points as the page shows them, in turn order (like SCORE, without who left). */
  async score(): Promise<Scores> {
    const rows = await this.page.getByRole('list', { name: 'Players' }).evaluate((list) =>
      [...list.querySelectorAll(':scope > li:not(.left)')].map((li) => {
        const name = [...(li.querySelector('span')?.childNodes ?? [])].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
        return [name.trim(), Number(li.querySelector('.pts')?.textContent ?? NaN)] as const;
      }),
    );
    return Object.fromEntries(rows);
  }

  /** Waits until the page shows exactly these points. */
  async waitForScore(expected: Scores): Promise<void> {
    await expect.poll(() => this.score(), { message: `${this.name}: the score ${JSON.stringify(expected)} on the page`, ...POLL }).toEqual(expected);
  }

  /** Waits for the results screen; its rows as RESULT lines (`name points`), in turn order. */
  async results(): Promise<string[]> {
    await this.resultsShown();
    return this.page.getByRole('table').evaluate((table) =>
      [...table.querySelectorAll('tbody tr')].map((tr) => {
        const [who, points] = tr.querySelectorAll('td');
        const name = [...who.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').replace(/^★ /, '').trim();
        return `${name} ${points.textContent!.trim()}`;
      }),
    );
  }

  /** Waits for the results screen; the winner it names ("You won!" is this player). */
  async winner(): Promise<string | null> {
    await this.resultsShown();
    const said = (await this.page.locator('wg-results p').first().textContent())?.trim() ?? '';
    if (said === 'You won!') return this.name;
    return /^Winner: (.*)$/su.exec(said)?.[1] ?? null;
  }

  private async resultsShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Game over' })).toBeVisible();
    await expect(this.page.getByRole('button', { name: 'Play again' })).toBeVisible();
  }

  /** Attaches a screenshot of the page to the test's report. */
  async screenshot(title: string): Promise<void> {
    const body = await this.page.screenshot({ fullPage: true });
    await test.info().attach(`${this.name || 'player'}: ${title}`, { body, contentType: 'image/png' });
  }

  /** Closes the tab (and its browser context). */
  async close(): Promise<void> {
    await this.context.close();
  }
}
