import { afterEach, describe, expect, it } from 'vitest';
import { createGameServer, type GameServer } from '../../server/server.js';
import { runScript, type TestChild } from '../../test/support/child.js';
import { connectLines, type LineClient as TestConnection } from '../../test/support/line-client.js';

// The terminal client as a child process on a pipe, in a real game against the
// real server, with a raw TCP socket as the second player.

let server: GameServer | null = null;
let child: TestChild | null = null;
let bob: TestConnection | null = null;

afterEach(async () => {
  if (child && child.child.exitCode === null) child.child.kill();
  bob?.socket.destroy();
  await server?.close();
  server = child = bob = null;
});

describe('terminal client in a real game', () => {
  it('plays the §6 example as Ann against a raw TCP Bob', async () => {
    server = await createGameServer({ host: '127.0.0.1', port: 0, players: 2, words: ['лапа'], lang: 'uk', turnSeconds: 0 });
    const { port } = server.address();
    const ann = runScript('clients/terminal/main.ts', ['--port', String(port), '--name', 'Ann']);
    child = ann;
    // Ann joins first, so she moves first.
    await ann.stdout.until('Очікуємо гравців: 1 з 2');
    bob = await connectLines(port);
    bob.send('Bob');

    await ann.stdout.until('Хід Ann');
    ann.send('а');
    expect(await bob.until(/^Названо/)).toBe("Названо літеру 'а'");
    await ann.stdout.until('Рахунок: Ann 2, Bob 0');
    await ann.stdout.until('Хід Ann');
    ann.send('липа');
    expect(await bob.until(/^Названо/)).toBe('Названо слово "липа"');
    await bob.until('/turn');
    bob.send('/word лапа');

    expect(await bob.until('/quit')).toBe('/quit');
    expect(await ann.exited).toBe(0);
    const annSaw = ann.stdout.seen;
    for (const line of [
      'До гри приєднався(лась) Bob',
      'Гра почалась!',
      'Слово: ****',
      'Ви заробили балів: 2',
      'На жаль, Ваші бали "згоріли"',
      'Названо слово "лапа"',
      'Слово: лапа',
      'Гру закінчено!',
      'Ann 0',
      'Bob 6',
    ]) {
      expect(annSaw).toContain(line);
    }
    expect(annSaw.some((line) => line.startsWith('/'))).toBe(false);
    expect(ann.stderr.seen).toEqual([]);
  });

  it('gets another /turn after a wrong letter answer and goes on with the next line typed ahead', async () => {
    server = await createGameServer({ host: '127.0.0.1', port: 0, players: 1, words: ['ab'], lang: 'en', turnSeconds: 0 });
    const ann = runScript('clients/terminal/main.ts', ['--port', String(server.address().port), '--name', 'Ann']);
    child = ann;
    // All moves typed ahead, then end of input: "1" is no letter (NOT_A_LETTER), the rest win.
    ann.child.stdin!.end('1\na\n\nb\n');
    expect(await ann.exited).toBe(0);
    expect(ann.stdout.seen).toContain('Name a single letter');
    expect(ann.stdout.seen).toContain('Word: ab');
    expect(ann.stdout.seen).toContain('The game is over!');
  });
});
