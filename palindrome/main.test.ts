import { afterEach, describe, expect, it } from 'vitest';
import { runScript, type TestChild } from '../test/support/child.js';
import { connectLines } from '../test/support/line-client.js';

const MAIN = 'palindrome/main.ts';
const children: TestChild[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.child.exitCode === null) c.child.kill();
});

function start(args: string[]): TestChild {
  const c = runScript(MAIN, args);
  children.push(c);
  return c;
}

describe('npm run palindrome-server', () => {
  it('prints where it listens, answers, and exits 0 on SIGTERM', async () => {
    const server = start(['--port', '0']);
    const listening = await server.stdout.next();
    const match = /^palindrome server listening on 127\.0\.0\.1:(\d+)$/.exec(listening);
    expect(match, listening).not.toBeNull();
    const c = await connectLines(Number(match![1]));
    c.send('abba');
    expect(await c.next()).toBe('1');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    c.socket.destroy();
  });

  it('refuses a bad flag with exit code 2 and the usage', async () => {
    const server = start(['--port', 'many']);
    expect(await server.exited).toBe(2);
    expect(server.stderr.seen).toEqual([
      '--port must be an integer from 0 to 65535 (got "many")',
      'usage: npm run palindrome-server -- [--host 127.0.0.1] [--port 30002]',
    ]);
  });
});
