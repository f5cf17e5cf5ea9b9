/**
 * Computer players at a table (PROTOCOL.md §8.7), with a recording fake and a
 * hand-run clock: how they sit, that they cost one timer only on their own turn,
 * that they wait while no person is here, that they see only the public view, and
 * that a table of computer players alone is done.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Table, type SeatRef, type TableIO } from './table.js';
import { format, type Lang, type MessageFields, type MessageId } from '../protocol/catalog.js';
import { FakeClock } from '../test/support/fake-clock.js';
import type { SeatKeys } from './seats.js';
import { BOT_SUFFIX, botMove, botName, personName, thinkingTime } from './bots.js';
import * as rules from '../game/rules.js';

const keys: SeatKeys<SeatRef> = { issue: (ref) => `K${ref.seat}`, revoke: () => {} };

function setup(lang: Lang, opts: { size?: number; word?: string; words?: string[]; graceMs?: number; series?: boolean } = {}) {
  const sent: Array<[string, string]> = [];
  const done: string[] = [];
  const clock = new FakeClock();
  const io: TableIO = { send: (c, line) => void sent.push([c, line]), end: () => {}, log: () => {} };
  const word = opts.word ?? (lang === 'en' ? 'data' : 'лапа');
  const table = new Table({
    label: 'table 1',
    size: opts.size ?? 2,
    lang,
    pickWord: () => word,
    words: () => opts.words ?? [word, lang === 'en' ? 'date' : 'липа'],
    turnMs: 0,
    graceMs: opts.graceMs ?? 0,
    series: opts.series ? { pauseMs: 1000 } : undefined,
    keys,
    io,
    clock,
    bots: { delayMs: 1000, random: () => 0.5 },
    events: { done: (_t, how) => void done.push(how) },
  });
  const m = <Id extends MessageId>(id: Id, fields?: MessageFields<Id>) => format(lang, id, fields);
  const take = () => {
    const by: Record<string, string[]> = {};
    for (const [c, line] of sent.splice(0)) (by[c] ??= []).push(line);
    return by;
  };
  return { table, clock, take, done, m };
}

describe.each(['en', 'uk'] as const)('computer players at a table (--lang %s)', (lang) => {
  it('/bot while the table fills: JOINED like anyone, a name ending in " (bot)", WAITING or the game', () => {
    const s = setup(lang, { size: 3 });
    s.table.seat('a', 'Ann');
    s.take();
    s.table.handleLine('a', '/bot');
    const name = botName(lang, new Set(['Ann']));
    expect(name.endsWith(BOT_SUFFIX)).toBe(true);
    expect(s.take()).toEqual({ a: [s.m('JOINED', { name }), s.m('WAITING', { k: 2, n: 3 })] });
    s.table.handleLine('a', '/bot hard');
    const second = botName(lang, new Set(['Ann', name]));
    expect(second).not.toBe(name);
    expect(s.take().a).toEqual([s.m('JOINED', { name: second }), s.m('STARTED'), s.m('WORD', { mask: '****' }), s.m('TURN_OF', { name: 'Ann' }), '/turn']);
    expect(s.table.players).toEqual(['Ann', name, second]);
  });

  it('NO_BOT_SEAT with no free seat or a game on (and /turn again to the mover); a level that is none: BAD_COMMAND', () => {
    const s = setup(lang, { size: 2 });
    s.table.seat('a', 'Ann');
    s.take();
    s.table.handleLine('a', '/bot expert');
    expect(s.take()).toEqual({ a: [s.m('BAD_COMMAND', { line: '/bot expert' })] });
    s.table.handleLine('a', '/bot EASY');
    s.take();
    s.table.handleLine('a', '/bot');
    expect(s.take()).toEqual({ a: [s.m('NO_BOT_SEAT'), '/turn'] });
  });

  it('costs one timer only while it is its turn; thinks about the set delay; plays by the same rules', () => {
    const s = setup(lang, { size: 2 });
    s.table.seat('a', 'Ann');
    s.table.handleLine('a', '/bot');
    s.take();
    // Ann's turn: no timer at all (the turn clock is off).
    expect(s.clock.pending).toBe(0);
    s.table.handleLine('a', `/letter ${lang === 'en' ? 'z' : 'ж'}`);
    expect(s.clock.pending).toBe(1);
    expect(s.clock.delays).toEqual([thinkingTime({ delayMs: 1000, random: () => 0.5 })]);
    s.take();
    s.clock.fire();
    const ann = s.take().a;
    expect(ann[0]).toMatch(lang === 'en' ? /^(Letter named|Word named)/ : /^Названо/);
    expect(ann).toContain(s.m('WORD', { mask: ann.find((l) => l.startsWith(s.m('WORD', { mask: '' })))!.slice(s.m('WORD', { mask: '' }).length) }));
    // Whatever it did, nothing runs between moves but the next mover's own.
    expect(s.clock.pending).toBeLessThanOrEqual(1);
  });

  it('a game of two computer players and a person who only misses ends', () => {
    const s = setup(lang, { size: 3 });
    s.table.seat('a', 'Ann');
    s.table.handleLine('a', '/bot easy');
    s.table.handleLine('a', '/bot hard');
    const misses = [...(lang === 'en' ? 'zqxjkvwy' : 'жщшфцхює')];
    for (let i = 0; i < 200 && s.table.phase === 'playing'; i++) {
      const lines = s.take().a ?? [];
      if (lines.at(-1) === '/turn') s.table.handleLine('a', `/letter ${misses.shift() ?? 'z'}`);
      else if (s.clock.pending > 0) s.clock.fire();
    }
    expect(s.table.phase).toBe('done');
    expect(s.done).toEqual(['finished']);
  });

  it('waits while every person is away, and plays on when one comes back', () => {
    const s = setup(lang, { size: 2, graceMs: 60_000 });
    s.table.seat('a', 'Ann');
    s.table.handleLine('a', '/bot');
    s.table.handleLine('a', `/letter ${lang === 'en' ? 'z' : 'ж'}`);
    expect(s.clock.delays).toEqual([1000]);
    s.table.disconnected('a');
    // The computer's move is not made, and its timer is gone: only Ann's grace runs.
    expect(s.clock.delays).toEqual([60_000]);
    expect(s.table.back('s1', 'a2')).toBe(true);
    const back = s.take().a2;
    expect(back.slice(-1)).toEqual([s.m('TURN_OF', { name: botName(lang, new Set(['Ann'])) })]);
    expect(s.clock.delays).toEqual([1000]);
  });

  it('a table where only computer players are left, once a person sat, is done', () => {
    const s = setup(lang, { size: 3 });
    s.table.seat('a', 'Ann');
    s.table.handleLine('a', '/bot');
    s.table.handleLine('a', '/leave');
    expect(s.done).toEqual(['discarded']);
    expect(s.clock.pending).toBe(0);
  });

  it('a person cannot wear " (bot)": the table takes it off and says so (RENAMED)', () => {
    const s = setup(lang, { size: 3 });
    expect(s.table.seat('a', `Ann${BOT_SUFFIX}`).name).toBe('Ann');
    expect(s.take().a[0]).toBe(s.m('RENAMED', { name: 'Ann' }));
    expect(personName('Bob (BOT) (bot)')).toBe('Bob');
  });
});

describe('a computer player knows only what every player sees', () => {
  it('two hidden words with the same public view give the same move (property)', () => {
    const words = ['data', 'date', 'dame', 'dime', 'time', 'tame', 'lima', 'lame', 'mate', 'meta'];
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.constantFrom(...words), fc.array(fc.constantFrom(...'adtemilz'), { maxLength: 6 }), fc.constantFrom('easy', 'normal', 'hard' as const), fc.double({ min: 0, max: 0.999, noNaN: true }), (a, b, letters, level, r) => {
        // Play the same letters against both words; compare only where the views agree.
        let sa = rules.newGame(a, ['p']);
        let sb = rules.newGame(b, ['p']);
        for (const l of letters) {
          const ra = rules.applyMove(sa, 'p', { kind: 'letter', letter: l });
          const rb = rules.applyMove(sb, 'p', { kind: 'letter', letter: l });
          if (ra.ok) sa = ra.state;
          if (rb.ok) sb = rb.state;
        }
        if (rules.isOver(sa) || rules.isOver(sb) || rules.mask(sa) !== rules.mask(sb) || sa.named.join() !== sb.named.join()) return;
        expect(botMove(sa, words, [], level, () => r)).toEqual(botMove(sb, words, [], level, () => r));
      }),
      { numRuns: 500 },
    );
  });
});
