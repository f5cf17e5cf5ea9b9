/** Figures as the bench's tables and pages write them. */

const KiB = 1024;
const MiB = 1024 * 1024;

/** A table: a header row, rows of cells, and which columns are right-aligned (numbers). */
export type Table = { head: string[]; rows: string[][]; right?: boolean[] };

/** A table as aligned plain text, indented two spaces. */
export function text(t: Table): string {
  const widths = t.head.map((h, i) => Math.max(h.length, ...t.rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (t.right?.[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(t.head), widths.map((w) => '-'.repeat(w)).join('  '), ...t.rows.map(line)].map((l) => '  ' + l).join('\n');
}

/** A table in Markdown. */
export function md(t: Table): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${t.head.map(esc).join(' | ')} |`,
    `| ${t.head.map((_, i) => (t.right?.[i] ? '---:' : '---')).join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

/** A whole number with thin groups: `12 345`; `–` when not a number. */
export function num(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return Math.round(v).toLocaleString('en-US').replace(/,/g, ' ');
}

/** Milliseconds with two decimals. */
export function ms(v: number): string {
  return Number.isFinite(v) ? `${v.toFixed(2)} ms` : '–';
}

/** Bytes in KiB, one decimal. */
export function kib(v: number): string {
  return Number.isFinite(v) ? `${(v / KiB).toFixed(1)} KiB` : '–';
}

/** Bytes in MiB, one decimal. */
export function mib(v: number): string {
  return Number.isFinite(v) ? `${(v / MiB).toFixed(1)} MiB` : '–';
}
