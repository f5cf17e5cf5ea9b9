/**
 * Names that hide or split (docs/SECURITY.md, "Invisible names" and "A name cut in
 * the middle of what people see"), over real sockets in both languages.
 */
import { describe, expect, it } from 'vitest';
import { format, formatScores, type Lang, type MessageFields, type MessageId } from '../protocol/catalog.js';
import { gameServerPerTest } from '../test/support/game-server.js';
import { eventually } from '../test/support/eventually.js';

const game = gameServerPerTest();
const FAMILY = '👨\u200d👩\u200d👧';

describe.each(['en', 'uk'] as const)('names over a socket (%s)', (lang: Lang) => {
  const m = <Id extends MessageId>(id: Id, fields?: MessageFields<Id>) => format(lang, id, fields);

  it.each([
    ['zero-width spaces only', '\u200b\u200b', 'NO_NAME'],
    ['a Hangul filler and tag characters only', '\u3164\u{E0041}', 'NO_NAME'],
    ['a "/" behind a zero-width space', '\u200b/quit', 'BAD_NAME'],
    ['a "/" behind a bidi mark', '\u200f/quit', 'BAD_NAME'],
  ] as const)('%s: the reply, then the connection is closed', async (_what, name, id) => {
    const port = await game.start({ lang });
    const c = await game.player(port, name);
    expect(await c.next()).toBe(m(id));
    await c.closed;
    expect(c.lines).toEqual([m(id)]);
    await eventually(() => game.server.stats().connections === 0);
  });

  it('"Ann" + a zero-width space beside "Ann" gets RENAMED; "❤" beside "❤️" too', async () => {
    const port = await game.start({ lang, players: 4 });
    const ann = await game.player(port, 'Ann');
    await ann.waitFor(m('JOINED', { name: 'Ann' }));
    const hidden = await game.player(port, 'Ann\u200b');
    expect(await hidden.next()).toBe(m('RENAMED', { name: 'Ann 2' }));
    expect(await hidden.next()).toBe(m('JOINED', { name: 'Ann 2' }));
    const heart = await game.player(port, '❤️');
    await heart.waitFor(m('JOINED', { name: '❤️' }));
    const bare = await game.player(port, '❤');
    expect(await bare.next()).toBe(m('RENAMED', { name: '❤ 2' }));
  });

  it('a name loses "," "<" ">", and keeps a family emoji whole when cut', async () => {
    const port = await game.start({ lang, players: 2 });
    const ann = await game.player(port, '<Ann>, 5');
    await ann.waitFor(m('JOINED', { name: 'Ann 5' }));
    const long = 'x'.repeat(28) + FAMILY;
    const bob = await game.player(port, long);
    await bob.waitFor(m('JOINED', { name: 'x'.repeat(28) }));
    await ann.waitFor('/turn');
    ann.send('/word data');
    await bob.waitFor(m('SCORE', { scores: formatScores([{ name: 'Ann 5', points: 8 }, { name: 'x'.repeat(28), points: 0 }]) }));
  });
});
