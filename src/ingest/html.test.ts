import { describe, expect, it } from 'vitest';
import { htmlToSource } from './html.js';

describe('HTML ingest', () => {
  it('turns rowspan/colspan into grid spans covering every position once', () => {
    const src = htmlToSource(`<html><body><p>2024年预算收支总表</p><p>单位：万元</p>
      <table><tr><td colspan="2">收入</td><td rowspan="2">备注</td></tr>
      <tr><td>项目</td><td>金额</td></tr>
      <tr><td>一、一般公共预算</td><td>518.25</td></tr></table><p>注：本表反映…</p></body></html>`);
    expect(src.blocks.map((b) => b.type)).toEqual(['text', 'text', 'grid', 'text']);
    const grid = src.blocks[2].type === 'grid' ? src.blocks[2].grid : null;
    expect(grid).not.toBeNull();
    expect(grid!.spansKnown).toBe(true);
    expect([grid!.nRows, grid!.nCols]).toEqual([3, 3]);
    expect(grid!.cells.find((c) => c.text === '收入')).toMatchObject({ row: 0, col: 0, colSpan: 2, rowSpan: 1 });
    expect(grid!.cells.find((c) => c.text === '备注')).toMatchObject({ row: 0, col: 2, rowSpan: 2 });
    expect(grid!.cells.find((c) => c.text === '518.25')).toMatchObject({ row: 2, col: 1 });
    expect(grid!.cells.find((c) => c.row === 2 && c.col === 2)?.text).toBe('');
    expect(grid!.cells).toHaveLength(2 + 2 + 3);
  });

  it('joins text broken by <br> inside a cell and keeps paragraphs as lines', () => {
    const src = htmlToSource('<div>第一部分 概况</div><table><tr><td>附属单位<br>上缴收入</td></tr></table>');
    expect(src.blocks[0]).toEqual({ type: 'text', text: '第一部分 概况' });
    expect(src.blocks[1].type === 'grid' && src.blocks[1].grid.cells[0].text).toBe('附属单位上缴收入');
  });
});
