/**
 * Verbs for games in rooms (PROTOCOL.md §8) on top of the fixtures' players: open
 * a room from the page, join it from its link or by code, chat, and read what the
 * page shows between games. Every wait is on what the page shows or a line that
 * arrives; none sleeps.
 */
import { expect } from '@playwright/test';
import { LANGS, format, parseAs } from '../protocol/catalog.js';
import type { MessageFields, MessageId } from '../protocol/catalog.js';
import type { BrowserPlayer, TcpPlayer } from './fixtures.js';

/** A room as its opener's page shows it. */
export interface OpenedRoom {
  readonly code: string;
  /** The link for friends, as the page shows it. */
  readonly link: string;
}

export interface RoomChoice {
  readonly seats?: number;
  /** Seconds a turn; 0: no clock. */
  readonly turn?: number;
  /** Seconds between games. */
  readonly pause?: number;
  /** Pasted into "Your own words". */
  readonly words?: string;
}

/** Types the name, chooses the room's settings and presses Open a room; resolves with the code shown. */
export async function openRoom(player: BrowserPlayer, name: string, choice: RoomChoice = {}): Promise<OpenedRoom> {
  const page = player.page;
  player.name = name;
  await page.getByLabel('Name', { exact: true }).fill(name);
  if (choice.seats !== undefined) await page.getByLabel('Seats').selectOption(String(choice.seats));
  await page.getByLabel('Time for a turn').selectOption(String(choice.turn ?? 0));
  if (choice.pause !== undefined) await page.getByLabel('Pause between games').selectOption(String(choice.pause));
  if (choice.words !== undefined) await page.getByLabel('Your own words (optional)').fill(choice.words);
  await page.getByRole('button', { name: 'Open a room' }).click();
  await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
  const code = (await page.locator('wg-room-code .code').textContent())!.trim();
  const link = await page.getByLabel('Link for friends').inputValue();
  return { code, link };
}

/** Opens the room's link in this tab, types the name and presses Join; resolves once seated. */
export async function joinFromLink(player: BrowserPlayer, link: string, name: string): Promise<void> {
  const page = player.page;
  player.name = name;
  await page.goto(link);
  await expect(page.getByRole('heading', { name: /^Room [2-9A-Z]{5}$/ })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await seatedInRoom(player);
}

/** Resolves when the page shows the room filling or its game. */
export async function seatedInRoom(player: BrowserPlayer): Promise<void> {
  const page = player.page;
  await expect(page.getByRole('button', { name: 'Start now' }).or(page.getByRole('img', { name: /^Word:/ })).first()).toBeVisible();
}

/** A TCP player types `/join CODE`, then its name once the room says ROOM_READY. */
export async function tcpJoinRoom(player: TcpPlayer, code: string, name: string): Promise<void> {
  player.send(`/join ${code}`);
  await player.waitForLine(either('ROOM_READY', { code }));
  await player.join(name);
}

/** A line that is this message in either language. */
function either<Id extends MessageId>(id: Id, fields: MessageFields<Id>): RegExp {
  const quote = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^(?:${LANGS.map((lang) => quote(format(lang, id, fields))).join('|')})$`, 'u');
}

/** Sends a chat line from the page: the Message field and Enter. */
export async function say(player: BrowserPlayer, text: string): Promise<void> {
  const field = player.page.getByRole('textbox', { name: 'Message' });
  await field.fill(text);
  await field.press('Enter');
}

/** The chat lines the page shows, as `Name: text`. */
export async function chatLines(player: BrowserPlayer): Promise<string[]> {
  return player.page.getByRole('log', { name: 'Chat' }).locator('p:not(.muted)').allTextContents();
}

/** The rows of a table of names and points on the page (`wg-results` or `wg-between`), as `name points`. */
async function rowsOf(player: BrowserPlayer, element: string): Promise<string[]> {
  return player.page.locator(`${element} tbody tr`).evaluateAll((rows) =>
    rows.map((tr) => {
      const [who, points] = tr.querySelectorAll('td');
      const name = [...who.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').replace(/^★ /, '').trim();
      return `${name} ${points.textContent!.trim()}`;
    }),
  );
}

/** Waits for a room's game to end; its results and the room total, as the page shows them. */
export async function roomResults(player: BrowserPlayer): Promise<{ results: string[]; total: string[] }> {
  const page = player.page;
  await expect(page.getByRole('heading', { name: 'Game over' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Room total/ })).toBeVisible();
  return { results: await rowsOf(player, 'wg-results'), total: await rowsOf(player, 'wg-between') };
}

/** Waits until a TCP player has seen `n` lines that are the message `id`; returns the last of them. */
export async function nthLine(player: TcpPlayer, id: Parameters<typeof parseAs>[0], n: number): Promise<string> {
  const matching = async () => (await player.lines()).filter((l) => parseAs(id, l));
  await expect.poll(async () => (await matching()).length, { message: `${player.name}: ${n} × ${id}` }).toBeGreaterThanOrEqual(n);
  return (await matching())[n - 1];
}
