import type { Cell, Grid } from '../model/grid.js';
import { clusterValues } from '../layout/geometry.js';
import { mergeSplitText } from './spill.js';

const boxEdges = (cells: Cell[]) => cells.flatMap((c) => (c.bbox ? [c.bbox[0], c.bbox[2]] : []));
/** edges of grids built by stitch(), kept: a table stitched over 30 pages is not measured again each page */
const knownEdges = new WeakMap<Grid, number[]>();

/** Column borders of a grid, from its cells' boxes (borders a point apart on different pages are one). */
export function columnEdges(grid: Grid): number[] {
  return knownEdges.get(grid) ?? clusterValues(boxEdges(grid.cells), 1.5);
}

function rowTexts(grid: Grid, row: number): string {
  return grid.cells.filter((c) => c.row === row).map((c) => c.text).join('\u0001');
}

/**
 * `next` opens with the first row of `prev` — a header printed again at the top of the page — and goes on
 * with rows, not with a 合计 of its own (a new table of the same layout: the next unit's 支出总表).
 */
export function repeatsHeader(prev: Grid, next: Grid): boolean {
  if (rowTexts(prev, 0).replace(/\u0001/g, '') === '' || rowTexts(prev, 0) !== rowTexts(next, 0)) return false;
  let skip = 0;
  while (skip < next.nRows && skip < prev.nRows && rowTexts(next, skip) === rowTexts(prev, skip)) skip++;
  const first = rowTexts(next, skip).split('\u0001').slice(0, 3).join('').replace(/\s+/g, '');
  return !/^(合计|总计)/.test(first);
}

/**
 * The caption a grid prints in its own first row: one cell across every column, with words, not figures
 * (财政项目支出绩效目标填报表 at the top of each project's form). Such a grid opens a table of its own.
 */
export function captionRow(grid: Grid): string | null {
  const first = grid.cells.filter((c) => c.row === 0 && c.text.trim() !== '');
  if (first.length !== 1 || grid.nRows < 2) return null;
  const [cell] = first;
  const text = cell.text.trim();
  return cell.col === 0 && cell.colSpan === grid.nCols && grid.nCols > 1 && /表/.test(text) && !/\d{3,}/.test(text) ? text : null;
}

/**
 * Whether `next` (top of a page) continues `prev` (bottom of the page before): same outer edges and every
 * column border of the narrower layout found in the other (within `tol` points).
 */
export function continues(prev: Grid, next: Grid, tol = 3): boolean {
  if (captionRow(next)) return false;
  const a = columnEdges(prev);
  const b = columnEdges(next);
  if (!a.length || !b.length) return false;
  // the next page may print the same table a few points aside (another margin): compare after aligning
  const shift = pageShift(a, b);
  const moved = b.map((x) => x - shift);
  // a page that rules only the columns whose cells start on it (the others' cells go on from the page
  // before, their borders not drawn) prints a part of the layout that keeps one outer edge
  const sameEdge = (i: number, j: number) => Math.abs(a[i] - moved[j]) <= tol;
  const part = moved.length >= 3 && moved.length < a.length && (sameEdge(0, 0) || sameEdge(a.length - 1, moved.length - 1)) && moved.every((x) => a.some((y) => Math.abs(x - y) <= tol));
  if (part) return true;
  if (Math.abs(a[0] - moved[0]) > tol || Math.abs(a[a.length - 1] - moved[moved.length - 1]) > tol) return false;
  const [few, many] = a.length <= moved.length ? [a, moved] : [moved, a];
  return few.every((x) => many.some((y) => Math.abs(x - y) <= tol));
}

/** How far the next page's table stands aside from the previous one's: the left edges' offset, if small. */
const MAX_SHIFT = 12;
function pageShift(a: number[], b: number[]): number {
  const shift = b[0] - a[0];
  return Math.abs(shift) <= MAX_SHIFT ? shift : 0;
}

/**
 * One grid from a table printed over two pages: the rows of `next` below those of `prev`, mapped onto the
 * columns of `prev` by position; header rows repeated at the top of `next` are dropped. Cells keep their page.
 */
export function stitch(prev: Grid, next: Grid, tol = 3, split?: Set<Cell>): Grid {
  const edges = columnEdges(prev);
  const shift = pageShift(edges, columnEdges(next));
  const colOf = (x: number) => {
    x -= shift;
    const i = edges.findIndex((e) => Math.abs(e - x) <= tol);
    return i < 0 ? edges.reduce((best, e, k) => (Math.abs(e - x) < Math.abs(edges[best] - x) ? k : best), 0) : i;
  };
  // repeated header: the first rows of next that equal the first rows of prev
  let skip = 0;
  while (skip < next.nRows && skip < prev.nRows && rowTexts(next, skip) === rowTexts(prev, skip) && rowTexts(prev, skip).replace(/\u0001/g, '') !== '') skip++;
  const cells: Cell[] = [...prev.cells];
  // a row the page break split (its cell text printed past the border, `split`): the cells of a column that
  // took such text, or that span rows and hold text on one side only, are one cell over the break (a
  // project's name, its amounts and its goal beside indicator rows that each stand on their own)
  const bottom = split?.size ? prev.cells.filter((c) => c.row + c.rowSpan === prev.nRows) : [];
  for (const c of next.cells) {
    if (c.row < skip) continue;
    if (!c.bbox) continue;
    const col = colOf(c.bbox[0]);
    const end = colOf(c.bbox[2]);
    const mapped = { ...c, row: prev.nRows + c.row - skip, col, colSpan: Math.max(1, end - col) };
    const above = c.row === skip ? bottom.find((p) => p.col === col && p.colSpan === mapped.colSpan) : undefined;
    const spanning = above && (above.rowSpan > 1 || c.rowSpan > 1);
    if (above && (split!.has(above) || split!.has(c) || (spanning && (!above.text.trim() || !c.text.trim())))) {
      above.text = mergeSplitText(above.text, c.text);
      above.rowSpan += c.rowSpan;
      continue;
    }
    cells.push(mapped);
  }
  const nCols = edges.length - 1;
  const nRows = prev.nRows + next.nRows - skip;
  // a column the next page does not rule at all (it rules only the cells that start on it) continues the
  // cell above the break; other positions not covered after the mapping (fewer borders) stay blank cells
  const ruled = new Set(cells.filter((c) => c.row >= prev.nRows).flatMap((c) => Array.from({ length: c.colSpan }, (_, i) => c.col + i)));
  if (ruled.size) {
    for (const c of prev.cells) {
      const cols = Array.from({ length: c.colSpan }, (_, i) => c.col + i);
      if (c.row + c.rowSpan === prev.nRows && cols.every((k) => !ruled.has(k))) c.rowSpan += nRows - prev.nRows;
    }
  }
  const taken = new Set<string>();
  for (const c of cells) for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) taken.add(`${r},${k}`);
  for (let r = prev.nRows; r < nRows; r++) {
    for (let k = 0; k < nCols; k++) if (!taken.has(`${r},${k}`)) cells.push({ row: r, col: k, rowSpan: 1, colSpan: 1, text: '', header: false, page: next.cells[0]?.page });
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const grid: Grid = { nRows, nCols, cells, columnNumberRows: [], spansKnown: true };
  knownEdges.set(grid, clusterValues([...edges, ...boxEdges(next.cells).map((x) => x - shift)], 1.5));
  return grid;
}
