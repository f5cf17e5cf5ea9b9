/**
 * The game rules (PROTOCOL.md §3) as pure functions over plain data: no sockets,
 * no timers, no randomness, no wording. A move returns a new state and the events
 * it caused, or an error; the table turns events into lines.
 */

export type PlayerId = string;

export interface PlayerScore {
  readonly id: PlayerId;
  readonly points: number;
}

export interface GameState {
  /** The hidden word, NFC and lower case, as code points. */
  readonly chars: readonly string[];
  /** Per code point: shown? Non-letters are shown from the start. */
  readonly open: readonly boolean[];
  /** Players in turn order (join order) with their points. */
  readonly players: readonly PlayerScore[];
  /** Index into `players` of whose move it is. */
  readonly turn: number;
  /** Letters named so far (normalised), in the order named. */
  readonly named: readonly string[];
  /** Who opened the last letter or named the word; null while the game goes on. */
  readonly winner: PlayerId | null;
}

export type Move = { readonly kind: 'letter'; readonly letter: string } | { readonly kind: 'word'; readonly word: string };

export type GameEvent =
  | { readonly type: 'letter-hit'; readonly player: PlayerId; readonly letter: string; readonly points: number }
  | { readonly type: 'letter-miss'; readonly player: PlayerId; readonly letter: string }
  | { readonly type: 'already-open'; readonly player: PlayerId; readonly letter: string }
  | { readonly type: 'word-right'; readonly player: PlayerId; readonly word: string; readonly points: number }
  | { readonly type: 'word-wrong'; readonly player: PlayerId; readonly word: string; readonly lost: number }
  | { readonly type: 'won'; readonly player: PlayerId; readonly bonus: number };

export type MoveError = 'game-over' | 'unknown-player' | 'not-your-turn' | 'not-a-letter' | 'empty-word';

export type MoveResult =
  | { readonly ok: true; readonly state: GameState; readonly events: readonly GameEvent[] }
  | { readonly ok: false; readonly error: MoveError };

/** The mask character for a letter not yet open. */
export const HIDDEN = '*';

// Typographic apostrophes, and Ukrainian's own (U+02BC, which Unicode calls a
// letter), all stand for the plain one: a guess must not burn on how it was typed.
const APOSTROPHES = /[\u2019\u2018\u02bc`]/g;

// İ lowers to i and a combining dot above, two code points: no longer one letter. It
// lowers to plain i instead, as Turkish writes it (dotless ı stays its own letter).
const DOTTED_CAPITAL_I = /\u0130/g;
// σ has two lower-case forms; the final ς is the same letter (both are Σ).
const FINAL_SIGMA = /\u03c2/g;

// Printable ASCII is already NFC and holds no İ: of the steps below, only lower case and the backtick apply.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Normalises text for comparison: NFC, lower case (İ to i), one apostrophe. */
export function normalize(text: string): string {
  // A move is normalised every time: most are ASCII, and NFC alone costs more than the rest.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(APOSTROPHES, "'");
  return text.normalize('NFC').replace(DOTTED_CAPITAL_I, 'i').toLowerCase().replace(APOSTROPHES, "'");
}

/** What normalised letters and words are compared by: the final ς is σ. The word is still shown as spelled. */
export function fold(text: string): string {
  return text.includes('\u03c2') ? text.replace(FINAL_SIGMA, 'σ') : text;
}

const LETTER = /^\p{L}$/u;

/** Whether a single code point is a letter (and so is guessed, scored and masked). */
export function isLetter(char: string): boolean {
  return LETTER.test(char);
}

/** How many letters a word has (an apostrophe or a hyphen is no letter): the winner's bonus. */
export function letterCount(word: string): number {
  let n = 0;
  for (const c of normalize(word)) if (isLetter(c)) n++;
  return n;
}

/**
 * Points a letter earns: one per hidden place it opens, read from the masks before
 * and after the move (what every player sees). 0 when the masks are of different words.
 */
export function letterPoints(before: string, after: string): number {
  const was = [...before];
  const now = [...after];
  if (was.length !== now.length) return 0;
  return was.filter((c, i) => c === HIDDEN && now[i] !== HIDDEN).length;
}

/** Points the whole word earns when named: one per letter still hidden in the mask. */
export function wordPoints(mask: string): number {
  return [...mask].filter((c) => c === HIDDEN).length;
}

/** The winner's bonus: as many points as the word has letters. */
export function winnerBonus(word: string): number {
  return letterCount(word);
}

/** Starts a game over a word for players in turn order. */
export function newGame(word: string, players: readonly PlayerId[]): GameState {
  const chars = [...normalize(word)];
  if (chars.length === 0 || !chars.some(isLetter)) throw new Error(`A word needs at least one letter: ${JSON.stringify(word)}`);
  if (players.length === 0) throw new Error('A game needs at least one player');
  return {
    chars,
    open: chars.map((c) => !isLetter(c)),
    players: players.map((id) => ({ id, points: 0 })),
    turn: 0,
    named: [],
    winner: null,
  };
}

/** The word as players see it: hidden letters as `*`. */
export function mask(state: GameState): string {
  let shown = '';
  for (let i = 0; i < state.chars.length; i++) shown += state.open[i] ? state.chars[i] : HIDDEN;
  return shown;
}

/** The whole word. */
export function word(state: GameState): string {
  return state.chars.join('');
}

export function isOver(state: GameState): boolean {
  return state.winner !== null;
}

/** Whose move it is; null once the game is over or nobody is left. */
export function currentPlayer(state: GameState): PlayerId | null {
  if (isOver(state) || state.players.length === 0) return null;
  return state.players[state.turn].id;
}

/** Points of one player (0 for an unknown one). */
export function pointsOf(state: GameState, player: PlayerId): number {
  return state.players.find((p) => p.id === player)?.points ?? 0;
}

/** Applies one player's move. */
export function applyMove(state: GameState, player: PlayerId, move: Move): MoveResult {
  if (isOver(state)) return { ok: false, error: 'game-over' };
  if (!state.players.some((p) => p.id === player)) return { ok: false, error: 'unknown-player' };
  if (currentPlayer(state) !== player) return { ok: false, error: 'not-your-turn' };
  return move.kind === 'letter' ? nameLetter(state, player, move.letter) : nameWord(state, player, move.word);
}

function nameLetter(state: GameState, player: PlayerId, raw: string): MoveResult {
  const letter = fold(normalize(raw.trim()));
  if (!isLetter(letter)) return { ok: false, error: 'not-a-letter' };
  const named = state.named.includes(letter) ? state.named : [...state.named, letter];
  let hits = 0;
  let alreadyOpen = false;
  const open = state.open.map((isOpen, i) => {
    if (fold(state.chars[i]) !== letter) return isOpen;
    if (isOpen) alreadyOpen = true;
    else hits++;
    return true;
  });
  if (alreadyOpen) return { ok: true, state: { ...state, named }, events: [{ type: 'already-open', player, letter }] };
  if (hits === 0) {
    return { ok: true, state: { ...state, named, turn: nextTurn(state) }, events: [{ type: 'letter-miss', player, letter }] };
  }
  // A hit keeps the turn.
  const scored = addPoints({ ...state, open, named }, player, hits);
  const events: GameEvent[] = [{ type: 'letter-hit', player, letter, points: hits }];
  return finish(scored, player, events);
}

function nameWord(state: GameState, player: PlayerId, raw: string): MoveResult {
  const guess = normalize(raw.trim());
  if (guess === '') return { ok: false, error: 'empty-word' };
  if (fold(guess) !== fold(word(state))) {
    const lost = pointsOf(state, player);
    const burned = setPoints(state, player, 0);
    return { ok: true, state: { ...burned, turn: nextTurn(state) }, events: [{ type: 'word-wrong', player, word: guess, lost }] };
  }
  const hidden = wordPoints(mask(state));
  const scored = addPoints({ ...state, open: state.open.map(() => true) }, player, hidden);
  return finish(scored, player, [{ type: 'word-right', player, word: guess, points: hidden }]);
}

/** Ends the game when no letter is hidden: the mover wins the bonus. */
function finish(state: GameState, player: PlayerId, events: GameEvent[]): MoveResult {
  if (state.open.some((isOpen) => !isOpen)) return { ok: true, state, events };
  const bonus = winnerBonus(word(state));
  const won = { ...addPoints(state, player, bonus), winner: player };
  return { ok: true, state: won, events: [...events, { type: 'won', player, bonus }] };
}

/** The turn passes to the next player (a timeout). */
export function passTurn(state: GameState): GameState {
  if (isOver(state) || state.players.length === 0) return state;
  return { ...state, turn: nextTurn(state) };
}

/**
 * A player leaves. Whoever's move it was keeps it; if it was the leaver's, it
 * passes to the player after them.
 */
export function removePlayer(state: GameState, player: PlayerId): GameState {
  const index = state.players.findIndex((p) => p.id === player);
  if (index < 0) return state;
  const players = state.players.filter((p) => p.id !== player);
  if (players.length === 0) return { ...state, players, turn: 0 };
  let turn = state.turn;
  if (index < turn) turn--;
  else if (index === turn) turn = turn % players.length;
  return { ...state, players, turn };
}

function nextTurn(state: GameState): number {
  return (state.turn + 1) % state.players.length;
}

function addPoints(state: GameState, player: PlayerId, points: number): GameState {
  return setPoints(state, player, pointsOf(state, player) + points);
}

function setPoints(state: GameState, player: PlayerId, points: number): GameState {
  return { ...state, players: state.players.map((p) => (p.id === player ? { ...p, points } : p)) };
}
