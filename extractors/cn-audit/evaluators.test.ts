import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/model/table.js';
import { emptyNote } from './evaluators.js';

const table = (empty: boolean, note: string): Table => ({
  id: 't07', kind: 'B.three_public', title: '“三公”经费支出情况表', unit: '万元', pages: [20], empty, note, nRows: 2, nCols: 2, cells: [],
  rows: [{ row: 1, name: '合计', values: { total: empty ? null : '0.50' } }],
});

describe('GEN-T-03 no-data notes', () => {
  it('a note saying the table has no data fails on a table that prints amounts', () => {
    expect(emptyNote(table(false, '注：本部门无“三公”经费支出。')).map((i) => i.status)).toEqual(['fail']);
  });

  it('a note saying what a blank would mean (如无数字则表示…) is no claim about a table that prints amounts', () => {
    expect(emptyNote(table(false, '注：本表反映部门本年度“三公”经费支出情况，此表如无数字则表示单位无该项支出。'))).toEqual([]);
  });

  it('the same note on a blank table is its no-data note', () => {
    expect(emptyNote(table(true, '注：此表如无数字则表示单位无该项支出。')).map((i) => i.status)).toEqual(['pass']);
  });
});
