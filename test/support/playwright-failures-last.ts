/**
 * A Playwright reporter that repeats, as the run's very last lines, which games
 * failed (file:line › title, and the first line of the error), after the list
 * reporter's summary and the HTML reporter's hint: the failures are named where a
 * person, or a log cut to its tail, looks first.
 */
import path from 'node:path';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

function firstLine(message: string | undefined): string {
  // Playwright colours its messages; the tail of a log should read as plain text.
  const plain = (message ?? '').replace(/\x1b\[[0-9;]*m/g, '');
  const line = plain.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line.trim();
}

export default class FailuresLast implements Reporter {
  private readonly failed = new Map<TestCase, string>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (test.outcome() === 'unexpected') this.failed.set(test, firstLine(result.error?.message));
    else this.failed.delete(test); // passed on a retry
  }

  printsToStdio(): boolean {
    return true;
  }

  async onExit(): Promise<void> {
    if (this.failed.size === 0) return;
    const lines = [...this.failed].map(([test, why]) => {
      const where = `${path.relative(process.cwd(), test.location.file)}:${test.location.line}`;
      // The title path holds the project and the file before the describe blocks and the title.
      const parts = test.titlePath().filter(Boolean);
      const title = parts.slice(parts.findIndex((p) => /\.spec\.[cm]?[jt]s$/.test(p)) + 1).join(' › ');
      return `  ✗ ${where} › ${title}${why ? `\n      ${why}` : ''}`;
    });
    process.stdout.write(`\nFailed (${this.failed.size}), repeated from above:\n${lines.join('\n')}\n`);
  }
}
