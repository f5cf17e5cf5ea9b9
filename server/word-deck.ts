/**
 * A room's words in a random order, no word twice until every word was played
 * (PROTOCOL.md §8.2). The list may grow while the room plays.
 */

export class WordDeck {
  private readonly played = new Set<string>();
  private last: string | null = null;

  constructor(
    private readonly words: () => readonly string[],
    private readonly random: () => number,
  ) {}

  /** The next word: one not played since the list was last used up. */
  next(): string {
    const words = this.words();
    if (words.length === 0) throw new Error('WordDeck needs at least one word');
    let left = words.filter((w) => !this.played.has(w));
    if (left.length === 0) {
      // A new round: every word again, but not the one just played, so no game repeats the last.
      this.played.clear();
      left = words.length > 1 ? words.filter((w) => w !== this.last) : [...words];
    }
    const word = left[Math.min(left.length - 1, Math.floor(this.random() * left.length))];
    this.played.add(word);
    this.last = word;
    return word;
  }
}
