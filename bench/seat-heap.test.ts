/** bench/seat-heap.ts run as a person runs it, with few players. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('seat heap', () => {
  it("prints what a seated player costs by kind of object, the server's and Node's, and leaves no snapshot behind", async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/seat-heap.ts', '--players', '40'], {
      cwd: ROOT,
      timeout: 30_000,
    });
    const growth = /heap \(self sizes in the snapshots\): .*, ([\d ]+) B a player/.exec(stdout);
    expect(growth, stdout).not.toBeNull();
    expect(Number(growth![1].replace(/ /g, ''))).toBeGreaterThan(0);
    expect(stdout).toMatch(/^40 idle seated players/);
    // Each player has a Connection and a Client of ours and a Socket of Node's, one each.
    for (const kind of ['object Connection', 'object Client', 'object Socket']) expect(stdout).toMatch(new RegExp(`\\s1\\.00  ${kind}\\n`));
    expect(stdout).toMatch(/RSS \(VmRSS\): .* a player/);
    expect(stdout).toMatch(/Object \{[a-z,]+\}/);
    const dir = /snapshots in (\S+):/.exec(stderr)?.[1];
    expect(dir, stderr).toBeDefined();
    expect(existsSync(dir!)).toBe(false);
  }, 40_000);
});
