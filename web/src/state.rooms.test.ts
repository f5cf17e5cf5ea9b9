import { describe, expect, it } from 'vitest';
import { MAX_HISTORY, initialState, keepsSeat, reduce } from './state.js';
import type { State, ViewAction } from './state.js';
import { latecomer, resumed, twoGames, watching } from './transcripts/rooms.js';

/** Plays a rooms transcript through the reducer, one second a line. */
function play(transcript: string, from: State = initialState, name = 'Ann'): State {
  let t = from.wire.at(-1)?.t ?? 0;
  let s = from;
  const act = (a: ViewAction) => (s = reduce(s, a));
  const lines = transcript.split('\n').filter((l) => /^[<>!] /.test(l));
  if (from === initialState && !lines[0].startsWith('!')) {
    act({ type: 'join', name, t: (t += 1000) });
    act({ type: 'open', t: (t += 1000) });
  }
  for (const l of lines) {
    const text = l.slice(2);
    if (l.startsWith('>')) act({ type: 'sent', line: text, t: (t += 1000) });
    else if (l.startsWith('<')) act({ type: 'line', line: text, t: (t += 1000) });
    else if (text.startsWith('close ')) act({ type: 'closed', code: Number(text.split(' ')[1]), reason: '', t: (t += 1000) });
    else {
      const [, kind, a, b, c] = text.split(' ');
      act({ type: 'connect', plan: kind === 'back' ? { kind: 'back', key: a, name: b, code: c ?? null } : { kind: 'watch', code: a }, t: (t += 1000) });
      act({ type: 'open', t: (t += 1000) });
    }
  }
  return s;
}

/** The transcript cut after the first line that starts with `upTo`. */
function until(transcript: string, upTo: string): string {
  const at = transcript.indexOf(upTo);
  return transcript.slice(0, transcript.indexOf('\n', at));
}

describe('a room, game after game', () => {
  it('the room and our seat: code, key, words, who sits here', () => {
    const s = play(until(twoGames, '< Waiting'));
    expect(s.phase).toBe('waiting');
    expect(s.room).toMatchObject({ code: 'K7M2Q', key: 'ABCD2345', wordsAdded: 2, seated: ['Ann'], role: 'player' });
    expect(s.players.map((p) => p.name)).toEqual(['Ann']);
  });

  it('after GAME_OVER: RESULT lines, then the room total and chat are read as what they are', () => {
    const s = play(until(twoGames, '< <Ann> Word'));
    expect(s.phase).toBe('over');
    expect(s.results).toEqual([
      { name: 'Ann', points: 8 },
      { name: 'Bob', points: 0 },
    ]);
    expect(s.room.total).toEqual([
      { name: 'Ann', points: 8 },
      { name: 'Bob', points: 0 },
    ]);
    expect(s.room.nextGame?.seconds).toBe(10);
    expect(s.room.chat.map((c) => `${c.name}: ${c.text}`)).toEqual(['Bob: gg 2', 'Ann: Word: ****']);
    expect(s.mask).toBe('kiwi'); // chat that reads like WORD changes nothing
    expect(s.players.map((p) => p.name)).toEqual(['Ann', 'Bob']);
  });

  it('the next game starts on the same connection with a fresh board; the total stays', () => {
    const s = play(until(twoGames, "< Letter named: 'p'"));
    expect(s.phase).toBe('playing');
    expect(s.results).toBeNull();
    expect(s.winner).toBeNull();
    expect(s.letters).toEqual({ p: 'pending' });
    expect(s.players).toEqual([
      { name: 'Ann', points: 0, left: false },
      { name: 'Bob', points: 0, left: false },
    ]);
    expect(s.room.total).not.toBeNull();
    expect(s.room.games).toBe(2);
  });

  it('the clock runs for whoever moves; an away player is marked and the turn passes', () => {
    const s = play(twoGames);
    expect(s.turnOf).toBe('Ann');
    expect(s.myTurn).toBe(true);
    expect(s.room.clock?.seconds).toBe(30);
    expect(Object.keys(s.room.away)).toEqual(['Bob']);
    expect(s.last).toMatchObject({ by: 'Bob', kind: 'letter', value: 'p', outcome: 'hit' });
    expect(s.history).toEqual([]); // each game starts its own
  });
});

it('the moves before the last are kept, newest first, at most MAX_HISTORY', () => {
  const moves = Array.from({ length: MAX_HISTORY + 3 }, (_, i) => `< Turn: Bob\n< Letter named: '${'bcdefghjlmn'[i]}'\n< Word: ****`).join('\n');
  const s = play(`${until(twoGames, '< Word: p***')}\n${moves}`);
  expect(s.last?.value).toBe('j');
  expect(s.history.map((m) => m.value)).toEqual(['h', 'g', 'f', 'e', 'd']);
});

describe('kept seats', () => {
  it('a drop mid-game while we hold a key: reconnecting, not an error', () => {
    const s = play(`${twoGames}\n! close 1006`);
    expect(s.phase).toBe('reconnecting');
    expect(keepsSeat(s)).toBe(true);
    expect(s.mask).toBe('p***'); // the board stays on show meanwhile
  });

  it('a reload takes the seat back: the snapshot fills the board, letters marked, our turn', () => {
    const s = play(resumed);
    expect(s.phase).toBe('playing');
    expect(s.me).toBe('Ann');
    expect(s.mask).toBe('*а*а');
    expect(s.letters).toEqual({ а: 'hit', х: 'miss' });
    expect(s.players).toEqual([
      { name: 'Ann', points: 2, left: false },
      { name: 'Bob', points: 0, left: false },
    ]);
    expect(s.myTurn).toBe(true);
    expect(s.room).toMatchObject({ key: 'ABCD2345', code: 'K7M2Q', resumed: true });
    expect(s.room.clock?.seconds).toBe(17);
  });

  it('while trying again: reconnecting until RESUMED, even when a try fails to open', () => {
    let s = play(`${twoGames}\n! close 1001`);
    s = reduce(s, { type: 'connect', plan: { kind: 'back', key: 'ABCD2345', name: 'Ann', code: 'K7M2Q' }, t: 1 });
    expect(s.phase).toBe('reconnecting');
    s = reduce(s, { type: 'closed', code: 1006, reason: '', t: 2 });
    expect(s.phase).toBe('reconnecting');
    expect(s.error).toBeNull();
  });

  it('a seat no longer kept in a room: we sit down there again as a newcomer', () => {
    let s = play(`! connect back ABCD2345 Ann K7M2Q\n> /back ABCD2345\n< That seat is no longer kept\n> /join K7M2Q\n< Room K7M2Q: type your name to sit down\n> Ann\n< Ann joined the game\n< At the table: Bob, Ann`);
    expect(s.phase).toBe('waiting');
    expect(s.me).toBe('Ann');
    expect(s.players.map((p) => p.name)).toEqual(['Bob', 'Ann']);
    s = reduce(s, { type: 'turned-away', t: 99 });
    expect(s.phase).toBe('join');
  });

  it('another tab takes the seat: REPLACED, /quit, close: we say so and do not take it back', () => {
    const s = play(`${twoGames}\n< Your seat was taken over by a new connection\n< /quit\n! close 1000`);
    expect(s.phase).toBe('reconnecting');
    expect(s.room.replaced).toBe(true);
    expect(keepsSeat(s)).toBe(false);
  });

  it('after /leave the close is no loss: back to the join form', () => {
    const s = play(`${twoGames}\n> /leave\n< /quit\n! close 1000`);
    expect(s.phase).toBe('join');
    expect(s.error).toBeNull();
    expect(s.room.code).toBeNull();
  });

  it('a public table ends with /quit: the seat goes with it', () => {
    const s = play(`> Ann\n< Ann joined the game\n< At the table: Ann\n< Your seat key: ABCD2345 (if you lose the connection, reconnect and type /back ABCD2345)\n< Bob joined the game\n< The game has started!\n< Word: ab\n< The game is over!\n< Ann 0\n< Bob 3\n< /quit\n! close 1000`);
    expect(s.phase).toBe('over');
    expect(keepsSeat(s)).toBe(false);
  });

  it('a server that stops keeps no seat: the error says so', () => {
    const s = play(`${twoGames}\n< The server is stopping. Goodbye!\n< /quit\n! close 1000`);
    expect(s.phase).toBe('error');
  });
});

describe('watching and latecomers', () => {
  it('a watcher sees the table: word, letters, scores, turns, chat; it is no player', () => {
    const s = play(watching);
    expect(s.me).toBe('');
    expect(s.room.role).toBe('watcher');
    expect(s.mask).toBe('ki*i');
    expect(s.letters).toEqual({ i: 'hit', k: 'hit' });
    expect(s.players.map((p) => [p.name, p.points])).toEqual([
      ['Ann', 2],
      ['Bob (bot)', 1],
      ['Cy', null],
    ]);
    expect(s.turnOf).toBe('Bob (bot)');
    expect(s.myTurn).toBe(false);
    expect(s.room.chat.map((c) => c.text)).toEqual(['hello class']);
  });

  it('a latecomer sees the game and plays from the next', () => {
    const s = play(latecomer, initialState, 'Cy');
    expect(s.me).toBe('Cy');
    expect(s.room.role).toBe('next');
    expect(s.phase).toBe('playing');
    expect(s.mask).toBe('k***');
    expect(s.myTurn).toBe(false);
    expect(play(`< The game is over!\n< Ann 5\n< Bob 0\n< Cy 0\n< The game has started!`, s).room.role).toBe('player');
  });
});
