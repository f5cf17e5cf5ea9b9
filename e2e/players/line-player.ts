/**
 * What the players that speak lines share (a raw TCP socket, the terminal client's
 * stdout): every line kept in order, waits that end when a line arrives and fail
 * after a while with the lines seen so far, and the verbs read from those lines.
 */
import type { Readable } from 'node:stream';
import { isDeepStrictEqual } from 'node:util';
import { parseAs } from '../../protocol/index.js';
import { readLines } from '../../node/lines.js';
import { MAX_SERVER_LINE_BYTES } from '../../protocol/framing.js';
import { lastScores, matcher, outcomeOf, resultLines, winnerFrom, type Outcome, type Player, type Scores } from './player.js';

/** How long one wait for a line may take before it fails with the lines seen so far. */
export const LINE_TIMEOUT_MS = 15_000;

/** Lines from a stream, in order; waits that fail with a transcript instead of hanging. */
export class LineQueue {
  readonly lines: string[] = [];
  /** How many lines the waits that take lines (the turn, a move's answer) have consumed. */
  taken = 0;
  ended = false;
  private wake: (() => void) | null = null;

  /** Feeds the queue from a stream of bytes (a socket, a child's stdout) until it closes. */
  static from(stream: Readable): LineQueue {
    const queue = new LineQueue();
    stream.on('error', () => {}); // a reset shows up as the end of the lines
    readLines(stream, (l) => queue.push(l.text), { maxLineBytes: MAX_SERVER_LINE_BYTES });
    stream.on('close', () => queue.end());
    return queue;
  }

  push(line: string): void {
    this.lines.push(line);
    this.wake?.();
  }

  end(): void {
    this.ended = true;
    this.wake?.();
  }

  /**
   * Waits until `check` over every line so far gives a value (not undefined), looking
   * again at each new line; fails once the lines end or after LINE_TIMEOUT_MS.
   */
  async until<T>(check: (lines: readonly string[]) => T | undefined, who: string, what: string | (() => string)): Promise<T> {
    const deadline = Date.now() + LINE_TIMEOUT_MS;
    for (;;) {
      const found = check(this.lines);
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (this.ended || left <= 0) {
        const why = this.ended ? 'the lines ended' : `it did not come within ${LINE_TIMEOUT_MS} ms`;
        throw new Error(`${who} waited for ${typeof what === 'string' ? what : what()}, but ${why}. Lines so far:\n  ${this.lines.join('\n  ')}`);
      }
      await this.nextLineOrDeadline(left);
    }
  }

  /** Takes lines (from where the last take stopped) until one matches; returns it. */
  take(match: (line: string) => boolean, who: string, what: string): Promise<string> {
    return this.until(
      (lines) => {
        while (this.taken < lines.length) {
          const line = lines[this.taken++];
          if (match(line)) return line;
        }
        return undefined;
      },
      who,
      what,
    );
  }

  /** Resolves when the lines end (the connection closed, the process exited). */
  async closed(who: string): Promise<void> {
    await this.until(() => (this.ended ? true : undefined), who, 'the end of its lines');
  }

  /** Resolves when a line arrives or the lines end, or after `ms`. */
  private async nextLineOrDeadline(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = null;
  }
}

/** The verbs of every player that speaks lines; a subclass says how it joins, sees its turn and sends a move. */
export abstract class LinePlayer implements Player {
  name = '';
  protected abstract readonly queue: LineQueue;

  abstract join(name: string): Promise<void>;
  abstract waitForTurn(): Promise<void>;
  protected abstract sendMove(kind: 'letter' | 'word', value: string): void;

  /** Who this player is in messages: its name, or what it is before it has one. */
  protected get who(): string {
    return this.name || 'a player';
  }

  async lines(): Promise<string[]> {
    return [...this.queue.lines];
  }

  waitForLine(match: string | RegExp): Promise<string> {
    const test = matcher(match);
    return this.queue.until((lines) => lines.find(test), this.who, `a line ${String(match)}`);
  }

  /** Waits for our own JOINED (after RENAMED, under the new name). */
  protected async joined(name: string): Promise<void> {
    this.name = name;
    const line = await this.queue.take((l) => parseAs('RENAMED', l) !== null || parseAs('JOINED', l)?.fields.name === this.name, name, 'its JOINED line');
    const renamed = parseAs('RENAMED', line);
    if (renamed) {
      this.name = renamed.fields.name;
      await this.queue.take((l) => parseAs('JOINED', l)?.fields.name === this.name, name, 'its JOINED line');
    }
  }

  letter(x: string): Promise<Outcome> {
    return this.move('letter', x);
  }

  word(w: string): Promise<Outcome> {
    return this.move('word', w);
  }

  private async move(kind: 'letter' | 'word', value: string): Promise<Outcome> {
    const from = this.queue.taken;
    this.sendMove(kind, value);
    let outcome: Outcome | undefined;
    await this.queue.take(() => (outcome = outcomeOf(this.queue.lines.slice(from, this.queue.taken))) !== undefined, this.who, `the answer to ${kind} ${value}`);
    return outcome!;
  }

  /** Read from every line received, not only those a wait took: never stale. */
  async score(): Promise<Scores> {
    return lastScores(this.queue.lines);
  }

  async waitForScore(expected: Scores): Promise<void> {
    await this.queue.until((lines) => (isDeepStrictEqual(lastScores(lines), expected) ? true : undefined), this.who, () => `the score ${JSON.stringify(expected)} (it saw ${JSON.stringify(lastScores(this.queue.lines))})`);
  }

  async results(): Promise<string[]> {
    return this.queue.until((lines) => resultLines(lines, this.queue.ended), this.who, 'the end of the game and its RESULT lines');
  }

  async winner(): Promise<string | null> {
    await this.results();
    return winnerFrom(this.queue.lines, this.name);
  }
}
