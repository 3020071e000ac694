import { stringify } from 'csv-stringify/sync';
import type { Output } from '../model/output.js';
import type { Table } from '../model/table.js';
import { gridToRows } from '../tables/fromRows.js';

/** UTF-8 byte order mark: Excel opens Chinese CSV correctly only with it. */
const BOM = '\uFEFF';

function typedRows(table: Table): string[][] {
  const keys = [...new Set((table.rows ?? []).flatMap((r) => Object.keys(r.values)))];
  const head = ['panel', 'code', 'level', 'parent', 'name', 'gov_name', ...keys];
  const body = (table.rows ?? []).map((r) => [
    r.panel ?? '', r.code ?? '', r.level ?? '', r.parent ?? '', r.name, r.govName ?? '',
    ...keys.map((k) => r.values[k] ?? ''),
  ]);
  return [head, ...body];
}

function fileStem(table: Table): string {
  return `${table.id}-${table.kind}${table.qualifier ? `-${table.qualifier}` : ''}`.replace(/[\\/:*?"<>|\s]/g, '_');
}

/** One CSV per table: the grid as printed, and (for recognised tables) the typed rows beside it. */
export function toCsvFiles(out: Output): { name: string; content: string }[] {
  const files: { name: string; content: string }[] = [];
  for (const table of out.tables) {
    files.push({ name: `${fileStem(table)}.csv`, content: BOM + stringify(gridToRows(table)) });
    if (table.rows) files.push({ name: `${fileStem(table)}.rows.csv`, content: BOM + stringify(typedRows(table)) });
  }
  return files;
}
