/**
 * What `extract inspect` draws over a page, in PDF points (origin top-left of the displayed page): the ruling
 * segments (joined as the lattice joins them; those inside a ruled table are the ones it used), the tables
 * the page stage found (ruled or borderless) before recognition, the output's tables with their cell grid
 * and row and column numbers, the text runs, and the cells the audit's failed or warned checks read.
 */
import type { BBox, Cell } from '../model/grid.js';
import type { Output } from '../model/output.js';
import type { Table } from '../model/table.js';
import type { PageContent, Segment, TextRun } from '../layout/geometry.js';
import { findLatticeTables, joinSegments } from '../tables/lattice.js';
import { findStreamTables } from '../tables/stream.js';
import { groupLines } from '../layout/text.js';

export type Mark = 'fail' | 'warn';

export interface MarkedCell {
  mark: Mark;
  /** rule ids with their status and message */
  checks: { rule: string; status: string; message: string }[];
}

export interface OverlayCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  bbox: BBox;
  header: boolean;
  mark?: Mark;
}

export interface OverlayTable {
  id: string;
  kind: string;
  title: string;
  /** the union of its cells on this page */
  bbox: BBox;
  /** drawn from ruling lines (lattice) or from the alignment of text (stream) */
  ruled: boolean;
  cells: OverlayCell[];
  /** grid rows printed on this page, with their top and bottom (cells spanning one row) */
  rows: { row: number; y0: number; y1: number }[];
  cols: { col: number; x0: number; x1: number }[];
  /** checks that read the whole table (refs naming the table, no row or column): the worst, and the rules */
  mark?: Mark;
  rules?: string[];
}

export interface PageOverlay {
  page: number;
  width: number;
  height: number;
  rules: { segment: Segment; used: boolean }[];
  /** tables the page stage found on this page (before stitching and recognition) */
  detected: { bbox: BBox; ruled: boolean; /** an output table lies over it */ output: boolean }[];
  tables: OverlayTable[];
  runs: BBox[];
  /** lines of text that failed or warned checks quote (narrative checks: refs with a page and text, no table) */
  quotes: { bbox: BBox; mark: Mark }[];
}

const FAIL_STATUSES = new Set(['fail']);
const WARN_STATUSES = new Set(['warn', 'warn_rounding']);

export function markOf(status: string): Mark | undefined {
  return FAIL_STATUSES.has(status) ? 'fail' : WARN_STATUSES.has(status) ? 'warn' : undefined;
}

const worse = (a: Mark | undefined, b: Mark): Mark => (a === 'fail' || b === 'fail' ? 'fail' : 'warn');

export const cellKey = (table: string, row: number, col: number) => `${table}:${row}:${col}`;

/** The cell of a grid that covers (row, col). */
function cellAt(table: Table, row: number, col: number): Cell | undefined {
  return table.cells.find((c) => row >= c.row && row < c.row + c.rowSpan && col >= c.col && col < c.col + c.colSpan);
}

type Ref = Output['checks'][number]['refs'][number];

/**
 * The grid columns a ref's column key names. Side-by-side panels (收入 | 支出) give a key to a column of each:
 * the typed row the ref names (its row, its `code name` as the ref's text) tells the panel; when nothing
 * tells, every column of the key.
 */
export function columnsOf(table: Table, ref: Ref): number[] {
  const key = ref.col;
  if (key === undefined) return [];
  const candidates = (table.columns ?? []).filter((c) => c.key === key);
  if (!candidates.length) return /^col\d+$/.test(key) ? [Number(key.slice(3))] : [];
  if (candidates.length === 1) return [candidates[0].col];
  const rows = (table.rows ?? []).filter((r) => r.row === ref.row && r.panel);
  const label = (r: (typeof rows)[number]) => `${r.code ?? ''} ${r.name}`.trim();
  const named = rows.length > 1 && ref.text ? rows.filter((r) => label(r) === ref.text || r.name === ref.text) : rows;
  const panels = new Set(named.map((r) => r.panel));
  const inPanel = candidates.filter((c) => c.panel && panels.has(c.panel));
  return (inPanel.length ? inPanel : candidates).map((c) => c.col);
}

/**
 * The cells the failed and warned checks read, by `cellKey(table, cell.row, cell.col)` of the cell's top-left
 * corner; refs naming a table but no row or column mark the table (`tables`). A ref with a row and no column
 * marks the row's cells; with a column and no row, the column's body cells.
 */
export interface Marks {
  cells: Map<string, MarkedCell>;
  tables: Map<string, MarkedCell>;
  /** passages the checks quote, by page */
  quotes: Map<number, { text: string; mark: Mark }[]>;
}

export function markedCells(out: Pick<Output, 'tables' | 'checks'>): Marks {
  const cells = new Map<string, MarkedCell>();
  const tables = new Map<string, MarkedCell>();
  const quotes = new Map<number, { text: string; mark: Mark }[]>();
  const byId = new Map(out.tables.map((t) => [t.id, t]));
  const add = (map: Map<string, MarkedCell>, key: string, mark: Mark, check: MarkedCell['checks'][number]) => {
    const m = map.get(key) ?? { mark, checks: [] };
    m.mark = worse(m.mark, mark);
    if (!m.checks.some((c) => c.rule === check.rule)) m.checks.push(check);
    map.set(key, m);
  };
  for (const check of out.checks) {
    const mark = markOf(check.status);
    if (!mark) continue;
    const info = { rule: check.rule, status: check.status, message: check.message };
    for (const ref of check.refs) {
      if (!ref.table && ref.page !== undefined && ref.text) quotes.set(ref.page, [...(quotes.get(ref.page) ?? []), { text: ref.text, mark }]);
      const table = ref.table ? byId.get(ref.table) : undefined;
      if (!table) continue;
      const cols = ref.col === undefined ? [] : columnsOf(table, ref);
      const hit = new Set<Cell>();
      if (ref.row !== undefined && cols.length) {
        for (const col of cols) {
          const c = cellAt(table, ref.row, col);
          if (c) hit.add(c);
        }
      } else if (ref.row !== undefined) {
        for (const c of table.cells) if (ref.row >= c.row && ref.row < c.row + c.rowSpan) hit.add(c);
      } else if (cols.length) {
        for (const c of table.cells) if (!c.header && cols.some((col) => col >= c.col && col < c.col + c.colSpan)) hit.add(c);
      }
      if (hit.size) for (const c of hit) add(cells, cellKey(table.id, c.row, c.col), mark, info);
      else add(tables, table.id, mark, info);
    }
  }
  return { cells, tables, quotes };
}

/** Text compared as the audit quotes it: full-width punctuation as ASCII (NFKC), no spaces. */
const normal = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** A heading's title without its number: 二、 （二） 1. */
const title = (s: string) => s.replace(/^(第[一二三四五六七八九十]+部分|\(?[一二三四五六七八九十\d]+[).、]?)/, '');

/**
 * The lines of a page a quoted passage holds. The audit quotes `heading: sentence`; the sentence is found in
 * the page's lines read in order (it may run over several, and start or end inside one), the heading as a
 * line with the same title.
 */
export function quotedRuns(runs: TextRun[], quotes: { text: string; mark: Mark }[]): { bbox: BBox; mark: Mark }[] {
  const lines = groupLines(runs);
  const texts = lines.map((l) => normal(l.text));
  const starts: number[] = [];
  let page = '';
  for (const t of texts) {
    starts.push(page.length);
    page += t;
  }
  const marks = new Map<number, Mark>();
  const mark = (i: number, m: Mark) => marks.set(i, worse(marks.get(i), m));
  for (const q of quotes) {
    const colon = q.text.indexOf(': ');
    const heading = colon > 0 ? normal(q.text.slice(0, colon)) : '';
    const body = normal(colon > 0 ? q.text.slice(colon + 2) : q.text);
    if (heading && title(heading).length >= 4) texts.forEach((t, i) => title(t) === title(heading) && mark(i, q.mark));
    if (body.length < 4) continue;
    for (let at = page.indexOf(body); at >= 0; at = page.indexOf(body, at + 1)) {
      const end = at + body.length;
      texts.forEach((t, i) => starts[i] < end && starts[i] + t.length > at && mark(i, q.mark));
    }
  }
  return [...marks].sort((a, b) => a[0] - b[0]).map(([i, m]) => ({ bbox: [lines[i].x0, lines[i].top, lines[i].x1, lines[i].bottom], mark: m }));
}

const union = (boxes: BBox[]): BBox => [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];

const overlaps = (a: BBox, b: BBox, tol = 2) => a[0] < b[2] + tol && b[0] < a[2] + tol && a[1] < b[3] + tol && b[1] < a[3] + tol;

const inside = (s: Segment, box: BBox, tol = 3) => s.x0 >= box[0] - tol && s.x1 <= box[2] + tol && s.y0 >= box[1] - tol && s.y1 <= box[3] + tol;

/** The output's tables as printed on one page: their cells there, the rows and columns those cells give. */
export function tablesOnPage(out: Pick<Output, 'tables' | 'checks'> | undefined, page: number, marks: Marks | undefined = out ? markedCells(out) : undefined): OverlayTable[] {
  if (!out) return [];
  const result: OverlayTable[] = [];
  for (const table of out.tables) {
    const here = table.cells.filter((c) => c.page === page && c.bbox);
    if (!here.length) continue;
    const cells: OverlayCell[] = here.map((c) => {
      const mark = marks?.cells.get(cellKey(table.id, c.row, c.col))?.mark;
      return { row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, bbox: c.bbox as BBox, header: c.header, ...(mark ? { mark } : {}) };
    });
    const rowBoxes = new Map<number, BBox[]>();
    const colBoxes = new Map<number, BBox[]>();
    for (const c of cells) {
      if (c.rowSpan === 1) rowBoxes.set(c.row, [...(rowBoxes.get(c.row) ?? []), c.bbox]);
      if (c.colSpan === 1) colBoxes.set(c.col, [...(colBoxes.get(c.col) ?? []), c.bbox]);
    }
    // a row or column whose every cell spans further: the part of a spanning cell (its share)
    for (const c of cells) {
      for (let r = c.row; r < c.row + c.rowSpan; r++) {
        if (!rowBoxes.has(r)) {
          const h = (c.bbox[3] - c.bbox[1]) / c.rowSpan;
          rowBoxes.set(r, [[c.bbox[0], c.bbox[1] + (r - c.row) * h, c.bbox[2], c.bbox[1] + (r - c.row + 1) * h]]);
        }
      }
      for (let k = c.col; k < c.col + c.colSpan; k++) {
        if (!colBoxes.has(k)) {
          const w = (c.bbox[2] - c.bbox[0]) / c.colSpan;
          colBoxes.set(k, [[c.bbox[0] + (k - c.col) * w, c.bbox[1], c.bbox[0] + (k - c.col + 1) * w, c.bbox[3]]]);
        }
      }
    }
    const rows = [...rowBoxes].map(([row, boxes]) => ({ row, y0: Math.min(...boxes.map((b) => b[1])), y1: Math.max(...boxes.map((b) => b[3])) })).sort((a, b) => a.row - b.row);
    const cols = [...colBoxes].map(([col, boxes]) => ({ col, x0: Math.min(...boxes.map((b) => b[0])), x1: Math.max(...boxes.map((b) => b[2])) })).sort((a, b) => a.col - b.col);
    const whole = marks?.tables.get(table.id);
    const checks = whole ? { mark: whole.mark, rules: whole.checks.map((c) => `${c.rule} ${c.status}`) } : {};
    result.push({ id: table.id, kind: table.kind, title: table.title, bbox: union(cells.map((c) => c.bbox)), ruled: false, cells, rows, cols, ...checks });
  }
  return result;
}

/** Everything drawn over one page. `out` is the document's output (absent: the page's own detection only). */
export function pageOverlay(content: PageContent, out?: Pick<Output, 'tables' | 'checks'>, marks: Marks | undefined = out ? markedCells(out) : undefined): PageOverlay {
  const ruled = findLatticeTables(content.segments, content.runs, content.page);
  const stream = findStreamTables(ruled.rest, content.page);
  const detected = [...ruled.tables.map((t) => ({ bbox: t.bbox, ruled: true, output: false })), ...stream.tables.map((t) => ({ bbox: t.bbox, ruled: false, output: false }))];
  const rules = joinSegments(content.segments).map((segment) => ({ segment, used: ruled.tables.some((t) => inside(segment, t.bbox)) }));
  const tables = tablesOnPage(out, content.page, marks);
  for (const t of tables) t.ruled = ruled.tables.some((r) => overlaps(r.bbox, t.bbox));
  for (const d of detected) d.output = tables.some((t) => overlaps(d.bbox, t.bbox));
  const runs = content.runs.map<BBox>((r) => [r.x0, r.top, r.x1, r.bottom]);
  const quotes = quotedRuns(content.runs, marks?.quotes.get(content.page) ?? []);
  return { page: content.page, width: content.width, height: content.height, rules, detected, tables, runs, quotes };
}
