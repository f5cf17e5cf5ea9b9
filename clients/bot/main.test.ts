import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWords } from '../../game/words.js';
import { format } from '../../protocol/catalog.js';
import { runScript, type TestChild } from '../../test/support/child.js';
import { gameServerPerTest } from '../../test/support/game-server.js';
import { createScriptedServer, type ScriptedServer } from '../../test/support/scripted-server.js';

// `npm run bot` as a child process, over real sockets.
const BOT = 'clients/bot/main.ts';
const EN = parseWords(readFileSync(new URL('../../game/words/en.txt', import.meta.url), 'utf8'));

const children: TestChild[] = [];
let scripted: ScriptedServer | null = null;
afterEach(async () => {
  for (const c of children.splice(0)) if (c.child.exitCode === null) c.child.kill();
  await scripted?.close();
  scripted = null;
});

function bot(port: number, ...args: string[]): TestChild {
  const c = runScript(BOT, ['--port', String(port), '--delay', '0', ...args]);
  children.push(c);
  return c;
}

describe('npm run bot against the game server', () => {
  const game = gameServerPerTest();

  it('three computer players play a whole public game to /quit and exit 0', async () => {
    const port = await game.start({ players: 3, words: EN });
    const c = bot(port, '--count', '3', '--level', 'hard');
    expect(await c.exited).toBe(0);
    const out = c.stdout.seen;
    for (const name of ['Robo 1', 'Robo 2', 'Robo 3']) expect(out.some((l) => l.startsWith(`${name}: game over, points: `))).toBe(true);
    expect(out.filter((l) => l.endsWith('Congratulations! You won!!!'))).toHaveLength(1);
    expect(out.some((l) => / > \/(letter|word) /.test(l))).toBe(true);
  });

  it('plays a game against a person on a raw TCP connection', async () => {
    const port = await game.start({ players: 2, words: ['kite'] });
    const ann = await game.player(port, 'Ann');
    await ann.waitFor('Waiting for players: 1 of 2');
    const c = bot(port, '--name', 'Robo', '--level', 'normal');
    // Ann names letters in this order whenever it is her turn, skipping those already named.
    const order = [...'etaoinshrdlucmfwypvbgkjqxz'];
    const named = new Set<string>();
    const lines: string[] = [];
    for (;;) {
      const line = await ann.next();
      lines.push(line);
      const m = /^Letter named: '(.)'$/.exec(line);
      if (m) named.add(m[1]);
      if (line === '/quit') break;
      if (line === '/turn') {
        const l = order.find((x) => !named.has(x))!;
        named.add(l);
        ann.send(`/letter ${l}`);
      }
    }
    expect(await c.exited).toBe(0);
    expect(lines).toContain('Robo joined the game');
    // Ann: e, t (hits), a (a miss): then the computer player moves, and it knows the list.
    expect(lines.some((l) => l.startsWith('Letter named: ') || l.startsWith('Word named: '))).toBe(true);
    expect(lines).toContain('The game is over!');
    expect(lines.filter((l) => /^(Ann|Robo) \d+$/.test(l))).toHaveLength(2);
  });

  it('says what is wrong when the server is not there, and exits 1', async () => {
    const port = await game.start();
    await game.server.close();
    const c = bot(port);
    expect(await c.exited).toBe(1);
    expect(c.stderr.seen.join('\n')).toMatch(/Cannot play at the game server at 127\.0\.0\.1:\d+: ECONNREFUSED/);
  });
});

describe('npm run bot in a room (a scripted server)', () => {
  it('waits for ROOM_READY before its name, plays, and leaves after --games', async () => {
    scripted = await createScriptedServer();
    const c = bot(scripted.port, '--join', 'abcde', '--games', '1');
    const peer = await scripted.nextPeer();
    expect(await peer.next()).toBe('/join abcde');
    peer.send(format('en', 'ROOM_READY', { code: 'ABCDE' }));
    expect(await peer.next()).toBe('Robo 1');
    peer.send('Robo 1 joined the game', 'The game has started!', 'Word: ****', 'Turn: Robo 1', '/turn');
    expect(await peer.next()).toMatch(/^\/letter \p{L}$/u);
    peer.send('The game is over!', 'Robo 1 0', 'Ann 5', format('en', 'ROOM_TOTAL', { code: 'ABCDE', scores: 'Ann 5, Robo 1 0' }), format('en', 'NEXT_GAME', { seconds: 10 }));
    expect(await peer.next()).toBe('/leave');
    peer.send('/quit');
    expect(await c.exited).toBe(0);
  });

  it('stops with exit code 1 when there is no such room', async () => {
    scripted = await createScriptedServer();
    const c = bot(scripted.port, '--join', 'ZZZZZ');
    const peer = await scripted.nextPeer();
    expect(await peer.next()).toBe('/join ZZZZZ');
    peer.send(format('en', 'NO_ROOM', { code: 'ZZZZZ' }));
    expect(await c.exited).toBe(1);
    expect(c.stdout.seen).toContain('Robo 1: There is no room ZZZZZ');
  });

  it('refuses a bad flag, and more than MAX_BOTS (100) players, with the usage and exit code 2', async () => {
    const c = runScript(BOT, ['--level', 'genius']);
    const many = runScript(BOT, ['--count', '101']);
    children.push(c, many);
    expect(await c.exited).toBe(2);
    expect(c.stderr.seen.join('\n')).toContain('--level must be one of easy, normal, hard');
    expect(await many.exited).toBe(2);
    expect(many.stderr.seen.join('\n')).toContain('--count must be an integer from 1 to 100');
  });
});
