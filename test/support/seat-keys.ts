/**
 * Seat keys are random: tests that compare whole transcripts put one fixed key in
 * their place. The key itself is checked where it matters (its form, `/back`).
 */
import { format, parseAs, type Lang } from '../../protocol/catalog.js';

/** The key a transcript shows in place of every real one. */
export const SOME_KEY = 'KEY';

/** A SEAT_KEY line with its key replaced by SOME_KEY; any other line as it is. */
export function maskKey(line: string): string {
  const parsed = parseAs('SEAT_KEY', line);
  return parsed ? format(parsed.lang as Lang, 'SEAT_KEY', { key: SOME_KEY }) : line;
}

/** Every SEAT_KEY line of a transcript masked. */
export function maskKeys(lines: readonly string[]): string[] {
  return lines.map(maskKey);
}

/** The key a SEAT_KEY line carries, or null. */
export function keyOf(line: string): string | null {
  return parseAs('SEAT_KEY', line)?.fields.key ?? null;
}
