import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../protocol/close-codes.js';
import { ALPHABETS, alphabetFor } from './alphabet.js';
import { initialState, reduce, winnerOf } from './state.js';
import type { ViewAction, State } from './state.js';
import { ukAnn, ukBob } from './transcripts/uk-two-players.js';
import { enCy, enWaiting } from './transcripts/en-three-players.js';
import { referenceDan } from './transcripts/reference.js';
import { noName, renamed, serverFull, stopping } from './transcripts/names.js';
import { hostileLetter } from './transcripts/hostile.js';
import { enCyPublic, roomNextGame } from './transcripts/section8.js';

/** Plays a transcript through the reducer: join, open, then every line; `>` lines are sent. */
function play(transcript: string, from: State = initialState): State[] {
  const lines = transcript.split('\n').filter((l) => l.startsWith('>') || l.startsWith('<'));
  const first = lines.find((l) => l.startsWith('>'));
  let t = 0;
  const actions: ViewAction[] = [
    { type: 'join', name: first ? first.slice(2) : 'Ann', t: t++ },
    { type: 'open', t: t++ },
  ];
  for (const l of lines) {
    const text = l.slice(2);
    actions.push(l.startsWith('>') ? { type: 'sent', line: text, t: t++ } : { type: 'line', line: text, t: t++ });
  }
  const states = [from];
  for (const a of actions) states.push(reduce(states[states.length - 1], a));
  return states;
}

const end = (transcript: string) => play(transcript).at(-1)!;
/** The state right after the first line that equals `line`. */
function after(transcript: string, line: string, nth = 1): State {
  const states = play(transcript);
  let seen = 0;
  for (const s of states) {
    const w = s.wire.at(-1);
    if (w?.dir === 'in' && w.text === line && ++seen === nth) return s;
  }
  throw new Error(`no line ${line}`);
}

describe('the §6 game (uk, two players)', () => {
  it('Ann sees the whole game: tiles, scores, turns, results', () => {
    const s = end(ukAnn);
    expect(s.phase).toBe('over');
    expect(s.mask).toBe('лапа');
    expect(s.players).toEqual([
      { name: 'Ann', points: 0, left: false },
      { name: 'Bob', points: 6, left: false },
    ]);
    expect(s.results).toEqual([
      { name: 'Ann', points: 0 },
      { name: 'Bob', points: 6 },
    ]);
    expect(winnerOf(s)).toBe('Bob');
    expect(s.serverLang).toBe('uk');
    expect(s.last).toMatchObject({ by: 'Bob', kind: 'word', value: 'лапа', outcome: 'right', earned: 2, delta: 6 });
  });

  it('every server line is in the log, nothing else', () => {
    const s = end(ukAnn);
    const sent = ukAnn.split('\n').filter((l) => l.startsWith('<')).map((l) => l.slice(2));
    expect(s.log.map((e) => e.text)).toEqual(sent);
    expect(s.log.find((e) => e.text.startsWith('Ви заробили'))?.kind).toBe('player');
    expect(s.log.find((e) => e.text.startsWith('Хід'))?.kind).toBe('table');
    expect(s.log.find((e) => e.text === '/turn')?.kind).toBe('command');
  });

  it('the wire view has both directions in order', () => {
    const s = end(ukAnn);
    expect(s.wire.slice(0, 3).map((w) => [w.dir, w.text])).toEqual([
      ['meta', 'open'],
      ['out', 'Ann'],
      ['in', 'До гри приєднався(лась) Ann'],
    ]);
    expect(s.wire.filter((w) => w.dir === 'out').map((w) => w.text)).toEqual(['Ann', '/letter а', '/word липа']);
  });

  it('waits, then plays: the phases in order', () => {
    expect(after(ukAnn, 'До гри приєднався(лась) Ann').phase).toBe('waiting');
    expect(after(ukAnn, 'Гра почалась!').phase).toBe('playing');
    expect(after(ukAnn, 'Слово: ****').mask).toBe('****');
  });

  it('/turn enables our move; sending it disables it again', () => {
    const s = after(ukAnn, '/turn');
    expect(s.myTurn).toBe(true);
    expect(s.turnOf).toBe('Ann');
    const sent = reduce(s, { type: 'sent', line: '/letter а', t: 99 });
    expect(sent.myTurn).toBe(false);
    expect(sent.letters).toEqual({ а: 'pending' });
  });

  it("Ann's letter: a hit worth 2; her wrong word burns 2", () => {
    const hit = after(ukAnn, 'Рахунок: Ann 2, Bob 0');
    expect(hit.last).toMatchObject({ by: 'Ann', kind: 'letter', value: 'а', outcome: 'hit', earned: 2, delta: 2 });
    expect(hit.letters).toEqual({ а: 'hit' });
    const burned = after(ukAnn, 'Рахунок: Ann 0, Bob 0');
    expect(burned.last).toMatchObject({ by: 'Ann', kind: 'word', value: 'липа', outcome: 'wrong', delta: -2 });
  });

  it("Bob sees Ann's moves by name, and learns of Ann from TURN_OF", () => {
    const s = after(ukBob, 'Хід Ann');
    expect(s.players.map((p) => p.name)).toEqual(['Ann', 'Bob']);
    const hit = after(ukBob, 'Слово: *а*а');
    expect(hit.last).toMatchObject({ by: 'Ann', kind: 'letter', value: 'а', outcome: 'hit', earned: 2 });
    const wrong = after(ukBob, 'Слово: *а*а', 2);
    expect(wrong.last).toMatchObject({ by: 'Ann', kind: 'word', value: 'липа', outcome: 'wrong' });
    const won = end(ukBob);
    expect(won.won).toBe(true);
    expect(winnerOf(won)).toBe('Bob');
  });

  it('the alphabet is Ukrainian, even for a player who chose English', () => {
    const s = after(ukAnn, 'Слово: ****');
    expect(alphabetFor(s.mask, s.serverLang, 'en')).toBe(ALPHABETS.uk);
  });
});

describe('an English game for three', () => {
  it('greets, waits, and counts who is missing', () => {
    const s = end(enWaiting);
    expect(s.phase).toBe('waiting');
    expect(s.waiting).toEqual({ k: 2, n: 3 });
    const cy = after(enCy, 'Cy joined the game');
    expect(cy.me).toBe('Cy');
    expect(cy.log.map((e) => e.id)).toEqual(['WELCOME', 'HOW_TO_PLAY', 'JOINED']);
  });

  it('players in turn order, the earlier joiners before us', () => {
    expect(after(enCy, 'Turn: Bob').players.map((p) => p.name)).toEqual(['Ann', 'Bob', 'Cy']);
  });

  it('a miss by another player is marked as a miss', () => {
    const s = after(enCy, 'Word: *a*\'*', 2);
    expect(s.last).toMatchObject({ by: 'Ann', value: 'e', outcome: 'miss', earned: 0 });
    expect(s.letters).toEqual({ a: 'hit', e: 'miss' });
  });

  it('our own letters: hit (sent in capitals), already open, miss, not a letter', () => {
    expect(after(enCy, 'You earned points: 1').last).toMatchObject({ by: 'Cy', value: 't', outcome: 'hit', earned: 1 });
    expect(after(enCy, 'That letter is already open').last).toMatchObject({ value: 'a', outcome: 'already' });
    const miss = after(enCy, 'No such letter');
    expect(miss.last).toMatchObject({ value: 'z', outcome: 'miss' });
    expect(miss.letters.z).toBe('miss');
    const bad = after(enCy, 'Name a single letter');
    expect(bad.last).toMatchObject({ value: 'ab', outcome: 'invalid' });
    expect(bad.letters.ab).toBeUndefined();
  });

  it('a timeout and a player who left are visible', () => {
    expect(after(enCy, 'Ann ran out of time').last).toMatchObject({ by: 'Ann', kind: 'timeout' });
    const left = after(enCy, 'Bob left the game');
    expect(left.last).toMatchObject({ by: 'Bob', kind: 'left' });
    expect(left.players.find((p) => p.name === 'Bob')?.left).toBe(true);
  });

  it('a player who left keeps their place when SCORE no longer lists them', () => {
    const s = after(enCy, 'Score: Ann 1, Cy 0');
    expect(s.players).toEqual([
      { name: 'Ann', points: 1, left: false },
      { name: 'Bob', points: 0, left: true },
      { name: 'Cy', points: 0, left: false },
    ]);
    expect(s.last).toMatchObject({ by: 'Cy', kind: 'word', outcome: 'wrong', delta: -1 });
  });

  it('an unrecognised line still goes to the log', () => {
    const s = after(enCy, 'Server notice: maintenance at noon');
    expect(s.log.at(-1)).toMatchObject({ kind: 'other', id: null, text: 'Server notice: maintenance at noon' });
  });

  it('the end: Ann wins with the bonus, results in turn order', () => {
    const s = end(enCy);
    expect(s.results).toEqual([
      { name: 'Ann', points: 8 },
      { name: 'Cy', points: 0 },
    ]);
    expect(winnerOf(s)).toBe('Ann');
    expect(s.won).toBe(false);
    expect(alphabetFor(s.mask, s.serverLang, 'uk')).toBe(ALPHABETS.en);
  });

  it('a closed connection after /quit is no error', () => {
    const s = reduce(end(enCy), { type: 'closed', code: 1000, reason: '', t: 1 });
    expect(s.phase).toBe('over');
    expect(s.error).toBeNull();
  });
});

describe('the reference server (no SCORE, no WAITING)', () => {
  it('lists players without scores and still finds the winner', () => {
    const mid = after(referenceDan, 'Хід Dan');
    expect(mid.players).toEqual([
      { name: 'Ann', points: null, left: false },
      { name: 'Dan', points: null, left: false },
    ]);
    expect(mid.letters).toEqual({ к: 'hit', о: 'miss' });
    const s = end(referenceDan);
    expect(s.phase).toBe('over');
    expect(winnerOf(s)).toBe('Dan');
    expect(s.results?.map((r) => r.points)).toEqual([1, 5]);
  });

  it("accepts the reference's spelling of JOINED", () => {
    expect(after(referenceDan, 'До гри прєднався(лась) Dan').phase).toBe('waiting');
  });
});

describe('names', () => {
  it('RENAMED changes who we are and is kept to show at the name', () => {
    const s = end(renamed);
    expect(s.me).toBe('Ann 2');
    expect(s.typedName).toBe('Ann');
    expect(s.nameNote).toEqual({ id: 'RENAMED', text: 'Ann 2' });
    expect(s.players.map((p) => p.name)).toEqual(['Ann', 'Ann 2', 'Bob']);
  });

  it('NO_NAME and the close bring back the join form with the note', () => {
    const s = reduce(end(noName), { type: 'closed', code: 1000, reason: '', t: 9 });
    expect(s.phase).toBe('join');
    expect(s.nameNote?.id).toBe('NO_NAME');
    expect(s.error).toBeNull();
  });
});

describe('errors', () => {
  const joined = (): State => reduce(initialState, { type: 'join', name: 'Ann', t: 0 });

  it('gateway unreachable: closed before it opened', () => {
    const s = reduce(joined(), { type: 'closed', code: 1006, reason: '', t: 1 });
    expect(s.phase).toBe('error');
    expect(s.error).toEqual({ kind: 'unreachable', code: 1006, detail: '' });
  });

  it('server unavailable: try again later, with the reason', () => {
    const open = reduce(joined(), { type: 'open', t: 1 });
    const s = reduce(open, { type: 'closed', code: CloseCode.tryAgainLater, reason: 'game server unreachable', t: 2 });
    expect(s.error).toEqual({ kind: 'unavailable', code: CloseCode.tryAgainLater, detail: 'game server unreachable' });
  });

  it('connection lost mid-game', () => {
    const mid = after(ukAnn, '/turn');
    const s = reduce(mid, { type: 'closed', code: 1006, reason: '', t: 1 });
    expect(s.phase).toBe('error');
    expect(s.error?.kind).toBe('lost');
    expect(s.myTurn).toBe(false);
    expect(s.mask).toBe('****');
  });

  it('refused by the server: its line is the detail', () => {
    const s = reduce(end(serverFull), { type: 'closed', code: 1000, reason: '', t: 1 });
    expect(s.error).toEqual({ kind: 'refused', code: 1000, detail: 'The server is full; try again later.' });
  });

  it('the server stopping mid-game is a lost connection, in its own words, not a game over', () => {
    const quit = end(stopping);
    expect(quit.phase).toBe('playing');
    expect(quit.myTurn).toBe(false);
    const s = reduce(quit, { type: 'closed', code: 1000, reason: 'the server closed the connection', t: 1 });
    expect(s.phase).toBe('error');
    expect(s.error).toEqual({ kind: 'lost', code: 1000, detail: 'The server is stopping. Goodbye!' });
  });

  it('joining again keeps the log and the wire but starts a new table', () => {
    const over = end(ukAnn);
    const again = reduce(over, { type: 'join', name: 'Ann', t: 5 });
    expect(again.phase).toBe('connecting');
    expect(again.log).toHaveLength(over.log.length);
    expect(again.mask).toBeNull();
    expect(again.results).toBeNull();
  });
});

describe('one hostile letter', () => {
  it('a Cyrillic letter named at an English table leaves the keyboard English', () => {
    const s = end(hostileLetter);
    expect(s.letters).toEqual({ ж: 'miss' });
    expect(s.myTurn).toBe(true);
    expect(alphabetFor(s.mask, s.serverLang, 'en')).toBe(ALPHABETS.en);
    expect(alphabetFor(s.mask, s.serverLang, 'uk')).toBe(ALPHABETS.en);
  });

  it('chat lines and names do not change the server’s language (CHAT reads the same in both)', () => {
    expect(after(hostileLetter, '<Bob> Гра почалась!').serverLang).toBe('en');
    expect(after(hostileLetter, '<Bob> Гра почалась!').log.at(-1)?.id).toBe('CHAT');
    const uk = after(ukAnn, 'Слово: ****');
    const chatted = reduce(reduce(uk, { type: 'line', line: '<Bob> hi', t: 1 }), { type: 'line', line: 'Turn: Ann joined the game', t: 2 });
    expect(chatted.serverLang).toBe('uk');
    expect(alphabetFor(chatted.mask, chatted.serverLang, 'en')).toBe(ALPHABETS.uk);
  });
});

describe('a public table with the lines of §8 (PLAYERS, SEAT_KEY, CLOCK, CHAT, AWAY, BACK)', () => {
  it('PLAYERS seats everyone in turn order at once, the earlier joiners before us', () => {
    const s = after(enCyPublic, 'At the table: Ann, Word: x, Cy');
    expect(s.players).toEqual([
      { name: 'Ann', points: null, left: false },
      { name: 'Word: x', points: null, left: false },
      { name: 'Cy', points: null, left: false },
    ]);
    expect(s.me).toBe('Cy');
    expect(s.phase).toBe('waiting');
  });

  it('chat that reads like the board, a join or our turn changes nothing but the log and the chat', () => {
    const before = after(enCyPublic, 'Time to move: 30 s');
    const s = after(enCyPublic, '<Word: x> Turn: Cy');
    expect(s.log.slice(-4).map((e) => e.id)).toEqual(['CHAT', 'CHAT', 'CHAT', 'CHAT']);
    expect(s.room.chat.map((c) => c.name)).toEqual(['Ann', 'Word: x', 'Word: x', 'Word: x']);
    expect({ ...s, log: before.log, wire: before.wire, room: { ...s.room, chat: before.room.chat } }).toEqual(before);
  });

  it('AWAY and BACK of a player whose name reads like WORD leave the board alone', () => {
    const away = after(enCyPublic, 'Word: x lost the connection; the seat is kept for 60 s');
    expect(away.log.at(-1)?.id).toBe('AWAY');
    expect(away.mask).toBe('*i*i');
    const back = after(enCyPublic, 'Word: x is back');
    expect(back.log.at(-1)?.id).toBe('BACK');
    expect(back.mask).toBe('ki*i');
    expect(back.myTurn).toBe(true);
  });

  it('the whole game renders as without §8: moves, scores, turns, results, and the keyboard stays English', () => {
    const s = end(enCyPublic);
    expect(s.phase).toBe('over');
    expect(s.players.map((p) => [p.name, p.points, p.left])).toEqual([
      ['Ann', 2, false],
      ['Word: x', 0, false],
      ['Cy', 6, false],
    ]);
    expect(s.results).toEqual([
      { name: 'Ann', points: 2 },
      { name: 'Word: x', points: 0 },
      { name: 'Cy', points: 6 },
    ]);
    expect(s.won).toBe(true);
    expect(winnerOf(s)).toBe('Cy');
    expect(s.letters).toEqual({ i: 'hit', z: 'miss', k: 'hit' });
    expect(s.last).toMatchObject({ by: 'Cy', kind: 'word', outcome: 'right', earned: 1, delta: 5 });
    expect(s.turns).toBe(2);
    expect(alphabetFor(s.mask, s.serverLang, 'uk')).toBe(ALPHABETS.en);
    // Every line is in the log, each recognised.
    expect(s.log.filter((e) => e.id === null && e.kind !== 'command')).toEqual([]);
    expect(s.log.find((e) => e.id === 'SEAT_KEY')?.kind).toBe('player');
  });

  it('a room’s ROOM_TOTAL, NEXT_GAME and a chat line ending in a number are no RESULT; the next game starts on a new board', () => {
    const over = after(roomNextGame, '<Bob> gg 5');
    expect(over.results).toEqual([
      { name: 'Ann', points: 4 },
      { name: 'Bob', points: 0 },
    ]);
    expect(over.log.slice(-3).map((e) => e.id)).toEqual(['ROOM_TOTAL', 'NEXT_GAME', 'CHAT']);
    expect(over.players.map((p) => p.name)).toEqual(['Ann', 'Bob']);
    const next = after(roomNextGame, 'The game has started!', 2);
    expect(next).toMatchObject({ phase: 'playing', mask: null, results: null, winner: null, won: false, last: null, letters: {} });
    const s = end(roomNextGame);
    expect(s.mask).toBe('*a*');
    expect(s.letters).toEqual({ a: 'hit' });
    expect(s.last).toMatchObject({ by: 'Bob', value: 'a', outcome: 'hit', earned: 1, delta: 1 });
    expect(s.players.map((p) => [p.name, p.points])).toEqual([
      ['Ann', 0],
      ['Bob', 1],
    ]);
  });

  it('LETTERS (coming back, or watching) marks the named letters by the mask', () => {
    let s = after(roomNextGame, 'Word: *a*');
    s = reduce(s, { type: 'line', line: 'Letters named: a, Z, e', t: 99 });
    expect(s.letters).toEqual({ a: 'hit', z: 'miss', e: 'miss' });
  });
});
