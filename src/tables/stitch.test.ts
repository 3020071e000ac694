import { describe, expect, it } from 'vitest';
import type { Cell, Grid } from '../model/grid.js';
import { captionRow, continues, stitch } from './stitch.js';

/** A ruled grid of rows of texts, columns bounded by `edges` (points), every cell 1×1 unless `spans` says. */
function grid(rows: string[][], edges: number[], page: number, spans: Record<string, number> = {}): Grid {
  const cells: Cell[] = [];
  rows.forEach((texts, row) => {
    for (let col = 0; col < texts.length; col++) {
      const colSpan = spans[`${row},${col}`] ?? 1;
      cells.push({ row, col, rowSpan: 1, colSpan, text: texts[col], header: false, page, bbox: [edges[col], 100 + row * 20, edges[col + colSpan], 120 + row * 20] });
      col += colSpan - 1;
    }
  });
  return { nRows: rows.length, nCols: edges.length - 1, cells, columnNumberRows: [], spansKnown: true };
}

describe('tables continued on the next page', () => {
  const edges = [54, 126, 408, 475, 553];
  const first = grid([['功能科目编码', '功能科目名称', '合计', '人员经费'], ['201', '一般公共服务支出', '10.00', '5.00']], edges, 33);

  it('continue when the next page prints the same columns a few points aside (another margin)', () => {
    const next = grid([['2080801', '死亡抚恤', '6.00', '0.00']], edges.map((x) => x + 4), 34);
    expect(continues(first, next)).toBe(true);
    const joined = stitch(first, next);
    expect(joined.nRows).toBe(3);
    expect(joined.cells.filter((c) => c.row === 2).map((c) => [c.col, c.text])).toEqual([[0, '2080801'], [1, '死亡抚恤'], [2, '6.00'], [3, '0.00']]);
  });

  it('do not continue when the columns differ beyond the shift', () => {
    const next = grid([['2080801', '死亡抚恤', '6.00', '0.00']], [58, 200, 408, 475, 557], 34);
    expect(continues(first, next)).toBe(false);
  });

  it('a grid opening with a caption across every column is a table of its own, never a continuation', () => {
    const form = grid([['财政项目支出绩效目标填报表', '', '', ''], ['项目名称', '就业援助基地补贴', '项目性质', '经常性项目']], edges, 33, { '0,0': 4 });
    expect(captionRow(form)).toBe('财政项目支出绩效目标填报表');
    const nextForm = grid([['财政项目支出绩效目标填报表', '', '', ''], ['项目名称', '各类工作经费', '项目性质', '经常性项目']], edges, 34, { '0,0': 4 });
    expect(continues(form, nextForm)).toBe(false);
    // a first row of figures or of several cells is no caption
    expect(captionRow(first)).toBeNull();
    expect(captionRow(grid([['合计', '', '', ''], ['201', 'x', '1.00', '1.00']], edges, 1, { '0,0': 4 }))).toBeNull();
  });
});
