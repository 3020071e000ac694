import { describe, expect, it } from 'vitest';
import type { Table, TypedRow } from '../model/table.js';
import { hierarchy } from './evaluators.js';

const row = (r: number, name: string, total: string, code?: string, level?: TypedRow['level'], parent?: string): TypedRow => ({
  row: r, name, values: { total }, ...(code ? { code } : {}), ...(level ? { level } : {}), ...(parent ? { parent } : {}),
});

/** A 支出总表 listing two units (预算单位 | 科目编码 | 科目名称 | 合计), each with the same codes (Shenzhen). */
const table = (rows: TypedRow[]): Table => ({
  id: 't1', kind: 'B.expenditure', title: '支出总表', unit: '万元', pages: [1], empty: false, nRows: rows.length, nCols: 3, cells: [],
  columns: [{ key: 'name', path: ['科目名称'], col: 0 }, { key: 'total', path: ['合计'], col: 1 }], rows,
});

describe('hierarchy', () => {
  it('looks for children within the unit a row belongs to', () => {
    const t = table([
      row(1, '深圳市水务局（本级）', '10.00'),
      row(2, '教育支出', '3.00', '205', '类'), row(3, '进修及培训', '3.00', '20508', '款', '205'),
      row(4, '深圳市水务工程质量安全监督站', '5.00'),
      row(5, '教育支出', '2.00', '205', '类'), row(6, '进修及培训', '2.00', '20508', '款', '205'),
    ]);
    expect(hierarchy(t).map((i) => i.status)).toEqual(['pass', 'pass']);
  });

  it('still fails a unit whose class does not add up', () => {
    const t = table([
      row(1, '单位甲', '10.00'),
      row(2, '教育支出', '3.00', '205', '类'), row(3, '进修及培训', '2.50', '20508', '款', '205'),
      row(4, '单位乙', '5.00'),
      row(5, '教育支出', '2.00', '205', '类'), row(6, '进修及培训', '2.00', '20508', '款', '205'),
    ]);
    expect(hierarchy(t).map((i) => i.status)).toEqual(['fail', 'pass']);
  });
});

describe('percentages are not amounts', () => {
  it('a percent column (增减 %) is not summed over the hierarchy', () => {
    const t = table([row(1, '教育支出', '3.00', '205', '类'), row(2, '进修及培训', '3.00', '20508', '款', '205')]);
    t.columns!.push({ key: 'change.rate', path: ['增减', '%'], col: 2, type: 'percent' });
    t.rows!.forEach((r, i) => (r.values['change.rate'] = ['-60.86', '12.50'][i]));
    expect(hierarchy(t).map((i) => i.refs[0].col)).toEqual(['total']);
  });
});
