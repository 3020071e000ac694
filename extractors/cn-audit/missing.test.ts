import { describe, expect, it } from 'vitest';
import type { Output } from '../../src/model/output.js';
import type { Table, TypedRow } from '../../src/model/table.js';
import { audit } from './rules.js';

/** A 支出总表 (合计 | 基本支出 | 项目支出) and a 收支总表 whose 本年支出合计 it restates (BUD-X-02). */
const cell = (row: number, col: number, text: string, header = false) => ({ row, col, rowSpan: 1, colSpan: 1, text, header });

function spendingTable(rows: TypedRow[], opts: { amountKey?: string; printedTotal?: boolean; empty?: boolean } = {}): Table {
  const key = opts.amountKey ?? 'total';
  return {
    id: 't03', kind: 'B.expenditure', title: '支出总表', unit: '万元', pages: [3], empty: opts.empty ?? false, nRows: rows.length + 1, nCols: 4,
    cells: [
      cell(0, 0, '科目名称', true), cell(0, 1, '合计', true), cell(0, 2, '基本支出', true), cell(0, 3, '项目支出', true),
      cell(1, 0, '一般公共服务支出'), cell(1, 1, '10.00'),
      ...(opts.printedTotal ? [cell(2, 0, '合计'), cell(2, 1, '10.00')] : []),
    ],
    columns: [
      { key: 'name', path: ['科目名称'], col: 0 },
      { key, path: ['合计'], col: 1 },
      { key: 'basic', path: ['基本支出'], col: 2 },
      { key: 'project', path: ['项目支出'], col: 3 },
    ],
    rows,
  };
}

const summaryTable: Table = {
  id: 't01', kind: 'B.summary', title: '收支总表', unit: '万元', pages: [1], empty: false, nRows: 2, nCols: 4,
  cells: [cell(0, 0, '本年支出合计'), cell(0, 1, '10.00')],
  columns: [{ key: 'name', path: ['项目'], col: 0, panel: 'expenditure' }, { key: 'total', path: ['合计'], col: 1, panel: 'expenditure' }],
  rows: [{ row: 0, panel: 'expenditure', level: 'subtotal', name: '本年支出合计', values: { total: '10.00' } }],
};

const doc = (...tables: Table[]): Output => ({
  schemaVersion: '1',
  source: { file: 'x.pdf', sha256: '', format: 'pdf', pages: 3, ocr: false },
  document: { family: 'budget', scope: 'department', organization: '某局', year: 2024, title: null },
  toc: [], sections: [], tables, forms: [], facts: [], checks: [], warnings: [],
});

const classRow: TypedRow = { row: 1, code: '201', level: '类', name: '一般公共服务支出', values: { total: '10.00', basic: '10.00', project: null } };
const totalLine: TypedRow = { row: 2, level: 'total', name: '合计', values: { total: '10.00', basic: '10.00', project: null } };
const check = (out: Output, rule: string) => audit(out).find((c) => c.rule === rule)!;

describe('na and missing on BUD-X-02 (收支总表 本年支出合计 = 支出总表 合计)', () => {
  it('a rule whose table is not printed is na', () => {
    expect(check(doc(summaryTable), 'BUD-X-02')).toMatchObject({ status: 'na' });
  });

  it('a rule whose table is printed without the total row it reads is missing, and says which', () => {
    const c = check(doc(summaryTable, spendingTable([classRow], { printedTotal: true })), 'BUD-X-02');
    expect(c.status).toBe('missing');
    expect(c.message).toContain('t03 支出总表: row 合计');
    expect(c.refs).toEqual([{ table: 't03', page: 3, text: '支出总表' }]);
  });

  it('the same table with its total row typed is compared', () => {
    expect(check(doc(summaryTable, spendingTable([classRow, totalLine], { printedTotal: true })), 'BUD-X-02').status).toBe('pass');
  });

  it('a total row the table does not print is not missing: the layout has none', () => {
    expect(check(doc(summaryTable, spendingTable([classRow])), 'BUD-X-02').status).toBe('na');
  });

  it('a table printed empty (no data) lacks nothing', () => {
    expect(check(doc(summaryTable, spendingTable([], { printedTotal: true, empty: true })), 'BUD-X-02').status).toBe('na');
  });

  it('a table printed with content but no typed rows is missing', () => {
    const c = check(doc(summaryTable, spendingTable([], { printedTotal: true })), 'BUD-X-02');
    expect(c).toMatchObject({ status: 'missing' });
    expect(c.message).toContain('t03 支出总表: typed rows');
  });

  it('the amount column is read by its role: keyed amount (Hangzhou) as total', () => {
    const rows = [classRow, totalLine].map((r) => ({ ...r, values: { amount: r.values.total, basic: r.values.basic, project: null } }));
    expect(check(doc(summaryTable, spendingTable(rows, { amountKey: 'amount', printedTotal: true })), 'BUD-X-02').status).toBe('pass');
  });
});
