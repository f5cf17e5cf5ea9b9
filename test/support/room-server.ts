/**
 * A game server per test for the tests of PROTOCOL.md §8 (rooms, kept seats, chat,
 * watchers): one language, one word, a clock run by hand and the server's log, and
 * the connections those tests make again and again.
 */
import type { GameServerOptions } from '../../server/server.js';
import type { Lang } from '../../protocol/catalog.js';
import type { GameServerHarness } from './game-server.js';
import type { LineClient } from './line-client.js';
import { FakeClock } from './fake-clock.js';
import { roomWith, wording } from './room-lines.js';

export interface RoomServer {
  /** The clock of the server this test started. */
  readonly clock: FakeClock;
  /** The log lines of the server this test started. */
  readonly logs: string[];
  /** Starts the server with a fresh clock and log; resolves with its port. */
  start(opts?: Partial<GameServerOptions>): Promise<number>;
  /** Opens a room with `settings` and seats `names` in it; the first opened it. */
  room(port: number, settings: string, names: readonly string[]): Promise<{ code: string; players: LineClient[] }>;
  /** A new connection that watches the room (`/watch code`). */
  watcher(port: number, code: string): Promise<LineClient>;
  /** A new connection that takes a kept seat back (`/back key`). */
  comeBack(port: number, key: string): Promise<LineClient>;
}

/** The §8 verbs over `game`; `defaults` apply to every start(). Methods need no `this`. */
export function roomServer(game: GameServerHarness, lang: Lang, word: string, defaults: Partial<GameServerOptions> = {}): RoomServer {
  let clock: FakeClock | null = null;
  let logs: string[] = [];
  const m = wording(lang);
  const connect = async (port: number, line: string): Promise<LineClient> => {
    const c = await game.player(port);
    c.send(line);
    return c;
  };
  return {
    get clock() {
      if (!clock) throw new Error('start() the server first');
      return clock;
    },
    get logs() {
      return logs;
    },
    async start(opts = {}) {
      clock = new FakeClock();
      const log: string[] = [];
      logs = log;
      return game.start({ lang, words: [word], clock, log: (l) => void log.push(l), ...defaults, ...opts });
    },
    room: (port, settings, names) => roomWith(() => game.player(port), settings, names, m),
    watcher: (port, code) => connect(port, `/watch ${code}`),
    comeBack: (port, key) => connect(port, `/back ${key}`),
  };
}
