/**
 * One computer player's side of the wire, without any I/O: the lines the server
 * sends go in, the lines to send come out. It keeps what every player at the
 * table can see (the mask, the letters named, the wrong words) and answers each
 * `/turn` with the strategy's move (game/strategy.ts). main.ts carries the
 * actions out on a socket.
 */
import { normalize } from '../../game/rules.js';
import { chooseMove, type BotLevel, type BotMove, type PublicView } from '../../game/strategy.js';
import { MESSAGES, parseList, parseMessage, type Lang } from '../../protocol/catalog.js';
import { formatCommand, JOIN, LEAVE, letterCommand, QUIT, TURN, wordCommand } from '../../protocol/commands.js';

export interface BotPlayerOptions {
  readonly name: string;
  readonly level: BotLevel;
  /** The word list to think with, by the language the server speaks (read from its WORD lines). */
  readonly words: (lang: Lang) => readonly string[];
  /** A room code to join first; without it, the public table. */
  readonly join?: string;
  /** Leave the room after this many games (at a public table the server ends the game itself). */
  readonly games?: number;
  readonly random?: () => number;
}

export type BotAction =
  /** Send a line now. */
  | { readonly kind: 'send'; readonly line: string }
  /** Send a move: main.ts may wait a moment first, as a person would. */
  | { readonly kind: 'move'; readonly line: string }
  /** Tell the person running the bot what happened. */
  | { readonly kind: 'log'; readonly line: string }
  /** Close the connection; 0 when the game ended as it should. */
  | { readonly kind: 'exit'; readonly code: number };

export class BotPlayer {
  private name: string;
  private lang: Lang = 'en';
  private mask = '';
  private named: string[] = [];
  private wrongWords: string[] = [];
  private lastMove: BotMove | null = null;
  private gamesPlayed = 0;

  constructor(private readonly opts: BotPlayerOptions) {
    this.name = opts.name;
  }

  /** The name it plays as (the server may have given it a suffix). */
  get playsAs(): string {
    return this.name;
  }

  /** The connection is up: join the room first, or give the name at once (PROTOCOL.md §3, §8.1). */
  connected(): BotAction[] {
    if (this.opts.join) return [{ kind: 'send', line: formatCommand(JOIN, this.opts.join) }];
    return [{ kind: 'send', line: this.name }];
  }

  /** One line from the server, without its line end. */
  serverLine(line: string): BotAction[] {
    if (line === TURN) return this.move();
    if (line === QUIT) return [{ kind: 'exit', code: 0 }];
    const m = parseMessage(line);
    if (!m) return [{ kind: 'log', line }]; // a line no one told us of: show it
    const f = m.fields;
    switch (m.id) {
      case 'ROOM_READY':
        return [{ kind: 'send', line: this.name }];
      case 'NO_ROOM':
      case 'ROOM_FULL': // no seat in the room we came for: nothing to play
        return [{ kind: 'log', line: `${this.name}: ${line}` }, { kind: 'exit', code: 1 }];
      case 'RENAMED':
        this.name = f.name;
        break;
      case 'STARTED': // a new game (in a room, one follows another on the same connection)
        this.named = [];
        this.wrongWords = [];
        break;
      case 'WORD':
        this.lang = m.lang;
        this.mask = normalize(f.mask);
        return [];
      case 'LETTER_NAMED':
        this.named.push(normalize(f.letter));
        return [];
      case 'WORD_NAMED': // a right word ends the game, so every word named counts as wrong
        this.wrongWords.push(normalize(f.word));
        return [];
      case 'LETTERS': // after /back, or seated while a game is on
        this.named = parseList(f.letters).map(normalize);
        return [];
      // The server's answers to our own move:
      case 'EARNED':
      case 'NO_LETTER':
      case 'ALREADY_OPEN':
        if (this.lastMove?.kind === 'letter') this.named.push(this.lastMove.letter);
        break;
      case 'BURNED':
        if (this.lastMove?.kind === 'word') this.wrongWords.push(this.lastMove.word);
        break;
      case 'GAME_OVER':
        this.gamesPlayed++;
        return [];
      case 'NEXT_GAME':
        if (this.opts.games !== undefined && this.gamesPlayed >= this.opts.games) return [{ kind: 'send', line: formatCommand(LEAVE) }];
        return [];
      case 'RESULT':
        return f.name === this.name ? [{ kind: 'log', line: `${this.name}: game over, points: ${f.points}` }] : [];
    }
    // Lines meant for this player alone are worth showing; the table's lines are not.
    return MESSAGES[m.id].to === 'player' ? [{ kind: 'log', line: `${this.name}: ${line}` }] : [];
  }

  /** What everyone at the table can see now. */
  view(): PublicView {
    const missed = this.named.filter((l) => !this.mask.includes(l));
    return { mask: this.mask, named: this.named, missed, wrongWords: this.wrongWords, words: this.opts.words(this.lang) };
  }

  private move(): BotAction[] {
    const move = chooseMove(this.view(), this.opts.level, this.opts.random ?? Math.random);
    this.lastMove = move;
    return [{ kind: 'move', line: move.kind === 'letter' ? letterCommand(move.letter) : wordCommand(move.word) }];
  }
}
