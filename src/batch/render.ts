/** What a batch worker sends back for one document: its outputs as text and the figures of its summary line. */
import type { Output } from '../model/output.js';
import { toCsv } from '../output/csv.js';
import { toJson } from '../output/json.js';
import { toMarkdown } from '../output/markdown.js';

export const FORMATS = ['json', 'csv', 'md'] as const;
export type Format = (typeof FORMATS)[number];

/** The outputs of one document, exactly as the single-file command writes them (JSON not indented). */
export interface Rendered {
  json?: string;
  md?: string;
  csv?: { name: string; content: string }[];
}

export function renderOutputs(out: Output, formats: Format[]): Rendered {
  const r: Rendered = {};
  if (formats.includes('json')) r.json = toJson(out, false);
  if (formats.includes('md')) r.md = toMarkdown(out);
  if (formats.includes('csv')) r.csv = toCsv(out);
  return r;
}

/** Columns of tables.csv: every typed value of every document, one line per row and column key (long format). */
export const TABLE_ROW_HEADER = [
  'document', 'organization', 'year', 'family', 'table', 'kind', 'title', 'unit',
  'panel', 'code', 'level', 'parent', 'name', 'column', 'value',
] as const;

export interface BatchFigures {
  sha256: string;
  pages: number | null;
  organization: string | null;
  year: number | null;
  family: string;
  /** number of tables of each kind */
  tables: Record<string, number>;
  /** rules whose status is `fail` */
  failingChecks: string[];
  warnings: number;
  /** the lines of tables.csv, one array of fields each (TABLE_ROW_HEADER) */
  rows: string[][];
}

/** A field of tables.csv on one line: a line break inside a cell becomes a space. */
const flat = (s: string | number | null | undefined) => (s === null || s === undefined ? '' : String(s).replace(/\s*[\r\n]+\s*/g, ' '));

export function batchFigures(out: Output, document: string): BatchFigures {
  const tables: Record<string, number> = {};
  for (const t of out.tables) tables[t.kind] = (tables[t.kind] ?? 0) + 1;
  const rows: string[][] = [];
  const { organization, year, family } = out.document;
  for (const t of out.tables) {
    for (const r of t.rows ?? []) {
      for (const [key, value] of Object.entries(r.values)) {
        rows.push([document, organization, year, family, t.id, t.kind, t.title, t.unit, r.panel, r.code, r.level, r.parent, r.name, key, value].map(flat));
      }
    }
  }
  return {
    sha256: out.source.sha256,
    pages: out.source.pages,
    organization,
    year,
    family,
    tables,
    failingChecks: [...new Set(out.checks.filter((c) => c.status === 'fail').map((c) => c.rule))],
    warnings: out.warnings.length,
    rows,
  };
}
