import type { Output } from '../model/output.js';
import type { Table } from '../model/table.js';
import { gridToRows } from '../tables/fromRows.js';

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function tableMarkdown(table: Table): string {
  const rows = gridToRows(table);
  const headerRows = new Set(table.cells.filter((c) => c.header).map((c) => c.row));
  // Markdown has one header line: join the header rows column by column (a column's header path)
  const head = table.columns?.length ? table.columns.map((c) => c.path.join(' › ')) : rows[0] ?? [];
  const body = rows.filter((_, i) => !headerRows.has(i));
  const meta = [table.kind, table.unit ? `单位：${table.unit}` : '', table.empty ? 'empty' : ''].filter(Boolean).join(' · ');
  const lines = [`## ${table.title || table.id}`, '', `_${meta}_`, ''];
  if (table.nCols > 0) {
    lines.push(`| ${head.map(escapeCell).join(' | ')} |`, `|${' --- |'.repeat(table.nCols)}`);
    for (const r of body) lines.push(`| ${r.map(escapeCell).join(' | ')} |`);
  }
  if (table.note) lines.push('', `> ${table.note}`);
  return lines.join('\n');
}

export function toMarkdown(out: Output): string {
  const d = out.document;
  const parts = [`# ${d.title ?? out.source.file}`, '', `${d.organization ?? ''} · ${d.year ?? ''} · ${d.family}`, ''];
  for (const t of out.tables) parts.push(tableMarkdown(t), '');
  if (out.forms.length) {
    parts.push('## 绩效目标表', '');
    for (const f of out.forms) {
      const name = f.kind === 'perf.project' ? f.projectName : f.departmentName;
      parts.push(`- ${f.kind} ${name ?? ''}: ${f.indicators.length} indicators`);
    }
  }
  return parts.join('\n') + '\n';
}
