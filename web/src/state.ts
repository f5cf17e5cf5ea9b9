/**
 * The view state of the web client as a pure reducer: the lines the server sends
 * (and the lines we send, and the socket's open/close) in, what the page shows out.
 * No DOM, no socket, no clock: every action carries its own time.
 */
import { CloseCode, LEAVE, LETTER, MESSAGES, QUIT, TURN, WORD, parseAs, parseCommand, parseList, parseMessage, parseScores } from '../../protocol/index.js';
import { normalize } from '../../game/rules.js';
import type { Lang, MessageId } from '../../protocol/index.js';
import { markLetters, named, passed, settle, wins } from './last-move.js';
import type { LastMove, LetterMark, MoveNews } from './last-move.js';
import type { Plan } from './lobby.js';
import { initialRoom, reduceRoom } from './room-state.js';
import type { RoomState } from './room-state.js';

/** `reconnecting`: the connection dropped while we hold a seat (PROTOCOL.md §8.4); the page takes it back. */
export type Phase = 'join' | 'connecting' | 'waiting' | 'playing' | 'over' | 'reconnecting' | 'error';

export interface Player {
  readonly name: string;
  /** Null against a server that sends no SCORE. */
  readonly points: number | null;
  readonly left: boolean;
}

/** `table`: everyone; `others`: all but the mover; `player`: to us alone; `command`: `/turn`, `/quit`; `other`: unrecognised. */
export type LogKind = 'table' | 'others' | 'player' | 'command' | 'other';

export interface LogEntry {
  readonly n: number;
  readonly t: number;
  readonly text: string;
  readonly kind: LogKind;
  readonly id: MessageId | null;
}

export interface WireEntry {
  readonly t: number;
  /** `in`: server → us; `out`: us → server; `meta`: the socket opened or closed. */
  readonly dir: 'in' | 'out' | 'meta';
  readonly text: string;
}

export type ErrorKind = 'unreachable' | 'unavailable' | 'lost' | 'refused';

export interface ConnError {
  readonly kind: ErrorKind;
  readonly code: number;
  /** The close reason, or the server's own line that refused us. */
  readonly detail: string;
}

export interface State {
  readonly phase: Phase;
  /** The name as typed (Play again sends it again). */
  readonly typedName: string;
  /** The name the server knows us by (from our JOINED or RENAMED). */
  readonly me: string;
  /** A name problem the server reported, shown at the name. */
  readonly nameNote: { readonly id: 'NO_NAME' | 'BAD_NAME' | 'RENAMED'; readonly text: string } | null;
  readonly serverLang: Lang | null;
  readonly open: boolean;
  readonly players: readonly Player[];
  /** From WAITING: k players of n. */
  readonly waiting: { readonly k: number; readonly n: number } | null;
  readonly mask: string | null;
  /** Letters named so far (NFC, lower case) and what became of them. */
  readonly letters: Readonly<Record<string, LetterMark>>;
  readonly turnOf: string | null;
  /** True between `/turn` and our move. */
  readonly myTurn: boolean;
  /** Counts `/turn` lines, so the page can tell a new turn from the same one. */
  readonly turns: number;
  readonly last: LastMove | null;
  readonly won: boolean;
  readonly winner: string | null;
  readonly results: readonly { readonly name: string; readonly points: number }[] | null;
  readonly log: readonly LogEntry[];
  readonly wire: readonly WireEntry[];
  readonly error: ConnError | null;
  /** A line that refused us (NO_NAME, SERVER_FULL, …), remembered until the close. */
  readonly refusal: { readonly id: MessageId; readonly text: string } | null;
  /** Rooms, seat keys, the clock, chat, watching (PROTOCOL.md §8). */
  readonly room: RoomState;
  /** The moves before `last`, newest first (the projector shows a few). */
  readonly history: readonly LastMove[];
  /** We sent `/leave`: the close that follows is no loss. */
  readonly leaving: boolean;
  /** The server sent `/quit`: the seat is gone with the connection. */
  readonly quit: boolean;
}

/** Moves kept in `history`. */
export const MAX_HISTORY = 5;

/** What happens to the view: the socket's events, the lines both ways, and the page's own. */
export type ViewAction =
  | { readonly type: 'join'; readonly name: string; readonly t: number }
  /** A new connection that sits down as the plan says (a room, a code, watching, our kept seat). */
  | { readonly type: 'connect'; readonly plan: Plan; readonly t: number }
  /** The server refused what we asked before sitting down (its line says why): back to the join form. */
  | { readonly type: 'turned-away'; readonly t: number }
  | { readonly type: 'open'; readonly t: number }
  | { readonly type: 'line'; readonly line: string; readonly t: number }
  | { readonly type: 'sent'; readonly line: string; readonly t: number }
  | { readonly type: 'closed'; readonly code: number; readonly reason: string; readonly t: number }
  /** Back to the join form (after an error). */
  | { readonly type: 'home' };

export const initialState: State = {
  phase: 'join',
  typedName: '',
  me: '',
  nameNote: null,
  serverLang: null,
  open: false,
  players: [],
  waiting: null,
  mask: null,
  letters: {},
  turnOf: null,
  myTurn: false,
  turns: 0,
  last: null,
  won: false,
  winner: null,
  results: null,
  log: [],
  wire: [],
  error: null,
  refusal: null,
  room: initialRoom,
  history: [],
  leaving: false,
  quit: false,
};

/** What a new game clears. */
const NEW_BOARD = { mask: null, letters: {}, turnOf: null, myTurn: false, last: null, won: false, winner: null, results: null } as const satisfies Partial<State>;

/** Lines after which the server closes the connection: we were refused. */
const REFUSALS: ReadonlySet<MessageId> = new Set(['NO_NAME', 'BAD_NAME', 'NAME_TIMEOUT', 'SERVER_FULL', 'STOPPING']);
/** Replies to a move that was not acted on; the server sends `/turn` again. */
const INVALID: ReadonlySet<MessageId> = new Set(['NOT_YOUR_TURN', 'NOT_A_LETTER', 'BAD_COMMAND', 'NO_COMMAND', 'UNEXPECTED', 'LINE_TOO_LONG']);

/**
 * Adds a name we had not seen. JOINED lines come in join order; a name we first
 * meet elsewhere (TURN_OF, RESULT) joined before us, so it goes before us.
 */
function withPlayer(players: readonly Player[], name: string, me: string, joined = false): readonly Player[] {
  if (name === '' || players.some((p) => p.name === name)) return players;
  const player: Player = { name, points: null, left: false };
  const mine = players.findIndex((p) => p.name === me);
  if (joined || mine < 0 || name === me) return [...players, player];
  return [...players.slice(0, mine), player, ...players.slice(mine)];
}

/** The next view state: pure, so every action carries its own time. */
export function reduce(state: State, action: ViewAction): State {
  switch (action.type) {
    case 'join':
      return connecting(state, action.name);
    case 'connect':
      return connect(state, action.plan);
    case 'turned-away':
      return { ...state, phase: 'join', open: false };
    case 'open':
      return { ...state, open: true, wire: [...state.wire, { t: action.t, dir: 'meta', text: 'open' }] };
    case 'sent':
      return sent({ ...state, wire: [...state.wire, { t: action.t, dir: 'out', text: action.line }] }, action.line);
    case 'line':
      return line({ ...state, wire: [...state.wire, { t: action.t, dir: 'in', text: action.line }] }, action.line, action.t);
    case 'home':
      return { ...state, phase: 'join', error: null, room: initialRoom };
    case 'closed':
      return closed({ ...state, wire: [...state.wire, { t: action.t, dir: 'meta', text: `close ${action.code} ${action.reason}`.trim() }] }, action);
  }
}

/** A new connection to a new table. The log and the wire are kept: nothing is lost. */
function connecting(state: State, name: string): State {
  return { ...initialState, phase: 'connecting', typedName: name, me: name.trim(), log: state.log, wire: state.wire };
}

function connect(state: State, plan: Plan): State {
  if (plan.kind === 'back') {
    // Taking our seat back: what the page shows stays until the server's snapshot replaces it.
    const room = { ...state.room, key: plan.key, code: plan.code, replaced: false, note: null };
    return { ...state, phase: 'reconnecting', me: state.me || plan.name, typedName: state.typedName || plan.name, room, open: false, refusal: null, leaving: false, quit: false };
  }
  return connecting(state, plan.kind === 'watch' ? '' : plan.name);
}

function sent(state: State, text: string): State {
  const cmd = parseCommand(text);
  if (cmd?.name === LEAVE) return { ...state, leaving: true };
  if (!cmd || (cmd.name !== LETTER && cmd.name !== WORD)) return state;
  return { ...fresh(state, named(state.me, cmd.name, cmd.arg)), myTurn: false };
}

/** A move just made replaces the last one, which goes to the history. */
function fresh(state: State, move: LastMove): State {
  const history = state.last ? [state.last, ...state.history].slice(0, MAX_HISTORY) : state.history;
  return withLast({ ...state, history }, move);
}

/** A new or newly settled last move, with the keyboard's marks to match. */
function withLast(state: State, last: LastMove): State {
  return { ...state, last, letters: markLetters(state.letters, last) };
}

/** Settles the last move with what a line told of it. */
function settled(state: State, news: MoveNews): State {
  return state.last ? withLast(state, settle(state.last, news)) : state;
}

function log(state: State, text: string, t: number, kind: LogKind, id: MessageId | null): State {
  return { ...state, log: [...state.log, { n: state.log.length, t, text, kind, id }] };
}

function line(state: State, text: string, t: number): State {
  const cmd = parseCommand(text);
  if (cmd) {
    state = log(state, text, t, 'command', null);
    if (text === TURN) return { ...state, myTurn: true, turns: state.turns + 1, turnOf: state.me, phase: 'playing' };
    // `/quit` without GAME_OVER (the server is stopping) is no result: the close says what happened.
    if (text === QUIT) return { ...state, myTurn: false, quit: true };
    return state;
  }
  const parsed = state.phase === 'over' && state.results ? parseResult(state, text) : parseNamed(state, text);
  if (!parsed || (parsed.id === 'RESULT' && state.phase !== 'over')) return log(state, text, t, 'other', null);
  const { id, fields } = parsed;
  state = log(state, text, t, MESSAGES[id].to, id);
  state = { ...state, room: reduceRoom(state.room, id, fields, t) };
  if (SPOKEN.has(id)) state = { ...state, serverLang: parsed.lang };
  if (REFUSALS.has(id)) state = { ...state, refusal: { id, text } };
  return message(state, id, fields);
}

/**
 * Lines that tell the server's language: worded differently in each, and holding no
 * text a player chose (which could be made to read as the other language).
 */
const SPOKEN: ReadonlySet<MessageId> = new Set(
  (Object.keys(MESSAGES) as MessageId[]).filter((id) => MESSAGES[id].en !== MESSAGES[id].uk && !/\{(name|text|letter|word|scores|names|letters|line|command|setting)\}/.test(MESSAGES[id].en)),
);

/** Messages with a name field, which may hold any text a player chose (RESULT is read apart). */
const NAMED: readonly MessageId[] = (Object.keys(MESSAGES) as MessageId[]).filter((id) => id !== 'RESULT' && MESSAGES[id].en.includes('{name}'));

function knows(state: State, name: string | undefined): boolean {
  return name !== undefined && (name === state.me || state.players.some((p) => p.name === name));
}

/**
 * A crafted name can make one line match two messages: a player named `Word: cat`
 * who leaves sends `Word: cat left the game`, which also reads as WORD. The reading
 * that names a player we know wins.
 */
function parseNamed(state: State, text: string): ReturnType<typeof parseMessage> {
  const first = parseMessage(text);
  if (!first || knows(state, first.fields.name)) return first;
  for (const id of NAMED) {
    const other = parseAs(id, text);
    if (other && knows(state, other.fields.name)) return other;
  }
  return first;
}

/**
 * After GAME_OVER, `name points` reads as RESULT when the name is a player's: a
 * player named `Word: x` has the result `Word: x 5`. Otherwise what the line says
 * wins: a room's ROOM_TOTAL (`Room K7QXM total: Ann 5, Bob 3`) or a chat line
 * (`<Ann> 5`) also ends in a number, and neither is a result.
 */
function parseResult(state: State, text: string): ReturnType<typeof parseMessage> {
  const result = parseAs('RESULT', text);
  if (result && knows(state, result.fields.name)) return result;
  return parseNamed(state, text) ?? result;
}

function message(state: State, id: MessageId, f: Readonly<Record<string, string>>): State {
  switch (id) {
    case 'JOINED': {
      // The first JOINED we get is our own: the name as the server cleaned it.
      const first = state.phase === 'connecting';
      const me = first ? f.name : state.me;
      return { ...state, me, phase: first ? 'waiting' : state.phase, players: withPlayer(state.players, f.name, me, true) };
    }
    case 'RENAMED':
      return {
        ...state,
        me: f.name,
        players: state.players.map((p) => (p.name === state.me ? { ...p, name: f.name } : p)),
        nameNote: { id, text: f.name },
      };
    case 'NO_NAME':
    case 'BAD_NAME':
      return { ...state, nameNote: { id, text: '' } };
    case 'WAITING':
      return { ...state, waiting: { k: Number(f.k), n: Number(f.n) } };
    case 'PLAYERS':
      return { ...state, players: seated(state.players, parseList(f.names)) };
    case 'STARTED':
      // A new game (a room plays game after game on one connection): a new board.
      return { ...nextGame(state), phase: 'playing', waiting: null };
    case 'LETTERS':
      return { ...state, letters: marksOf(parseList(f.letters), state.mask) };
    case 'WATCHING':
      // Not `connecting` any more: the next JOINED is someone else's.
      return { ...state, phase: 'waiting', me: '' };
    case 'RESUMED':
      // The snapshot that follows (PLAYERS, WORD, LETTERS, SCORE, TURN_OF) fills the board again.
      return { ...nextGame(state), me: f.name, phase: 'waiting', error: null };
    case 'NO_SEAT':
      // Our kept seat is gone; the lobby script either sits down again or gives up.
      return state.phase === 'reconnecting' ? { ...state, phase: 'connecting' } : state;
    case 'WORD':
      return word(state, f.mask);
    case 'TURN_OF':
      return { ...state, phase: 'playing', turnOf: f.name, myTurn: false, players: withPlayer(state.players, f.name, state.me) };
    case 'LETTER_NAMED':
      return fresh(state, named(state.turnOf ?? '', 'letter', f.letter));
    case 'WORD_NAMED':
      return fresh(state, named(state.turnOf ?? '', 'word', f.word));
    case 'EARNED':
      return settled(state, { type: 'earned', points: Number(f.points) });
    case 'NO_LETTER':
      return settled(state, { type: 'no-letter' });
    case 'ALREADY_OPEN':
      return settled(state, { type: 'already-open' });
    case 'BURNED':
      return settled(state, { type: 'burned' });
    case 'WON':
      return { ...state, won: true, winner: state.me };
    case 'SCORE':
      return score(state, f.scores);
    case 'LEFT':
      return {
        ...fresh(state, passed(f.name, 'left')),
        players: state.players.map((p) => (p.name === f.name ? { ...p, left: true } : p)),
      };
    case 'TIMEOUT':
      return {
        ...fresh(state, passed(f.name, 'timeout')),
        myTurn: f.name === state.me ? false : state.myTurn,
      };
    case 'GAME_OVER':
      return { ...state, phase: 'over', myTurn: false, results: [] };
    case 'RESULT': {
      const results = [...(state.results ?? []), { name: f.name, points: Number(f.points) }];
      return { ...state, results, players: withPlayer(state.players, f.name, state.me) };
    }
    default:
      // Our move was not acted on: the server sends `/turn` again.
      if (INVALID.has(id) && state.last?.by === state.me) return settled(state, { type: 'refused' });
      return state;
  }
}

/** PLAYERS: everyone seated, in turn order; what we knew of each is kept. */
function seated(players: readonly Player[], names: readonly string[]): readonly Player[] {
  const known = new Map(players.map((p) => [p.name, p]));
  const listed = [...new Set(names)].filter((name) => name !== '');
  const rest = players.filter((p) => !listed.includes(p.name));
  return [...listed.map((name) => known.get(name) ?? { name, points: null, left: false }), ...rest];
}

/** LETTERS (when we come back, or watch): those in the mask are hits, the others misses. */
function marksOf(letters: readonly string[], mask: string | null): State['letters'] {
  const open = [...normalize(mask ?? '')];
  // fromEntries makes own keys, whatever a letter is called (`__proto__` too).
  return Object.fromEntries(letters.map((l) => normalize(l)).map((l) => [l, open.includes(l) ? 'hit' : 'miss'] as const));
}

/** A board for the next game (or for the snapshot after `/back`): who left is gone, the others at 0. */
function nextGame(state: State): State {
  const players = state.players.filter((p) => !p.left).map((p) => ({ ...p, points: p.points === null ? null : 0 }));
  return { ...state, ...NEW_BOARD, history: [], players };
}

/** A new mask settles the move and shows who won. */
function word(state: State, mask: string): State {
  const next = settled(state, { type: 'mask', before: state.mask, after: mask });
  const winner = state.winner ?? (wins(next.last, mask) ? next.last!.by : null);
  return { ...next, mask, winner, phase: state.phase === 'over' ? 'over' : 'playing' };
}

/**
 * Splits SCORE by the names we know, in their order: a name such as `Ann 5, Bob`
 * would fool the plain split. Null when the known names do not make up the line.
 */
function scoresOfKnown(scores: string, names: readonly string[]): { name: string; points: number }[] | null {
  const out: { name: string; points: number }[] = [];
  let at = 0;
  for (const name of names) {
    if (at === scores.length) break;
    const m = /^ (\d+)(?:, |$)/.exec(scores.slice(at + name.length));
    if (!scores.startsWith(name, at) || !m) continue; // a player who left is not in SCORE
    out.push({ name, points: Number(m[1]) });
    at += name.length + m[0].length;
  }
  return at === scores.length && out.length > 0 ? out : null;
}

function score(state: State, scores: string): State {
  const parsed = parseScores(scores);
  // Known names first when the plain split repeats a name (no table has two of one name).
  const entries = new Set(parsed.map((e) => e.name)).size === parsed.length ? parsed : scoresOfKnown(scores, state.players.map((p) => p.name)) ?? dedupe(parsed);
  const old = new Map(state.players.map((p) => [p.name, p]));
  const points = new Map(entries.map((e) => [e.name, e.points]));
  // SCORE is the turn order; players gone from it (they left) keep their place.
  const players: Player[] = entries.every((e) => old.has(e.name))
    ? state.players.map((p) => (points.has(p.name) ? { ...p, points: points.get(p.name)! } : { ...p, left: true }))
    : entries.map((e) => ({ name: e.name, points: e.points, left: old.get(e.name)?.left ?? false }));
  const mover = state.last?.by;
  const after = entries.find((e) => e.name === mover)?.points;
  const moved = { ...state, players };
  // A game starts at 0.
  return after === undefined ? moved : settled(moved, { type: 'score', before: old.get(mover!)?.points ?? 0, after });
}

function dedupe(entries: readonly { name: string; points: number }[]): { name: string; points: number }[] {
  return entries.filter((e, i) => entries.findIndex((f) => f.name === e.name) === i);
}

function closed(state: State, a: { code: number; reason: string }): State {
  const wasOpen = state.open;
  state = { ...state, open: false, myTurn: false };
  // We left the room (or the public table): back to the join form, nothing lost.
  if (state.leaving) return { ...state, phase: 'join', room: initialRoom, leaving: false };
  // Another connection took our seat (REPLACED, /quit): the page offers to take it back, never by itself.
  if (state.room.replaced) return { ...state, phase: 'reconnecting' };
  // A drop while we hold a seat: the server keeps it for a while (§8.4), so take it back.
  if (keepsSeat(state)) return { ...state, phase: 'reconnecting' };
  if (state.phase === 'over') return state;
  const refusal = state.refusal;
  if (refusal && (refusal.id === 'NO_NAME' || refusal.id === 'BAD_NAME')) return { ...state, phase: 'join' };
  let kind: ErrorKind;
  let detail = a.reason;
  if (refusal) {
    kind = refusal.id === 'STOPPING' ? 'lost' : 'refused';
    detail = refusal.text;
  } else if (a.code === CloseCode.tryAgainLater) kind = 'unavailable';
  else if (!wasOpen) kind = 'unreachable';
  else kind = 'lost';
  return { ...state, phase: 'error', error: { kind, code: a.code, detail } };
}

/** Whether the server still keeps our seat after a close: we hold a key and nothing ended the stay. */
export function keepsSeat(state: State): boolean {
  // A refusal (a server that stops, too) or `/quit` ends the stay with the connection.
  return state.room.key !== null && !state.quit && !state.leaving && state.refusal === null;
}

/** The winner: who completed the word, else the best score. */
export function winnerOf(state: State): string | null {
  if (state.winner) return state.winner;
  const results = state.results ?? [];
  if (results.length === 0) return null;
  return results.reduce((a, b) => (b.points > a.points ? b : a)).name;
}
