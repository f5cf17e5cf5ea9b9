import { describe, expect, it } from 'vitest';
import { format } from '../../protocol/catalog.js';
import { BotPlayer, type BotAction } from './player.js';

const EN = ['kite', 'bite', 'mite', 'site', 'data'];
const UK = ['лапа', 'липа', 'лупа'];

function bot(extra: Partial<ConstructorParameters<typeof BotPlayer>[0]> = {}) {
  return new BotPlayer({ name: 'Robo 1', level: 'normal', words: (lang) => (lang === 'uk' ? UK : EN), ...extra });
}

/** Feeds lines; returns every action they caused. */
function feed(p: BotPlayer, ...lines: string[]): BotAction[] {
  return lines.flatMap((l) => p.serverLine(l));
}

const moves = (actions: BotAction[]) => actions.filter((a) => a.kind === 'move').map((a) => (a as { line: string }).line);

describe('BotPlayer', () => {
  it('gives its name at once, and keeps the public view from the table lines and the answers to its own moves', () => {
    const p = bot();
    expect(p.connected()).toEqual([{ kind: 'send', line: 'Robo 1' }]);
    feed(p, 'Robo 1 joined the game', 'Ann joined the game', 'The game has started!', 'Word: ****', 'Turn: Ann');
    feed(p, "Letter named: 'E'", 'Word: ***e', "Letter named: 'o'", 'Word: ***e', 'Turn: Robo 1');
    // i and t are in every word left (kite bite mite site); t is in more words of the list.
    expect(moves(feed(p, '/turn'))).toEqual(['/letter t']);
    feed(p, 'You earned points: 1', 'Word: **te', 'Score: Ann 1, Robo 1 1', 'Turn: Robo 1');
    expect(p.view()).toMatchObject({ mask: '**te', named: ['e', 'o', 't'], missed: ['o'], wrongWords: [], words: EN });
    expect(moves(feed(p, '/turn'))).toEqual(['/letter i']);
    feed(p, 'You earned points: 1', 'Word: *ite', 'Turn: Robo 1');
    const third = moves(feed(p, '/turn'))[0];
    expect(third).toMatch(/^\/letter [kbms]$/);
    feed(p, 'No such letter', 'Word: *ite', 'Turn: Ann', 'Word named: "bite"', 'Word: *ite');
    expect(p.view().wrongWords).toEqual(['bite']);
    expect(p.view().missed).toEqual(['o', third.slice(-1)]);
  });

  it('adds its own wrong word when its points burn, and starts afresh with each game', () => {
    const q = bot({ words: () => ['kite'] });
    feed(q, 'The game has started!', 'Word: ****');
    expect(moves(feed(q, '/turn'))).toEqual(['/word kite']);
    feed(q, 'Sorry, your points "burned"', 'Word: ****');
    expect(q.view().wrongWords).toEqual(['kite']);
    feed(q, 'The game has started!', 'Word: ****');
    expect(q.view()).toMatchObject({ named: [], wrongWords: [], mask: '****' });
  });

  it('thinks with the list of the language the server speaks, and reads LETTERS after coming back', () => {
    const p = bot();
    feed(p, format('uk', 'STARTED'), format('uk', 'WORD', { mask: '*а*а' }), format('uk', 'LETTERS', { letters: 'а, о' }));
    expect(p.view()).toMatchObject({ mask: '*а*а', named: ['а', 'о'], missed: ['о'], words: UK });
    expect(moves(feed(p, '/turn'))).toEqual(['/word лапа']);
  });

  it('joins a room first and gives its name on ROOM_READY; leaves after --games; stops on NO_ROOM', () => {
    const p = bot({ join: 'ABCDE', games: 2 });
    expect(p.connected()).toEqual([{ kind: 'send', line: '/join ABCDE' }]);
    expect(feed(p, format('en', 'ROOM_READY', { code: 'ABCDE' }))).toEqual([{ kind: 'send', line: 'Robo 1' }]);
    const next = format('en', 'NEXT_GAME', { seconds: 10 });
    expect(feed(p, 'The game is over!', 'Robo 1 3', next).filter((a) => a.kind === 'send')).toEqual([]);
    expect(feed(p, 'The game is over!', next)).toEqual([{ kind: 'send', line: '/leave' }]);
    expect(feed(p, '/quit')).toEqual([{ kind: 'exit', code: 0 }]);

    const lost = bot({ join: 'ZZZZZ' });
    expect(feed(lost, format('en', 'NO_ROOM', { code: 'ZZZZZ' })).at(-1)).toEqual({ kind: 'exit', code: 1 });
  });

  it('shows lines meant for it alone, its result under the name it plays as, and lines it does not know', () => {
    const p = bot();
    expect(feed(p, "That name is taken; you play as Robo 1 2")).toEqual([{ kind: 'log', line: 'Robo 1 2: That name is taken; you play as Robo 1 2' }]);
    expect(p.playsAs).toBe('Robo 1 2');
    expect(feed(p, 'Turn: Ann', 'Ann 7')).toEqual([]);
    expect(feed(p, 'Robo 1 2 3')).toEqual([{ kind: 'log', line: 'Robo 1 2: game over, points: 3' }]);
    expect(feed(p, '/somethingnew')).toEqual([{ kind: 'log', line: '/somethingnew' }]);
  });
});
