import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LANGS, MESSAGES, format, formatScores, parseAs, parseMessage, parseScores, type MessageId, type ScoreEntry } from './catalog.js';

const IDS = Object.keys(MESSAGES) as MessageId[];

/** Sample values for every field a template can take. */
const SAMPLES: Record<string, string | number>[] = [
  { name: 'Ann', k: 1, n: 2, mask: '*а*а', letter: 'а', word: 'лапа', points: 0, command: 'jump', line: '/', scores: 'Ann 2, Bob 0', seconds: 60, count: 3, code: 'K7QX2', key: 'ABCD2345', names: 'Ann, Bob', letters: 'а, б', text: 'hello <b>', setting: 'players=0' },
  { name: 'Mary Ann Lee', k: 3, n: 10, mask: "м'***", letter: 'ї', word: "м'ясо", points: 42, command: '', line: '/letter ab', scores: 'Mary Ann 2', seconds: 0, count: 1000, code: 'zzzzz', key: 'x', names: 'Mary Ann', letters: 'z', text: 'Turn: Ann', setting: 'x' },
  { name: 'Олена "Ліса" Ґ', k: 0, n: 1, mask: 'forget-**-***', letter: 'й', word: 'say "hi"', points: 7, command: 'x y', line: '/word', scores: 'Олена 3, Bob 0', seconds: 5, count: 0, code: 'AB', key: 'k', names: 'Олена, Bob, Ann 2', letters: 'ї', text: '"', setting: 'turn=4' },
  { name: "O'Brien 2", k: 12, n: 12, mask: '*', letter: 'q', word: "it's", points: 1000, command: '"', line: '/ x', scores: "O'Brien 2 5", seconds: 600, count: 12, code: '23456', key: 'ZZZZZZZZ', names: "O'Brien 2", letters: 'q, u, x', text: '/quit', setting: 'lang=fr' },
];

/** The fields a template uses, with their values as a parser returns them (strings). */
function fieldsOf(template: string, sample: Record<string, string | number>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [, key] of template.matchAll(/\{(\w+)\}/g)) fields[key] = String(sample[key]);
  return fields;
}

describe('every message round-trips in both languages', () => {
  for (const lang of LANGS) {
    for (const id of IDS) {
      it(`${lang} ${id}`, () => {
        for (const sample of SAMPLES) {
          const line = format(lang, id, sample as never);
          const fields = fieldsOf(MESSAGES[id][lang], sample);
          expect(line).not.toMatch(/\{\w+\}/); // every field filled
          expect(line.startsWith('/')).toBe(false);
          expect(parseAs(id, line)).toEqual({ id, lang: id === 'RESULT' || id === 'CHAT' ? 'en' : lang, fields });
          expect(parseMessage(line)?.id).toBe(id);
          expect(parseMessage(line)?.fields).toEqual(fields);
        }
      });
    }
  }
});

describe('catalogue specifics', () => {
  it('formats the lines of the §6 example', () => {
    expect(format('uk', 'JOINED', { name: 'Ann' })).toBe('До гри приєднався(лась) Ann');
    expect(format('uk', 'WORD', { mask: '*а*а' })).toBe('Слово: *а*а');
    expect(format('uk', 'TURN_OF', { name: 'Bob' })).toBe('Хід Bob');
    expect(format('uk', 'LETTER_NAMED', { letter: 'а' })).toBe("Названо літеру 'а'");
    expect(format('uk', 'EARNED', { points: 2 })).toBe('Ви заробили балів: 2');
    expect(format('uk', 'BURNED')).toBe('На жаль, Ваші бали "згоріли"');
    expect(format('uk', 'SCORE', { scores: formatScores([{ name: 'Ann', points: 0 }, { name: 'Bob', points: 6 }]) })).toBe('Рахунок: Ann 0, Bob 6');
    expect(format('uk', 'RESULT', { name: 'Bob', points: 6 })).toBe('Bob 6');
  });

  it('accepts both spellings of JOINED', () => {
    expect(parseMessage('До гри приєднався(лась) Ann')).toEqual({ id: 'JOINED', lang: 'uk', fields: { name: 'Ann' } });
    expect(parseMessage('До гри прєднався(лась) Ann')).toEqual({ id: 'JOINED', lang: 'uk', fields: { name: 'Ann' } });
  });

  it('the reference spelling is parsed but never formatted', () => {
    expect(format('uk', 'JOINED', { name: 'x' })).not.toContain('прєднався');
  });

  it('replacement patterns in a value are taken literally', () => {
    expect(format('en', 'TURN_OF', { name: '$& $1 $$' })).toBe('Turn: $& $1 $$');
  });

  it('lines that are no message give null', () => {
    for (const line of ['', 'hello', 'Word:', '/turn', 'Ann two']) expect(parseMessage(line)).toBeNull();
  });

  it('no template starts with "/" in either language', () => {
    for (const id of IDS) for (const lang of LANGS) expect(MESSAGES[id][lang].startsWith('/')).toBe(false);
  });
});

describe('SCORE', () => {
  it.each<[string, ScoreEntry[]]>([
    ['one player', [{ name: 'Ann', points: 6 }]],
    ['two players', [{ name: 'Ann', points: 0 }, { name: 'Bob', points: 6 }]],
    ['names with spaces and digits', [{ name: 'Ann 2', points: 3 }, { name: 'Mary Ann', points: 10 }]],
    ['Cyrillic and quotes', [{ name: 'Олена "Ліса"', points: 1 }, { name: "O'Brien", points: 0 }]],
    ['a comma in a name', [{ name: 'Lee, Ann', points: 4 }, { name: 'Bob', points: 5 }]],
  ])('formatScores and parseScores round-trip: %s', (_, entries) => {
    expect(parseScores(formatScores(entries))).toEqual(entries);
    for (const lang of LANGS) {
      const line = format(lang, 'SCORE', { scores: formatScores(entries) });
      expect(parseScores(parseMessage(line)!.fields.scores)).toEqual(entries);
    }
  });
});

// --- Properties ---------------------------------------------------------------

// Names as a server lets them through: no leading `/`, no control characters, trimmed, non-empty.
const nameChar = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom(' ', '"', "'", 'ї', 'Ґ', '🎉', '1', ',', '\u2028', '\u2029', '\u00A0'),
);
const playerName = fc
  .array(nameChar, { minLength: 1, maxLength: 32 })
  .map((cs) => cs.join('').replace(/[\p{Cc}]/gu, '').trim())
  .filter((s) => s !== '' && !s.startsWith('/'));

describe('catalogue properties', () => {
  it('parseMessage and parseAs never throw on any line', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string()), (line) => {
        const parsed = parseMessage(line);
        if (parsed) expect(parseAs(parsed.id, line)).toEqual(parsed);
      }),
      { numRuns: 3000 },
    );
  });

  it('every one-name message round-trips any player name', () => {
    const ids = IDS.filter((id) => MESSAGES[id].en.includes('{name}') && [...MESSAGES[id].en.matchAll(/\{(\w+)\}/g)].every((m) => m[1] === 'name' || m[1] === 'points'));
    fc.assert(
      fc.property(playerName, fc.constantFrom(...ids), fc.constantFrom(...LANGS), fc.nat(), (name, id, lang, points) => {
        const line = format(lang, id, { name, points } as never);
        expect(line.startsWith('/')).toBe(false);
        expect(parseAs(id, line)?.fields.name).toBe(name);
      }),
      { numRuns: 5000 },
    );
  });

  it('SCORE round-trips any names that hold no " <digits>, "', () => {
    const entry = fc.record({ name: playerName.filter((n) => !/ \d+, /u.test(n + ' 0')), points: fc.nat() });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), (entries) => {
        expect(parseScores(formatScores(entries))).toEqual(entries);
      }),
      { numRuns: 3000 },
    );
  });
});
