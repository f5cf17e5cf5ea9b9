/**
 * `node --import tsx bench/move-cost.ts [--root DIR] [--moves 200000]`: the CPU a move
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

/** What `Lobby` offers that this needs (the server's own type, as of any tree). */
interface LobbyLike {
  join(player: string, name: string): string;
  handleLine(player: string, line: string): void;
  leave(player: string): void;
}

interface LobbyOptionsLike {
  playersPerTable: number;
  lang: 'en';
  pickWord: () => string;
  turnMs: number;
  io: { send(player: string, line: string): void; end(player: string): void; log(line: string): void };
}

export interface MoveCost {
  readonly moves: number;
  readonly games: number;
  /** CPU time a move, µs (user + system of this process, which does nothing else). */
  readonly cpuPerMoveUs: number;
}

/** Plays `moves` moves through the lobby of the tree at `root`. */
export async function measureMoveCost(root: string, moves: number): Promise<MoveCost> {
  const { Lobby } = (await import(pathToFileURL(`${root}/server/lobby.ts`).href)) as { Lobby: new (o: LobbyOptionsLike) => LobbyLike };
  const { loadWords } = (await import(pathToFileURL(`${root}/server/word-files.ts`).href)) as { loadWords(file: string): Promise<string[]> };
  const words = await loadWords(`${root}/game/words/en.txt`);
  let seed = 1;
  // A fixed sequence of words, the same for every tree.
  const pickWord = () => words[(seed = (seed * 48271) % 2147483647) % words.length];

  const toMove: string[] = [];
  const quit: string[] = [];
  const lobby = new Lobby({
    playersPerTable: TABLE,
    lang: 'en',
    pickWord,
    turnMs: 0,
    io: {
      send(player, line) {
        if (line === '/turn') toMove.push(player);
        else if (line === '/quit') quit.push(player);
      },
      end() {},
      log() {},
    },
  });
  // Players join four at a time, so four joiners share a table and its named letters.
  const triedAt = new Map<string, { tried: number }>();
  let next = 1;
  const seatFour = () => {
    const table = { tried: 0 };
    for (let i = 0; i < TABLE; i++) {
      const id = `p${next++}`;
      triedAt.set(id, table);
      lobby.join(id, id);
    }
  };
  for (let i = 0; i < 250; i++) seatFour();

  let games = 0;
  const play = (count: number) => {
    for (let done = 0; done < count; ) {
      const player = toMove.shift();
      if (player === undefined) throw new Error('no player has the move: the lobby stalled');
      const table = triedAt.get(player)!;
      let i = 0;
      while (i < LETTERS.length && table.tried & (1 << i)) i++;
      table.tried |= 1 << i;
      lobby.handleLine(player, i < LETTERS.length ? `/letter ${LETTERS[i]}` : '/word zzz');
      done++;
      if (quit.length > 0) {
        for (const p of quit.splice(0)) (lobby.leave(p), triedAt.delete(p));
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
    { root: flag.string({ default: process.cwd() }), moves: flag.integer({ default: 200_000 }) },
    'usage: node --import tsx bench/move-cost.ts [--root DIR] [--moves 200000]',
  );
  process.stdout.write(JSON.stringify(await measureMoveCost(flags.root, flags.moves)) + '\n');
}
