/**
 * Regional layouts of real disclosures in ../shared/corpus/real (the tests fail without it); every figure below was
 * read off the page (pdftotext -layout and the page image):
 * - 广州市水务局 2026: rules drawn as thin filled polygons with bevelled ends (page 7, 收支总体情况表);
 * - 深圳 unit budget: a table that repeats its title and header on each page (一般公共预算支出表（按功能分类）,
 *   pp. 38–40: 21206 建设市场管理与监督 430.07 stands on p. 39 under 212 城乡社区支出 of p. 38);
 * - 烟台市信访局 2026: split 类 | 款 | 项 columns that print only each row's own part (201 / 40 / 01);
 * - 北京 budget table book (beijing_0250): 预算表12 项目支出绩效目标表 as one list of 228 projects over pp. 35–171
 *   (228 distinct project codes in pdftotext), rows split by page breaks with their cell text clipped on both
 *   pages (page images of pp. 35 and 128: 北昆演出创排's first two indicator rows stand at the foot of p. 35,
 *   its name and amounts on p. 36; 齐白石的艺术世界巡展 prints 65.160000 as 项目总额 and 其他资金, none as 财政资金).
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

  it('Beijing: a 项目支出绩效目标表 listing every project gives one perf.project form per project, over page breaks', async () => {
    const out = await extract(real('beijing_0250_2026_budget-tables.pdf'));
    const forms = out.forms.filter((f) => f.kind === 'perf.project');
    // 228 projects; a few blocks whose name the generator cut at a page break may stand apart
    expect(forms.length).toBeGreaterThanOrEqual(226);
    expect(forms.length).toBeLessThanOrEqual(234);
    expect(forms.filter((f) => f.projectName && f.funds.annual.total).length).toBeGreaterThanOrEqual(226);
    // no project table left behind as generic continuation pages
    expect(out.tables.filter((t) => t.kind === 'generic' && t.pages.some((p) => p >= 35 && p <= 171)).map((t) => t.pages)).toEqual([]);
    const project = (name: string) => forms.find((f) => f.projectName === name)!;
    expect(project('北昆乐器购置及配件')).toMatchObject({
      funds: { unit: '万元', annual: { total: '39.500000', fiscal: '39.500000', other: null } },
      other: [{ label: '项目代码', value: '11000022T000000434658' }],
    });
    expect(project('北昆乐器购置及配件').indicators).toHaveLength(10);
    expect(project('北昆乐器购置及配件').indicators[0]).toMatchObject({ level1: '产出指标', level2: '时效指标', level3: '物品采购完成时间', op: '≤', number: '10', unit: '月' });
    // split by the break after p. 35: rows of both pages, name and amounts from p. 36, the goal once
    const split = project('北昆演出创排');
    expect(split.funds.annual).toMatchObject({ total: '3706.162172', fiscal: '3261.162172', other: '445.000000' });
    expect(split.indicators.slice(0, 2).map((i) => [i.level3, i.valueRaw])).toEqual([['观众满意度', '≥85%'], ['创排及复排剧目开始时间', '≤3月']]);
    expect(split.goals.annual!.match(/北方昆曲剧院以人民美好生活/g)).toHaveLength(1);
    expect(project('齐白石的艺术世界巡展及相关活动').funds.annual).toMatchObject({ total: '65.160000', fiscal: null, other: '65.160000' });
  }, 120_000);
});
