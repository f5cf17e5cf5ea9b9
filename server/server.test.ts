import { afterEach, describe, expect, it } from 'vitest';
import { gameServerPerTest, untilQuit } from '../test/support/game-server.js';
import { eventually } from '../test/support/eventually.js';
import { keyOf } from '../test/support/seat-keys.js';

const game = gameServerPerTest({ words: ['лапа'], lang: 'uk' });
const start = () => game.start();
const player = (port: number, name: string) => game.player(port, name);
const rest = untilQuit;

describe('the example game of PROTOCOL.md §6', () => {
  it('sends the canonical lines in order, with PLAYERS, SEAT_KEY, WAITING and SCORE where the server adds them', async () => {
    const port = await start();
    const ann = await player(port, 'Ann');
    expect(await ann.next()).toBe('До гри приєднався(лась) Ann');
    expect(await ann.next()).toBe('За столом: Ann');
    expect(keyOf(await ann.next())).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(await ann.next()).toBe('Очікуємо гравців: 1 з 2');
    const bob = await player(port, 'Bob');
    const opening = ['До гри приєднався(лась) Bob', 'Гра почалась!', 'Слово: ****', 'Хід Ann'];
    for (const line of opening) expect(await ann.next()).toBe(line);
    expect(await ann.next()).toBe('/turn');
    expect(await bob.next()).toBe(opening[0]);
    expect(await bob.next()).toBe('За столом: Ann, Bob');
    expect(keyOf(await bob.next())).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    for (const line of opening.slice(1)) expect(await bob.next()).toBe(line);

    ann.send('/letter а');
    expect(await bob.next()).toBe("Названо літеру 'а'");
    for (const line of ['Ви заробили балів: 2', 'Слово: *а*а', 'Рахунок: Ann 2, Bob 0', 'Хід Ann', '/turn']) expect(await ann.next()).toBe(line);
    for (const line of ['Слово: *а*а', 'Рахунок: Ann 2, Bob 0', 'Хід Ann']) expect(await bob.next()).toBe(line);

    ann.send('/word липа');
    expect(await bob.next()).toBe('Названо слово "липа"');
    for (const line of ['На жаль, Ваші бали "згоріли"', 'Слово: *а*а', 'Рахунок: Ann 0, Bob 0', 'Хід Bob']) expect(await ann.next()).toBe(line);
    for (const line of ['Слово: *а*а', 'Рахунок: Ann 0, Bob 0', 'Хід Bob', '/turn']) expect(await bob.next()).toBe(line);

    bob.send('/word лапа');
    const end = ['Слово: лапа', 'Рахунок: Ann 0, Bob 6', 'Гру закінчено!', 'Ann 0', 'Bob 6', '/quit'];
    expect(await rest(ann)).toEqual(['Названо слово "лапа"', ...end]);
    expect(await rest(bob)).toEqual(['Ви заробили балів: 2', 'Вітаємо! Ви виграли!!!', ...end]);
    await Promise.all([ann.closed, bob.closed]);
    await eventually(() => game.server.stats().connections === 0, 'the server to count both connections closed');
    expect(game.server.stats()).toMatchObject({ connections: 0, finished: 1, waiting: 0, playing: 0 });
  });
});
