/**
 * Computer players against each other, simulated with the rules alone (no
 * sockets): per level, over every word of a list, who wins two-player games
 * against each other level, how often each misses, how many moves a game takes,
 * and the CPU time of one move.
 */
import { applyMove, currentPlayer, isOver, newGame, type GameState } from '../game/rules.js';
import { BOT_LEVELS, chooseMove, publicView, type BotLevel } from '../game/strategy.js';
import type { LevelResults, LevelRow } from './results.js';

/** A game that has not ended after this many moves is a bug; the simulation stops it. */
export const MAX_MOVES = 500;

export interface SimulatedGame {
  /** Index into the levels of the winner. */
  readonly winner: number;
  readonly moves: number;
  /** Letters named that were not in the word, per player. */
  readonly misses: readonly number[];
  /** Words named that were wrong, per player. */
  readonly wrongWords: readonly number[];
  /** CPU microseconds of each move, per player. */
  readonly moveMicros: readonly (readonly number[])[];
}

/** Plays one game to its end; player i plays at levels[i] and moves first when i = 0. */
export function playGame(word: string, words: readonly string[], levels: readonly BotLevel[], random: () => number, time = false): SimulatedGame {
  const ids = levels.map((_, i) => String(i));
  let state: GameState = newGame(word, ids);
  const wrong: string[] = [];
  const misses = levels.map(() => 0);
  const wrongWords = levels.map(() => 0);
  const moveMicros = levels.map((): number[] => []);
  let moves = 0;
  while (!isOver(state)) {
    if (moves >= MAX_MOVES) throw new Error(`the game of "${word}" did not end in ${MAX_MOVES} moves`);
    const player = Number(currentPlayer(state));
    const t0 = time ? process.cpuUsage() : null;
    const move = chooseMove(publicView(state, words, wrong), levels[player], random);
    if (t0) {
      const d = process.cpuUsage(t0);
      moveMicros[player].push(d.user + d.system);
    }
    const r = applyMove(state, ids[player], move);
    if (!r.ok) throw new Error(`a computer player's move ${JSON.stringify(move)} was refused: ${r.error}`);
    for (const e of r.events) {
      if (e.type === 'letter-miss') misses[player]++;
      if (e.type === 'word-wrong') (wrongWords[player]++, wrong.push(e.word));
    }
    state = r.state;
    moves++;
  }
  return { winner: Number(state.winner), moves, misses, wrongWords, moveMicros };
}

/** A small seeded generator (mulberry32), so that a run can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every pairing of levels over every word of `words`, each word played twice (each level starts once). */
export function measureLevels(lang: string, words: readonly string[], seed = 1): LevelResults {
  const random = seeded(seed);
  const won = new Map<string, number>(); // "a/b": games a won against b
  for (const [i, a] of BOT_LEVELS.entries()) {
    for (const b of BOT_LEVELS.slice(i + 1)) {
      let aWon = 0;
      for (const word of words) {
        aWon += playGame(word, words, [a, b], random).winner === 0 ? 1 : 0;
        aWon += playGame(word, words, [b, a], random).winner === 1 ? 1 : 0;
      }
      won.set(`${a}/${b}`, aWon);
      won.set(`${b}/${a}`, 2 * words.length - aWon);
    }
  }
  const rows = BOT_LEVELS.map((level): LevelRow => {
    const winsAgainst: Partial<Record<BotLevel, number>> = {};
    for (const other of BOT_LEVELS) if (other !== level) winsAgainst[other] = won.get(`${level}/${other}`)! / (2 * words.length);
    // Alone at the table: how a level does on its own, without an opponent's letters to help.
    let misses = 0;
    let moves = 0;
    const micros: number[] = [];
    for (const word of words) {
      const g = playGame(word, words, [level], random, true);
      misses += g.misses[0];
      moves += g.moves;
      micros.push(...g.moveMicros[0]);
    }
    micros.sort((x, y) => x - y);
    return {
      level,
      winsAgainst,
      missesPerWord: misses / words.length,
      movesPerGame: moves / words.length,
      medianMoveMicros: quantile(micros, 0.5),
      p99MoveMicros: quantile(micros, 0.99),
    };
  });
  return { lang, words: words.length, rows };
}

/** A quantile of sorted values (nearest rank). */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
