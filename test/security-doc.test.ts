/**
 * docs/SECURITY.md names a test for every threat: each file it names exists and is
 * run by vitest, so a row cannot point at a test that was moved or deleted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('every test file docs/SECURITY.md names exists, and every threat row names one', () => {
  const root = new URL('../', import.meta.url);
  const doc = readFileSync(new URL('docs/SECURITY.md', root), 'utf8');
  const rows = doc.split('\n').filter((l) => l.startsWith('| **'));
  expect(rows.length).toBeGreaterThanOrEqual(15);
  for (const row of rows) expect(row, row.slice(0, 60)).toMatch(/`[\w/.-]+\.test\.ts`/);
  const files = [...new Set([...doc.matchAll(/`([\w/.-]+\.test\.ts)`/g)].map((m) => m[1]))];
  expect(files.filter((f) => !existsSync(new URL(f, root)))).toEqual([]);
});
