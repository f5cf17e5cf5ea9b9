import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { format } from '../../protocol/catalog.js';
import { runScript, type TestChild } from '../../test/support/child.js';
import { createScriptedServer, type ScriptedServer } from '../../test/support/scripted-server.js';

// The terminal client as a child process on a pipe, against a server the test plays by hand.
const CLIENT = 'clients/terminal/main.ts';

let server: ScriptedServer;
const children: TestChild[] = [];

function client(args: string[]): TestChild {
  const c = runScript(CLIENT, ['--port', String(server.port), ...args]);
  children.push(c);
  return c;
}

beforeEach(async () => {
  server = await createScriptedServer();
});

afterEach(async () => {
  for (const c of children.splice(0)) if (c.child.exitCode === null) c.child.kill();
  await server.close();
});

describe('terminal client', () => {
  it('plays the §6 example as Ann: prints messages as they are, answers each /turn, exits 0 on /quit', async () => {
    const c = client(['--name', 'Ann']);
    const ann = await server.nextPeer();
    expect(await ann.next()).toBe('Ann');

    ann.send('До гри приєднався(лась) Ann', 'До гри приєднався(лась) Bob', 'Гра почалась!', 'Слово: ****', 'Хід Ann', '/turn');
    expect(await c.stdout.until('Хід Ann')).toBe('Хід Ann');
    c.send('а');
    expect(await ann.next()).toBe('/letter а');

    ann.send('Ви заробили балів: 2', 'Слово: *а*а', 'Рахунок: Ann 2, Bob 0', 'Хід Ann', '/turn');
    c.send('липа');
    expect(await ann.next()).toBe('/word липа');

    ann.send('На жаль, Ваші бали "згоріли"', 'Слово: *а*а', 'Хід Bob', 'Названо слово "лапа"', 'Гру закінчено!', 'Ann 0', 'Bob 6', '/quit');
    expect(await c.exited).toBe(0);
    const printed = [...c.stdout.seen];
    expect(printed).toEqual([
      'До гри приєднався(лась) Ann',
      'До гри приєднався(лась) Bob',
      'Гра почалась!',
      'Слово: ****',
      'Хід Ann',
      'Ви заробили балів: 2',
      'Слово: *а*а',
      'Рахунок: Ann 2, Bob 0',
      'Хід Ann',
      'На жаль, Ваші бали "згоріли"',
      'Слово: *а*а',
      'Хід Bob',
      'Названо слово "лапа"',
      'Гру закінчено!',
      'Ann 0',
      'Bob 6',
    ]);
    expect(c.stderr.seen).toEqual([]);
  });

  it('writes no control character to the terminal, whatever the server sends (OSC 52, OSC 0, CSI 2J)', async () => {
    const c = client(['--name', 'Ann']);
    const ann = await server.nextPeer();
    await ann.next();
    ann.send('\x1b]52;c;aGVsbG8=\x07Word: ****', '\x1b]0;pwned\x07Turn: Bob', '\x1b[2J\x1b[3J\x1b[HBob\x07 joined the game', '/quit');
    expect(await c.exited).toBe(0);
    expect(c.stdout.seen).toEqual(['Word: ****', 'Turn: Bob', 'Bob joined the game']);
    for (const line of c.stdout.seen) expect(line).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
  });

  it('takes the name from the first stdin line, and answers turns with lines typed ahead', async () => {
    const c = client([]);
    c.child.stdin!.write('\n  Bob  \nx\n\nword\n');
    const bob = await server.nextPeer();
    expect(await bob.next()).toBe('Bob');
    bob.send('/turn');
    expect(await bob.next()).toBe('/letter x');
    bob.send('/turn'); // the empty line typed ahead is skipped
    expect(await bob.next()).toBe('/word word');
    bob.send('/quit');
    expect(await c.exited).toBe(0);
  });

  it('sends lines ending in \\n and reads CRLF lines from the server', async () => {
    const c = client(['--name', 'Ann']);
    const ann = await server.nextPeer();
    await ann.next();
    ann.socket.write('Word: ****\r\n/turn\r\n');
    expect(await c.stdout.next()).toBe('Word: ****');
    c.send('q');
    expect(await ann.next()).toBe('/letter q');
    expect(ann.text).toBe('Ann\n/letter q\n');
    ann.send('/quit');
    expect(await c.exited).toBe(0);
  });

  it('keeps playing after stdin ends, until /quit', async () => {
    const c = client(['--name', 'Ann']);
    c.child.stdin!.end('e\n');
    const ann = await server.nextPeer();
    await ann.next();
    ann.send('Turn: Bob');
    expect(await c.stdout.next()).toBe('Turn: Bob');
    ann.send('/turn');
    expect(await ann.next()).toBe('/letter e');
    ann.send('The game is over!', '/quit');
    expect(await c.exited).toBe(0);
    expect(c.stdout.seen).toEqual(['Turn: Bob', 'The game is over!']);
  });

  it('leaves (exit 0, after /leave) at a turn it has no input left for, so the others are not kept waiting', async () => {
    const c = client(['--name', 'Ann']);
    c.child.stdin!.end();
    const ann = await server.nextPeer();
    await ann.next();
    ann.send('/turn');
    expect(await ann.ended).toEqual(['/leave']);
    expect(await c.exited).toBe(0);
    expect(c.stderr.seen).toEqual(['It is your turn, but the input has ended: leaving the game.']);
  });

  it('exits 1 when the server closes before /quit', async () => {
    const c = client(['--name', 'Ann']);
    const ann = await server.nextPeer();
    await ann.next();
    ann.socket.end('No player name given.\n');
    expect(await c.exited).toBe(1);
    expect(c.stdout.seen).toEqual(['No player name given.']);
    expect(c.stderr.seen).toEqual(['The server closed the connection before the game was over.']);
  });

  it('exits 1 when the connection is reset', async () => {
    const c = client(['--name', 'Ann']);
    const ann = await server.nextPeer();
    await ann.next();
    ann.socket.resetAndDestroy();
    expect(await c.exited).toBe(1);
    expect(c.stderr.seen.join('\n')).toMatch(/Lost the connection to the game server at 127\.0\.0\.1:\d+: ECONNRESET|closed the connection/);
  });

  it('exits 1 with a clear message when no server listens', async () => {
    const port = server.port;
    await server.close();
    const c = runScript(CLIENT, ['--port', String(port), '--name', 'Ann']);
    children.push(c);
    expect(await c.exited).toBe(1);
    expect(c.stderr.seen).toEqual([`Cannot reach the game server at 127.0.0.1:${port}: ECONNREFUSED. Is it running? (npm run server)`]);
    server = await createScriptedServer(); // for afterEach
  });

  it('exits 2 with the usage for a bad flag, or when no name comes', async () => {
    const bad = client(['--players', '3']);
    expect(await bad.exited).toBe(2);
    expect(bad.stderr.seen[0]).toBe('unknown flag --players');

    const nameless = client([]);
    nameless.child.stdin!.end('\n');
    expect(await nameless.exited).toBe(2);
    expect(nameless.stderr.seen[0]).toBe('No name given: pass --name NAME or type one.');
  });
});

describe('terminal client: rooms, watching and a dropped connection (PROTOCOL.md §8)', () => {
  it('--new players=3 turn=30 --words FILE: /new, then the words in /words lines, then the name; the code large on stderr', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-words-'));
    const file = path.join(dir, 'words.txt');
    const words = Array.from({ length: 300 }, (_, i) => `слово${i}`);
    fs.writeFileSync(file, words.join('\n') + '\n');
    try {
      const c = client(['--new', 'players=3', 'turn=30', '--words', file, '--name', 'Ann']);
      const peer = await server.nextPeer();
      expect(await peer.next()).toBe('/new players=3 turn=30');
      const opened = format('en', 'ROOM_OPENED', { code: 'K7M2P' });
      peer.send(opened);
      const sent: string[] = [];
      for (let line = await peer.next(); line !== 'Ann'; line = await peer.next()) sent.push(line);
      expect(sent.length).toBeGreaterThan(1);
      for (const line of sent) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(1024);
      expect(sent.flatMap((l) => l.replace(/^\/words /, '').split(' '))).toEqual(words);
      expect(await c.stdout.next()).toBe(opened);
      await c.stderr.until('    Room code: K 7 M 2 P');
      peer.send('/quit');
      expect(await c.exited).toBe(0);
      expect(c.stdout.seen).toEqual([opened]); // stdout on a pipe: the server's lines alone
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--join: the name waits for the room; NO_ROOM exits 1 and the name is never sent', async () => {
    const c = client(['--join', 'k7m2p', '--name', 'Bob']);
    const peer = await server.nextPeer();
    expect(await peer.next()).toBe('/join K7M2P');
    peer.send(format('uk', 'NO_ROOM', { code: 'K7M2P' }));
    expect(await c.exited).toBe(1);
    expect(await peer.ended).toEqual([]);
    expect(c.stdout.seen).toEqual([format('uk', 'NO_ROOM', { code: 'K7M2P' })]);
  });

  it('--join: ROOM_READY, then the name', async () => {
    const c = client(['--join', 'K7M2P', '--name', 'Bob']);
    const peer = await server.nextPeer();
    expect(await peer.next()).toBe('/join K7M2P');
    peer.send(format('en', 'ROOM_READY', { code: 'K7M2P' }));
    expect(await peer.next()).toBe('Bob');
    peer.send('/quit');
    expect(await c.exited).toBe(0);
  });

  it('--watch: /watch and no name; lines shown; exits 0 on /quit', async () => {
    const c = client(['--watch', 'K7M2P']);
    const peer = await server.nextPeer();
    expect(await peer.next()).toBe('/watch K7M2P');
    peer.send(format('en', 'WATCHING', { code: 'K7M2P' }), 'Word: ****', '/quit');
    expect(await c.exited).toBe(0);
    expect(c.stdout.seen).toEqual([format('en', 'WATCHING', { code: 'K7M2P' }), 'Word: ****']);
    expect(await peer.ended).toEqual([]);
  });

  it('a connection reset in a game: reconnects by itself, sends /back KEY, and plays on', async () => {
    const c = client(['--name', 'Ann']);
    c.send('e'); // typed ahead: the answer to the next turn
    const first = await server.nextPeer();
    expect(await first.next()).toBe('Ann');
    first.send(format('en', 'JOINED', { name: 'Ann' }), format('en', 'SEAT_KEY', { key: '23456789' }));
    await c.stdout.until(format('en', 'SEAT_KEY', { key: '23456789' }));
    first.socket.resetAndDestroy();
    const second = await server.nextPeer();
    expect(await second.next()).toBe('/back 23456789');
    second.send(format('en', 'RESUMED', { name: 'Ann' }), '/turn');
    expect(await second.next()).toBe('/letter e');
    second.send('/quit');
    expect(await c.exited).toBe(0);
    expect(c.stderr.seen.join('\n')).toMatch(/Lost the connection to the game server at 127\.0\.0\.1:\d+.*; reconnecting in [\d.]+ s \(try 1 of 5\)/);
  });

  it.each([
    [['--words', 'w.txt'], '--words goes with --new: a word list is for a room you open'],
    [['--join', 'K7M2P', '--watch', 'K7M2P'], 'choose one of --new, --join, --watch and --back (got --join and --watch)'],
    [['--new', 'players'], '--new takes settings as key=value, e.g. players=3 turn=30 lang=uk (got "players")'],
    [['--watch', 'K7M2P', '--name', 'Ann'], '--name is not used with --watch or --back'],
    [['--new', '--words', '/nonexistent/words.txt'], 'Cannot read the word list /nonexistent/words.txt: ENOENT'],
  ])('exits 2 with the usage for %j', async (args, message) => {
    const c = client(args);
    expect(await c.exited).toBe(2);
    expect(c.stderr.seen[0]).toBe(message);
    expect(c.stderr.seen[1]).toMatch(/^usage: npm run client/);
  });
});
