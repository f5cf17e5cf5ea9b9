/**
 * Names, letters and words typed by other players reach the page as text only.
 * Lit escapes every `${…}` in an html`` template; what would bypass that is one of
 * the raw-HTML doors below, and the web client opens none of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const RAW_HTML = /\b(unsafeHTML|unsafeSVG|unsafeStatic|innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment)\b/;

it('the web client renders what players typed as text: no raw-HTML API anywhere in web/src', () => {
  const dir = new URL('../web/src/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  expect(files.length).toBeGreaterThan(5);
  const offenders = files.filter((f) => RAW_HTML.test(readFileSync(new URL(f, dir), 'utf8')));
  expect(offenders).toEqual([]);
});
