import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScript, type TestChild } from '../test/support/child.js';
import { createPalindromeServer, type PalindromeServer } from './server.js';

const CLIENT = 'palindrome/client.ts';

let server: PalindromeServer;
let port: number;
const children: TestChild[] = [];

function client(args: string[] = ['--port', String(port)]): TestChild {
  const c = runScript(CLIENT, args);
  children.push(c);
  return c;
}

beforeEach(async () => {
  server = await createPalindromeServer({ port: 0 });
  port = server.address().port;
});

afterEach(async () => {
  for (const c of children.splice(0)) if (c.child.exitCode === null) c.child.kill();
  await server.close();
});

describe('palindrome client', () => {
  it('answers each line typed ahead on a pipe, in order, and exits 0 at EOF', async () => {
    const c = client();
    c.child.stdin!.end('А роза упала на лапу Азора\nhello\nabba\n');
    expect(await c.exited).toBe(0);
    expect(await c.stdout.ended).toEqual(['palindrome', 'not a palindrome', 'palindrome']);
  });

  it('answers one line at a time, each before the next is typed', async () => {
    const c = client();
    c.send('abba');
    expect(await c.stdout.next()).toBe('palindrome');
    c.send('abc');
    expect(await c.stdout.next()).toBe('not a palindrome');
    c.send('');
    expect(await c.exited).toBe(0);
  });

  it('ends the session at an empty line and ignores what follows', async () => {
    const c = client();
    c.child.stdin!.write('abba\n\nhello\n');
    expect(await c.exited).toBe(0);
    expect(await c.stdout.ended).toEqual(['palindrome']);
  });

  it('exits 1 with a clear message when the server cannot be reached', async () => {
    const closed = await createPalindromeServer({ port: 0 });
    const deadPort = closed.address().port;
    await closed.close();
    const c = client(['--port', String(deadPort)]);
    expect(await c.exited).toBe(1);
    expect(await c.stderr.ended).toEqual([`cannot reach the palindrome server at 127.0.0.1:${deadPort}: ECONNREFUSED`]);
  });

  it('exits 1 when the server goes away with answers owed', async () => {
    // A server that takes the question and hangs up without answering.
    const rude = net.createServer((socket) => {
      socket.on('error', () => {});
      socket.once('data', () => socket.destroy());
    });
    await new Promise<void>((resolve) => rude.listen(0, '127.0.0.1', resolve));
    const c = client(['--port', String((rude.address() as net.AddressInfo).port)]);
    c.send('abba');
    expect(await c.exited).toBe(1);
    expect((await c.stderr.ended).join('\n')).toMatch(/closed the connection with 1 answer\(s\) owed|lost the connection/);
    await new Promise((resolve) => rude.close(resolve));
  });

  it('refuses a bad flag with exit code 2 and the usage', async () => {
    const c = client(['--port', '70000']);
    expect(await c.exited).toBe(2);
    expect(await c.stderr.ended).toEqual([
      '--port must be an integer from 0 to 65535 (got "70000")',
      'usage: npm run palindrome-client -- [--host 127.0.0.1] [--port 30002]',
    ]);
  });
});
