// The layout's promises (docs/ARCHITECTURE.md): who may import whom.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every .ts file below a folder of the repository but tests (`*.test.ts`, Playwright's `*.spec.ts`). */
function sources(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !/\.(test|spec)\.ts$/.test(entry.name)) out.push(path);
    }
  };
  walk(join(root, folder));
  return out;
}

/** The modules a file imports or re-exports, as written. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

/** Where a relative import lands, as a path from the repository root. */
function target(file: string, spec: string): string {
  return relative(root, resolve(dirname(file), spec));
}

describe('the layout', () => {
  for (const folder of ['protocol', 'game']) {
    it(`${folder}/ imports no node:* and nothing outside itself (it is bundled into the browser)`, () => {
      const bad: string[] = [];
      for (const file of sources(folder)) {
        for (const spec of imports(file)) {
          const escapes = spec.startsWith('.') && !target(file, spec).startsWith(`${folder}/`);
          if (spec.startsWith('node:') || escapes) bad.push(`${relative(root, file)} imports ${spec}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }

  it('web/ imports nothing from server/, gateway/ or Node-only folders', () => {
    const bad: string[] = [];
    for (const file of sources('web/src')) {
      for (const spec of imports(file)) {
        if (spec.startsWith('node:') || (spec.startsWith('.') && /^(server|gateway|node|clients|palindrome)\//.test(target(file, spec)))) {
          bad.push(`${relative(root, file)} imports ${spec}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  // Neither framing nor close codes knows the game; the catalogue and commands do.
  const GATEWAY_MAY_IMPORT = ['protocol/framing.js', 'protocol/close-codes.js'];

  it(`the gateway knows nothing of the game: of the shared modules it imports ${GATEWAY_MAY_IMPORT.join(' and ')} alone`, () => {
    const bad: string[] = [];
    for (const file of sources('gateway')) {
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const to = target(file, spec);
        if (/^(server|game|clients|palindrome|web)\//.test(to) || (to.startsWith('protocol/') && !GATEWAY_MAY_IMPORT.includes(to))) bad.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('node/ imports nothing of ours but protocol/: every Node program may use it', () => {
    const bad: string[] = [];
    for (const file of sources('node')) {
      for (const spec of imports(file)) {
        if (spec.startsWith('.') && !/^(node|protocol)\//.test(target(file, spec))) bad.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('only tests (and e2e/, which is all tests) import test/support/', () => {
    const bad: string[] = [];
    for (const folder of ['protocol', 'game', 'server', 'node', 'clients', 'palindrome', 'gateway', 'web/src', 'bench', 'scripts']) {
      for (const file of sources(folder)) {
        for (const spec of imports(file)) {
          if (spec.startsWith('.') && target(file, spec).startsWith('test/')) bad.push(`${relative(root, file)} imports ${spec}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
