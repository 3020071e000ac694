import { describe, expect, it } from 'vitest';
import type { Output } from '../src/model/output.js';
import type { Table, TypedRow } from '../src/model/table.js';
import {
  amountCount,
  bars,
  documentMetrics,
  folderPublisherOf,
  groupMetrics,
  isAmountText,
  isReportRow,
  keepPublisher,
  mentionsTable,
  parseManifest,
  publisherOf,
} from '../scripts/corpus-metrics.js';

/** a table whose cells are the given texts, one row each */
function table(id: string, kind: string, texts: string[], extra: Partial<Table> = {}): Table {
  return {
    id,
    kind,
    title: `${id} title`,
    unit: '万元',
    pages: [3],
    empty: false,
    nRows: texts.length,
    nCols: 1,
    cells: texts.map((text, row) => ({ row, col: 0, rowSpan: 1, colSpan: 1, text, header: false, page: 3 })),
    ...extra,
  };
}
const row = (name: string): TypedRow => ({ row: 0, name, values: { total: '1.00' } });
const FIVE = ['1.00', '2.00', '3.00', '4.00', '5.00'];
type Check = Output['checks'][number];
const check = (status: string): Check => ({ rule: 'R', status: status as Check['status'], message: '', refs: [] });
const out = (tables: Table[], checks: Check[] = [], warnings: Output['warnings'] = []) => ({ tables, checks, warnings });

describe('amounts', () => {
  it('counts decimals and grouped numbers, not bare integers or text', () => {
    for (const s of ['518.25', '-12.30', '1,234', '12,345.6', ' 0.00 ', '４８，６７０.００', '１２.５']) expect(isAmountText(s), s).toBe(true);
    for (const s of ['2024', '201', '', '—', '12,34', '1.2.3', '合计 5.00', '5.00 6.00', '3.5%', '.5']) expect(isAmountText(s), s).toBe(false);
  });
  it('counts the cells of a table', () => {
    expect(amountCount(table('t01', 'generic', ['2024', '1.00', 'x', '1,000', '2.5']))).toBe(3);
  });
});

describe('documentMetrics', () => {
  it('counts numeric tables (five amounts or more) and which of them are typed', () => {
    const m = documentMetrics(
      out([
        table('t01', 'B.summary', FIVE),
        table('t02', 'generic', FIVE),
        table('t03', 'generic', FIVE.slice(0, 4)), // four amounts: not numeric
        table('t04', 'generic', ['2024', '2025', '201', '20101', '2010101', '1.00', '2.00', '3.00', '4.00']), // four amounts among integers
        table('t05', 'B.income', ['1.00']),
        table('t06', 'B.income', ['1.00'], { title: ' ' }),
      ]),
    );
    expect(m.tables).toBe(6);
    expect(m.typedTables).toBe(3);
    expect(m.kinds).toEqual(['B.income', 'B.summary']);
    expect(m.numericTables).toBe(2);
    expect(m.numericTyped).toBe(1);
    expect(m.genericNumeric).toEqual([{ table: 't02', pages: [3], title: 't02 title', amounts: 5, reason: 'title not recognised' }]);
  });

  it('gives the reason of a numeric generic table: no title, or a warning naming it', () => {
    const m = documentMetrics(
      out(
        [table('t01', 'generic', FIVE, { title: '  ' }), table('t02', 'generic', FIVE), table('t12', 'generic', FIVE, { title: '' })],
        [],
        [{ code: 'W_KIND', message: 't02 预算表: title matches no family' }, { code: 'W_X', message: 'about t120 only' }],
      ),
    );
    expect(m.genericNumeric.map((t) => [t.table, t.reason])).toEqual([
      ['t01', 'no title found'],
      ['t02', 'W_KIND: t02 预算表: title matches no family'],
      ['t12', 'no title found'],
    ]);
  });

  it('tells performance-target lists (产出指标 / 效益指标 rows) from tables not found', () => {
    const m = documentMetrics(out([table('t05', 'generic', [...FIVE, '产出指标', '数量指标'], { title: '' }), table('t06', 'generic', [...FIVE, '产出'], { title: '' })]));
    expect(m.genericNumeric.map((t) => [t.table, t.reason])).toEqual([
      ['t05', 'performance targets (产出/效益/满意度指标): not a standard table'],
      ['t06', 'no title found'],
    ]);
  });

  it('counts nameless rows only in typed tables of two or more rows, and colN keys only in typed tables', () => {
    const cols = (...keys: string[]) => keys.map((key, col) => ({ key, path: [key], col }));
    const m = documentMetrics(
      out([
        table('t01', 'B.income', FIVE, { rows: [row('合计'), row(''), row('  ')], columns: cols('total', 'gpb') }),
        table('t02', 'B.income', FIVE, { rows: [row('')], columns: cols('total') }), // one row: a lone nameless total is fine
        table('t03', 'B.expenditure', FIVE, { rows: [row('a'), row('b')], columns: cols('total', 'col3', 'col4', 'column5', 'xcol1') }),
        table('t04', 'B.summary', FIVE, { rows: [row(''), row('b')], columns: cols('col1') }),
        table('t05', 'generic', FIVE, { rows: [row(''), row('')], columns: cols('col0', 'col1') }), // generic: not counted
        table('t06', 'B.projects', FIVE, { rows: [row('a'), row('b')], columns: cols('total') }),
      ]),
    );
    expect(m.typedTables).toBe(5);
    expect(m.namelessRows).toBe(3);
    expect(m.namelessRowTables).toBe(2);
    expect(m.colNKeys).toBe(3);
    expect(m.colNTables).toBe(2);
    expect(m.badTypedTables).toBe(3); // t01, t03, t04 (t04 counted once)
  });

  it("counts 'missing' checks and the identity pass rate over checks neither na nor missing", () => {
    const m = documentMetrics(
      out([], ['pass', 'pass_rounding', 'warn_rounding', 'hint', 'warn', 'fail', 'fail', 'na', 'na', 'missing'].map(check)),
    );
    expect(m.checks).toBe(10);
    expect(m.missingChecks).toBe(1);
    expect(m.judgedChecks).toBe(7);
    expect(m.passedChecks).toBe(4);
  });
});

describe('groups and bars', () => {
  const doc = (document: string, publisher: string, tables: Table[]) => ({ document, publisher, metrics: documentMetrics(out(tables)) });

  it('sums documents, unites kinds, keeps generic tables with their document, counts crashes apart from refusals', () => {
    const g = groupMetrics([
      doc('a.pdf', 'p', [table('t01', 'B.summary', FIVE), table('t02', 'generic', FIVE)]),
      doc('b.pdf', 'p', [table('t01', 'B.income', FIVE), table('t02', 'B.summary', FIVE)]),
      { document: 'c.pdf', publisher: 'p', error: 'E_NEEDS_OCR' },
      { document: 'd.pdf', publisher: 'p', error: 'CRASH' },
    ]);
    expect(g.docs).toBe(4);
    expect(g.refused).toBe(1);
    expect(g.crashes).toBe(1);
    expect(g.typedTables).toBe(3);
    expect(g.numericTables).toBe(4);
    expect(g.numericTyped).toBe(3);
    expect(g.kinds).toEqual(['B.income', 'B.summary']);
    expect(g.genericNumeric.map((t) => `${t.document} ${t.table}`)).toEqual(['a.pdf t02']);
    const b = bars(g);
    expect(b.typedShare).toBe(75);
    expect(b.typedOk).toBe(false);
    expect(b.badTypedShare).toBe(0);
    expect(b.badTypedOk).toBe(true);
    expect(b.crashesOk).toBe(false);
  });

  it('meets the bars at 90 % typed and 2 % flawed, not below or above', () => {
    const typed = (n: number) => Array.from({ length: n }, (_, i) => table(`t${i}`, 'B.income', FIVE, { rows: [row('a'), row('b')] }));
    const flawed = table('tx', 'B.income', FIVE, { rows: [row(''), row('b')] });
    expect(bars(groupMetrics([doc('a', 'p', [...typed(9), table('g', 'generic', FIVE)])])).typedOk).toBe(true);
    expect(bars(groupMetrics([doc('a', 'p', [...typed(8), table('g', 'generic', FIVE), table('h', 'generic', FIVE)])])).typedOk).toBe(false);
    expect(bars(groupMetrics([doc('a', 'p', [...typed(49), flawed])])).badTypedShare).toBe(2);
    expect(bars(groupMetrics([doc('a', 'p', [...typed(49), flawed])])).badTypedOk).toBe(true);
    expect(bars(groupMetrics([doc('a', 'p', [...typed(48), flawed, flawed])])).badTypedOk).toBe(false);
  });
});

describe('documents and publishers', () => {
  it('selects budget and 决算 PDFs with a text layer from the manifest', () => {
    const rows = parseManifest(
      [
        'local_path\tcategory\tkind\tpages\tproducer',
        'renwu-cities/beijing_0031_2026_dept-budget.pdf\tdept-budget\tpdf-text\t7\tx',
        'renwu-cities/beijing_0248_2026_budget-scan.pdf\tdept-budget\tpdf-scanned\t9\tx',
        'renwu-cities/fuzhou_0155_2026_budget-mixed.pdf\tunit-budget\tpdf-mixed\t36\tx',
        'city-budget-reports/beijing_2022_final-report.pdf\tcity-report\tpdf-text\t169\tx',
        'sh-putuo-caizhengju-2024-final.pdf\tfinal-accounts\tpdf-text\t25\tx',
        'jiangsu-openbudget/js_rdbgt_2019_y_dept_ysgk-table.pdf\tdept-budget-tables\tpdf-text\t13\tx',
        'x/page.png\tunit-budget\tpng\t\tx',
        '',
      ].join('\n'),
    );
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual({ path: 'renwu-cities/beijing_0031_2026_dept-budget.pdf', category: 'dept-budget', kind: 'pdf-text', pages: 7 });
    expect(rows[6].pages).toBeNull();
    expect(rows.filter(isReportRow).map((r) => r.path)).toEqual([
      'renwu-cities/beijing_0031_2026_dept-budget.pdf',
      'renwu-cities/fuzhou_0155_2026_budget-mixed.pdf',
      'sh-putuo-caizhengju-2024-final.pdf',
      'jiangsu-openbudget/js_rdbgt_2019_y_dept_ysgk-table.pdf',
    ]);
  });

  it('names the publisher: the city of renwu-cities, else the top folder, else sh-putuo', () => {
    expect(publisherOf('renwu-cities/beijing_0031_2026_dept-budget.pdf')).toBe('beijing');
    expect(publisherOf('renwu-cities/wuhan-nat_0134_2026_dept-budget.pdf')).toBe('wuhan-nat');
    expect(publisherOf('jiangsu-openbudget/js_gfy_sheng_fy_2017_nd_dept-budget_gk.pdf')).toBe('jiangsu-openbudget');
    expect(publisherOf('tianbaoxitong/sh_czj_25_y_budget.pdf')).toBe('tianbaoxitong');
    expect(publisherOf('sh-2024-final-template.pdf')).toBe('sh-putuo');
    expect(folderPublisherOf('a/b/c.pdf')).toBe('a');
    expect(folderPublisherOf('c.pdf')).toBe('(top)');
  });

  it('keeps publishers by --only and --except', () => {
    expect(keepPublisher('beijing', null, new Set())).toBe(true);
    expect(keepPublisher('beijing', null, new Set(['beijing']))).toBe(false);
    expect(keepPublisher('beijing', new Set(['xian']), new Set())).toBe(false);
    expect(keepPublisher('xian', new Set(['xian', 'beijing']), new Set(['beijing']))).toBe(true);
  });

  it('matches a table id as a whole token', () => {
    expect(mentionsTable('t01 收支总表: …', 't01')).toBe(true);
    expect(mentionsTable('table (t01) has', 't01')).toBe(true);
    expect(mentionsTable('t012 …', 't01')).toBe(false);
    expect(mentionsTable('at01 …', 't01')).toBe(false);
  });
});
