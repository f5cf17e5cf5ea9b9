/**
 * Keeps one connection's lines in order across an asynchronous step (a lookup in
 * the cluster directory): lines that arrive while the step runs wait, and are
 * handled after it, in the order they came.
 */

/** A line as the connection reports it: text, or one that was over the limit. */
export type HeldLine = { readonly text: string } | { readonly tooLong: true };

export class LineGate {
  private held: HeldLine[] | null = null;

  /** Whether a step runs now: new lines must be held. */
  get busy(): boolean {
    return this.held !== null;
  }

  hold(line: HeldLine): void {
    this.held!.push(line);
  }

  /** Runs `step`; then hands every line held meanwhile to `replay`, in order (which may start another step). */
  async run(step: () => Promise<void>, replay: (line: HeldLine) => void): Promise<void> {
    this.held = [];
    try {
      await step();
    } finally {
      const held = this.held;
      this.held = null;
      for (let i = 0; i < held.length; i++) {
        // A replayed line may start another step: the rest wait behind it again.
        if (this.held !== null) {
          (this.held as HeldLine[]).push(...held.slice(i));
          break;
        }
        replay(held[i]);
      }
    }
  }
}
