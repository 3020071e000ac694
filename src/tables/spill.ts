/**
 * Cell text printed outside its table at a page break. A row split by the break is drawn by some generators
 * as one tall cell whose text is centred in the whole row and clipped to each page's part (Beijing's
 * 项目支出绩效目标表): on the first page part of the text (amounts, the project's code) lies below the table's
 * bottom rule, on the next page part of it above the top rule — or beside it, where the next page rules only
 * the columns whose cells start there. pdf.js returns clipped text too, so these lines come out as loose text
 * between the two parts of the table, where they would keep the parts apart and be lost to the cells. Such
 * lines are marked on each page (`spillOf`); `stitchPages` puts their text back into the cells at the break
 * when the table does go on over it, and leaves them as text when not.
 */
import type { TextBlock } from '../model/blocks.js';
import type { TextRun } from '../layout/geometry.js';
import type { Line } from '../layout/text.js';
import { joinRuns, splitRun } from '../layout/text.js';
import type { Cell, Grid } from '../model/grid.js';

interface Table {
  bbox: [number, number, number, number];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Whether a line may be spill: wholly below the page's last ruled table, above its first or beside it, in no larger a
 * font than that table's cells (a title is printed larger). Whether it is, only the table it would belong to
 * can tell (`spillPieces`).
 */
export function spillOf(line: Line, tables: Table[], runs: TextRun[]): TextBlock['spill'] | undefined {
  if (!tables.length) return undefined;
  const first = tables.reduce((a, b) => (b.bbox[1] < a.bbox[1] ? b : a));
  const last = tables.reduce((a, b) => (b.bbox[3] > a.bbox[3] ? b : a));
  // beside the first table, level with it: the text of cells going on from the page before, on a page that
  // rules only the columns whose cells start on it
  const beside = line.top >= first.bbox[1] - 1 && line.bottom <= first.bbox[3] + 1 && (line.x1 <= first.bbox[0] + 1 || line.x0 >= first.bbox[2] - 1);
  // (by its middle: clipped text may overlap the border rule)
  const mid = (line.top + line.bottom) / 2;
  const edge = mid >= last.bbox[3] ? 'below' : mid <= first.bbox[1] || beside ? 'above' : null;
  if (!edge) return undefined;
  const [x0, y0, x1, y1] = (edge === 'below' ? last : first).bbox;
  const inside = runs.filter((r) => (r.top + r.bottom) / 2 > y0 && (r.top + r.bottom) / 2 < y1 && r.x0 >= x0 && r.x1 <= x1);
  if (!inside.length || line.fontSize > 1.15 * median(inside.map((r) => r.fontSize))) return undefined;
  return { edge, runs: line.runs };
}

/**
 * A spill line's text by column of a table with these column borders, or null when the line is not within
 * the table's width (then it is no cell text of that table). Runs pdf.js joined over several cells
 * (65.160000 影响力，…) are cut at the borders they cross.
 */
export function spillPieces(block: TextBlock, edges: number[], tol = 4): { x: number; text: string }[] | null {
  const runs = block.spill?.runs ?? [];
  if (!runs.length || runs.some((r) => r.x0 < edges[0] - tol || r.x1 > edges[edges.length - 1] + tol)) return null;
  const byColumn = new Map<number, TextRun[]>();
  for (const r of runs.flatMap((run) => splitRun(run, edges))) {
    const mid = (r.x0 + r.x1) / 2;
    const k = Math.max(0, edges.findIndex((e, i) => i + 1 < edges.length && mid <= edges[i + 1]));
    byColumn.set(k, [...(byColumn.get(k) ?? []), r]);
  }
  return [...byColumn.entries()].sort(([a], [b]) => a - b).map(([k, rs]) => ({ x: (edges[k] + edges[k + 1]) / 2, text: joinRuns(rs) }));
}

/** Cell text continued by a line: wrapped CJK text joins without a space, as cellText() joins a cell's lines. */
function joined(a: string, b: string): string {
  return a && /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}

/** The cell over x in a grid's first row (top), or the lowest cell over x (bottom: the last row's, if any). */
function borderCell(grid: Grid, edge: 'top' | 'bottom', x: number): Cell | undefined {
  const over = grid.cells.filter((c) => c.bbox && c.bbox[0] <= x && x <= c.bbox[2]);
  if (edge === 'top') return over.find((c) => c.row === 0);
  return over.reduce<Cell | undefined>((low, c) => (!low || c.row + c.rowSpan > low.row + low.rowSpan ? c : low), undefined);
}

/**
 * Puts the pieces of spill lines back into the cells at the break: those printed below the first part at the
 * end of its lowest cells, those printed above the second part at the start of its first row's cells (or,
 * where that page rules no cell over the column, at the end of the first part's), top to bottom. Cells that
 * took text are added to `split`. Returns the pieces no cell took, as lines.
 */
export function returnSpill(first: Grid, second: Grid, below: { block: TextBlock; pieces: { x: number; text: string }[] }[], above: typeof below, split: Set<Cell>): TextBlock[] {
  const left: TextBlock[] = [];
  const prefix = new Map<Cell, string>();
  const put = (block: TextBlock, piece: { x: number; text: string }, cell: Cell | undefined, before: boolean) => {
    if (!cell) return left.push({ ...block, text: piece.text, spill: undefined });
    if (before) prefix.set(cell, joined(prefix.get(cell) ?? '', piece.text));
    else cell.text = joined(cell.text, piece.text);
    split.add(cell);
  };
  for (const { block, pieces } of below) for (const p of pieces) put(block, p, borderCell(first, 'bottom', p.x), false);
  for (const { block, pieces } of above) {
    for (const p of pieces) {
      const cell = borderCell(second, 'top', p.x);
      put(block, p, cell ?? borderCell(first, 'bottom', p.x), cell !== undefined);
    }
  }
  for (const [cell, text] of prefix) cell.text = joined(text, cell.text);
  return left;
}

/**
 * The text of a cell split by a page break, from its two parts: one part alone when the other repeats it
 * (generators that draw the whole text on both pages, clipped), else the first part continued by the second,
 * without the characters both print at the seam.
 */
export function mergeSplitText(a: string, b: string): string {
  if (!a.trim()) return b;
  if (!b.trim()) return a;
  if (b.includes(a)) return b;
  if (a.includes(b)) return a;
  for (let k = Math.min(a.length, b.length) - 1; k >= 4; k--) if (a.endsWith(b.slice(0, k))) return a + b.slice(k);
  return joined(a, b);
}
