/**
 * `npm run server` as a child process: the start-up line, flags, the word file,
 * and stopping on SIGTERM.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { format, parseAs } from '../protocol/catalog.js';
import { connectLines, type LineClient } from '../test/support/line-client.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

interface Run {
  child: ChildProcess;
  /** Resolves with the first stdout line that matches. */
  stdoutLine(match: RegExp): Promise<string>;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];
const clients: LineClient[] = [];
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'word-guess-main-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function run(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => (err += d));
  const lines: string[] = [];
  const waiters: Array<{ match: RegExp; resolve(line: string): void }> = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const w of waiters.splice(0)) {
      if (w.match.test(line)) w.resolve(line);
      else waiters.push(w);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    stderr: () => err,
    exited,
    stdoutLine(match) {
      const seen = lines.find((l) => match.test(l));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        waiters.push({ match, resolve });
        void exited.then(({ code }) => reject(new Error(`the server exited (${code}) before printing ${match}; stdout:\n${lines.join('\n')}\nstderr:\n${err}`)));
      });
    },
  };
}

/** Starts the server on a free port; returns the port from the start-up line. */
async function startServer(args: string[]): Promise<{ run: Run; port: number; banner: string }> {
  const r = run(['--host', '127.0.0.1', '--port', '0', ...args]);
  const banner = await r.stdoutLine(/listening on/);
  const port = Number(/listening on \S*?:(\d+)/.exec(banner)?.[1]);
  expect(port).toBeGreaterThan(0);
  return { run: r, port, banner };
}

async function wordFile(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

describe('npm run server', () => {
  it.each(['en', 'uk'] as const)('prints the start-up line with the port and serves a game (--lang %s)', async (lang) => {
    const words = await wordFile(`one-${lang}.txt`, lang === 'uk' ? 'кіт\n' : 'cat\n');
    const { port, banner } = await startServer(['--players', '1', '--lang', lang, '--words', words, '--turn-seconds', '0']);
    expect(banner).toContain(`127.0.0.1:${port}`);
    expect(banner).toContain(`language ${lang}`);
    const ann = await connectLines(port, 'Ann');
    clients.push(ann);
    expect(await ann.next()).toBe(format(lang, 'JOINED', { name: 'Ann' }));
    await ann.waitFor('/turn');
    ann.send(`/word ${lang === 'uk' ? 'КІТ' : 'CAT'}`);
    expect(await ann.waitFor(/^\S+ \d+$/)).toBe(format(lang, 'RESULT', { name: 'Ann', points: 6 }));
    expect(await ann.next()).toBe('/quit');
    await ann.closed;
  });

  it.each([
    ['--port abc', ['--port', 'abc'], /--port/],
    ['--port 70000', ['--port', '70000'], /--port/],
    ['--lang fr', ['--lang', 'fr'], /--lang must be one of en, uk/],
    ['--players 0', ['--players', '0'], /--players/],
    ['--turn-seconds -1', ['--turn-seconds', '-1'], /--turn-seconds/],
    ['--new-rooms-per-minute 0', ['--new-rooms-per-minute', '0'], /--new-rooms-per-minute/],
    ['--seat-grace -1', ['--seat-grace', '-1'], /--seat-grace/],
    ['--bot-delay x', ['--bot-delay', 'x'], /--bot-delay/],
    ['--max-rooms 0', ['--max-rooms', '0'], /--max-rooms/],
    ['an unknown flag', ['--colour', 'red'], /unknown flag --colour/],
    ['a stray argument', ['30003'], /unexpected argument/],
    ['--redis that is no URL', ['--redis', '127.0.0.1:6379'], /--redis must be a URL like redis:\/\/127\.0\.0\.1:6379/],
    ['--advertise that is no HOST:PORT', ['--redis', 'redis://127.0.0.1:6379', '--advertise', 'here'], /--advertise must be HOST:PORT/],
    ['--advertise without --redis', ['--advertise', '10.0.0.5:30003'], /--advertise .* needs --redis/],
  ])('%s: a message and the usage on stderr, exit code 2', async (_what, args, message) => {
    const r = run(args);
    const { code } = await r.exited;
    expect(code).toBe(2);
    expect(r.stderr()).toMatch(message);
    expect(r.stderr()).toContain('usage: npm run server');
  });

  it('without --words, a room plays the built-in list of its own language; --max-rooms is kept to', async () => {
    const { port } = await startServer(['--lang', 'en', '--turn-seconds', '0', '--seat-grace', '0', '--bot-delay', '0', '--max-rooms', '1']);
    const ann = await connectLines(port);
    clients.push(ann);
    ann.send('/new players=2 lang=uk bots=1');
    const opened = await ann.next();
    expect(opened).toMatch(/^Кімнату [2-9A-HJ-NP-Z]{5} відкрито/);
    const bob = await connectLines(port);
    clients.push(bob);
    bob.send('/new');
    expect(await bob.next()).toBe(format('en', 'NO_ROOM_LEFT'));
    ann.send('Ann');
    const mask = await ann.waitFor(/^Слово: /);
    // A word of the Ukrainian list: Cyrillic letters (or their masks) only.
    expect(mask).toMatch(/^Слово: [*\p{Script=Cyrillic}'-]+$/u);
    ann.send('/leave');
    await ann.waitFor('/quit');
  });

  it('a missing word file: a clear message naming the file, exit code 2', async () => {
    const missing = join(dir, 'no-such-words.txt');
    const r = run(['--port', '0', '--words', missing]);
    const { code } = await r.exited;
    expect(code).toBe(2);
    expect(r.stderr()).toContain(missing);
    expect(r.stderr()).toMatch(/no such file/);
  });

  it('a word file with a bad word: the line is named, exit code 2', async () => {
    const bad = await wordFile('bad.txt', 'cat\nd0g\n');
    const r = run(['--port', '0', '--words', bad]);
    const { code } = await r.exited;
    expect(code).toBe(2);
    expect(r.stderr()).toContain(`${bad}:2`);
  });

  it('--new-rooms-per-minute sets how many rooms one connection from loopback may open in a minute', async () => {
    const { port } = await startServer(['--new-rooms-per-minute', '2']);
    const ann = await connectLines(port);
    clients.push(ann);
    for (let i = 0; i < 2; i++) {
      ann.send('/new');
      await ann.waitFor((l) => parseAs('ROOM_OPENED', l) !== null);
    }
    ann.send('/new');
    expect(await ann.next()).toBe(format('en', 'SLOW_DOWN'));
  });

  it('SIGTERM: players are told STOPPING, then /quit; the process exits 0', async () => {
    const { run: r, port } = await startServer(['--players', '2', '--lang', 'uk']);
    const ann = await connectLines(port, 'Ann');
    clients.push(ann);
    await ann.waitFor(format('uk', 'WAITING', { k: 1, n: 2 }));
    r.child.kill('SIGTERM');
    expect(await ann.next()).toBe(format('uk', 'STOPPING'));
    expect(await ann.next()).toBe('/quit');
    await ann.closed;
    const { code } = await r.exited;
    expect(code).toBe(0);
  });
});
