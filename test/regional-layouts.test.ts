/**
 * Regional layouts of real disclosures in ../shared/corpus/real (the tests fail without it); every figure below was
 * read off the page (pdftotext -layout and the page image):
 * - 广州市水务局 2026: rules drawn as thin filled polygons with bevelled ends (page 7, 收支总体情况表);
 * - 深圳 unit budget: a table that repeats its title and header on each page (一般公共预算支出表（按功能分类）,
 *   pp. 38–40: 21206 建设市场管理与监督 430.07 stands on p. 39 under 212 城乡社区支出 of p. 38);
 * - 烟台市信访局 2026: split 类 | 款 | 项 columns that print only each row's own part (201 / 40 / 01).
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../src/pipeline.js';
import { sharedPath } from './helpers.js';

const real = (name: string) => sharedPath(`corpus/real/renwu-cities/${name}`);

describe('regional layouts', () => {
  it('Guangzhou: bevelled rules make ruled tables, all nine standard tables found', async () => {
    const out = await extract(real('guangzhou_0118_2026_dept-budget.pdf'));
    const kinds = new Set(out.tables.map((t) => t.kind));
    for (const k of ['B.summary', 'B.income', 'B.expenditure', 'B.fiscal_summary', 'B.gpb_expenditure', 'B.gpb_basic_econ', 'B.three_public', 'B.gov_fund_expenditure', 'B.soe']) expect(kinds).toContain(k);
    const summary = out.tables.find((t) => t.kind === 'B.summary')!;
    expect(summary.rows).toContainEqual(expect.objectContaining({ name: '一、预算拨款', values: { amount: '300185.19' } }));
    expect(summary.rows).toContainEqual(expect.objectContaining({ code: '212', values: expect.objectContaining({ amount: '250223.44' }) }));
  }, 60_000);

  it('Shenzhen: a table repeating title and header on each page is one table', async () => {
    const out = await extract(real('shenzhen_0058_2026_unit-budget.pdf'));
    const gpb = out.tables.filter((t) => t.kind === 'B.gpb_expenditure');
    expect(gpb).toHaveLength(1);
    expect(gpb[0].pages).toEqual([38, 39, 40]);
    expect(gpb[0].rows).toContainEqual(expect.objectContaining({ code: '21206', parent: '212', values: expect.objectContaining({ project: '430.07' }) }));
    expect(out.checks.find((c) => c.rule === 'GEN-T-01')?.status).not.toBe('fail');
  }, 60_000);

  it('Yantai: split code columns printing only their own part give full codes', async () => {
    const out = await extract(real('yantai_0198_2026_dept-budget.pdf'));
    const income = out.tables.find((t) => t.kind === 'B.income')!;
    expect(income.rows).toContainEqual(expect.objectContaining({ code: '20140', level: '款', parent: '201', name: '信访事务' }));
    expect(income.rows).toContainEqual(expect.objectContaining({ code: '2014001', level: '项', parent: '20140', name: '行政运行', values: expect.objectContaining({ total: '507.97' }) }));
    expect(income.rows).toContainEqual(expect.objectContaining({ code: '2080599', name: '其他行政事业单位养老支出' }));
  }, 60_000);
});
