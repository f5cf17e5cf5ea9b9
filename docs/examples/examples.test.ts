/**
 * The example clients of docs/WRITE-A-CLIENT.md, each in a real game against the
 * real server, at a table with a raw TCP player; and the doc's transcript replayed
 * against a live server. If the server changes, these fail before the docs lie.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createGameServer, type GameServer } from '../../server/server.js';
import { createGateway, type Gateway } from '../../gateway/gateway.js';
import { connectLines, type LineClient } from '../../test/support/line-client.js';
import { eventually } from '../../test/support/eventually.js';
import { SOME_KEY, keyOf, maskKey, maskKeys } from '../../test/support/seat-keys.js';
import { cuttableRelay, type CuttableRelay } from '../../test/support/cuttable-relay.js';
import { untilQuit } from '../../test/support/game-server.js';
import { chromiumPath as chromiumPathOf } from '../../e2e/browser.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const guide = readFileSync(here('../WRITE-A-CLIENT.md'), 'utf8');
const onPath = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const chromiumPath = chromiumPathOf();

let server: GameServer | undefined;
let gateway: Gateway | undefined;
let browser: Browser | undefined;
const children: ChildProcessWithoutNullStreams[] = [];
const sockets: LineClient[] = [];
const stops: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill();
  for (const s of sockets.splice(0)) s.close();
  await browser?.close();
  await gateway?.close();
  await server?.close();
  browser = gateway = server = undefined;
});

/** A server with one word, so every game is the same: `kite`. */
async function startServer(): Promise<number> {
  server = await createGameServer({ host: '127.0.0.1', port: 0, players: 2, words: ['kite'], lang: 'en', turnSeconds: 0 });
  return server.address().port;
}

async function tcpPlayer(port: number, name?: string): Promise<LineClient> {
  const c = await connectLines(port, name);
  sockets.push(c);
  return c;
}

/** An example client, seen the way its user sees it. */
interface ExamplePlayer {
  /** The lines shown until it asks for a move; fails if the game ends first. */
  untilTurn(): Promise<string[]>;
  /** Types a move, as its user would. */
  move(text: string): Promise<void>;
  /** The lines shown until the game is over and the client has closed (with `exitCode`, default 0). */
  end(exitCode?: number): Promise<string[]>;
}

/** A command-line example: it can also be read up to a given line. */
interface CommandLinePlayer extends ExamplePlayer {
  /** The lines shown up to and including `last`; fails if it ends first. */
  until(last: string): Promise<string[]>;
  /** What it wrote to stderr so far. */
  stderr(): string;
}

/** Reads a stream line by line; `undefined` at its end. */
function lineReader(stream: Readable): () => Promise<string | undefined> {
  const lines = createInterface({ input: stream })[Symbol.asyncIterator]();
  return async () => {
    const r = await lines.next();
    return r.done ? undefined : r.value;
  };
}

/**
 * A command-line example whose stdin is the keyboard. `turn` is the line it shows
 * when it wants a move; `quit`, if given, is shown last and the user then closes
 * the input (Ctrl-D), as netcat needs.
 */
function commandLinePlayer(cmd: string, args: string[], how: { turn: string; quit?: string }): CommandLinePlayer {
  const child = spawn(cmd, args, { cwd: here('.'), env: { ...process.env, PYTHONUTF8: '1' } });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const next = lineReader(child.stdout);
  const ended = (seen: string[]) => new Error(`${cmd} ended early (stderr: ${stderr.trim() || 'empty'}); it showed:\n${seen.join('\n')}`);
  const until = async (last: string) => {
    const seen: string[] = [];
    for (let line = await next(); line !== last; line = await next()) {
      if (line === undefined) throw ended(seen);
      seen.push(line);
    }
    return seen;
  };
  return {
    untilTurn: () => until(how.turn),
    async until(last) {
      return [...(await until(last)), last];
    },
    stderr: () => stderr,
    async move(text) {
      child.stdin.write(`${text}\n`);
    },
    async end(exitCode = 0) {
      const seen: string[] = [];
      for (let line = await next(); line !== undefined; line = await next()) {
        seen.push(line);
        if (line === how.quit) child.stdin.end();
      }
      child.stdin.end();
      expect(await exited, `exit code of ${cmd} (stderr: ${stderr.trim() || 'empty'}); it showed:\n${seen.join('\n')}`).toBe(exitCode);
      return seen;
    },
  };
}

/** The browser page, driven like a person: type a name, wait for the move box, type moves. */
function pagePlayer(page: Page): ExamplePlayer {
  let shown = 0;
  const log = async () => (await page.locator('#log').textContent())!.split('\n').slice(0, -1);
  const newLines = async () => {
    const all = await log();
    const fresh = all.slice(shown);
    shown = all.length;
    return fresh;
  };
  return {
    async untilTurn() {
      await page.locator('#guess:enabled').waitFor();
      return newLines();
    },
    async move(text) {
      await page.locator('#guess').fill(text);
      await page.locator('#guess').press('Enter');
    },
    async end() {
      await page.waitForFunction(() => document.getElementById('log')!.textContent!.includes('(closed: '));
      return newLines();
    },
  };
}

/**
 * One whole game: the raw TCP player `Tcp` sits first, the example joins as `Ex`.
 * Tcp misses, Ex opens a letter, answers an empty line with a real move, and names
 * the word. Checks what the example showed, and what the raw player saw of it.
 */
async function playAgainstTcp(port: number, startExample: () => Promise<ExamplePlayer>): Promise<{ last: string[] }> {
  const tcp = await tcpPlayer(port, 'Tcp');
  await tcp.waitFor('Waiting for players: 1 of 2');
  const ex = await startExample();
  await tcp.waitFor('/turn');
  tcp.send('/letter z');
  expect(maskKeys(await ex.untilTurn())).toEqual([
    'Ex joined the game',
    'At the table: Tcp, Ex',
    `Your seat key: ${SOME_KEY} (if you lose the connection, reconnect and type /back ${SOME_KEY})`,
    'The game has started!',
    'Word: ****',
    'Turn: Tcp',
    "Letter named: 'z'",
    'Word: ****',
    'Score: Tcp 0, Ex 0',
    'Turn: Ex',
  ]);
  await ex.move('/letter e');
  expect(await tcp.waitFor(/^Letter named/)).toBe("Letter named: 'e'");
  expect(await ex.untilTurn()).toEqual(['You earned points: 1', 'Word: ***e', 'Score: Tcp 0, Ex 1', 'Turn: Ex']);
  // An empty answer is no move (the server ignores empty lines): the client asks again.
  await ex.move('  ');
  await ex.move('/word KITE');
  expect(await tcp.waitFor(/^Word named/)).toBe('Word named: "kite"');
  const last = await ex.end();
  expect(last.slice(0, 7)).toEqual([
    'You earned points: 3',
    'Congratulations! You won!!!',
    'Word: kite',
    'Score: Tcp 0, Ex 8',
    'The game is over!',
    'Tcp 0',
    'Ex 8',
  ]);
  expect(await tcp.waitFor('/quit')).toBe('/quit');
  await tcp.closed;
  await eventually(() => server!.stats().connections === 0, 'the server to see every connection closed');
  expect(server!.stats()).toMatchObject({ finished: 1, playing: 0 });
  return { last: last.slice(7) };
}

describe('docs/examples: each example plays a whole game with a raw TCP player', () => {
  const python = onPath('python3');
  it.skipIf(!python)(`client.py (Python, socket)${python ? '' : ' — skipped: python3 is not installed'}`, async () => {
    const port = await startServer();
    const { last } = await playAgainstTcp(port, async () =>
      commandLinePlayer('python3', ['client.py', 'Ex', '127.0.0.1', String(port)], { turn: 'Your turn: /letter X or /word WORD' }),
    );
    expect(last).toEqual([]);
  });

  it('client.mjs (Node.js, node:net)', async () => {
    const port = await startServer();
    const { last } = await playAgainstTcp(port, async () =>
      commandLinePlayer(process.execPath, ['client.mjs', 'Ex', '127.0.0.1', String(port)], { turn: 'Your turn: /letter X or /word WORD' }),
    );
    expect(last).toEqual([]);
  });

  const nc = onPath('nc');
  it.skipIf(!nc)(`nc.sh (the netcat one-liner)${nc ? '' : ' — skipped: nc (netcat) is not installed'}`, async () => {
    const port = await startServer();
    const { last } = await playAgainstTcp(port, async () =>
      commandLinePlayer('sh', ['nc.sh', 'Ex', '127.0.0.1', String(port)], { turn: '/turn', quit: '/quit' }),
    );
    expect(last).toEqual(['/quit']);
  });

  const hasChromium = existsSync(chromiumPath);
  it.skipIf(!hasChromium)(`browser/index.html (plain JavaScript, WebSocket, through the gateway)${hasChromium ? '' : ` — skipped: no Chromium at ${chromiumPath}`}`, async () => {
    const port = await startServer();
    gateway = await createGateway({ host: '127.0.0.1', port: 0, target: { host: '127.0.0.1', port }, staticDir: here('browser'), heartbeatMs: 0, log: () => {} });
    browser = await chromium.launch({ executablePath: chromiumPath });
    const { last } = await playAgainstTcp(port, async () => {
      const page = await browser!.newPage();
      await page.goto(`http://127.0.0.1:${gateway!.address().port}/`);
      await page.locator('#name').fill('Ex');
      await page.locator('#name').press('Enter');
      return pagePlayer(page);
    });
    expect(last).toHaveLength(1);
    expect(last[0]).toMatch(/^\(closed: 1000\b/);
    await gateway.whenIdle();
  });
});

describe('docs/examples/client_keeps_seat.py: a dropped connection does not cost the seat', () => {
  const python = onPath('python3');
  const skipped = python ? '' : ' — skipped: python3 is not installed';
  const TURN = 'Your turn: /letter X or /word WORD';

  /** The server, a relay in front of it that the test can cut, the raw player `Tcp` seated, and the example `Ex` through the relay. */
  async function seated(): Promise<{ port: number; relay: CuttableRelay; tcp: LineClient; ex: CommandLinePlayer; key: string }> {
    const port = await startServer();
    const relay = await cuttableRelay(port);
    stops.push(() => relay.close());
    const tcp = await tcpPlayer(port, 'Tcp');
    await tcp.waitFor('Waiting for players: 1 of 2');
    const ex = commandLinePlayer('python3', ['client_keeps_seat.py', 'Ex', '127.0.0.1', String(relay.port)], { turn: TURN });
    const shown = await ex.until('Turn: Tcp');
    expect(maskKeys(shown)).toEqual([
      'Ex joined the game',
      'At the table: Tcp, Ex',
      `Your seat key: ${SOME_KEY} (if you lose the connection, reconnect and type /back ${SOME_KEY})`,
      'The game has started!',
      'Word: ****',
      'Turn: Tcp',
    ]);
    const key = shown.map(keyOf).find((k) => k !== null)!;
    await tcp.waitFor('/turn');
    return { port, relay, tcp, ex, key };
  }

  it.skipIf(!python)(`cut mid-game, it reconnects, sends /back KEY and finishes the game in its seat with its points${skipped}`, async () => {
    const { relay, tcp, ex } = await seated();
    tcp.send('/letter z');
    expect(await ex.untilTurn()).toEqual(["Letter named: 'z'", 'Word: ****', 'Score: Tcp 0, Ex 0', 'Turn: Ex']);
    await ex.move('/letter e');
    expect(await ex.untilTurn()).toEqual(['You earned points: 1', 'Word: ***e', 'Score: Tcp 0, Ex 1', 'Turn: Ex']);
    await ex.move('/letter a');
    expect(await ex.until('Turn: Tcp')).toEqual(['No such letter', 'Word: ***e', 'Score: Tcp 0, Ex 1', 'Turn: Tcp']);
    await tcp.waitFor('/turn');

    relay.cut(); // Ex is waiting for the server's next line: it notices at once.
    expect(await tcp.waitFor(/lost the connection/)).toBe('Ex lost the connection; the seat is kept for 60 s');
    expect(await tcp.next()).toBe('Ex is back');
    tcp.send('/letter q');
    expect(await ex.untilTurn()).toEqual([
      'Connection lost; trying again in 1 s (try 1 of 5)',
      'You are back as Ex',
      'At the table: Tcp, Ex',
      'Word: ***e',
      'Letters named: z, e, a',
      'Score: Tcp 0, Ex 1',
      'Turn: Tcp',
      "Letter named: 'q'",
      'Word: ***e',
      'Score: Tcp 0, Ex 1',
      'Turn: Ex',
    ]);
    await ex.move('/word kite');
    expect(await ex.end()).toEqual([
      'You earned points: 3',
      'Congratulations! You won!!!',
      'Word: kite',
      'Score: Tcp 0, Ex 8',
      'The game is over!',
      'Tcp 0',
      'Ex 8',
    ]);
    expect(await untilQuit(tcp)).toContain('Ex 8');
    // The other player saw Ex go and come back: never a second JOINED, never an "Ex 2".
    expect(tcp.lines.filter((l) => /joined the game$/.test(l))).toEqual(['Tcp joined the game', 'Ex joined the game']);
    expect(tcp.lines.join('\n')).not.toContain('Ex 2');
    await eventually(() => server!.stats().connections === 0, 'the server to see every connection closed');
    expect(server!.stats()).toMatchObject({ finished: 1, playing: 0 });
  });

  it.skipIf(!python)(`REPLACED: client.py given "/back KEY" for a name takes the seat over; the first stops and does not come back${skipped}`, async () => {
    const { port, tcp, ex, key } = await seated();
    // WRITE-A-CLIENT.md: the minimal client comes back by hand, the key where the name goes.
    const other = commandLinePlayer('python3', ['client.py', `/back ${key}`, '127.0.0.1', String(port)], { turn: TURN });
    expect(await other.until('Turn: Tcp')).toEqual(['You are back as Ex', 'At the table: Tcp, Ex', 'Word: ****', 'Score: Tcp 0, Ex 0', 'Turn: Tcp']);
    expect(await ex.end()).toEqual(['Your seat was taken over by a new connection']);
    expect(await tcp.waitFor(/ is back$/)).toBe('Ex is back');
    // The new connection plays the seat to the end, never taken back by the first.
    tcp.send('/letter z');
    expect(await other.untilTurn()).toEqual(["Letter named: 'z'", 'Word: ****', 'Score: Tcp 0, Ex 0', 'Turn: Ex']);
    await other.move('/word kite');
    expect(await other.end()).toEqual([
      'You earned points: 4',
      'Congratulations! You won!!!',
      'Word: kite',
      'Score: Tcp 0, Ex 8',
      'The game is over!',
      'Tcp 0',
      'Ex 8',
    ]);
  });

  it.skipIf(!python)(`NO_SEAT: back after the game ended, it says the seat is gone and stops${skipped}`, async () => {
    const { relay, tcp, ex } = await seated();
    const held = relay.holdNext(); // its reconnection waits until the game is over
    relay.cut();
    expect(await tcp.waitFor(/lost the connection/)).toBe('Ex lost the connection; the seat is kept for 60 s');
    tcp.send('/word kite');
    expect(await untilQuit(tcp)).toContain('Ex 0'); // away at the end: still a RESULT line
    (await held)();
    expect(await ex.end(1)).toEqual(['Connection lost; trying again in 1 s (try 1 of 5)', 'That seat is no longer kept']);
    expect(ex.stderr()).toContain('The seat is gone');
  });
});

describe('docs/WRITE-A-CLIENT.md and docs/NETWORKING.md', () => {
  it.each(['WRITE-A-CLIENT.md', 'NETWORKING.md'])('%s links only to files that exist', (doc) => {
    const text = readFileSync(here(`../${doc}`), 'utf8');
    const targets = [...text.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/.test(t));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((t) => !existsSync(here(`../${t}`)))).toEqual([]);
  });

  it.each(['client.py', 'client_keeps_seat.py'])('shows %s exactly as it is in docs/examples', (file) => {
    const source = readFileSync(here(file), 'utf8');
    const blocks = [...guide.matchAll(/```python\n([\s\S]*?)```/g)].map((m) => m[1]);
    const listing = blocks.find((b) => b.split('\n')[0] === source.split('\n')[0]);
    expect(listing, `the whole of ${file} in a \`\`\`python block`).toBeDefined();
    expect(listing).toBe(source);
  });

  it('shows the nc one-liner of nc.sh', () => {
    const oneLiner = readFileSync(here('nc.sh'), 'utf8').trim().split('\n').at(-1)!;
    const asTyped = oneLiner.replace('"${1:-nc}"', 'Ann').replace('"${2:-localhost}" "${3:-30003}"', 'localhost 30003');
    expect(guide).toContain(asTyped);
  });

  /** The rows of the ```text block after `marker` in the guide. */
  function transcript(marker: string): Step[] {
    const start = guide.indexOf(marker);
    expect(start, `"${marker}" in WRITE-A-CLIENT.md`).toBeGreaterThan(-1);
    const block = /```text\n([\s\S]*?)```/.exec(guide.slice(start));
    return block![1].trimEnd().split('\n').map((row, i) => {
      const m = /^(\S+) (→|✕) (\S+) +(.*)$/.exec(row);
      if (!m) throw new Error(`line ${i + 1} of the transcript after "${marker}" is not "FROM → TO   TEXT" or "WHO ✕ server   …": ${row}`);
      return { where: `line ${i + 1} after "${marker}"`, from: m[1], drop: m[2] === '✕', to: m[3], text: m[4] };
    });
  }

  it('has a transcript that a live server produces line for line', async () => {
    await replay(transcript('replayed against a live server'));
  });

  it('has a transcript of a seat kept and taken back that a live server produces line for line', async () => {
    const marker = 'This block, too, is replayed';
    const after = /after the first (\d+) lines/.exec(guide.slice(guide.indexOf(marker)));
    expect(after, `"${marker} … after the first N lines" in WRITE-A-CLIENT.md`).not.toBeNull();
    const drop = transcript(marker);
    expect(drop[0], 'the seat transcript starts with a drop').toMatchObject({ drop: true });
    await replay([...transcript('replayed against a live server').slice(0, Number(after![1])), ...drop]);
  });
});

interface Step {
  readonly where: string;
  readonly from: string;
  /** `WHO ✕ server`: that player's connection drops. */
  readonly drop: boolean;
  readonly to: string;
  readonly text: string;
}

/**
 * Plays the rows against a fresh server with raw TCP players: sends each `X → server`
 * line, checks each line the server sends. A drop closes that player's connection;
 * its next line goes on a new one, its `/back KEY` with the key the server really sent.
 */
async function replay(steps: Step[]): Promise<void> {
  const port = await startServer();
  const players = new Map<string, { c: LineClient; taken: number; key?: string; dropped: boolean }>();
  const connections: { name: string; c: LineClient; taken: () => number }[] = [];
  for (const { where, from, drop, to, text } of steps) {
    if (drop) {
      expect(players.get(from), `${where}: who is ${from}?`).toBeDefined();
      players.get(from)!.c.close();
      players.get(from)!.dropped = true;
      continue;
    }
    if (to === 'server') {
      let p = players.get(from);
      if (!p || p.dropped) {
        const c = await tcpPlayer(port);
        p = { c, taken: 0, key: p?.key, dropped: false };
        const current = p;
        connections.push({ name: from, c, taken: () => current.taken });
        players.set(from, p);
      }
      // Seat keys are random: the transcript shows one, the server sent another.
      p.c.send(p.key ? text.replace(/^\/back \S+$/, `/back ${p.key}`) : text);
      continue;
    }
    expect(from, where).toBe('server');
    const targets = to === 'both' ? [...players.values()] : [players.get(to)];
    for (const p of targets) {
      expect(p, `${where}: who is ${to}?`).toBeDefined();
      const line = await p!.c.next();
      expect(maskKey(line), `${where}, to ${to}`).toBe(maskKey(text));
      p!.key ??= keyOf(line) ?? undefined;
      p!.taken++;
    }
  }
  for (const { name, c, taken } of connections) {
    await c.closed;
    expect(c.lines.slice(taken()), `lines to ${name} after the transcript ends`).toEqual([]);
  }
}

describe('the close codes WRITE-A-CLIENT.md lists, as the gateway sends them', () => {
  async function startGateway(port: number): Promise<string> {
    gateway = await createGateway({ host: '127.0.0.1', port: 0, target: { host: '127.0.0.1', port }, heartbeatMs: 0, log: () => {} });
    return `ws://127.0.0.1:${gateway.address().port}/ws`;
  }

  /** Opens a WebSocket, does `act` once it is open, and resolves with the close code. */
  async function closeCode(url: string, act: (ws: WebSocket) => void | Promise<void>): Promise<number> {
    const ws = new WebSocket(url);
    ws.on('error', () => {});
    const closed = once(ws, 'close');
    await once(ws, 'open');
    await act(ws);
    const [code] = (await closed) as [number];
    expect(guide, `a row for ${code} in the table of close codes`).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
    return code;
  }

  it('1000 when the server ends the connection, 1001 on shutdown', async () => {
    const url = await startGateway(await startServer());
    expect(await closeCode(url, (ws) => ws.send(''))).toBe(1000); // an empty name: refused, then closed
    const code = closeCode(url, async (ws) => {
      ws.send('Ann');
      await once(ws, 'message');
      await gateway!.close();
    });
    expect(await code).toBe(1001);
  });

  it('1003 for a binary frame, 1007 for a line end or bad UTF-8, 1009 for a frame over 1024 bytes', async () => {
    const url = await startGateway(await startServer());
    expect(await closeCode(url, (ws) => ws.send(Buffer.from('Ann'), { binary: true }))).toBe(1003);
    expect(await closeCode(url, (ws) => ws.send('Ann\n'))).toBe(1007);
    expect(await closeCode(url, (ws) => ws.send(Buffer.from([0x41, 0xff]), { binary: false }))).toBe(1007);
    expect(await closeCode(url, (ws) => ws.send('x'.repeat(1025)))).toBe(1009);
  });

  it('1013 when the game server is not reachable', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const url = await startGateway(closedPort);
    expect(await closeCode(url, () => {})).toBe(1013);
  });
});
