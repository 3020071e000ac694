import { describe, expect, it } from 'vitest';
import type { Segment, TextRun } from '../layout/geometry.js';
import { findLatticeTables, joinSegments } from './lattice.js';
import { continues, stitch } from './stitch.js';

const h = (y: number, x0: number, x1: number): Segment => ({ x0, y0: y, x1, y1: y });
const v = (x: number, y0: number, y1: number): Segment => ({ x0: x, y0, x1: x, y1 });
const run = (text: string, x0: number, top: number, width = text.length * 10): TextRun => ({ text, x0, x1: x0 + width, top, bottom: top + 10, fontSize: 10 });

/** 3 rows × 3 columns; the top-left header cell spans two columns (no rule at x=100 in the first row). */
const RULES: Segment[] = [
  h(0, 0, 300), h(20, 0, 300), h(40, 0, 300), h(60, 0, 300),
  v(0, 0, 60), v(100, 20, 60), v(200, 0, 60), v(300, 0, 60),
];

describe('lattice tables', () => {
  it('joins rules drawn piece by piece and snaps them to one coordinate', () => {
    const joined = joinSegments([h(10, 0, 50), h(10.6, 50.5, 120), v(0, 0, 30), v(0.4, 30, 60)]);
    expect(joined).toHaveLength(2);
    expect(joined.find((s) => s.y0 === s.y1)).toMatchObject({ x0: 0, x1: 120 });
  });

  it('builds cells from rule intersections, with a span where a rule is missing', () => {
    const runs = [run('项目', 80, 5, 40), run('金额', 230, 5, 20), run('合计', 10, 25), run('518.25', 210, 25, 30), run('二级', 110, 25)];
    const { tables, rest } = findLatticeTables(RULES, [...runs, run('注：本表无数据', 0, 70)], 1);
    expect(tables).toHaveLength(1);
    const { grid, bbox } = tables[0];
    expect([grid.nRows, grid.nCols, bbox]).toEqual([3, 3, [0, 0, 300, 60]]);
    expect(grid.cells.find((c) => c.row === 0 && c.col === 0)).toMatchObject({ colSpan: 2, text: '项目', page: 1, bbox: [0, 0, 200, 20] });
    expect(grid.cells.find((c) => c.row === 1 && c.col === 2)?.text).toBe('518.25');
    expect(rest.map((r) => r.text)).toEqual(['注：本表无数据']);
    // every position covered exactly once
    const covered = grid.cells.reduce((n, c) => n + c.rowSpan * c.colSpan, 0);
    expect(covered).toBe(9);
  });

  it('keeps wrapped cell text in one cell, and cuts a run that crosses a cell border', () => {
    const runs = [run('附属单位', 205, 22, 40), run('上缴收入', 205, 32, 40), run('金额合计', 80, 45, 40)];
    const { tables } = findLatticeTables(RULES, runs, 1);
    const cell = (r: number, c: number) => tables[0].grid.cells.find((x) => x.row === r && x.col === c)?.text;
    expect(cell(1, 2)).toBe('附属单位上缴收入');
    expect([cell(2, 0), cell(2, 1)]).toEqual(['金额', '合计']);
  });

  it('reads rules drawn as thin filled rectangles the same way (they arrive as segments)', () => {
    const { tables } = findLatticeTables(RULES, [run('a', 10, 25), run('b', 110, 25)], 3);
    expect(tables[0].grid.cells.every((c) => c.page === 3)).toBe(true);
  });

  it('ignores a ruled box around a single line of text', () => {
    const box = [h(0, 0, 300), h(20, 0, 300), v(0, 0, 20), v(300, 0, 20)];
    expect(findLatticeTables(box, [run('第一部分', 10, 5)], 1).tables).toHaveLength(0);
  });
});

describe('tables continued on the next page', () => {
  const page1 = findLatticeTables(RULES, [run('项目', 80, 5, 40), run('合计', 10, 25)], 1).tables[0].grid;
  const more = [h(0, 0, 300), h(20, 0, 300), h(40, 0, 300), v(0, 0, 40), v(100, 0, 40), v(200, 0, 40), v(300, 0, 40)];

  it('stitches rows of the same columns, dropping a repeated header row', () => {
    const page2 = findLatticeTables(more, [run('项目', 10, 5), run('xx', 110, 5), run('一、支出', 10, 25), run('1.00', 210, 25)], 2).tables[0].grid;
    expect(continues(page1, page2)).toBe(true);
    const joined = stitch(page1, page2);
    expect(joined.nRows).toBe(5);
    const last = joined.cells.filter((c) => c.row === 4);
    expect(last.map((c) => [c.text, c.page])).toEqual([['一、支出', 2], ['', 2], ['1.00', 2]]);
  });

  it('does not stitch a table of other columns', () => {
    const other = findLatticeTables([h(0, 0, 500), h(20, 0, 500), h(40, 0, 500), v(0, 0, 40), v(250, 0, 40), v(500, 0, 40)], [run('a', 10, 5), run('b', 260, 5)], 2).tables[0].grid;
    expect(continues(page1, other)).toBe(false);
  });
});

describe('body rows printed without rules between them', () => {
  const outer = [h(0, 0, 300), h(20, 0, 300), h(100, 0, 300), v(0, 0, 100), v(100, 0, 100), v(200, 0, 100), v(300, 0, 100)];
  const head = [run('项目', 10, 5), run('2023年', 110, 5), run('2024年', 210, 5)];

  it('cuts a band into one row per printed line when every line has a label and amounts', () => {
    const body = ['一、税收收入', '1.增值税', '2.企业所得税'].flatMap((label, i) => [run(label, 10, 25 + i * 20), run(`${i + 1}.00`, 110, 25 + i * 20), run(`${i + 5}.00`, 210, 25 + i * 20)]);
    const { grid } = findLatticeTables(outer, [...head, ...body], 1).tables[0];
    expect(grid.nRows).toBe(4);
    expect(grid.cells.filter((c) => c.row === 3).map((c) => c.text)).toEqual(['2.企业所得税', '3.00', '7.00']);
  });

  it('keeps a band whole when values stand a line above their label (P-CZJ) or a name wraps', () => {
    const body = [run('2,336.91', 110, 25), run('603.14', 210, 25), run('合计', 10, 40), run('2,940.05', 110, 40), run('机关事业单位基本养老保险缴', 10, 60), run('费支出', 10, 75), run('160.75', 110, 68)];
    expect(findLatticeTables(outer, [...head, ...body], 1).tables[0].grid.nRows).toBe(2);
  });
});
