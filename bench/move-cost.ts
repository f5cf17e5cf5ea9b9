/**
 * `node --import tsx bench/move-cost.ts [--root DIR] [--moves 200000] [--turn-seconds 0]`: the CPU a move
 * costs the server above its sockets (the lobby, the table, the rules and the wording),
 * with no sockets at all. Players answer `/turn` at once with the next letter their
 * table has not named, as the bench's bots do, and are replaced when their game ends.
 * `--root` runs another tree's lobby (a `--compare` worktree). Prints JSON.
 *
 * Without the kernel's share and the scheduler's noise this figure is steady on a
 * busy machine: it tells the cost of our own code from one change to the next.
 */
import { pathToFileURL } from 'node:url';
import { isMain } from '../node/entry.js';

const LETTERS = 'etaoinsrhldcumfpgwybvkxjqz';
const TABLE = 4;

/** What `Lobby` offers that this needs. */
interface LobbyLike {
  arrive(peer: { id: string; address: string; trusted: boolean; send(line: string): void; end(why: string): void }): void;
  line(conn: string, text: string): void;
  gone(conn: string): void;
}

export interface MoveCost {
  readonly moves: number;
  readonly games: number;
  /** CPU time a move, µs (user + system of this process, which does nothing else). */
  readonly cpuPerMoveUs: number;
}

/** Plays `moves` moves through the lobby of the tree at `root`, with a turn clock of `turnSeconds` (0: none). */
export async function measureMoveCost(root: string, moves: number, turnSeconds = 0): Promise<MoveCost> {
  const lobbyModule = await import(pathToFileURL(`${root}/server/lobby.ts`).href);
  const { realClock } = await import(pathToFileURL(`${root}/server/clock.ts`).href);
  const { loadWords } = await import(pathToFileURL(`${root}/server/word-files.ts`).href);
  const words: string[] = await loadWords(`${root}/game/words/en.txt`);
  let seed = 1;
  // A fixed sequence of words, the same for every tree.
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;

  // Players to move, oldest first: toMove[head..] (shift() would move the whole array each time).
  const toMove: string[] = [];
  let head = 0;
  const quit: string[] = [];
  const lobby: LobbyLike = new lobbyModule.Lobby({
    playersPerTable: TABLE,
    lang: 'en',
    words: () => words,
    turnSeconds,
    graceMs: 60_000,
    limits: lobbyModule.DEFAULT_LOBBY_LIMITS,
    clock: realClock,
    random,
    log: () => {},
  });
  // Players join four at a time, so four joiners share a table and its named letters.
  const triedAt = new Map<string, { tried: number }>();
  let next = 1;
  const seatFour = () => {
    const table = { tried: 0 };
    for (let i = 0; i < TABLE; i++) {
      const id = `p${next++}`;
      triedAt.set(id, table);
      lobby.arrive({
        id,
        address: '127.0.0.1',
        trusted: true,
        send(line) {
          if (line === '/turn') toMove.push(id);
          else if (line === '/quit') quit.push(id);
        },
        end() {},
      });
      lobby.line(id, id);
    }
  };
  for (let i = 0; i < 250; i++) seatFour();

  let games = 0;
  const play = (count: number) => {
    for (let done = 0; done < count; ) {
      if (head === toMove.length) throw new Error('no player has the move: the lobby stalled');
      const player = toMove[head++];
      if (head > 1024) (toMove.splice(0, head), (head = 0));
      const table = triedAt.get(player)!;
      let i = 0;
      while (i < LETTERS.length && table.tried & (1 << i)) i++;
      table.tried |= 1 << i;
      lobby.line(player, i < LETTERS.length ? `/letter ${LETTERS[i]}` : '/word zzz');
      done++;
      if (quit.length > 0) {
        for (const p of quit.splice(0)) (lobby.gone(p), triedAt.delete(p));
        games++;
        seatFour();
      }
    }
  };
  play(Math.min(20_000, moves)); // warm up: compiled code, as in a running server
  games = 0;
  const cpu0 = process.cpuUsage();
  play(moves);
  const cpu = process.cpuUsage(cpu0);
  return { moves, games, cpuPerMoveUs: (cpu.user + cpu.system) / moves };
}

if (isMain(import.meta.url)) {
  const flag = await import('../node/flags.js');
  const flags = flag.parseFlagsOrExit(
    process.argv.slice(2),
    { root: flag.string({ default: process.cwd() }), moves: flag.integer({ default: 200_000 }), 'turn-seconds': flag.integer({ min: 0, default: 0 }) },
    'usage: node --import tsx bench/move-cost.ts [--root DIR] [--moves 200000] [--turn-seconds 0]',
  );
  process.stdout.write(JSON.stringify(await measureMoveCost(flags.root, flags.moves, flags['turn-seconds'])) + '\n');
  // The tables' turn clocks would keep the process for a minute.
  process.exit(0);
}
