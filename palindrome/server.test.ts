import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lineQueue } from '../test/support/lines.js';
import { connectLines } from '../test/support/line-client.js';
import { createPalindromeServer, type PalindromeServer } from './server.js';

let server: PalindromeServer;
let port: number;
const open: net.Socket[] = [];

beforeEach(async () => {
  server = await createPalindromeServer({ host: '127.0.0.1', port: 0 });
  port = server.address().port;
});

afterEach(async () => {
  for (const socket of open.splice(0)) socket.destroy();
  await server.close();
});

async function client() {
  const c = await connectLines(port);
  open.push(c.socket);
  return c;
}

/** Writes each chunk as its own write, waiting for it to be flushed before the next. */
async function writeInPieces(socket: net.Socket, pieces: (string | Uint8Array)[]): Promise<void> {
  for (const piece of pieces) await new Promise<void>((resolve) => socket.write(piece, () => resolve()));
}

describe('palindrome server', () => {
  it('listens on the asked host and a real port', () => {
    expect(server.address()).toEqual({ host: '127.0.0.1', port: expect.any(Number) });
    expect(port).toBeGreaterThan(0);
  });

  it('answers 1 for a palindrome and an empty line for anything else, in order', async () => {
    const c = await client();
    c.send('А роза упала на лапу Азора');
    c.send('hello');
    c.send('abba');
    c.send('!!!');
    expect([await c.next(), await c.next(), await c.next(), await c.next()]).toEqual(['1', '', '1', '1']);
  });

  it('closes the connection after an empty line, once the earlier answers are sent', async () => {
    const c = await client();
    c.socket.write('abba\nabc\n\nnever answered\n');
    expect(await c.ended).toEqual(['1', '']);
  });

  it('treats a line of spaces as empty (lines are trimmed)', async () => {
    const c = await client();
    c.socket.write('  abba  \n   \n');
    expect(await c.ended).toEqual(['1']);
  });

  it('takes CRLF, a lone CR and telnet negotiation', async () => {
    const c = await client();
    const iacDoEcho = Uint8Array.of(0xff, 0xfd, 0x01);
    c.socket.write(Buffer.concat([iacDoEcho, Buffer.from('abba\r\nabc\rxyx\r\n')]));
    expect([await c.next(), await c.next(), await c.next()]).toEqual(['1', '', '1']);
  });

  it('joins a line split across writes, even inside a character and between CR and LF', async () => {
    const c = await client();
    const bytes = Buffer.from('Я несу гусеня\r\n');
    const pieces: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i++) pieces.push(bytes.subarray(i, i + 1));
    await writeInPieces(c.socket, pieces);
    c.send('ok');
    expect([await c.next(), await c.next()]).toEqual(['1', '']);
  });

  it('answers an over-long line with an empty line and goes on', async () => {
    const c = await client();
    c.send('a'.repeat(2000));
    c.send('abba');
    expect([await c.next(), await c.next()]).toEqual(['', '1']);
  });

  it('disconnects a peer that sends more than 64 KiB without a line end', async () => {
    const c = await client();
    c.socket.write('a'.repeat(65 * 1024));
    expect(await c.ended).toEqual([]);
  });

  it('answers a last line without a line end when the client shuts its side', async () => {
    const c = await client();
    c.socket.end('abba');
    expect(await c.ended).toEqual(['1']);
  });

  it('serves many clients at once, each with its own answers', async () => {
    const clients = await Promise.all(Array.from({ length: 20 }, () => client()));
    // Every client sends half a line first, so all sessions are open together.
    await Promise.all(clients.map((c, i) => writeInPieces(c.socket, ['ab'])));
    clients.forEach((c, i) => c.socket.write(i % 2 === 0 ? 'ba\n' : 'c\n'));
    const answers = await Promise.all(clients.map((c) => c.next()));
    expect(answers).toEqual(clients.map((_, i) => (i % 2 === 0 ? '1' : '')));
  });

  it('survives a client that resets its connection', async () => {
    const c = await client();
    c.socket.resetAndDestroy();
    const d = await client();
    d.send('abba');
    expect(await d.next()).toBe('1');
  });

  it('answers a flood of lines in full, while the client is slow to read', async () => {
    // Every answer arrives, in order. (The pause-until-drain path itself is tested in
    // session.test.ts: loopback kernel buffers are too large to fill here quickly.)
    const c = await client();
    c.socket.pause();
    const n = 200_000;
    c.socket.write('abba\n'.repeat(n) + '\n');
    setImmediate(() => c.socket.resume());
    const rest = await c.ended;
    expect(rest.length).toBe(n);
    expect(rest.every((line) => line === '1')).toBe(true);
  });

  it('close() drops open connections', async () => {
    const raw = net.connect({ host: '127.0.0.1', port });
    raw.on('error', () => {});
    const lines = lineQueue(raw);
    await new Promise((resolve) => raw.once('connect', resolve));
    raw.write('abba\n');
    expect(await lines.next()).toBe('1');
    await server.close();
    await lines.ended;
    server = await createPalindromeServer({ port: 0 }); // for afterEach
  });
});
