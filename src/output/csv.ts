import { stringify } from 'csv-stringify/sync';
import type { Output } from '../model/output.js';
import type { Table } from '../model/table.js';
import { gridToRows } from '../tables/fromRows.js';

/** UTF-8 byte order mark: Excel opens Chinese CSV correctly only with it. */
const BOM = '\uFEFF';

/** A file of a document's CSV output: its name inside the document's folder, and its text. */
export interface CsvFile {
  name: string;
  content: string;
}

/**
 * Columns every line of a `.rows.csv` starts with: the files of two documents stacked (pandas.concat, a
 * spreadsheet) still say which document, table and unit each value comes from, so 元 and 万元 never mix.
 */
export const ROWS_CSV_LEAD = ['document', 'organization', 'year', 'family', 'table', 'kind', 'title', 'unit'] as const;

const flat = (s: string | number | null | undefined) => (s === null || s === undefined ? '' : String(s).replace(/\s*[\r\n]+\s*/g, ' '));

function lead(out: Output, table: Table): string[] {
  const { organization, year, family } = out.document;
  return [out.source.file, table.organization ?? organization, year, family, table.id, table.kind, table.title, table.unit].map(flat);
}

function typedRows(out: Output, table: Table): string[][] {
  const keys = [...new Set((table.rows ?? []).flatMap((r) => Object.keys(r.values)))];
  const head = [...ROWS_CSV_LEAD, 'row', 'panel', 'code', 'level', 'parent', 'name', 'gov_name', ...keys];
  const body = (table.rows ?? []).map((r) => [
    ...lead(out, table), String(r.row), r.panel ?? '', r.code ?? '', r.level ?? '', r.parent ?? '', r.name, r.govName ?? '',
    ...keys.map((k) => r.values[k] ?? ''),
  ]);
  return [head, ...body];
}

/** A generic table's body (rows holding no header cell) as printed, one column per column key (col0, col1 …). */
function bodyRows(out: Output, table: Table): string[][] {
  const keys = table.columns?.length ? table.columns.map((c) => c.key) : Array.from({ length: table.nCols }, (_, i) => `col${i}`);
  const cols = table.columns?.length ? table.columns.map((c) => c.col) : keys.map((_, i) => i);
  const headerRows = new Set(table.cells.filter((c) => c.header).map((c) => c.row));
  const grid = gridToRows(table);
  const body = grid
    .map((fields, row) => ({ fields, row }))
    .filter(({ fields, row }) => !headerRows.has(row) && fields.some((f) => f.trim() !== ''))
    .map(({ fields, row }) => [...lead(out, table), String(row), ...cols.map((c) => flat(fields[c]))]);
  return [[...ROWS_CSV_LEAD, 'row', ...keys], ...body];
}

function fileStem(table: Table): string {
  return `${table.id}-${table.kind}${table.qualifier ? `-${table.qualifier}` : ''}`.replace(/[\\/:*?"<>|\s]/g, '_');
}

/**
 * A document's tables as CSV: for each, `<id>-<kind>.csv` the grid as printed and `<id>-<kind>.rows.csv` its
 * rows (a typed table's typed rows, a generic table's body), each line led by ROWS_CSV_LEAD. The names are
 * meant for a folder of the document's own (the command writes `<file>_csv/`): two documents never share one.
 */
export function toCsv(out: Output): CsvFile[] {
  const files: CsvFile[] = [];
  for (const table of out.tables) {
    files.push({ name: `${fileStem(table)}.csv`, content: BOM + stringify(gridToRows(table)) });
    const rows = table.rows ? typedRows(out, table) : bodyRows(out, table);
    files.push({ name: `${fileStem(table)}.rows.csv`, content: BOM + stringify(rows) });
  }
  return files;
}
