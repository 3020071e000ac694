import { beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../src/model/output.js';
import type { Table, TypedRow } from '../../src/model/table.js';
import { extract } from '../../src/pipeline.js';
import { SEED } from '../../test/helpers.js';
import { audit } from './rules.js';

/**
 * The seed output, changed by hand: each structure rule and each budget cross-table rule of
 * structure-rules.ts must catch the change it is about. Rules the seed leaves NA (no comparison columns, empty
 * fund and 三公 tables) are given the figures they compare first.
 */
let seed: Output;
beforeAll(async () => {
  seed = await extract(SEED);
});

const clone = (): Output => JSON.parse(JSON.stringify(seed));
const check = (out: Output, rule: string) => audit(out).find((c) => c.rule === rule)!;
const table = (out: Output, kind: string, qualifier?: string) => out.tables.find((t) => t.kind === kind && (qualifier === undefined || t.qualifier === qualifier))!;
const rowOf = (t: Table, test: (r: TypedRow) => boolean) => t.rows!.find(test)!;
const byCode = (code: string) => (r: TypedRow) => r.code === code;
const byName = (name: string, panel?: string) => (r: TypedRow) => r.name === name && (panel === undefined || r.panel === panel);

describe('structure rules on a changed seed', () => {
  it('GEN-T-05 a code named two ways, a 项 without its 款', () => {
    expect(check(seed, 'GEN-T-05').status).toBe('pass');
    const out = clone();
    rowOf(table(out, 'B.gpb_expenditure'), byCode('2014004')).name = '信访业务费';
    expect(check(out, 'GEN-T-05').status).toBe('fail');
    const again = clone();
    const t = table(again, 'B.expenditure');
    t.rows = t.rows!.filter((r) => r.code !== '20140');
    expect(check(again, 'GEN-T-05')).toMatchObject({ status: 'fail', refs: expect.arrayContaining([expect.objectContaining({ table: t.id, text: '2014001 行政运行' })]) });
    const catalogue = clone();
    rowOf(table(catalogue, 'B.income'), byCode('208')).name = '社会保障支出';
    rowOf(table(catalogue, 'B.expenditure'), byCode('208')).name = '社会保障支出';
    rowOf(table(catalogue, 'B.gpb_expenditure'), byCode('208')).name = '社会保障支出';
    expect(check(catalogue, 'GEN-T-05').status).toBe('fail');
  });

  it('GEN-S-01 a table without its unit', () => {
    const out = clone();
    table(out, 'B.admin_operating').unit = null;
    expect(check(out, 'GEN-S-01')).toMatchObject({ status: 'fail', refs: [expect.objectContaining({ table: 't11' })] });
  });

  it('GEN-S-02 an organisation named differently', () => {
    const out = clone();
    table(out, 'B.income').organization = '泽州县信访办';
    expect(check(out, 'GEN-S-02')).toMatchObject({ status: 'fail', actual: '泽州县信访办' });
    const again = clone();
    again.sections[0].paragraphs.push('泽州县信访管理局2024年度部门预算公开如下。');
    expect(check(again, 'GEN-S-02')).toMatchObject({ status: 'fail', actual: '泽州县信访管理局' });
  });

  it('GEN-S-03 a table of another year, a comparison with the wrong year', () => {
    const out = clone();
    table(out, 'B.income').title = '2023年预算收入总表';
    expect(check(out, 'GEN-S-03')).toMatchObject({ status: 'fail', expected: '2024', actual: '2023' });
    const again = clone();
    const s = again.sections.find((x) => x.paragraphs.some((p) => p.includes('比2023年')))!;
    s.paragraphs = s.paragraphs.map((p) => p.replace('比2023年', '比2022年'));
    expect(check(again, 'GEN-S-03')).toMatchObject({ status: 'fail', expected: '2023', actual: '2022' });
  });

  it('GEN-S-04 a 目录 table the body does not have', () => {
    expect(check(seed, 'GEN-S-04').status).toBe('pass');
    const out = clone();
    out.toc.find((e) => e.label === '表十一')!.title = '2024年机关运行经费预算表';
    expect(check(out, 'GEN-S-04').status).toBe('fail');
  });

  it('GEN-S-05 labels of one scheme, all tables, consecutive', () => {
    expect(check(seed, 'GEN-S-05').status).toBe('fail');
    const out = clone();
    out.tables.forEach((t, i) => (t.label = `预算公开表${i + 1}`));
    expect(check(out, 'GEN-S-05').status).toBe('pass');
    out.tables[4].label = '预算公开表7';
    expect(check(out, 'GEN-S-05').status).toBe('fail');
  });

  it('GEN-S-06 a required table missing', () => {
    const out = clone();
    out.tables = out.tables.filter((t) => t.kind !== 'B.soe');
    expect(check(out, 'GEN-S-06')).toMatchObject({ status: 'fail', refs: [{ text: '国有资本经营预算支出表' }] });
  });
});

describe('budget rules of structure-rules.ts on a changed seed', () => {
  it('BUD-T-10 财政拨款收支总表 out of balance', () => {
    const out = clone();
    rowOf(table(out, 'B.fiscal_summary'), byName('收入总计', 'income')).values.amount = '518.52';
    expect(check(out, 'BUD-T-10')).toMatchObject({ status: 'fail', expected: '518.25', actual: '518.52' });
    const again = clone();
    rowOf(table(again, 'B.fiscal_summary'), byName('八、社会保障和就业支出', 'expenditure')).values.gpb = '46.67';
    expect(check(again, 'BUD-T-10').status).toBe('fail');
  });

  it('BUD-T-14 an economic item paired with the wrong 政府 款', () => {
    expect(check(seed, 'BUD-T-14').status).toBe('pass');
    const out = clone();
    Object.assign(rowOf(table(out, 'B.gpb_basic_econ'), (r) => r.name === '基本工资'), { govName: '办公经费', govCode: '50201' });
    expect(check(out, 'BUD-T-14')).toMatchObject({ status: 'fail', actual: '50201' });
  });

  it('BUD-T-18 comparison columns that do not compute', () => {
    expect(check(seed, 'BUD-T-18').status).toBe('na');
    const out = clone();
    const t = table(out, 'B.gpb_expenditure');
    t.columns!.push(
      { key: 'prior', path: ['2023年执行数'], col: 5 },
      { key: 'change', path: ['比上年增减', '增减额'], col: 6 },
      { key: 'rate', path: ['比上年增减', '增减率(%)'], col: 7 },
    );
    const total = rowOf(t, (r) => r.level === 'total');
    Object.assign(total.values, { prior: '500.00', change: '18.25', rate: '3.65' });
    expect(check(out, 'BUD-T-18').status).toBe('pass');
    total.values.rate = '3.56';
    expect(check(out, 'BUD-T-18')).toMatchObject({ status: 'fail', expected: '3.65', actual: '3.56' });
    Object.assign(total.values, { rate: '3.65', change: '18.52' });
    expect(check(out, 'BUD-T-18')).toMatchObject({ status: 'fail', expected: '18.25', actual: '18.52' });
  });

  it('BUD-T-19 a fund table that does not add up, fund income ≠ fund spending', () => {
    expect(check(seed, 'BUD-T-19').status).toBe('na');
    const out = clone();
    const spend = table(out, 'B.gov_fund_expenditure');
    spend.empty = false;
    spend.rows = [
      { row: 1, level: 'total', name: '合计', values: { total: '10.00', basic: null, project: '10.00' } },
      { row: 2, code: '212', codeScheme: 'function', level: '类', name: '城乡社区支出', values: { total: '10.00', basic: null, project: '10.00' } },
    ];
    const income = table(out, 'B.gov_fund_income');
    income.empty = false;
    income.rows![0].values.amount = '10.00';
    expect(check(out, 'BUD-T-19').status).toBe('pass');
    income.rows![0].values.amount = '12.00';
    expect(check(out, 'BUD-T-19')).toMatchObject({ status: 'fail', actual: '12.00', expected: '10.00' });
    income.rows![0].values.amount = '10.00';
    spend.rows[1].values.project = '9.00';
    expect(check(out, 'BUD-T-19').status).toBe('fail');
  });

  it('BUD-X-06 财政拨款收支总表 income ≠ 收支总表', () => {
    const out = clone();
    rowOf(table(out, 'B.fiscal_summary'), byName('一、一般公共预算', 'income')).values.amount = '500.25';
    expect(check(out, 'BUD-X-06')).toMatchObject({ status: 'fail', expected: '518.25', actual: '500.25' });
  });

  it('BUD-X-07 财政拨款收支总表 一般公共预算 column ≠ 一般公共预算支出表', () => {
    const out = clone();
    rowOf(table(out, 'B.gpb_expenditure'), byCode('210')).values.total = '13.65';
    expect(check(out, 'BUD-X-07')).toMatchObject({ status: 'fail', expected: '13.65', actual: '13.56' });
  });

  it('BUD-X-11 一般公共预算支出表 ≠ 支出总表 in a department funded by 一般公共预算 alone', () => {
    const out = clone();
    rowOf(table(out, 'B.gpb_expenditure'), byCode('2014004')).values.project = '204.20';
    expect(check(out, 'BUD-X-11')).toMatchObject({ status: 'fail', expected: '240.20', actual: '204.20' });
    // with other money, 一般公共预算 may only be less
    const mixed = clone();
    rowOf(table(mixed, 'B.summary'), byName('五、单位资金', 'income')).values.amount = '10.00';
    rowOf(table(mixed, 'B.gpb_expenditure'), byCode('2014004')).values.total = '250.20';
    expect(check(mixed, 'BUD-X-11').status).toBe('fail');
    rowOf(table(mixed, 'B.gpb_expenditure'), byCode('2014004')).values.total = '230.20';
    expect(check(mixed, 'BUD-X-11').status).toBe('pass');
  });

  it('BUD-X-12 personnel correspondences (soft: hints, never fails)', () => {
    expect(check(seed, 'BUD-X-12')).toMatchObject({ status: 'hint', expected: '5.45', actual: '5.44' });
    const out = clone();
    rowOf(table(out, 'B.gpb_expenditure'), byCode('2101103')).values.basic = '5.44';
    expect(check(out, 'BUD-X-12').status).toBe('pass');
  });

  it('BUD-X-13 a basic-expense 公务接待费 above the 三公 公务接待费', () => {
    expect(check(seed, 'BUD-X-13').status).toBe('na');
    const out = clone();
    const econ = table(out, 'B.gpb_basic_econ');
    econ.rows!.push({ row: 33, code: '30217', codeScheme: 'economic_dept', level: '款', parent: '302', name: '公务接待费', values: { total: '1.00', personnel: null, public: '1.00' } });
    const three = table(out, 'B.three_public');
    three.empty = false;
    rowOf(three, byName('公务接待费')).values.total = '0.50';
    expect(check(out, 'BUD-X-13')).toMatchObject({ status: 'fail', expected: '≤0.50', actual: '1.00' });
    rowOf(three, byName('公务接待费')).values.total = '2.00';
    expect(check(out, 'BUD-X-13').status).toBe('pass');
  });

  it('BUD-X-18 fund money in the 财政拨款收支总表 that the fund tables do not show', () => {
    expect(check(seed, 'BUD-X-18').status).toBe('na');
    const out = clone();
    rowOf(table(out, 'B.fiscal_summary'), byName('二、政府性基金预算', 'income')).values.amount = '5.00';
    table(out, 'B.gov_fund_income').rows![0].values.amount = '5.00';
    expect(check(out, 'BUD-X-18').status).toBe('pass');
    table(out, 'B.gov_fund_income').rows![0].values.amount = null;
    expect(check(out, 'BUD-X-18')).toMatchObject({ status: 'fail', expected: '5.00', actual: '0' });
    const spending = clone();
    rowOf(table(spending, 'B.fiscal_summary'), byName('十二、城乡社区支出', 'expenditure')).values.gov_fund = '5.00';
    expect(check(spending, 'BUD-X-18').status).toBe('fail');
  });
});
