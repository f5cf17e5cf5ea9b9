/**
 * `npm run cluster` as a user runs it: two game servers, a private Redis and the
 * gateway. Two players reaching the two processes play one game; `kill -9` of one
 * process ends only its own games (a player relayed to it is told); Ctrl-C stops
 * everything it started.
 */
import { afterEach, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { runScript, type TestChild } from '../test/support/child.js';
import { connectLines, type LineClient } from '../test/support/line-client.js';
import { freePort } from '../node/free-port.js';
import { format, type MessageFields, type MessageId } from '../protocol/catalog.js';

const m = <Id extends MessageId>(id: Id, fields?: MessageFields<Id>) => format('en', id, fields);

let run: TestChild | undefined;
const clients: LineClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  if (run && run.child.exitCode === null) {
    for (const pid of descendants(run.child.pid!)) process.kill(pid, 'SIGKILL');
    run.child.kill('SIGKILL');
    await run.exited;
  }
});

/** Every process below `pid` (Linux /proc). */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return children.flatMap((c) => [c, ...descendants(c)]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** Two consecutive free ports (the game servers take --game-port and the next). */
async function twoFreePorts(): Promise<number> {
  for (;;) {
    const port = await freePort();
    const next = await new Promise<boolean>((resolve) => {
      const s = net.createServer().once('error', () => resolve(false));
      s.listen(port + 1, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (next && port + 1 <= 65535) return port;
  }
}

async function player(port: number, name: string): Promise<LineClient> {
  const c = await connectLines(port, name);
  clients.push(c);
  return c;
}

it('two processes play as one server; kill -9 of one ends only its games; Ctrl-C stops everything', async () => {
  const gamePort = await twoFreePorts();
  run = runScript('scripts/cluster.ts', ['--processes', '2', '--port', String(await freePort()), '--game-port', String(gamePort), '--host', '127.0.0.1', '--turn-seconds', '0', '--words', 'game/words/en.txt']);
  await run.stdout.until(/^Word Guess is running as one server on 2 processes/);
  const [a, b] = [gamePort, gamePort + 1];

  // Two players reaching two processes play one game.
  const ann = await player(a, 'Ann');
  await ann.waitFor(m('WAITING', { k: 1, n: 2 }));
  const bob = await player(b, 'Bob');
  await bob.waitFor(m('STARTED'));
  await ann.waitFor('/turn');

  // A second game on process b, with Fay relayed to it from a.
  const eve = await player(b, 'Eve');
  await eve.waitFor(m('WAITING', { k: 1, n: 2 }));
  const fay = await player(a, 'Fay');
  await fay.waitFor(m('STARTED'));

  const serverB = descendants(run.child.pid!).find((pid) => commandLine(pid).includes('server/main.ts') && commandLine(pid).includes(`--port ${b} `));
  expect(serverB).toBeDefined();
  process.kill(serverB!, 'SIGKILL');
  await fay.waitFor(m('STOPPING'));
  expect(await fay.next()).toBe('/quit');
  await eve.closed;
  await bob.closed;
  // Ann's table is on a: her game goes on (Bob, who came through b, is away).
  await ann.waitFor(/^Bob lost the connection/);
  ann.send('/word zzzzzzzz');
  await ann.waitFor(m('BURNED'));
  await run.stderr.until(/The game server 2 stopped \(SIGKILL\); the rest go on\./);

  // Ctrl-C: the other server, the gateway and the private redis-server all stop.
  const started = descendants(run.child.pid!);
  expect(started.some((pid) => commandLine(pid).startsWith('redis-server'))).toBe(true);
  run.child.kill('SIGINT');
  expect(await run.exited).toBe(0);
  expect(started.filter(alive)).toEqual([]);
}, 180_000);
