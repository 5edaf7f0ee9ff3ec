/** One line of the summary table: what was measured, against which target, and whether it met it. */
export interface Figure {
  figure: string;
  measured: string;
  target: string;
  /** null: informational, or not measurable in this run (then `measured` says why). */
  pass: boolean | null;
}

export const fmtRate = (n: number): string =>
  Number.isFinite(n) ? `${Math.round(n).toLocaleString('en-US')}/s` : 'n/a';
export const fmtMs = (n: number): string => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : 'n/a');

export function printTable(figures: Figure[], out: (line: string) => void): void {
  const rows = figures.map((f) => [
    f.figure,
    f.measured,
    f.target,
    f.pass === null ? '—' : f.pass ? 'PASS' : 'FAIL',
  ]);
  const head = ['figure', 'measured', 'target', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  out(line(head));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) out(line(r));
}
