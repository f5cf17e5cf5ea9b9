/**
 * The gateway, unchanged, in front of the project's real line servers: a game
 * with one browser player and one telnet-style TCP player, and the palindrome service.
 */
import { afterEach, expect, it } from 'vitest';
import { createPalindromeServer } from '../palindrome/server.js';
import { format, type MessageFields, type MessageId } from '../protocol/catalog.js';
import { createGameServer } from '../server/server.js';
import { CloseCode } from '../protocol/close-codes.js';
import { createGateway } from './gateway.js';
import { TestClient } from '../test/support/ws-client.js';
import { connectLines, type LineClient } from '../test/support/line-client.js';
import { type ScriptedPeer } from '../test/support/scripted-server.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function gatewayTo(port: number): Promise<string> {
  const gw = await createGateway({ host: '127.0.0.1', port: 0, target: { host: '127.0.0.1', port }, log: () => {} });
  stops.push(() => gw.close());
  return `ws://127.0.0.1:${gw.address().port}/ws`;
}

async function browser(url: string): Promise<TestClient> {
  const client = await TestClient.open(url);
  stops.push(async () => void client.ws.terminate());
  return client;
}

async function tcp(port: number): Promise<LineClient> {
  const client = await connectLines(port);
  stops.push(async () => client.close());
  return client;
}

/** A message line as the server words it in Ukrainian. */
function t<Id extends MessageId>(id: Id, fields?: MessageFields<Id>): string {
  return format('uk', id, fields);
}

/** Reads lines from `next` until `line` arrives; returns every line read, `line` last. */
async function readUntil(next: () => Promise<string>, line: string): Promise<string[]> {
  const seen: string[] = [];
  for (;;) {
    seen.push(await next());
    if (seen.at(-1) === line) return seen;
  }
}

it('plays a whole game between a browser player and a TCP player', async () => {
  const server = await createGameServer({ host: '127.0.0.1', port: 0, players: 2, words: ['лапа'], lang: 'uk', turnSeconds: 0 });
  stops.push(() => server.close());
  const port = server.address().port;
  const url = await gatewayTo(port);

  const ann = await browser(url);
  ann.send('Ann');
  await readUntil(() => ann.next(), t('JOINED', { name: 'Ann' }));
  const bob = await tcp(port);
  bob.write('Bob\r\n'); // a telnet user's line end
  const annNext = () => ann.next();
  const bobNext = () => bob.next();

  // Ann (browser) opens two letters, then burns her points on a wrong word.
  await readUntil(annNext, '/turn');
  ann.send('/letter а');
  expect(await readUntil(annNext, '/turn')).toEqual(expect.arrayContaining([t('EARNED', { points: 2 }), t('WORD', { mask: '*а*а' })]));
  ann.send('/word липа');
  expect(await readUntil(annNext, t('TURN_OF', { name: 'Bob' }))).toContain(t('BURNED'));

  // Bob (TCP) saw all of it, and names the word.
  const bobSaw = await readUntil(bobNext, '/turn');
  expect(bobSaw).toEqual(
    expect.arrayContaining([t('STARTED'), t('LETTER_NAMED', { letter: 'а' }), t('WORD_NAMED', { word: 'липа' }), t('TURN_OF', { name: 'Bob' })]),
  );
  bob.write('/word лапа\n');
  const bobEnd = await readUntil(bobNext, '/quit');
  expect(bobEnd).toEqual(expect.arrayContaining([t('WON'), t('GAME_OVER'), 'Ann 0', 'Bob 6']));

  // The browser gets the same ending, then the server's close becomes a normal close.
  const annEnd = await readUntil(annNext, '/quit');
  expect(annEnd).toEqual(expect.arrayContaining([t('WORD_NAMED', { word: 'лапа' }), t('WORD', { mask: 'лапа' }), t('GAME_OVER'), 'Ann 0', 'Bob 6']));
  expect((await ann.closed).code).toBe(CloseCode.normal);
  await bob.closed;
});

it('serves the palindrome service unchanged, answering as a direct TCP client is answered', async () => {
  const server = await createPalindromeServer({ host: '127.0.0.1', port: 0 });
  stops.push(() => server.close());
  const port = server.address().port;
  const url = await gatewayTo(port);
  const questions = ['А роза упала на лапу Азора', 'hello', 'Was it a car or a cat I saw?', '12321', 'ab'];

  const direct = await tcp(port);
  const expected: string[] = [];
  for (const q of questions) {
    direct.write(q + '\n');
    expected.push(await direct.next());
  }
  expect(expected).toEqual(['1', '', '1', '1', '']);

  const client = await browser(url);
  for (const q of questions) client.send(q);
  expect(await client.take(questions.length)).toEqual(expected);
  client.send(''); // an empty line ends the session: the service closes, the gateway closes normally
  expect((await client.closed).code).toBe(CloseCode.normal);
});
