import type { Difference } from './compare.js';
import type { DocumentResult } from './verify.js';

const pct = (n: { exact: number; total: number }) => `${n.exact}/${n.total} (${n.total ? ((100 * n.exact) / n.total).toFixed(2) : '100.00'}%)`;

/** `table | row R | column C | expected E | actual A`; a check as `checks | RULE | expected STATUS | actual STATUS` */
export function formatDifference(d: Difference): string {
  const where =
    d.table === 'checks'
      ? `checks | ${d.row}`
      : [d.table, d.row !== undefined ? `row ${d.row}` : '', d.column !== undefined ? `column ${d.column}` : ''].filter(Boolean).join(' | ');
  return `${where} | expected ${d.expected} | actual ${d.actual}`;
}

/** What `extract verify` prints for one document: its figures on one line, then up to 50 differences. */
export function formatResult(r: DocumentResult): string {
  if (r.updated) return `${r.name}: golden written\n`;
  if (r.error) return `${r.name}: ERROR ${r.error}\n`;
  const { figures: f, differences } = r.comparison!;
  const lines = [
    `${r.name}: tables ${f.tablesFound}/${f.tablesExpected} · cells exact ${pct(f.cells)} · numeric cells exact ${pct(f.numericCells)}` +
      ` · typed rows exact ${pct(f.rows)} · forms exact ${pct(f.forms)} · checks same ${f.checks.same}/${f.checks.total} · missing ${f.checks.missing}` +
      (differences.length ? ` · ${differences.length} differences` : ' · OK'),
    ...differences.slice(0, 50).map((d) => `  ${formatDifference(d)}`),
  ];
  if (differences.length > 50) lines.push(`  … ${differences.length - 50} more differences`);
  return lines.join('\n') + '\n';
}
