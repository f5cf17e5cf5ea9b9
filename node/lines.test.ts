import net from 'node:net';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Line } from '../protocol/framing.js';
import { readLines } from './lines.js';

/** A stream fed chunk by chunk, and what the reader made of it. */
function fed(chunks: (string | number[])[], options?: Parameters<typeof readLines>[2]) {
  const stream = new PassThrough();
  const events: string[] = [];
  const reading = readLines(
    stream,
    {
      line: (l: Line) => events.push(l.tooLong ? 'too long' : `line ${l.text}`),
      end: () => events.push('end'),
      overflow: () => events.push('overflow'),
    },
    options,
  );
  for (const c of chunks) stream.write(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c));
  return { stream, events, reading };
}

describe('readLines', () => {
  it('gives each line once it is whole, across chunks and split characters', () => {
    const { events } = fed(['one\ntw', 'o\r', '\nth', [0xd1], [0x96], 'r\n']);
    expect(events).toEqual(['line one', 'line two', 'line thіr']);
  });

  it('gives a last line without a line end when the stream ends, then says so', async () => {
    const { stream, events } = fed(['a\nlast']);
    stream.end();
    await once(stream, 'end');
    expect(events).toEqual(['line a', 'line last', 'end']);
  });

  it('delivers nothing after stop(), not even the rest of the chunk being read', async () => {
    const stream = new PassThrough();
    const got: string[] = [];
    let ended = false;
    const reading = readLines(stream, {
      line(l) {
        got.push(l.text);
        if (l.text === 'stop') reading.stop();
      },
      end: () => (ended = true),
    });
    stream.end('a\nstop\nb\nc');
    await once(stream, 'end');
    expect(got).toEqual(['a', 'stop']);
    expect(reading.stopped).toBe(true);
    expect(ended).toBe(false);
  });

  it('reports a line over the limit as too long and goes on', () => {
    const { events } = fed(['x'.repeat(11) + '\nok\n'], { maxLineBytes: 10 });
    expect(events).toEqual(['too long', 'line ok']);
  });

  it('stops at an overflow: the lines before it, one overflow, then nothing', async () => {
    const { stream, events, reading } = fed(['a\n' + 'x'.repeat(20), 'more\n'], { maxUnterminatedBytes: 16 });
    stream.end();
    await once(stream, 'end');
    expect(events).toEqual(['line a', 'overflow']);
    expect(reading.stopped).toBe(true);
  });

  it('takes a plain function for the lines', () => {
    const stream = new PassThrough();
    const got: string[] = [];
    readLines(stream, (l) => got.push(l.text));
    stream.write('a\nb\n');
    expect(got).toEqual(['a', 'b']);
  });
});

describe('readLines on a socket', () => {
  let server: net.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('reads what a peer wrote in pieces, and its last line when it ends', async () => {
    server = net.createServer((socket) => {
      socket.on('error', () => {});
      socket.write('Слов');
      socket.write('о: ла*а\r');
      socket.end('\n/quit');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const socket = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
    socket.on('error', () => {});
    const got: string[] = [];
    const ended = new Promise<void>((resolve) => readLines(socket, { line: (l) => got.push(l.text), end: resolve }));
    await ended;
    expect(got).toEqual(['Слово: ла*а', '/quit']);
    socket.destroy();
  });
});
