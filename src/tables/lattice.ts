import type { BBox, Cell, Grid } from '../model/grid.js';
import { clusterValues, isHorizontal, round2, type Segment, type TextRun } from '../layout/geometry.js';
import { groupLines, splitRun } from '../layout/text.js';
import { isFigure } from '../util/amount.js';

export interface LatticeOptions {
  /** coordinates closer than this are the same rule */
  snapTol: number;
  /** collinear pieces with gaps up to this are one rule */
  joinTol: number;
  /** a rule must cover this share of a cell side to separate two cells */
  coverage: number;
}

export const LATTICE_DEFAULTS: LatticeOptions = { snapTol: 1.5, joinTol: 2, coverage: 0.6 };

export interface LatticeTable {
  grid: Grid;
  bbox: BBox;
}

/** Snaps rule coordinates to shared values and joins collinear pieces (rules are often drawn cell by cell). */
export function joinSegments(segments: Segment[], o: LatticeOptions = LATTICE_DEFAULTS): Segment[] {
  const out: Segment[] = [];
  for (const horizontal of [true, false]) {
    const group = segments.filter((s) => isHorizontal(s) === horizontal);
    const key = (s: Segment) => (horizontal ? s.y0 : s.x0);
    const levels = clusterValues(group.map(key), o.snapTol);
    const byLevel = new Map<number, [number, number][]>();
    for (const s of group) {
      const level = levels.reduce((best, l) => (Math.abs(l - key(s)) < Math.abs(best - key(s)) ? l : best), levels[0]);
      const span: [number, number] = horizontal ? [s.x0, s.x1] : [s.y0, s.y1];
      byLevel.set(level, [...(byLevel.get(level) ?? []), span]);
    }
    for (const [level, spans] of byLevel) {
      spans.sort((a, b) => a[0] - b[0]);
      let [a, b] = spans[0];
      const flush = () => out.push(horizontal ? { x0: a, y0: level, x1: b, y1: level } : { x0: level, y0: a, x1: level, y1: b });
      for (const [c, d] of spans.slice(1)) {
        if (c <= b + o.joinTol) b = Math.max(b, d);
        else {
          flush();
          [a, b] = [c, d];
        }
      }
      flush();
    }
  }
  return out;
}

/** Groups rules that touch or cross each other: each group is one candidate table. */
function connectedGroups(segments: Segment[], tol: number): Segment[][] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const hs = segments.map((s, i) => [s, i] as const).filter(([s]) => isHorizontal(s));
  const vs = segments.map((s, i) => [s, i] as const).filter(([s]) => !isHorizontal(s));
  for (const [h, i] of hs) {
    for (const [v, j] of vs) {
      if (v.x0 >= h.x0 - tol && v.x0 <= h.x1 + tol && h.y0 >= v.y0 - tol && h.y0 <= v.y1 + tol) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), s]));
  return [...groups.values()];
}

function covers(rules: Segment[], at: number, from: number, to: number, horizontal: boolean, o: LatticeOptions): boolean {
  const need = (to - from) * o.coverage;
  let covered = 0;
  for (const s of rules) {
    if (isHorizontal(s) !== horizontal) continue;
    const level = horizontal ? s.y0 : s.x0;
    if (Math.abs(level - at) > o.snapTol * 2) continue;
    const [a, b] = horizontal ? [s.x0, s.x1] : [s.y0, s.y1];
    covered += Math.max(0, Math.min(b, to) - Math.max(a, from));
  }
  return covered >= need;
}

/** The text of a cell: its lines top to bottom, joined without a break (wrapped CJK text is one word). */
function cellText(runs: TextRun[]): string {
  const lines = groupLines(runs).map((l) => l.text);
  return lines.reduce((acc, line) => (acc && /[A-Za-z]$/.test(acc) && /^[A-Za-z]/.test(line) ? `${acc} ${line}` : acc + line), '');
}


/**
 * Tables ruled only around their header and outside (the body rows without rules between them) put many
 * printed rows into one ruled band. A band is cut between its text lines when at least two lines carry
 * amounts beside a label: a wrapped name (amounts on one line), a wrapped header (no amounts) and values printed
 * a line above their label stay whole.
 */
export function virtualRowEdges(xs: number[], ys: number[], runs: TextRun[], hs?: Segment[]): number[] {
  const extra: number[] = [];
  // a band bounded by rules that cross only some columns is a cell spanning rows beside ruled rows (a
  // project's name and amounts beside its indicator rows), not a body printed without rules
  const width = xs[xs.length - 1] - xs[0];
  const acrossAll = (y: number) => !hs || hs.filter((h) => Math.abs(h.y0 - y) <= 2).reduce((sum, h) => sum + (h.x1 - h.x0), 0) >= 0.9 * width;
  for (let r = 0; r + 1 < ys.length; r++) {
    if (!acrossAll(ys[r]) || !acrossAll(ys[r + 1])) continue;
    const inBand = runs.filter((run) => {
      const cy = (run.top + run.bottom) / 2;
      const cx = (run.x0 + run.x1) / 2;
      return cy > ys[r] && cy < ys[r + 1] && cx > xs[0] && cx < xs[xs.length - 1];
    });
    if (inBand.length < 4) continue;
    const sorted = [...inBand].sort((a, b) => a.top + a.bottom - (b.top + b.bottom));
    const lines: TextRun[][] = [];
    for (const run of sorted) {
      const line = lines[lines.length - 1];
      const cy = (run.top + run.bottom) / 2;
      if (line && cy - (line[0].top + line[0].bottom) / 2 <= 0.5 * run.fontSize) line.push(run);
      else lines.push([run]);
    }
    // a printed row: a label and amounts on one line (P-CZJ prints values a line above their label: no cut)
    const isAmount = (run: TextRun) => isFigure(run.text) && (run.x0 + run.x1) / 2 > xs[1];
    const complete = lines.filter((line) => line.some(isAmount) && line.some((run) => !isFigure(run.text)));
    const withAmounts = lines.filter((line) => line.some(isAmount));
    if (complete.length < 3 || complete.length < withAmounts.length) continue;
    for (let i = 0; i + 1 < lines.length; i++) {
      const bottom = Math.max(...lines[i].map((x) => x.bottom));
      const top = Math.min(...lines[i + 1].map((x) => x.top));
      extra.push((bottom + top) / 2);
    }
  }
  return extra;
}

/** One table from one group of rules: the grid lines, the cells they close, merged cells where a rule is missing. */
function buildTable(rules: Segment[], runs: TextRun[], page: number, o: LatticeOptions): { table: LatticeTable; used: Set<TextRun> } | null {
  const hs = rules.filter(isHorizontal);
  const vs = rules.filter((s) => !isHorizontal(s));
  if (hs.length < 2 || vs.length < 2) return null;
  const xs = clusterValues([...vs.map((s) => s.x0), Math.min(...hs.map((s) => s.x0)), Math.max(...hs.map((s) => s.x1))], o.snapTol * 2);
  const ruledYs = clusterValues([...hs.map((s) => s.y0), Math.min(...vs.map((s) => s.y0)), Math.max(...vs.map((s) => s.y1))], o.snapTol * 2);
  // rows printed without rules between them get rules of their own, across the whole table
  const virtual = virtualRowEdges(xs, ruledYs, runs, hs);
  for (const y of virtual) hs.push({ x0: xs[0], y0: y, x1: xs[xs.length - 1], y1: y });
  const ys = virtual.length ? [...ruledYs, ...virtual].sort((a, b) => a - b) : ruledYs;
  const nRows = ys.length - 1;
  const nCols = xs.length - 1;
  if (nRows < 1 || nCols < 2 || (nRows < 2 && nCols < 2)) return null;

  // merge elementary cells that no rule separates
  const id = (r: number, c: number) => r * nCols + c;
  const parent = Array.from({ length: nRows * nCols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      if (c + 1 < nCols && !covers(vs, xs[c + 1], ys[r], ys[r + 1], false, o)) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < nRows && !covers(hs, ys[r + 1], xs[c], xs[c + 1], true, o)) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  }
  const regions = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      const root = find(id(r, c));
      const g = regions.get(root);
      if (!g) regions.set(root, { r0: r, c0: c, r1: r, c1: c });
      else Object.assign(g, { r0: Math.min(g.r0, r), c0: Math.min(g.c0, c), r1: Math.max(g.r1, r), c1: Math.max(g.c1, c) });
    }
  }
  const owner: number[][] = Array.from({ length: nRows }, () => Array(nCols).fill(-1));
  const cells: (Cell & { runs: TextRun[] })[] = [];
  for (const g of [...regions.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)) {
    // a merged region that is not a rectangle: keep the positions others have not taken
    if (owner[g.r0][g.c0] !== -1) continue;
    let { r1, c1 } = g;
    while (c1 > g.c0 && owner.slice(g.r0, r1 + 1).some((row) => row.slice(g.c0, c1 + 1).some((v) => v !== -1))) c1--;
    while (r1 > g.r0 && owner.slice(g.r0, r1 + 1).some((row) => row.slice(g.c0, c1 + 1).some((v) => v !== -1))) r1--;
    const index = cells.length;
    for (let r = g.r0; r <= r1; r++) for (let c = g.c0; c <= c1; c++) owner[r][c] = index;
    cells.push({
      row: g.r0, col: g.c0, rowSpan: r1 - g.r0 + 1, colSpan: c1 - g.c0 + 1, text: '', header: false, page,
      bbox: [round2(xs[g.c0]), round2(ys[g.r0]), round2(xs[c1 + 1]), round2(ys[r1 + 1])], runs: [],
    });
  }
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      if (owner[r][c] !== -1) continue;
      owner[r][c] = cells.length;
      cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, text: '', header: false, page, bbox: [round2(xs[c]), round2(ys[r]), round2(xs[c + 1]), round2(ys[r + 1])], runs: [] });
    }
  }

  // text goes to the cell under its centre; runs crossing a cell border are cut there first
  const used = new Set<TextRun>();
  const [left, top, right, bottom] = [xs[0], ys[0], xs[nCols], ys[nRows]];
  const find1 = (v: number, edges: number[]) => edges.findIndex((e, i) => i + 1 < edges.length && v >= e && v < edges[i + 1]);
  for (const run of runs) {
    const cy = (run.top + run.bottom) / 2;
    const cx = (run.x0 + run.x1) / 2;
    if (cy < top || cy > bottom || cx < left || cx > right) continue;
    used.add(run);
    for (const piece of splitRun(run, xs.slice(1, -1))) {
      const r = find1(cy, ys);
      const c = find1((piece.x0 + piece.x1) / 2, xs);
      if (r >= 0 && c >= 0) cells[owner[r][c]].runs.push(piece);
    }
  }
  const out: Cell[] = cells
    .map(({ runs: rs, ...cell }) => ({ ...cell, text: cellText(rs) }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    table: { grid: { nRows, nCols, cells: out, columnNumberRows: [], spansKnown: true }, bbox: [round2(left), round2(top), round2(right), round2(bottom)] },
    used,
  };
}

/** Ruled tables of one page, top to bottom, and the runs left outside them. */
export function findLatticeTables(segments: Segment[], runs: TextRun[], page: number, o: LatticeOptions = LATTICE_DEFAULTS): { tables: LatticeTable[]; rest: TextRun[] } {
  const rules = joinSegments(segments, o);
  const tables: LatticeTable[] = [];
  const used = new Set<TextRun>();
  for (const group of connectedGroups(rules, o.joinTol)) {
    const built = buildTable(group, runs, page, o);
    if (!built) continue;
    // a ruled box around one line of text is decoration, not a table
    if (built.table.grid.cells.filter((c) => c.text).length < 2) continue;
    tables.push(built.table);
    for (const r of built.used) used.add(r);
  }
  tables.sort((a, b) => a.bbox[1] - b.bbox[1]);
  return { tables, rest: runs.filter((r) => !used.has(r)) };
}
