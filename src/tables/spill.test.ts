import { describe, expect, it } from 'vitest';
import type { Cell, Grid } from '../model/grid.js';
import type { TextRun } from '../layout/geometry.js';
import type { GridBlock } from '../model/blocks.js';
import { continues, stitch } from './stitch.js';
import { mergeSplitText } from './spill.js';
import { stitchPages, type PageBlocks } from './pages.js';

const edges = [94, 158, 206, 299, 405, 511];

/** A grid of rows of texts over `cols` (indices into edges), each cell `height` points tall, from y = top. */
function grid(rows: { cols: number[]; texts: string[]; rowSpans?: number[] }[], page: number, top = 80): Grid {
  const cells: Cell[] = [];
  rows.forEach(({ cols, texts, rowSpans }, row) => {
    cols.forEach((col, i) => {
      const rowSpan = rowSpans?.[i] ?? 1;
      cells.push({ row, col, rowSpan, colSpan: 1, text: texts[i], header: false, page, bbox: [edges[col], top + row * 20, edges[col + 1], top + (row + rowSpan) * 20] });
    });
  });
  return { nRows: rows.length, nCols: edges.length - 1, cells, columnNumberRows: [], spansKnown: true };
}

const run = (text: string, x0: number, x1: number, top: number): TextRun => ({ text, x0, x1, top, bottom: top + 7, fontSize: 7 });

describe('a row split by a page break, its cell text printed past the border', () => {
  it('text of one side only, or a repeat of the other, makes one cell text', () => {
    expect(mergeSplitText('', '39.500000')).toBe('39.500000');
    expect(mergeSplitText('北方昆曲剧院以人民', '北方昆曲剧院以人民美好生活的精神需求')).toBe('北方昆曲剧院以人民美好生活的精神需求');
    expect(mergeSplitText('推动国粹京剧艺术传承', '京剧艺术传承与发展。')).toBe('推动国粹京剧艺术传承与发展。');
  });

  it('a page ruling only the columns whose cells start on it continues the table', () => {
    const first = grid([{ cols: [0, 1, 2, 3, 4], texts: ['a', '1.00', 'goal', '产出指标', '次数'] }], 77);
    const part = grid([{ cols: [3, 4], texts: ['效益指标', '满意度'] }], 78);
    expect(continues(first, part)).toBe(true);
    const joined = stitch(first, part);
    // the columns the second page does not rule go on in the cells above the break
    expect(joined.cells.filter((c) => c.col < 3).map((c) => [c.text, c.rowSpan])).toEqual([['a', 2], ['1.00', 2], ['goal', 2]]);
    // a narrower table that keeps neither outer edge is another table
    expect(continues(first, grid([{ cols: [1, 2], texts: ['x', 'y'] }], 78))).toBe(false);
  });

  it('puts the text printed below the first part and above the second into the cells, and joins the split cells', () => {
    // page 1: one project whose rows run over the break; its amount and part of its goal lie below the rule
    const page1: PageBlocks = {
      page: 1,
      blocks: [
        { type: 'grid', grid: grid([{ cols: [0, 1, 2, 3, 4], texts: ['', '', '完成演出', '产出指标', '场次'] }], 1), page: 1, bbox: [94, 80, 511, 100] },
        { type: 'text', text: '3,706.16 任务', page: 1, bbox: [160, 110, 290, 117], fontSize: 7, spill: { edge: 'below', runs: [run('3,706.16', 160, 200, 110), run('任务', 210, 230, 110)] } },
      ],
    };
    const page2: PageBlocks = {
      page: 2,
      blocks: [
        { type: 'text', text: '43840-北昆演出创排', page: 2, bbox: [96, 10, 150, 17], fontSize: 7, spill: { edge: 'above', runs: [run('43840-北昆演出创排', 96, 150, 10)] } },
        { type: 'grid', grid: grid([{ cols: [0, 1, 2, 3, 4], texts: ['', '', '完成演出任务，拓展讲座', '效益指标', '影响力'], rowSpans: [2, 2, 2, 1, 1] }, { cols: [3, 4], texts: ['满意度指标', '满意度'] }], 2), page: 2, bbox: [94, 80, 511, 120] },
      ],
    };
    const [only, ...rest] = stitchPages([page1, page2]);
    expect(rest).toEqual([]);
    const g = (only as GridBlock).grid;
    const at = (row: number, col: number) => g.cells.find((c) => c.col === col && c.row <= row && row < c.row + c.rowSpan);
    expect(at(1, 0)).toMatchObject({ row: 0, rowSpan: 3, text: '43840-北昆演出创排' });
    expect(at(1, 1)).toMatchObject({ row: 0, text: '3,706.16' });
    expect(at(0, 2)?.text).toBe('完成演出任务，拓展讲座');
    // indicator rows stay rows of their own
    expect([at(0, 3)?.text, at(1, 3)?.text, at(2, 3)?.text]).toEqual(['产出指标', '效益指标', '满意度指标']);
  });

  it('a note below a table that does not go on stays text', () => {
    const page1: PageBlocks = {
      page: 1,
      blocks: [
        { type: 'grid', grid: grid([{ cols: [0, 1, 2, 3, 4], texts: ['a', '1.00', 'g', '产出指标', '次数'] }], 1), page: 1, bbox: [94, 80, 511, 100] },
        { type: 'text', text: '注：本表无数据', page: 1, bbox: [96, 110, 150, 117], fontSize: 7, spill: { edge: 'below', runs: [run('注：本表无数据', 96, 150, 110)] } },
      ],
    };
    const page2: PageBlocks = { page: 2, blocks: [{ type: 'text', text: '表二 收入总表', page: 2, bbox: [200, 40, 300, 50], fontSize: 10 }] };
    expect(stitchPages([page1, page2]).filter((b) => b.type === 'text').map((b) => (b as { text: string }).text)).toEqual(['注：本表无数据', '表二 收入总表']);
  });
});
