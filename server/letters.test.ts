/**
 * Letters whose lower case is not one letter (docs/PROTOCOL.md §9.5), over real
 * sockets in both languages: `/letter İ` is the letter i.
 */
import { describe, expect, it } from 'vitest';
import { format, type Lang, type MessageFields, type MessageId } from '../protocol/catalog.js';
import { gameServerPerTest } from '../test/support/game-server.js';

const game = gameServerPerTest();

describe.each(['en', 'uk'] as const)('letters over a socket (%s)', (lang: Lang) => {
  const m = <Id extends MessageId>(id: Id, fields?: MessageFields<Id>) => format(lang, id, fields);

  it('/letter İ opens the i of "pizza": EARNED to the mover, LETTER_NAMED \'i\' to the others', async () => {
    const port = await game.start({ lang, words: ['pizza'] });
    const ann = await game.player(port, 'Ann');
    const bob = await game.player(port, 'Bob');
    await ann.waitFor('/turn');
    ann.send('/letter İ');
    expect(await ann.next()).toBe(m('EARNED', { points: 1 }));
    expect(await ann.next()).toBe(m('WORD', { mask: '*i***' }));
    await bob.waitFor(m('LETTER_NAMED', { letter: 'i' }));
    expect(await bob.next()).toBe(m('WORD', { mask: '*i***' }));
  });

  it('/letter Σ opens σ and the final ς of "σεισμός"', async () => {
    const port = await game.start({ lang, words: ['σεισμός'], players: 1 });
    const ann = await game.player(port, 'Ann');
    await ann.waitFor('/turn');
    ann.send('/letter Σ');
    expect(await ann.next()).toBe(m('EARNED', { points: 3 }));
    expect(await ann.next()).toBe(m('WORD', { mask: 'σ**σ**ς' }));
  });
});
