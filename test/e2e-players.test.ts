/** The pure readings the e2e players make of their lines (e2e/players/player.ts). */
import { describe, expect, it } from 'vitest';
import { lastScores, outcomeOf, resultLines, winnerFrom } from '../e2e/players/player.js';

const game = [
  'Bob joined the game',
  'The game has started!',
  'Word: ****',
  'Turn: Ann',
  "Letter named: 'i'",
  'Word: *i*i',
  'Score: Ann 2, Bob 0',
  'Turn: Ann',
  'Word named: "kiwi"',
  'Word: kiwi',
  'Score: Ann 8, Bob 0',
  'The game is over!',
  'Ann 8',
  'Bob 0',
];

describe('e2e player readings', () => {
  it('RESULT lines: after GAME_OVER, up to /quit (public table) or ROOM_TOTAL / NEXT_GAME (room)', () => {
    expect(resultLines(game)).toBeUndefined();
    expect(resultLines([...game, '/quit'])).toEqual(['Ann 8', 'Bob 0']);
    expect(resultLines([...game, 'Room K7QXM total: Ann 8, Bob 0'])).toEqual(['Ann 8', 'Bob 0']);
    // The terminal client prints no /quit: its lines end instead.
    expect(resultLines(game, true)).toEqual(['Ann 8', 'Bob 0']);
  });

  it('the winner: ourselves after WON, else whoever had the last turn before GAME_OVER', () => {
    expect(winnerFrom(game, 'Bob')).toBe('Ann');
    const won = [...game.slice(0, 8), 'You earned points: 2', 'Congratulations! You won!!!', 'Word: kiwi', 'Score: Ann 8, Bob 0', 'The game is over!'];
    expect(winnerFrom(won, 'Ann')).toBe('Ann');
    expect(winnerFrom(['The game has started!', 'The game is over!'], 'Ann')).toBeNull();
  });

  it('the score: the last SCORE line', () => {
    expect(lastScores(game)).toEqual({ Ann: 8, Bob: 0 });
    expect(lastScores([])).toEqual({});
  });

  it('a move’s outcome once SCORE (or the refusal) has come', () => {
    expect(outcomeOf(['You earned points: 2', 'Word: *i*i'])).toBeUndefined();
    expect(outcomeOf(['You earned points: 2', 'Word: *i*i', 'Score: Ann 2, Bob 0'])).toBe('hit');
    expect(outcomeOf(['Sorry, your points "burned"', 'Word: ****', 'Score: Ann 0, Bob 0'])).toBe('burned');
    expect(outcomeOf(['Name a single letter'])).toBe('refused');
  });
});
