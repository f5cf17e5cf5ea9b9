/**
 * A real game server per test (127.0.0.1, port 0) and the raw TCP players that
 * join it; after each test every player is closed and the server stopped.
 */
import { afterEach } from 'vitest';
import { createGameServer, type GameServer, type GameServerOptions } from '../../server/server.js';
import { connectLines, type LineClient } from './line-client.js';

/** What every test server runs with unless a test says otherwise: loopback, port 0, two seats, one word, no clock. */
export const TEST_SERVER = {
  host: '127.0.0.1',
  port: 0,
  players: 2,
  words: ['data'],
  lang: 'en',
  turnSeconds: 0,
  // No greeting unless a test asks for one: it is not part of PROTOCOL.md §3.
  greetAfterMs: 60_000,
} as const satisfies Partial<GameServerOptions>;

export interface GameServerHarness {
  /** Starts the server for this test; resolves with its port. */
  start(opts?: Partial<GameServerOptions>): Promise<number>;
  /** The server this test started. */
  readonly server: GameServer;
  /** Connects a raw TCP player (sends `name` first when given), closed after the test. */
  player(port: number, name?: string): Promise<LineClient>;
}

/** Registers the per-test clean-up; `defaults` apply to every start(). */
export function gameServerPerTest(defaults: Partial<GameServerOptions> = {}): GameServerHarness {
  let server: GameServer | null = null;
  const clients: LineClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.close();
    server = null;
  });
  return {
    async start(opts = {}) {
      server = await createGameServer({ ...TEST_SERVER, ...defaults, ...opts });
      return server.address().port;
    },
    get server() {
      if (!server) throw new Error('start() the server first');
      return server;
    },
    async player(port, name) {
      const c = await connectLines(port, name);
      clients.push(c);
      return c;
    },
  };
}

/** Reads lines up to and including `/quit`; fails if the connection closes first. */
export async function untilQuit(c: LineClient): Promise<string[]> {
  const out: string[] = [];
  for (;;) {
    const line = await c.next();
    out.push(line);
    if (line === '/quit') return out;
  }
}
