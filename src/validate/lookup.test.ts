import { describe, expect, it } from 'vitest';
import type { Output } from '../model/output.js';
import type { Table, TypedRow } from '../model/table.js';
import { validate } from './index.js';
import { colKey, fig, named, recordingMisses, row, sum, tableOf } from './lookup.js';
import type { Rule } from './types.js';

/**
 * The engine tells `na` (nothing the rule reads is printed) from `missing` (a table is printed but what the
 * rule reads in it was not recognised), whatever catalogue it runs: here a made-up one on a made-up table.
 */
const cell = (row: number, col: number, text: string, header = false) => ({ row, col, rowSpan: 1, colSpan: 1, text, header });

function ledger(rows: TypedRow[], opts: { printed?: string[]; empty?: boolean; amountKey?: string; unknownColumn?: string | null } = {}): Table {
  return {
    id: 't1', kind: 'ledger', title: 'Ledger', unit: '万元', pages: [2], empty: opts.empty ?? false, nRows: 3, nCols: 3,
    cells: [cell(0, 0, 'Item', true), cell(0, 1, 'Amount', true), cell(0, 2, '?', true), ...(opts.printed ?? []).map((text, i) => cell(i + 1, 0, text))],
    columns: [
      { key: 'name', path: ['Item'], col: 0 },
      { key: opts.amountKey ?? 'total', path: ['Amount'], col: 1 },
      ...(opts.unknownColumn === undefined ? [] : [{ key: 'col2', path: ['?'], col: 2 }]),
    ],
    rows,
  };
}

const doc = (...tables: Table[]): Output => ({
  schemaVersion: '1',
  source: { file: 'x.pdf', sha256: '', format: 'pdf', pages: 2, ocr: false },
  document: { family: 'unknown', scope: null, organization: null, year: null, title: null },
  toc: [], sections: [], tables, forms: [], facts: [], checks: [], warnings: [],
});

const line = (r: number, name: string, amount: string, extra?: string | null): TypedRow => ({ row: r, name, values: { total: amount, ...(extra === undefined ? {} : { col2: extra }) } });

/** Balance = Opening + Income, read from the ledger's amount column by role. */
const BALANCE: Rule = {
  id: 'X-1',
  title: 'Balance = Opening + Income',
  evaluate: (out) => {
    const t = tableOf(out, 'ledger');
    const col = colKey(t, 'total');
    const at = (re: RegExp) => fig(t, row(t, named(re)), col);
    return [sum(at(/^Balance$/), [at(/^Opening$/), at(/^Income$/)], 'balance')];
  },
};
const checkOf = (out: Output) => validate(out, [BALANCE])[0];
const all = [line(1, 'Opening', '1'), line(2, 'Income', '2'), line(3, 'Balance', '3')];

describe('the runner', () => {
  it('runs the catalogue it is given', () => {
    expect(validate(doc(ledger(all)), [])).toEqual([]);
    expect(checkOf(doc(ledger(all)))).toMatchObject({ rule: 'X-1', status: 'pass' });
  });

  it('na: the table is not printed', () => {
    expect(checkOf(doc())).toMatchObject({ status: 'na', message: 'Balance = Opening + Income: nothing to compare' });
  });

  it('na: the table is printed empty (no data)', () => {
    expect(checkOf(doc(ledger([], { printed: ['Balance'], empty: true }))).status).toBe('na');
  });

  it('na: the row is not printed (another layout)', () => {
    expect(checkOf(doc(ledger(all.slice(0, 2), { printed: ['Opening', 'Income'] }))).status).toBe('na');
  });

  it('missing: the row is printed but not typed — the table and the row are named', () => {
    const c = checkOf(doc(ledger(all.slice(0, 2), { printed: ['Opening', 'Income', 'Balance'] })));
    expect(c).toEqual({ rule: 'X-1', status: 'missing', message: 'Balance = Opening + Income: not found in t1 Ledger: row Balance', refs: [{ table: 't1', page: 2, text: 'Ledger' }] });
  });

  it('missing: the table is printed but none of its rows typed', () => {
    expect(checkOf(doc(ledger([], { printed: ['Balance'] })))).toMatchObject({ status: 'missing', message: 'Balance = Opening + Income: not found in t1 Ledger: typed rows' });
  });

  it('missing: the amount column was not recognised (an unknown column holds the amounts)', () => {
    const rows = all.map((r) => ({ ...r, values: { col2: r.values.total } }));
    const c = checkOf(doc(ledger(rows, { amountKey: 'remarks', unknownColumn: null, printed: ['Balance'] })));
    expect(c).toMatchObject({ status: 'missing', message: 'Balance = Opening + Income: not found in t1 Ledger: column total' });
  });

  it('na: a column the table has not got, every column recognised', () => {
    expect(checkOf(doc(ledger(all.map((r) => ({ ...r, values: {} })), { amountKey: 'remarks' }))).status).toBe('na');
  });
});

describe('lookups', () => {
  it('read the amount column by its role: total, amount, amount.total', () => {
    for (const key of ['total', 'amount', 'amount.total', 'total.total']) {
      const rows = all.map((r) => ({ ...r, values: { [key]: r.values.total } }));
      expect(checkOf(doc(ledger(rows, { amountKey: key }))).status).toBe('pass');
    }
  });

  it('note misses only inside a rule evaluation and only on printed tables', () => {
    const t = ledger(all.slice(0, 2), { printed: ['Balance'] });
    expect(() => row(t, named(/^Balance$/))).not.toThrow();
    const { result, misses } = recordingMisses(() => [tableOf(doc(), 'ledger'), row(undefined, named(/^Balance$/)), colKey(undefined, 'total'), row(t, named(/^Balance$/))]);
    expect(result).toEqual([undefined, undefined, undefined, undefined]);
    expect(misses.map((m) => [m.table.id, m.what])).toEqual([['t1', 'row Balance']]);
  });
});
