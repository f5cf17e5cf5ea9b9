import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOG_FLUSH_CHARS, timestampedLog } from './log-lines.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const at = new Date('2026-12-06T10:00:00.000Z');
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('timestampedLog', () => {
  it('writes the lines of one turn together, in order, stamped with the time', async () => {
    const writes: string[] = [];
    const log = timestampedLog({ write: (t: string) => writes.push(t) }, () => at);
    log('c1 connected');
    log('c1 joined as "Ann"');
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual(['2026-12-06T10:00:00.000Z c1 connected\n2026-12-06T10:00:00.000Z c1 joined as "Ann"\n']);
    log('c1 disconnected');
    await nextTurn();
    expect(writes).toHaveLength(2);
    expect(writes[1]).toBe('2026-12-06T10:00:00.000Z c1 disconnected\n');
  });

  it('stamps the lines of one turn with the time the turn logged first, and the next turn anew', async () => {
    const writes: string[] = [];
    let ms = Date.parse('2026-12-06T10:00:00.000Z');
    const log = timestampedLog({ write: (t: string) => writes.push(t) }, () => new Date(ms++));
    log('one');
    log('two');
    await nextTurn();
    log('three');
    await nextTurn();
    expect(writes).toEqual(['2026-12-06T10:00:00.000Z one\n2026-12-06T10:00:00.000Z two\n', '2026-12-06T10:00:00.001Z three\n']);
  });

  it('writes at once when a turn gathers more than the limit', () => {
    const writes: string[] = [];
    const log = timestampedLog({ write: (t: string) => writes.push(t) }, () => at);
    const line = 'x'.repeat(1000);
    for (let i = 0; i * 1000 <= LOG_FLUSH_CHARS; i++) log(line);
    expect(writes).toHaveLength(1);
    expect(writes[0].length).toBeGreaterThan(LOG_FLUSH_CHARS);
  });

  it('writes what was gathered when the process exits in the same turn', () => {
    const script = "import { timestampedLog } from './node/log-lines.ts'; const log = timestampedLog(process.stdout); log('one'); log('two'); process.exit(0);";
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\S+Z one\n\S+Z two\n$/);
  });
});
