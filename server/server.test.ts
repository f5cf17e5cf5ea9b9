import { afterEach, describe, expect, it } from 'vitest';
import { createGameServer, type GameServer } from './server.js';
import { connectLines, type LineClient } from '../test/support/line-client.js';
import { eventually } from '../test/support/eventually.js';

let server: GameServer | null = null;
const clients: LineClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
  server = null;
});

async function start(opts: Partial<Parameters<typeof createGameServer>[0]> = {}): Promise<number> {
  server = await createGameServer({ host: '127.0.0.1', port: 0, players: 2, words: ['лапа'], lang: 'uk', turnSeconds: 0, ...opts });
  return server.address().port;
}

async function player(port: number, name: string): Promise<LineClient> {
  const c = await connectLines(port, name);
  clients.push(c);
  return c;
}

/** Reads lines until /quit (or the connection closes). */
async function rest(c: LineClient): Promise<string[]> {
  const out: string[] = [];
  for (;;) {
    const line = await c.next();
    out.push(line);
    if (line === '/quit') return out;
  }
}

describe('the example game of PROTOCOL.md §6', () => {
  it('sends the canonical lines in order, with WAITING and SCORE where the server adds them', async () => {
    const port = await start();
    const ann = await player(port, 'Ann');
    expect(await ann.next()).toBe('До гри приєднався(лась) Ann');
    expect(await ann.next()).toBe('Очікуємо гравців: 1 з 2');
    const bob = await player(port, 'Bob');
    const opening = ['До гри приєднався(лась) Bob', 'Гра почалась!', 'Слово: ****', 'Хід Ann'];
    for (const line of opening) expect(await ann.next()).toBe(line);
    expect(await ann.next()).toBe('/turn');
    for (const line of opening) expect(await bob.next()).toBe(line);

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
    await eventually(() => server!.stats().connections === 0, 'the server to count both connections closed');
    expect(server!.stats()).toMatchObject({ connections: 0, finished: 1, waiting: 0, playing: 0 });
  });
});
