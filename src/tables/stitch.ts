import type { Cell, Grid } from '../model/grid.js';
import { clusterValues } from '../layout/geometry.js';

const boxEdges = (cells: Cell[]) => cells.flatMap((c) => (c.bbox ? [c.bbox[0], c.bbox[2]] : []));
/** edges of grids built by stitch(), kept: a table stitched over 30 pages is not measured again each page */
const knownEdges = new WeakMap<Grid, number[]>();

/** Column borders of a grid, from its cells' boxes (borders a point apart on different pages are one). */
function columnEdges(grid: Grid): number[] {
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
 * Whether `next` (top of a page) continues `prev` (bottom of the page before): same outer edges and every
 * column border of the narrower layout found in the other (within `tol` points).
 */
export function continues(prev: Grid, next: Grid, tol = 3): boolean {
  const a = columnEdges(prev);
  const b = columnEdges(next);
  if (!a.length || !b.length) return false;
  if (Math.abs(a[0] - b[0]) > tol || Math.abs(a[a.length - 1] - b[b.length - 1]) > tol) return false;
  const [few, many] = a.length <= b.length ? [a, b] : [b, a];
  return few.every((x) => many.some((y) => Math.abs(x - y) <= tol));
}

/**
 * One grid from a table printed over two pages: the rows of `next` below those of `prev`, mapped onto the
 * columns of `prev` by position; header rows repeated at the top of `next` are dropped. Cells keep their page.
 */
export function stitch(prev: Grid, next: Grid, tol = 3): Grid {
  const edges = columnEdges(prev);
  const colOf = (x: number) => {
    const i = edges.findIndex((e) => Math.abs(e - x) <= tol);
    return i < 0 ? edges.reduce((best, e, k) => (Math.abs(e - x) < Math.abs(edges[best] - x) ? k : best), 0) : i;
  };
  // repeated header: the first rows of next that equal the first rows of prev
  let skip = 0;
  while (skip < next.nRows && skip < prev.nRows && rowTexts(next, skip) === rowTexts(prev, skip) && rowTexts(prev, skip).replace(/\u0001/g, '') !== '') skip++;
  const cells: Cell[] = [...prev.cells];
  for (const c of next.cells) {
    if (c.row < skip) continue;
    if (!c.bbox) continue;
    const col = colOf(c.bbox[0]);
    const end = colOf(c.bbox[2]);
    cells.push({ ...c, row: prev.nRows + c.row - skip, col, colSpan: Math.max(1, end - col) });
  }
  const nCols = edges.length - 1;
  // positions not covered after the mapping (a layout with fewer borders) stay blank cells
  const nRows = prev.nRows + next.nRows - skip;
  const taken = new Set<string>();
  for (const c of cells) for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) taken.add(`${r},${k}`);
  for (let r = prev.nRows; r < nRows; r++) {
    for (let k = 0; k < nCols; k++) if (!taken.has(`${r},${k}`)) cells.push({ row: r, col: k, rowSpan: 1, colSpan: 1, text: '', header: false, page: next.cells[0]?.page });
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const grid: Grid = { nRows, nCols, cells, columnNumberRows: [], spansKnown: true };
  knownEdges.set(grid, clusterValues([...edges, ...boxEdges(next.cells)], 1.5));
  return grid;
}
