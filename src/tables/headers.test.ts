import { describe, expect, it } from 'vitest';
import { gridFromRows } from './fromRows.js';
import { headGrid } from './headers.js';

const tsv = (s: string) => s.trim().split('\n').map((l) => l.split('\t'));

describe('header inference on text grids', () => {
  it('a table printed without amounts keeps its ordinal rows as rows (一、一般公共预算收入 is no header)', () => {
    const h = headGrid(gridFromRows(tsv('收入\t\t支出\t\n项目\t预算数\t项目\t预算数\n一、一般公共预算收入\t\t一、一般公共服务支出\t\n二、政府性基金预算收入\t\t二、外交支出\t')));
    expect(h.headerRows).toBe(2);
    expect(h.columns[0].path).toEqual(['收入', '项目']);
  });

  it('gives both panels of a two-panel table their paths', () => {
    const h = headGrid(gridFromRows(tsv('收入\t\t支出\t\t\t\n项目\t2024年\t项目\t2024年合计\t当年预算安排\t上年结转安排\n一、一般公共预算\t518.25\t一、一般公共服务支出\t432.76\t432.76\t')));
    expect(h.headerRows).toBe(2);
    expect(h.columns.map((c) => c.path)).toEqual([
      ['收入', '项目'], ['收入', '2024年'], ['支出', '项目'], ['支出', '2024年合计'], ['支出', '当年预算安排'], ['支出', '上年结转安排'],
    ]);
    const top = h.grid.cells.filter((c) => c.row === 0);
    expect(top.map((c) => [c.text, c.colSpan])).toEqual([['收入', 2], ['支出', 4]]);
  });

  it('builds three header levels with row and column spans (财政拨款收支总表)', () => {
    const h = headGrid(gridFromRows(tsv(
      '收入\t\t支出\t\t\t\t\n项目\t金额\t项目\t金额\t\t\t\n\t\t\t小计\t一般公共预算\t政府性基金预算\t国有资本经营预算\n一、一般公共预算\t518.25\t一、一般公共服务支出\t432.76\t432.76\t\t',
    )));
    expect(h.headerRows).toBe(3);
    expect(h.columns[4].path).toEqual(['支出', '金额', '一般公共预算']);
    expect(h.columns[1].path).toEqual(['收入', '金额']);
    const amount = h.grid.cells.find((c) => c.row === 1 && c.col === 1)!;
    expect([amount.rowSpan, amount.colSpan]).toEqual([2, 1]);
    const spending = h.grid.cells.find((c) => c.row === 1 && c.col === 3)!;
    expect([spending.text, spending.rowSpan, spending.colSpan]).toEqual(['金额', 1, 4]);
    // every position covered exactly once
    const covered = new Set<string>();
    for (const c of h.grid.cells) for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) {
      const key = `${r},${k}`;
      expect(covered.has(key)).toBe(false);
      covered.add(key);
    }
    expect(covered.size).toBe(h.grid.nRows * h.grid.nCols);
  });

  it('spans a header down over blank positions (上年结转 beside 本年收入 › …)', () => {
    const h = headGrid(gridFromRows(tsv('项目\t\t本年收入\t\t上年结转\n科目编码\t科目名称\t合计\t一般公共预算\t\n合计\t\t518.25\t518.25\t')));
    expect(h.columns.map((c) => c.path.join('/'))).toEqual(['项目/科目编码', '项目/科目名称', '本年收入/合计', '本年收入/一般公共预算', '上年结转']);
    expect(h.grid.cells.find((c) => c.text === '上年结转')?.rowSpan).toBe(2);
  });

  it('treats the 栏次 row (1 2 3 …) as neither header text nor data', () => {
    const h = headGrid(gridFromRows(tsv('项目名称\t合计\t2024年财政拨款\t\n\t\t一般公共预算\t政府性基金预算\n1\t2\t3\t4\n泽州县信访局\t243.42\t243.42\t')));
    expect(h.headerRows).toBe(2);
    expect(h.grid.columnNumberRows).toEqual([2]);
    expect(h.grid.cells.filter((c) => c.row === 2).every((c) => c.header)).toBe(true);
    expect(h.grid.cells.filter((c) => c.row === 3).some((c) => c.header)).toBe(false);
    expect(h.columns[0].path).toEqual(['项目名称']);
  });

  it('stops the header at the first data row even when it has no amounts', () => {
    const h = headGrid(gridFromRows(tsv('项目\t2024年预算数\t\n\t合计\t一般公共预算\n因公出国（境）费\t\t\n合计\t\t')));
    expect(h.headerRows).toBe(2);
  });
});
