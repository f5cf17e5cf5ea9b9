/**
 * Computer players at tables (PROTOCOL.md §8.7): their names, their levels and how
 * long they think. Their moves come from game/strategy.ts, which sees only what
 * every player sees.
 */
import { BOT_LEVELS, chooseMove, publicView, type BotLevel, type BotMove } from '../game/strategy.js';
import type { GameState } from '../game/rules.js';
import type { Lang } from '../protocol/catalog.js';
import { nameKey } from './sanitize.js';

export type { BotLevel, BotMove } from '../game/strategy.js';

/** About how long a computer player takes for a move. */
export const BOT_DELAY_MS = 1000;
/** Every computer player's name ends so; no person's may. */
export const BOT_SUFFIX = ' (bot)';
export const DEFAULT_BOT_LEVEL: BotLevel = 'normal';

export interface BotSettings {
  /** About how long a move takes; each one takes 0.7–1.3 times this. */
  readonly delayMs: number;
  readonly random: () => number;
}

/** The level `/bot` asked for: empty means the default; null for a word that is no level. */
export function botLevel(arg: string): BotLevel | null {
  if (arg === '') return DEFAULT_BOT_LEVEL;
  const level = arg.toLowerCase() as BotLevel;
  return BOT_LEVELS.includes(level) ? level : null;
}

// People of computing, and of Ukrainian letters: names a class may know.
const NAMES: Record<Lang, readonly string[]> = {
  en: ['Ada', 'Alan', 'Grace', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Dennis', 'Frances', 'Linus'],
  uk: ['Леся', 'Тарас', 'Іван', 'Ольга', 'Марко', 'Соломія', 'Григорій', 'Катерина', 'Богдан', 'Оксана'],
};

/** A computer player's name not taken at the table, ending in BOT_SUFFIX. */
export function botName(lang: Lang, taken: ReadonlySet<string>): string {
  const keys = new Set([...taken].map(nameKey));
  for (const name of NAMES[lang]) if (!keys.has(nameKey(name + BOT_SUFFIX))) return name + BOT_SUFFIX;
  for (let n = 1; ; n++) if (!keys.has(nameKey(`Bot ${n}${BOT_SUFFIX}`))) return `Bot ${n}${BOT_SUFFIX}`;
}

/** A person's name as the table takes it: a trailing ` (bot)` is not theirs to wear. */
export function personName(name: string): string {
  let out = name;
  while (out.toLowerCase().endsWith(BOT_SUFFIX)) out = out.slice(0, -BOT_SUFFIX.length).trimEnd();
  return out;
}

/** How long this move takes: about the set delay, never the same twice. */
export function thinkingTime(settings: BotSettings): number {
  return Math.round(settings.delayMs * (0.7 + 0.6 * settings.random()));
}

/** A computer player's move, from the public view of the game alone. */
export function botMove(state: GameState, words: readonly string[], wrongWords: readonly string[], level: BotLevel, random: () => number): BotMove {
  return chooseMove(publicView(state, words, wrongWords), level, random);
}
