/** The gateway as a process: its first line, its exit codes, and stopping on a signal. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { CloseCode } from '../protocol/close-codes.js';
import { CloseReason } from './bridge.js';
import { TestClient } from '../test/support/ws-client.js';
import { startEchoServer } from '../test/support/echo-server.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];
const stops: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const stop of stops.splice(0).reverse()) await stop();
});

function gateway(args: string[]): { child: ChildProcess; exited: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/main.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, exited, stderr: () => stderr };
}

async function firstLine(child: ChildProcess): Promise<string> {
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await once(lines, 'line')) as [string];
  return line;
}

it('prints where it listens first, relays, and on SIGTERM closes WebSockets with 1001 and exits 0', async () => {
  const echo = await startEchoServer();
  stops.push(() => echo.close());
  const { child, exited } = gateway(['--port', '0', '--target', `127.0.0.1:${echo.port}`]);
  const line = await firstLine(child);
  const m = /^gateway listening on http:\/\/127\.0\.0\.1:(\d+) \(target 127\.0\.0\.1:(\d+)\)$/.exec(line);
  expect(m, line).not.toBeNull();
  expect(Number(m![2])).toBe(echo.port);

  const client = await TestClient.open(`ws://127.0.0.1:${m![1]}/ws`);
  stops.push(async () => void client.ws.terminate());
  client.send('through the process');
  expect(await client.next()).toBe('through the process');
  const peer = await echo.nextPeer();

  child.kill('SIGTERM');
  expect(await client.closed).toEqual({ code: CloseCode.goingAway, reason: CloseReason.shutdown });
  await peer.ended;
  expect(await exited).toBe(0);
});

it('exits 2 with the reason and the usage on a bad flag', async () => {
  const { exited, stderr } = gateway(['--port', 'eighty']);
  expect(await exited).toBe(2);
  expect(stderr()).toMatch(/--port must be an integer from 0 to 65535 \(got "eighty"\)/);
  expect(stderr()).toMatch(/Usage: npm run gateway/);
});

it('prints the usage for --help and exits 0', async () => {
  const { child, exited } = gateway(['--help']);
  expect(await firstLine(child)).toMatch(/^Usage: npm run gateway/);
  expect(await exited).toBe(0);
});
