import { describe, expect, it } from 'vitest';
import type { Block } from '../model/blocks.js';
import { gridFromRows } from '../tables/fromRows.js';
import { inlineLabel, isLabelLine, tocEntryOf } from './lines.js';
import { readStructure } from './structure.js';

const text = (t: string, page: number): Block => ({ type: 'text', text: t, page });
const grid = (page: number): Block => ({ type: 'grid', grid: gridFromRows([['科目编码', '科目名称', '金额'], ['201', '一般公共服务支出', '10.00']], page), page });

describe('table labels: one definition for every place they are printed', () => {
  it.each(['预算公开表1', '部门公开表9', '公开01表', '预算01表', '表一', '附表1', '表1-1', '预算表12'])('%s is a label line', (label) => {
    expect(isLabelLine(label)).toBe(true);
  });

  it('is no label inside a title or a sentence', () => {
    expect(isLabelLine('收支总表')).toBe(false);
    expect(isLabelLine('表示')).toBe(false);
  });

  it('splits a label off its title line and off a table-of-contents line', () => {
    expect(inlineLabel('预算表12 项目支出绩效目标表')).toEqual({ label: '预算表12', title: '项目支出绩效目标表' });
    expect(inlineLabel('表1：收入总表')).toEqual({ label: '表1', title: '收入总表' });
    expect(tocEntryOf('公开03表 部门支出总表……………5')).toEqual({ label: '公开03表', title: '部门支出总表', page: 5 });
    expect(tocEntryOf('一、部门收支总表\t3')).toEqual({ title: '一、部门收支总表', page: 3 });
  });
});

describe('captions', () => {
  it('a title line that also states the unit gives both; a sentence about the table is no title', () => {
    const s = readStructure([text('第一部分 公开表', 2), text('2026年部门收支总表 单位：万元', 3), grid(3), text('本表反映部门收入情况。', 4), grid(4)]);
    expect(s.grids.map((g) => [g.title, g.unit])).toEqual([['2026年部门收支总表', '万元'], ['', null]]);
  });
});

describe('titles from the table of contents', () => {
  const toc = [text('目录', 1), text('表1 部门收支总表……3', 1), text('表2 部门收入总表……4', 1), text('表3 部门支出总表……5', 1)];

  it('a grid printed with its label but no title takes the title the contents give that label', () => {
    const s = readStructure([...toc, text('第一部分 公开表', 2), text('表2', 5), grid(5)]);
    expect(s.grids.map((g) => [g.label, g.title, g.titleFromToc])).toEqual([['表2', '部门收入总表', true]]);
  });

  it('a grid with neither takes the entry of its page once two titled grids agree on how pages map', () => {
    // printed page numbers run two behind the PDF's pages (a cover and the contents are not numbered)
    const s = readStructure([...toc, text('第一部分 公开表', 2), text('部门收支总表', 5), grid(5), text('部门收入总表', 6), grid(6), grid(7)]);
    expect(s.grids.map((g) => g.title)).toEqual(['部门收支总表', '部门收入总表', '部门支出总表']);
    expect(s.grids[2].titleFromToc).toBe(true);
  });

  it('without two agreeing titled grids a title-less grid stays untitled', () => {
    const s = readStructure([...toc, text('第一部分 公开表', 2), text('部门收支总表', 5), grid(5), grid(7)]);
    expect(s.grids[1].title).toBe('');
  });
});
