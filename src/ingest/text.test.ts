import { describe, expect, it } from 'vitest';
import { textToSource } from './text.js';
import { gridToRows } from '../tables/fromRows.js';

describe('text ingest', () => {
  it('keeps the column position of an empty leading field', () => {
    const src = textToSource('标题\n项目\t金额\n\t\t二、外交支出\t\n合计\t1.00\n');
    const grid = src.blocks.find((b) => b.type === 'grid');
    expect(grid?.type).toBe('grid');
    if (grid?.type !== 'grid') return;
    expect(gridToRows(grid.grid)).toEqual([
      ['项目', '金额', '', ''],
      ['', '', '二、外交支出', ''],
      ['合计', '1.00', '', ''],
    ]);
  });

  it('joins table lines across blank lines (page breaks) but not across text', () => {
    const src = textToSource('a\tb\n\n\nc\td\n说明文字\ne\tf\n');
    expect(src.blocks.map((b) => b.type)).toEqual(['grid', 'text', 'grid']);
    const first = src.blocks[0];
    expect(first.type === 'grid' && first.grid.nRows).toBe(2);
  });

  it('keeps table-of-contents lines as text even though they hold a tab', () => {
    const src = textToSource('目 录\n\n第一部分 概况\t1\n表一2024年预算收支总表.....\t2\n第一部分 概况\n');
    expect(src.blocks.every((b) => b.type === 'text')).toBe(true);
    expect(src.blocks.map((b) => (b.type === 'text' ? b.text : ''))).toContain('表一2024年预算收支总表.....\t2');
  });
});
