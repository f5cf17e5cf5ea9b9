/**
 * The flags `npm start` and `npm run cluster` share (where to listen, the game the
 * servers play, rebuilding the web client) and the arguments they become for the
 * game server and the gateway.
 */
import { boolean, integer, oneOf, port, string, type Parsed } from '../node/flags.js';
import { GAME_PORT, GATEWAY_PORT } from '../node/ports.js';
import { LANGS } from '../protocol/catalog.js';

export const GAME_FLAGS = {
  port: port({ default: GATEWAY_PORT }),
  host: string(),
  'game-port': port({ default: GAME_PORT }),
  players: integer({ min: 1, max: 100, default: 2 }),
  lang: oneOf(LANGS, { default: 'en' }),
  words: string(),
  'turn-seconds': integer({ min: 0, default: 60 }),
  rebuild: boolean(),
};

export type GameFlags = Parsed<typeof GAME_FLAGS>;

/** `--host HOST` when one was given; without it, every interface. */
export function hostArgs(flags: GameFlags): string[] {
  return flags.host ? ['--host', flags.host] : [];
}

/** The game a server plays: players per table, language, turn time, words. */
export function gameArgs(flags: GameFlags): string[] {
  const args = ['--players', String(flags.players), '--lang', flags.lang, '--turn-seconds', String(flags['turn-seconds'])];
  if (flags.words) args.push('--words', flags.words);
  return args;
}

/** Where the gateway listens: `--host` when given, else every interface of both IP versions; the web port. */
export function gatewayListenArgs(flags: GameFlags): string[] {
  return [...(flags.host ? hostArgs(flags) : ['--host', '::']), '--port', String(flags.port)];
}
