import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

  it('leaves (exit 0) at a turn it has no input left for, so the others are not kept waiting', async () => {
    const c = client(['--name', 'Ann']);
    c.child.stdin!.end();
    const ann = await server.nextPeer();
    await ann.next();
    ann.send('/turn');
    expect(await ann.ended).toEqual([]);
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
