import { describe, expect, it } from 'vitest';
import { Table, type SeatRef, type TableIO } from './table.js';
import { format, type Lang, type MessageFields, type MessageId } from '../protocol/catalog.js';
import { FakeClock } from '../test/support/fake-clock.js';
import type { SeatKeys } from './seats.js';

interface Setup {
  table: Table;
  clock: FakeClock;
  /** Lines each player got since the last take(), in order. */
  take(): Record<string, string[]>;
  ended: string[];
  done: string[];
  msg<Id extends MessageId>(id: Id, fields?: MessageFields<Id>): string;
}

/** Keys that say whose they are: `Ks1` for the first seat. */
const keys: SeatKeys<SeatRef> = { issue: (ref) => `K${ref.seat}`, revoke: () => {} };

function setup(lang: Lang, opts: { size?: number; word?: string; turnMs?: number; logs?: string[] } = {}): Setup {
  const sent: Array<[string, string]> = [];
  const ended: string[] = [];
  const done: string[] = [];
  const io: TableIO = {
    send: (player, line) => void sent.push([player, line]),
    end: (player) => void ended.push(player),
    log: (line) => void opts.logs?.push(line),
  };
  const clock = new FakeClock();
  const table = new Table({
    label: 'table 1',
    size: opts.size ?? 2,
    lang,
    pickWord: () => opts.word ?? WORDS[lang].word,
    words: () => [opts.word ?? WORDS[lang].word],
    turnMs: opts.turnMs ?? 0,
    // §4 as it was: a dropped player leaves at once. Kept seats have their own tests.
    graceMs: 0,
    keys,
    io,
    clock,
    events: { done: (_t, how) => void done.push(how) },
  });
  return {
    table,
    clock,
    ended,
    done,
    take() {
      const by: Record<string, string[]> = {};
      for (const [p, line] of sent.splice(0)) (by[p] ??= []).push(line);
      return by;
    },
    msg: (id, fields) => format(lang, id, fields),
  };
}

/** A four-letter word per language: `hit` opens two letters, `second` one, `last` ends it. */
const WORDS = {
  en: { word: 'data', hit: 'a', afterHit: '*a*a', second: 'd', afterSecond: 'da*a', last: 't', miss: 'z', wrong: 'date' },
  uk: { word: 'лапа', hit: 'а', afterHit: '*а*а', second: 'л', afterSecond: 'ла*а', last: 'п', miss: 'ж', wrong: 'липа' },
} as const;

const NAMES: Record<string, string> = { a: 'Ann', b: 'Bob', c: 'Cid', d: 'Dan' };

/** Seats players a, b, … and forgets the opening lines. */
function started(s: Setup, ids: string[]): void {
  for (const id of ids) s.table.seat(id, NAMES[id]);
  expect(s.table.phase).toBe('playing');
  s.take();
}

describe.each(['en', 'uk'] as const)('Table (--lang %s)', (lang) => {
  const w = WORDS[lang];

  describe('seating', () => {
    it('sends JOINED to everyone seated, WAITING while not full, then STARTED, WORD, TURN_OF and /turn', () => {
      const s = setup(lang, { size: 3 });
      expect(s.table.seat('a', 'Ann')).toEqual({ name: 'Ann', key: 'Ks1' });
      expect(s.take()).toEqual({ a: [s.msg('JOINED', { name: 'Ann' }), s.msg('PLAYERS', { names: 'Ann' }), s.msg('SEAT_KEY', { key: 'Ks1' }), s.msg('WAITING', { k: 1, n: 3 })] });
      s.table.seat('b', 'Bob');
      const second = [s.msg('JOINED', { name: 'Bob' }), s.msg('WAITING', { k: 2, n: 3 })];
      expect(s.take()).toEqual({ a: second, b: [second[0], s.msg('PLAYERS', { names: 'Ann, Bob' }), s.msg('SEAT_KEY', { key: 'Ks2' }), second[1]] });
      expect(s.table.phase).toBe('waiting');
      expect(s.table.isOpen).toBe(true);
      s.table.seat('c', 'Cid');
      const opening = [s.msg('JOINED', { name: 'Cid' }), s.msg('STARTED'), s.msg('WORD', { mask: '****' }), s.msg('TURN_OF', { name: 'Ann' })];
      const newcomer = [opening[0], s.msg('PLAYERS', { names: 'Ann, Bob, Cid' }), s.msg('SEAT_KEY', { key: 'Ks3' }), ...opening.slice(1)];
      expect(s.take()).toEqual({ a: [...opening, '/turn'], b: opening, c: newcomer });
      expect(s.table.phase).toBe('playing');
      expect(s.table.isOpen).toBe(false);
      expect(() => s.table.seat('d', 'Dan')).toThrow();
    });

    it('gives a taken name a suffix and tells the newcomer (RENAMED) before JOINED', () => {
      const s = setup(lang, { size: 3 });
      s.table.seat('a', 'Ann');
      s.take();
      expect(s.table.seat('b', 'Ann').name).toBe('Ann 2');
      const b = s.take();
      expect(b.b).toEqual([
        s.msg('RENAMED', { name: 'Ann 2' }),
        s.msg('JOINED', { name: 'Ann 2' }),
        s.msg('PLAYERS', { names: 'Ann, Ann 2' }),
        s.msg('SEAT_KEY', { key: 'Ks2' }),
        s.msg('WAITING', { k: 2, n: 3 }),
      ]);
      expect(b.a).toEqual([s.msg('JOINED', { name: 'Ann 2' }), s.msg('WAITING', { k: 2, n: 3 })]);
      expect(s.table.seat('c', 'Ann').name).toBe('Ann 3');
      expect(s.take().c[0]).toBe(s.msg('RENAMED', { name: 'Ann 3' }));
      expect(s.table.players).toEqual(['Ann', 'Ann 2', 'Ann 3']);
    });

    it('starts a game for one at once with players: 1 (no WAITING) and plays it to the end', () => {
      const s = setup(lang, { size: 1 });
      s.table.seat('a', 'Ann');
      expect(s.take()).toEqual({
        a: [
          s.msg('JOINED', { name: 'Ann' }),
          s.msg('PLAYERS', { names: 'Ann' }),
          s.msg('SEAT_KEY', { key: 'Ks1' }),
          s.msg('STARTED'),
          s.msg('WORD', { mask: '****' }),
          s.msg('TURN_OF', { name: 'Ann' }),
          '/turn',
        ],
      });
      s.table.handleLine('a', `/letter ${w.miss}`);
      expect(s.take().a).toEqual([s.msg('NO_LETTER'), s.msg('WORD', { mask: '****' }), s.msg('SCORE', { scores: 'Ann 0' }), s.msg('TURN_OF', { name: 'Ann' }), '/turn']);
      s.table.handleLine('a', `/word ${w.word}`);
      expect(s.take().a).toEqual([
        s.msg('EARNED', { points: 4 }),
        s.msg('WON'),
        s.msg('WORD', { mask: w.word }),
        s.msg('SCORE', { scores: 'Ann 8' }),
        s.msg('GAME_OVER'),
        s.msg('RESULT', { name: 'Ann', points: 8 }),
        '/quit',
      ]);
      expect(s.ended).toEqual(['a']);
      expect(s.done).toEqual(['finished']);
    });
  });

  describe('moves (§3.5)', () => {
    it('a letter in the word: LETTER_NAMED to the others, EARNED to the mover, WORD and SCORE to all; the mover keeps the turn', () => {
      const s = setup(lang, { size: 3 });
      started(s, ['a', 'b', 'c']);
      s.table.handleLine('a', `/letter ${w.hit}`);
      const all = [s.msg('WORD', { mask: w.afterHit }), s.msg('SCORE', { scores: 'Ann 2, Bob 0, Cid 0' }), s.msg('TURN_OF', { name: 'Ann' })];
      const named = s.msg('LETTER_NAMED', { letter: w.hit });
      expect(s.take()).toEqual({ a: [s.msg('EARNED', { points: 2 }), ...all, '/turn'], b: [named, ...all], c: [named, ...all] });
    });

    it('a letter not in the word: LETTER_NAMED to the others, NO_LETTER to the mover; the turn passes, going round', () => {
      const s = setup(lang, { size: 3 });
      started(s, ['a', 'b', 'c']);
      const named = s.msg('LETTER_NAMED', { letter: w.miss });
      const all = (next: string) => [s.msg('WORD', { mask: '****' }), s.msg('SCORE', { scores: 'Ann 0, Bob 0, Cid 0' }), s.msg('TURN_OF', { name: next })];
      s.table.handleLine('a', `/letter ${w.miss}`);
      expect(s.take()).toEqual({ a: [s.msg('NO_LETTER'), ...all('Bob')], b: [named, ...all('Bob'), '/turn'], c: [named, ...all('Bob')] });
      s.table.handleLine('b', `/letter ${w.miss}`);
      expect(s.take().c).toEqual([named, ...all('Cid'), '/turn']);
      s.table.handleLine('c', `/letter ${w.miss}`);
      expect(s.take().a).toEqual([named, ...all('Ann'), '/turn']);
    });

    it('a letter already open: ALREADY_OPEN to the mover, TURN_OF and /turn again, no penalty, nothing else', () => {
      const s = setup(lang);
      started(s, ['a', 'b']);
      s.table.handleLine('a', `/letter ${w.hit}`);
      s.take();
      s.table.handleLine('a', `/letter ${w.hit.toUpperCase()}`);
      const turn = s.msg('TURN_OF', { name: 'Ann' });
      expect(s.take()).toEqual({ a: [s.msg('ALREADY_OPEN'), turn, '/turn'], b: [turn] });
      // Points were kept: the next move's SCORE still shows them.
      s.table.handleLine('a', `/letter ${w.miss}`);
      expect(s.take().b).toContain(s.msg('SCORE', { scores: 'Ann 2, Bob 0' }));
    });

    it('a wrong word: WORD_NAMED to the others, BURNED to the mover whose points drop to 0; the turn passes', () => {
      const s = setup(lang);
      started(s, ['a', 'b']);
      s.table.handleLine('a', `/letter ${w.hit}`);
      s.take();
      s.table.handleLine('a', `/word ${w.wrong}`);
      const all = [s.msg('WORD', { mask: w.afterHit }), s.msg('SCORE', { scores: 'Ann 0, Bob 0' }), s.msg('TURN_OF', { name: 'Bob' })];
      expect(s.take()).toEqual({ a: [s.msg('BURNED'), ...all], b: [s.msg('WORD_NAMED', { word: w.wrong }), ...all, '/turn'] });
    });

    it('the right word: WORD_NAMED, EARNED for the letters still hidden, WON, the whole word, SCORE with the bonus, GAME_OVER, RESULT in turn order, /quit, end', () => {
      const s = setup(lang, { size: 3 });
      started(s, ['a', 'b', 'c']);
      s.table.handleLine('a', `/letter ${w.hit}`); // Ann 2
      s.table.handleLine('a', `/letter ${w.miss}`);
      s.take();
      s.table.handleLine('b', `/word ${w.word.toUpperCase()}`); // Bob: 2 hidden + 4 bonus
      const end = [
        s.msg('WORD', { mask: w.word }),
        s.msg('SCORE', { scores: 'Ann 2, Bob 6, Cid 0' }),
        s.msg('GAME_OVER'),
        s.msg('RESULT', { name: 'Ann', points: 2 }),
        s.msg('RESULT', { name: 'Bob', points: 6 }),
        s.msg('RESULT', { name: 'Cid', points: 0 }),
        '/quit',
      ];
      const named = s.msg('WORD_NAMED', { word: w.word });
      expect(s.take()).toEqual({ a: [named, ...end], b: [s.msg('EARNED', { points: 2 }), s.msg('WON'), ...end], c: [named, ...end] });
      expect(s.ended).toEqual(['a', 'b', 'c']);
      expect(s.done).toEqual(['finished']);
      expect(s.table.phase).toBe('done');
    });

    it('opening the last letter wins: EARNED, WON, then the word, and the bonus in SCORE and RESULT', () => {
      const s = setup(lang);
      started(s, ['a', 'b']);
      s.table.handleLine('a', `/letter ${w.hit}`);
      s.table.handleLine('a', `/letter ${w.second}`);
      s.table.handleLine('a', `/letter ${w.miss}`);
      s.take();
      s.table.handleLine('b', `/letter ${w.last}`);
      const end = [s.msg('WORD', { mask: w.word }), s.msg('SCORE', { scores: 'Ann 3, Bob 5' }), s.msg('GAME_OVER'), s.msg('RESULT', { name: 'Ann', points: 3 }), s.msg('RESULT', { name: 'Bob', points: 5 }), '/quit'];
      expect(s.take()).toEqual({ a: [s.msg('LETTER_NAMED', { letter: w.last }), ...end], b: [s.msg('EARNED', { points: 1 }), s.msg('WON'), ...end] });
      expect(s.ended).toEqual(['a', 'b']);
    });

    it('compares after NFC and lower case, and shows the letter and word as compared', () => {
      // "ї" written decomposed (і + combining diaeresis) and in upper case.
      const s = setup(lang, { word: 'їжак' });
      started(s, ['a', 'b']);
      s.table.handleLine('a', '/letter \u0406\u0308');
      const got = s.take();
      expect(got.b[0]).toBe(s.msg('LETTER_NAMED', { letter: 'ї' }));
      expect(got.a[0]).toBe(s.msg('EARNED', { points: 1 }));
      expect(got.a).toContain(s.msg('WORD', { mask: 'ї***' }));
      s.table.handleLine('a', '/word \u0406\u0308ЖАК');
      expect(s.take().b[0]).toBe(s.msg('WORD_NAMED', { word: 'їжак' }));
    });

    it('shows an apostrophe or a hyphen from the start and does not count it for the bonus', () => {
      const word = lang === 'uk' ? "п'ять" : 'x-ray';
      const s = setup(lang, { word, size: 1 });
      s.table.seat('a', 'Ann');
      expect(s.take().a).toContain(s.msg('WORD', { mask: lang === 'uk' ? "*'***" : '*-***' }));
      s.table.handleLine('a', `/word ${word}`);
      expect(s.take().a).toEqual(expect.arrayContaining([s.msg('EARNED', { points: 4 }), s.msg('RESULT', { name: 'Ann', points: 8 })]));
    });

    it('logs the start and the end with every name as JSON, so a name holding ", " cannot blur the line', () => {
      const logs: string[] = [];
      const s = setup(lang, { logs });
      s.table.seat('a', 'Ann, Bob');
      s.table.seat('b', 'Cid "C"');
      s.table.handleLine('a', `/word ${w.word}`);
      expect(logs.filter((l) => !l.includes('sat down'))).toEqual([
        'table 1: game started with ["Ann, Bob","Cid \\"C\\""]',
        `table 1: game over, "Ann, Bob" won; word ${JSON.stringify(w.word)}; scores {"Ann, Bob":8,"Cid \\"C\\"":0}`,
      ]);
    });

    it('ignores lines once the game is over', () => {
      const s = setup(lang, { size: 1 });
      s.table.seat('a', 'Ann');
      s.table.handleLine('a', `/word ${w.word}`);
      s.take();
      s.table.handleLine('a', `/letter ${w.hit}`);
      s.table.handleLine('a', 'hello');
      s.table.lineTooLong('a');
      s.table.disconnected('a');
      expect(s.take()).toEqual({});
      expect(s.done).toEqual(['finished']);
    });
  });

  describe('wrong input (§4) never costs the turn', () => {
    const cases: Array<[string, string, (s: Setup) => string]> = [
      ['an empty /letter', '/letter', (s) => s.msg('NOT_A_LETTER')],
      ['/letter with two letters', '/letter ab', (s) => s.msg('NOT_A_LETTER')],
      ['/letter with a digit', '/letter 1', (s) => s.msg('NOT_A_LETTER')],
      ['an empty /word', '/word', (s) => s.msg('BAD_COMMAND', { line: '/word' })],
      ['a bare /', '/', (s) => s.msg('BAD_COMMAND', { line: '/' })],
      ['an unknown command', '/hint me', (s) => s.msg('NO_COMMAND', { command: 'hint' })],
      ['a server command sent back', '/turn', (s) => s.msg('NO_COMMAND', { command: 'turn' })],
      ['a command in the wrong case', '/LETTER a', (s) => s.msg('NO_COMMAND', { command: 'LETTER' })],
      ['a line that is no command', 'hello there', (s) => s.msg('UNEXPECTED', { name: 'Ann' })],
    ];

    it.each(cases)('%s in turn: the reply and /turn again, to the mover only, same clock', (_what, line, reply) => {
      const s = setup(lang, { turnMs: 5000 });
      started(s, ['a', 'b']);
      const clocks = s.clock.started;
      s.table.handleLine('a', line);
      expect(s.take()).toEqual({ a: [reply(s), '/turn'] });
      expect(s.clock.started).toBe(clocks);
      // Still Ann's move.
      s.table.handleLine('a', `/letter ${w.miss}`);
      expect(s.take().a[0]).toBe(s.msg('NO_LETTER'));
    });

    it('LINE_TOO_LONG in turn: the reply and /turn again', () => {
      const s = setup(lang);
      started(s, ['a', 'b']);
      s.table.lineTooLong('a');
      expect(s.take()).toEqual({ a: [s.msg('LINE_TOO_LONG'), '/turn'] });
      s.table.lineTooLong('b');
      expect(s.take()).toEqual({ b: [s.msg('LINE_TOO_LONG')] });
    });

    it.each([
      ['/letter with a letter', (w: (typeof WORDS)[Lang]) => `/letter ${w.hit}`, 'NOT_YOUR_TURN'],
      ['/word', (w: (typeof WORDS)[Lang]) => `/word ${w.word}`, 'NOT_YOUR_TURN'],
      ['/letter with two letters', () => '/letter ab', 'NOT_YOUR_TURN'],
      ['an unknown command', () => '/hint', 'NO_COMMAND'],
      ['a bare /', () => '/', 'BAD_COMMAND'],
      ['a line that is no command', () => 'hi', 'UNEXPECTED'],
    ] as const)('%s out of turn: one reply, no /turn, nothing to anyone else', (_what, line, id) => {
      const s = setup(lang);
      started(s, ['a', 'b']);
      s.table.handleLine('b', line(w));
      const got = s.take();
      expect(Object.keys(got)).toEqual(['b']);
      expect(got.b).toHaveLength(1);
      expect(got.b[0]).toBe(
        id === 'NOT_YOUR_TURN' ? s.msg('NOT_YOUR_TURN') : id === 'NO_COMMAND' ? s.msg('NO_COMMAND', { command: 'hint' }) : id === 'BAD_COMMAND' ? s.msg('BAD_COMMAND', { line: '/' }) : s.msg('UNEXPECTED', { name: 'Bob' }),
      );
    });

    it('commands before the game starts get NOT_YOUR_TURN and no /turn', () => {
      const s = setup(lang);
      s.table.seat('a', 'Ann');
      s.take();
      s.table.handleLine('a', `/letter ${w.hit}`);
      s.table.handleLine('a', `/word ${w.word}`);
      s.table.handleLine('a', '/');
      s.table.lineTooLong('a');
      expect(s.take()).toEqual({ a: [s.msg('NOT_YOUR_TURN'), s.msg('NOT_YOUR_TURN'), s.msg('BAD_COMMAND', { line: '/' }), s.msg('LINE_TOO_LONG')] });
      expect(s.table.phase).toBe('waiting');
    });

    it('ignores lines from someone not seated here', () => {
      const s = setup(lang);
      started(s, ['a', 'b']);
      s.table.handleLine('x', `/letter ${w.hit}`);
      s.table.lineTooLong('x');
      s.table.disconnected('x');
      expect(s.take()).toEqual({});
    });
  });

  describe('leaving (§4)', () => {
    it('while waiting: LEFT and WAITING with the new count to the rest', () => {
      const s = setup(lang, { size: 3 });
      s.table.seat('a', 'Ann');
      s.table.seat('b', 'Bob');
      s.take();
      s.table.disconnected('a');
      expect(s.take()).toEqual({ b: [s.msg('LEFT', { name: 'Ann' }), s.msg('WAITING', { k: 1, n: 3 })] });
      expect(s.table.isOpen).toBe(true);
      // The name is free again, and the table still fills.
      expect(s.table.seat('c', 'Ann').name).toBe('Ann');
      s.table.seat('d', 'Dan');
      expect(s.table.phase).toBe('playing');
      expect(s.take().b.slice(-2)).toEqual([s.msg('TURN_OF', { name: 'Bob' }), '/turn']);
    });

    it('in turn: LEFT, then TURN_OF the next player, with a fresh clock', () => {
      const s = setup(lang, { size: 3, turnMs: 7000 });
      started(s, ['a', 'b', 'c']);
      const clocks = s.clock.started;
      s.table.disconnected('a');
      const lines = [s.msg('LEFT', { name: 'Ann' }), s.msg('TURN_OF', { name: 'Bob' }), s.msg('CLOCK', { seconds: 7 })];
      expect(s.take()).toEqual({ b: [...lines, '/turn'], c: lines });
      expect(s.clock.started).toBe(clocks + 1);
      expect(s.clock.delays).toEqual([7000]);
    });

    it('out of turn: LEFT only; the turn stays, and the leaver is not in SCORE or RESULT', () => {
      const s = setup(lang, { size: 3 });
      started(s, ['a', 'b', 'c']);
      s.table.disconnected('b');
      expect(s.take()).toEqual({ a: [s.msg('LEFT', { name: 'Bob' })], c: [s.msg('LEFT', { name: 'Bob' })] });
      s.table.handleLine('a', `/letter ${w.miss}`);
      const got = s.take();
      expect(got.a).toContain(s.msg('SCORE', { scores: 'Ann 0, Cid 0' }));
      expect(got.c.at(-1)).toBe('/turn');
      s.table.handleLine('c', `/word ${w.word}`);
      expect(s.take().a.slice(-3)).toEqual([s.msg('RESULT', { name: 'Ann', points: 0 }), s.msg('RESULT', { name: 'Cid', points: 8 }), '/quit']);
      expect(s.ended).toEqual(['a', 'c']);
    });

    it('the game goes on with one player left, who can win it', () => {
      const s = setup(lang);
      started(s, ['a', 'b']);
      s.table.disconnected('a');
      expect(s.take()).toEqual({ b: [s.msg('LEFT', { name: 'Ann' }), s.msg('TURN_OF', { name: 'Bob' }), '/turn'] });
      s.table.handleLine('b', `/letter ${w.miss}`);
      expect(s.take().b.slice(-2)).toEqual([s.msg('TURN_OF', { name: 'Bob' }), '/turn']);
      s.table.handleLine('b', `/word ${w.word}`);
      expect(s.take().b.slice(-3)).toEqual([s.msg('GAME_OVER'), s.msg('RESULT', { name: 'Bob', points: 8 }), '/quit']);
      expect(s.done).toEqual(['finished']);
    });

    it('is discarded when everyone leaves, playing or waiting, and its clock stops', () => {
      const s = setup(lang, { turnMs: 1000 });
      started(s, ['a', 'b']);
      s.table.disconnected('a');
      s.table.disconnected('b');
      expect(s.done).toEqual(['discarded']);
      expect(s.table.phase).toBe('done');
      expect(s.clock.pending).toBe(0);
      expect(s.ended).toEqual([]);

      const w2 = setup(lang, { size: 3 });
      w2.table.seat('a', 'Ann');
      w2.table.disconnected('a');
      expect(w2.done).toEqual(['discarded']);
      expect(w2.take()).toEqual({ a: [w2.msg('JOINED', { name: 'Ann' }), w2.msg('PLAYERS', { names: 'Ann' }), w2.msg('SEAT_KEY', { key: 'Ks1' }), w2.msg('WAITING', { k: 1, n: 3 })] });
    });
  });

  describe('the turn clock (§4, docs §9.3)', () => {
    it('starts at TURN_OF; when it runs out: TIMEOUT to all, TURN_OF the next player, a fresh clock', () => {
      const s = setup(lang, { size: 3, turnMs: 30_000 });
      started(s, ['a', 'b', 'c']);
      expect(s.clock.delays).toEqual([30_000]);
      s.clock.fire();
      const lines = (who: string, next: string) => [s.msg('TIMEOUT', { name: who }), s.msg('TURN_OF', { name: next }), s.msg('CLOCK', { seconds: 30 })];
      expect(s.take()).toEqual({ a: lines('Ann', 'Bob'), b: [...lines('Ann', 'Bob'), '/turn'], c: lines('Ann', 'Bob') });
      expect(s.clock.pending).toBe(1);
      s.clock.fire();
      s.clock.fire();
      expect(s.take().a).toEqual([...lines('Bob', 'Cid'), ...lines('Cid', 'Ann'), '/turn']);
      // A timeout costs no points.
      s.table.handleLine('a', `/letter ${w.hit}`);
      expect(s.take().b).toContain(s.msg('SCORE', { scores: 'Ann 2, Bob 0, Cid 0' }));
    });

    it('a hit starts a fresh clock; a miss and a wrong word start the next player\'s', () => {
      const s = setup(lang, { turnMs: 1000 });
      started(s, ['a', 'b']);
      const before = s.clock.started;
      s.table.handleLine('a', `/letter ${w.hit}`);
      expect(s.clock.started).toBe(before + 1);
      s.table.handleLine('a', `/letter ${w.miss}`);
      expect(s.clock.started).toBe(before + 2);
      s.table.handleLine('b', `/word ${w.wrong}`);
      expect(s.clock.started).toBe(before + 3);
      expect(s.clock.pending).toBe(1);
    });

    it('an already-open letter does not restart the clock: the same clock still runs out', () => {
      const s = setup(lang, { turnMs: 1000 });
      started(s, ['a', 'b']);
      s.table.handleLine('a', `/letter ${w.hit}`);
      const before = s.clock.started;
      for (let i = 0; i < 5; i++) s.table.handleLine('a', `/letter ${w.hit}`);
      expect(s.clock.started).toBe(before);
      expect(s.clock.pending).toBe(1);
      s.take();
      s.clock.fire();
      expect(s.take().b).toEqual([s.msg('TIMEOUT', { name: 'Ann' }), s.msg('TURN_OF', { name: 'Bob' }), s.msg('CLOCK', { seconds: 1 }), '/turn']);
    });

    it('a solo player who runs out of time gets the turn again', () => {
      const s = setup(lang, { size: 1, turnMs: 1000 });
      s.table.seat('a', 'Ann');
      s.take();
      s.clock.fire();
      expect(s.take().a).toEqual([s.msg('TIMEOUT', { name: 'Ann' }), s.msg('TURN_OF', { name: 'Ann' }), s.msg('CLOCK', { seconds: 1 }), '/turn']);
    });

    it('turnMs 0 sets no clock; the clock is off after the game ends and after stop()', () => {
      const off = setup(lang);
      started(off, ['a', 'b']);
      off.table.handleLine('a', `/letter ${w.miss}`);
      expect(off.clock.started).toBe(0);

      const s = setup(lang, { turnMs: 1000 });
      started(s, ['a', 'b']);
      s.table.handleLine('a', `/word ${w.word}`);
      expect(s.clock.pending).toBe(0);

      const stopped = setup(lang, { turnMs: 1000 });
      started(stopped, ['a', 'b']);
      stopped.table.stop();
      expect(stopped.clock.pending).toBe(0);
      expect(stopped.table.phase).toBe('done');
      stopped.table.handleLine('a', `/letter ${w.hit}`);
      expect(stopped.take()).toEqual({});
    });
  });
});
