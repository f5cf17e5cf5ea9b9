/**
 * Helpers for tests of rooms, seats and watchers (PROTOCOL.md §8) over real
 * sockets: the wording of a language, and the code or key a line carries.
 */
import { format, parseAs, type Lang, type MessageFields, type MessageId } from '../../protocol/catalog.js';
import type { LineClient } from './line-client.js';

/** The line for a message in one language: `m('JOINED', { name: 'Ann' })`. */
export type Wording = <Id extends MessageId>(id: Id, fields?: MessageFields<Id>) => string;

export function wording(lang: Lang): Wording {
  return (id, fields) => format(lang, id, fields);
}

/** A code or key: 5 or 8 characters of the room-code alphabet. */
export const CODE = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{5}$/;
export const KEY = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/;

/** Reads lines until `id` arrives (in either language) and returns its fields. */
export async function fieldsOf(c: LineClient, id: MessageId): Promise<Record<string, string>> {
  const line = await c.waitFor((l) => parseAs(id, l) !== null);
  return { ...parseAs(id, line)!.fields };
}

/** `/new` with these settings; resolves with the room's code. */
export async function openRoom(c: LineClient, settings = ''): Promise<string> {
  c.send(settings === '' ? '/new' : `/new ${settings}`);
  return (await fieldsOf(c, 'ROOM_OPENED')).code;
}

/** The seat key the next SEAT_KEY line gives. */
export async function seatKey(c: LineClient): Promise<string> {
  return (await fieldsOf(c, 'SEAT_KEY')).key;
}

/**
 * Opens a room with `settings` from a first client and seats `names` in it, in
 * order (the first one opened it); each waits for its own JOINED.
 */
export async function roomWith(
  connect: () => Promise<LineClient>,
  settings: string,
  names: readonly string[],
  m: Wording,
): Promise<{ code: string; players: LineClient[] }> {
  const first = await connect();
  const code = await openRoom(first, settings);
  const players: LineClient[] = [];
  for (const [i, name] of names.entries()) {
    const c = i === 0 ? first : await connect();
    if (i > 0) c.send(`/join ${code}`);
    c.send(name);
    await c.waitFor(m('JOINED', { name }));
    players.push(c);
  }
  return { code, players };
}
