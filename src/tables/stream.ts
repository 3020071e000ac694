import type { BBox, Cell, Grid } from '../model/grid.js';
import { isFigure } from '../util/amount.js';
import type { TextRun } from '../layout/geometry.js';
import { groupLines, spanOf, type Line } from '../layout/text.js';
import type { LatticeTable } from './lattice.js';

/**
 * Borderless ("stream") tables: text laid out in columns without rules. A block of consecutive lines is a
 * table when most of its lines break into pieces at wide gaps and those pieces line up in columns, with
 * amounts among them (camelot's and pdfplumber's "stream"/"text" strategies work the same way: columns are
 * the vertical corridors no text crosses).
 */
export interface StreamOptions {
  /** a gap wider than this many font sizes separates two cells of a line */
  gapFactor: number;
  /** lines further apart than this many font sizes are not one table */
  lineGapFactor: number;
  /** fewest lines with amounts, and fewest columns, a table has */
  minRows: number;
  minCols: number;
  /** header lines above the first line with amounts that join the table */
  maxHeaderLines: number;
}

export const STREAM_DEFAULTS: StreamOptions = { gapFactor: 1.5, lineGapFactor: 2.2, minRows: 3, minCols: 3, maxHeaderLines: 3 };

/** A whole number of one or two digits is a page or row number, four from 1900 to 2099 a year: no amount. */
const SMALL_OR_YEAR = /^(\d{1,2}|(19|20)\d\d)$/;

interface Chunk {
  runs: TextRun[];
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

function chunksOf(line: Line, o: StreamOptions): Chunk[] {
  const runs = [...line.runs].sort((a, b) => a.x0 - b.x0);
  const groups: TextRun[][] = [];
  for (const r of runs) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && r.x0 - prev.x1 <= o.gapFactor * Math.min(prev.fontSize, r.fontSize)) last.push(r);
    else groups.push([r]);
  }
  return groups.map(spanOf);
}

/** An amount as tables print it (1,234.56 · 0.00 · (41,038) · -3.2 · 1234), not a percentage, page number or year. */
const isAmount = (c: Chunk) => isFigure(c.text) && !c.text.includes('%') && !SMALL_OR_YEAR.test(c.text.trim());

interface Row {
  line: Line;
  chunks: Chunk[];
  amounts: number;
}

/** Column intervals: the x-extents of the data lines' cells, merged where they overlap. */
function columnsOf(rows: Row[]): [number, number][] {
  const spans = rows.flatMap((r) => r.chunks.map((c) => [c.x0, c.x1] as [number, number])).sort((a, b) => a[0] - b[0]);
  const cols: [number, number][] = [];
  for (const [x0, x1] of spans) {
    const last = cols[cols.length - 1];
    if (last && x0 <= last[1]) last[1] = Math.max(last[1], x1);
    else cols.push([x0, x1]);
  }
  return cols;
}

const overlap = (a: [number, number], x0: number, x1: number) => Math.min(a[1], x1) - Math.max(a[0], x0);

function buildGrid(rows: Row[], columns: [number, number][], page: number): LatticeTable {
  const cells: Cell[] = [];
  rows.forEach((row, r) => {
    const texts: Chunk[][] = columns.map(() => []);
    for (const chunk of row.chunks) {
      // the column the piece overlaps most, or the nearest one (a header wider than its column)
      let best = 0;
      let score = -Infinity;
      columns.forEach((col, k) => {
        const s = overlap(col, chunk.x0, chunk.x1);
        if (s > score) [best, score] = [k, s];
      });
      texts[best].push(chunk);
    }
    columns.forEach((col, c) => {
      const pieces = texts[c];
      const bbox: BBox = pieces.length
        ? [Math.min(...pieces.map((p) => p.x0)), Math.min(...pieces.map((p) => p.top)), Math.max(...pieces.map((p) => p.x1)), Math.max(...pieces.map((p) => p.bottom))]
        : [col[0], row.line.top, col[1], row.line.bottom];
      cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, text: pieces.map((p) => p.text).join(' '), header: false, page, bbox: bbox.map((v) => Math.round(v * 100) / 100) as BBox });
    });
  });
  const grid: Grid = { nRows: rows.length, nCols: columns.length, cells, columnNumberRows: [], spansKnown: false };
  const bbox: BBox = [columns[0][0], rows[0].line.top, columns[columns.length - 1][1], rows[rows.length - 1].line.bottom];
  return { grid, bbox: bbox.map((v) => Math.round(v * 100) / 100) as BBox };
}

/** Tables among the text runs a page has left after its ruled tables; the runs they use are taken out. */
export function findStreamTables(runs: TextRun[], page: number, o: StreamOptions = STREAM_DEFAULTS): { tables: LatticeTable[]; rest: TextRun[] } {
  const lines = groupLines(runs);
  const rows: Row[] = lines.map((line) => {
    const chunks = chunksOf(line, o);
    return { line, chunks, amounts: chunks.filter(isAmount).length };
  });
  const tables: LatticeTable[] = [];
  const used = new Set<TextRun>();
  let i = 0;
  while (i < rows.length) {
    const isData = (r: Row) => r.chunks.length >= 2 && r.amounts >= 1;
    if (!isData(rows[i])) {
      i++;
      continue;
    }
    // the block: data lines and the lines between them, as long as the lines stay close
    let end = i;
    for (let k = i + 1; k < rows.length; k++) {
      const gap = rows[k].line.top - rows[k - 1].line.bottom;
      if (gap > o.lineGapFactor * rows[k - 1].line.fontSize) break;
      if (isData(rows[k])) end = k;
      else if (rows[k].chunks.length === 1 && rows[k].line.x1 - rows[k].line.x0 > 0.6 * (rows[i].line.x1 - rows[i].line.x0) && !rows.slice(k + 1, k + 3).some(isData)) break;
    }
    const body = rows.slice(i, end + 1);
    const data = body.filter(isData);
    const columns = columnsOf(data);
    const amountColumns = columns.filter((col) => data.filter((r) => r.chunks.some((c) => isAmount(c) && overlap(col, c.x0, c.x1) > 0)).length >= o.minRows);
    if (data.length >= o.minRows && columns.length >= o.minCols && amountColumns.length >= 1 && Math.max(...data.map((r) => r.chunks.length)) >= o.minCols) {
      // header lines right above the first data line, laid out in the same columns
      let start = i;
      for (let k = i - 1; k >= Math.max(0, i - o.maxHeaderLines); k--) {
        const gap = rows[k + 1].line.top - rows[k].line.bottom;
        if (gap > o.lineGapFactor * rows[k].line.fontSize || rows[k].chunks.length < 2) break;
        if (rows[k].chunks.some((c) => c.x0 < columns[0][0] - 20 || c.x1 > columns[columns.length - 1][1] + 20)) break;
        start = k;
      }
      const block = rows.slice(start, end + 1);
      tables.push(buildGrid(block, columns, page));
      for (const r of block) for (const c of r.chunks) for (const run of c.runs) used.add(run);
    }
    i = end + 1;
  }
  return { tables, rest: runs.filter((r) => !used.has(r)) };
}
