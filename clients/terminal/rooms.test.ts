/**
 * The terminal client in rooms against the real server (PROTOCOL.md §8), as a child
 * process on a pipe, with raw TCP players beside it: a room opened with its own
 * words and played twice, a watcher, and a connection cut in the middle of a game.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { format, parseAs, type MessageFields, type MessageId } from '../../protocol/catalog.js';
import { connectLines, type LineClient } from '../../test/support/line-client.js';
import { gameServerPerTest } from '../../test/support/game-server.js';
import { runScript, type TestChild } from '../../test/support/child.js';
import { cuttableRelay } from '../../test/support/cuttable-relay.js';

const CLIENT = 'clients/terminal/main.ts';
const game = gameServerPerTest({ players: 2, words: ['data'], lang: 'en', turnSeconds: 0 });
const m = <Id extends MessageId>(id: Id, fields?: MessageFields<Id>) => format('en', id, fields);

const stops: (() => unknown)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

function client(args: string[]): TestChild {
  const c = runScript(CLIENT, args);
  stops.push(() => c.child.exitCode === null && c.child.kill());
  return c;
}

async function player(port: number): Promise<LineClient> {
  const c = await connectLines(port);
  stops.push(() => c.close());
  return c;
}

describe('the terminal client in rooms, against the real server', () => {
  it('opens a room with its own word, shows the code large, and plays two games in a row with a raw TCP friend', async () => {
    const port = await game.start();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-room-'));
    stops.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(dir, 'words.txt'), 'кіт\n');
    const ann = client(['--port', String(port), '--new', 'players=2', 'pause=0', '--words', path.join(dir, 'words.txt'), '--name', 'Ann']);

    const opened = parseAs('ROOM_OPENED', await ann.stdout.until((l) => parseAs('ROOM_OPENED', l) !== null))!;
    const code = opened.fields.code;
    await ann.stderr.until(`    Room code: ${[...code].join(' ')}`);
    await ann.stdout.until(m('WORDS_ADDED', { count: 1 }));

    const bob = await player(port);
    bob.send(`/join ${code.toLowerCase()}`);
    expect(await bob.next()).toBe(m('ROOM_READY', { code }));
    bob.send('Bob');
    await bob.waitFor(m('STARTED'));
    expect(await bob.next()).toBe(m('WORD', { mask: '***' }));

    // Game 1: Ann (first seated) names the room's word.
    await ann.stdout.until(m('TURN_OF', { name: 'Ann' }));
    ann.send('кіт');
    await bob.waitFor(m('WORD_NAMED', { word: 'кіт' }));
    await ann.stdout.until((l) => parseAs('ROOM_TOTAL', l) !== null);
    await ann.stdout.until((l) => parseAs('NEXT_GAME', l) !== null);

    // Game 2 on the same connections: the first turn goes round to Bob.
    await bob.waitFor(m('TURN_OF', { name: 'Bob' }));
    await bob.waitFor('/turn');
    bob.send('/word кіт');
    await ann.stdout.until(m('WORD_NAMED', { word: 'кіт' }));
    await ann.stdout.until((l) => parseAs('NEXT_GAME', l) !== null);

    ann.send('/leave');
    expect(await ann.exited).toBe(0);
    await bob.waitFor(m('LEFT', { name: 'Ann' }));
    expect(ann.stdout.seen.filter((l) => parseAs('ROOM_TOTAL', l) !== null)).toHaveLength(2);
    expect(ann.stdout.seen.some((l) => l.startsWith('/'))).toBe(false);
  });

  it('--watch shows a room’s game without playing, and /leave ends it', async () => {
    const port = await game.start();
    const ann = await player(port);
    ann.send('/new players=2');
    const code = parseAs('ROOM_OPENED', await ann.next())!.fields.code;
    ann.send('Ann');
    await ann.waitFor(m('JOINED', { name: 'Ann' }));

    const cid = client(['--port', String(port), '--watch', code]);
    expect(await cid.stdout.next()).toBe(m('WATCHING', { code }));
    const bob = await player(port);
    bob.send(`/join ${code}`);
    await bob.waitFor(m('ROOM_READY', { code }));
    bob.send('Bob');
    await cid.stdout.until(m('STARTED'));
    await ann.waitFor('/turn');
    ann.send('/letter a');
    await cid.stdout.until(m('LETTER_NAMED', { letter: 'a' }));
    cid.send('a'); // a guess from a watcher: refused by the client itself
    await cid.stderr.until('You are watching, not playing: type /leave to stop watching.');
    cid.send('/leave');
    expect(await cid.exited).toBe(0);
  });

  it('a connection cut in the middle of a game: the client reconnects, sends /back KEY, and finishes the game in its seat', async () => {
    const port = await game.start();
    const relay = await cuttableRelay(port);
    stops.push(() => relay.close());
    const ann = client(['--port', String(relay.port), '--name', 'Ann']);
    const key = parseAs('SEAT_KEY', await ann.stdout.until((l) => parseAs('SEAT_KEY', l) !== null))!.fields.key;
    const bob = await player(port);
    bob.send('Bob');
    await ann.stdout.until(m('TURN_OF', { name: 'Ann' }));

    relay.cut();
    await bob.waitFor((l) => parseAs('AWAY', l)?.fields.name === 'Ann');
    await ann.stdout.until(m('RESUMED', { name: 'Ann' }));
    expect(ann.stderr.seen.join('\n')).toMatch(/reconnecting in [\d.]+ s \(try 1 of 5\)/);
    // The turn passed to Bob while Ann was away (her snapshot says so); she plays on in her seat.
    await ann.stdout.until(m('TURN_OF', { name: 'Bob' }));
    await bob.waitFor(m('BACK', { name: 'Ann' }));
    bob.send('/letter z');
    ann.send('data');
    await bob.waitFor(m('WORD_NAMED', { word: 'data' }));
    await ann.stdout.until(m('GAME_OVER'));
    expect(await ann.exited).toBe(0);
    // Ann came back to her seat: never a new player joining, never an "Ann 2".
    expect(bob.lines.filter((l) => parseAs('JOINED', l) !== null)).toEqual([m('JOINED', { name: 'Bob' })]);
    expect(bob.lines.join('\n')).not.toContain('Ann 2');
    expect(key).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
  });
});
