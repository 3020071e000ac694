import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../src/pipeline.js';
import { OutputSchema, type Output } from '../src/model/output.js';
import { SEED } from './helpers.js';

/** The 13 tables of the seed with their canonical kinds (BRIEF.md §1.3), read off the seed by hand. */
const SEED_TABLES: [title: string, kind: string, empty: boolean][] = [
  ['2024年预算收支总表', 'B.summary', false],
  ['2024年预算收入总表', 'B.income', false],
  ['2024年预算支出总表', 'B.expenditure', false],
  ['2024年财政拨款收支总表', 'B.fiscal_summary', false],
  ['2024年一般公共预算支出预算表（不含上年结转）', 'B.gpb_expenditure', false],
  ['2024年一般公共预算安排基本支出分经济科目表（不含上年结转）', 'B.gpb_basic_econ', false],
  ['2024年政府性基金预算收入表（不含上年结转）', 'B.gov_fund_income', true],
  ['2024年政府性基金预算支出表（不含上年结转）', 'B.gov_fund_expenditure', true],
  ['2024年国有资本经营预算收支预算表（不含上年结转）', 'B.soe', true],
  ['2024年财政拨款安排“三公”经费支出预算表', 'B.three_public', true],
  ['2024年财政拨款安排机关运行经费预算表', 'B.admin_operating', false],
  ['2024年项目支出预算表（本年预算）', 'B.projects', false],
  ['2024年项目支出预算表（上年结转）', 'B.projects', true],
];

const seedText = readFileSync(SEED, 'utf8');

/**
 * Independent of the extractor: the tab-separated lines printed under a title line in the seed, up to the
 * next line of plain text other than the 部门名称/单位 lines.
 */
function seedTableLines(title: string): string[][] {
  const lines = seedText.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === title);
  expect(start, title).toBeGreaterThan(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.trim() || /^(部门名称|单位)：/.test(line)) continue;
    if (!line.includes('\t')) break;
    rows.push(line.split('\t'));
  }
  return rows;
}

const DECIMAL = /^\d+\.\d{2}$/;

function countBy(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

describe('the seed disclosure end to end', () => {
  let out: Output;
  beforeAll(async () => {
    out = await extract(SEED);
  });

  it('passes the output schema', () => {
    expect(() => OutputSchema.parse(out)).not.toThrow();
  });

  it('reads the document metadata from the cover', () => {
    expect(out.document).toEqual({ family: 'budget', scope: 'department', organization: '泽州县信访局', year: 2024, title: '泽州县信访局 2024年度部门预算公开' });
  });

  it('finds the 13 tables with their kinds, units, empties and notes', () => {
    expect(out.tables.map((t) => [t.title, t.kind, t.empty])).toEqual(SEED_TABLES);
    expect(out.tables.every((t) => t.unit === '万元')).toBe(true);
    for (const t of out.tables.filter((t) => t.empty)) expect(t.note).toBe('注：本表无数据');
    expect(out.tables.filter((t) => t.note).length).toBe(5);
    expect(out.tables.map((t) => t.qualifier ?? null)).toEqual([
      null, null, null, null, '不含上年结转', '不含上年结转', '不含上年结转', '不含上年结转', '不含上年结转', null, null, '本年预算', '上年结转',
    ]);
    expect(out.tables.map((t) => t.label ?? null)).toEqual([
      '预算公开表1', null, null, null, null, null, null, null, '部门公开表9', '预算公开表10', null, null, null,
    ]);
  });

  it('types every one of the 245 printed amounts exactly once, in the table that prints it', () => {
    let total = 0;
    for (const [title] of SEED_TABLES) {
      const printed = seedTableLines(title).flat().map((f) => f.trim()).filter((f) => DECIMAL.test(f));
      total += printed.length;
      const table = out.tables.find((t) => t.title === title)!;
      const typed = (table.rows ?? []).flatMap((r) => Object.values(r.values)).filter((v): v is string => v !== null);
      expect(countBy(typed), title).toEqual(countBy(printed));
    }
    expect(total).toBe(245);
  });

  it('keeps every printed field of the seed tables as a cell at its position', () => {
    for (const [title] of SEED_TABLES) {
      const rows = seedTableLines(title);
      const table = out.tables.find((t) => t.title === title)!;
      for (const [r, fields] of rows.entries()) {
        fields.forEach((text, c) => {
          if (!text.trim()) return;
          const cell = table.cells.find((x) => x.row === r && x.col === c);
          expect(cell?.text, `${title} ${r},${c}`).toBe(text.trim());
        });
      }
    }
  });

  it('gives function codes their level and parent', () => {
    const income = out.tables.find((t) => t.kind === 'B.income')!;
    const byCode = new Map(income.rows!.map((r) => [r.code, r]));
    expect(byCode.get('201')).toMatchObject({ level: '类', name: '一般公共服务支出', values: { total: '432.76', gpb: '432.76', carry_over: null } });
    expect(byCode.get('20140')).toMatchObject({ level: '款', parent: '201' });
    expect(byCode.get('2014004')).toMatchObject({ level: '项', parent: '20140', name: '信访业务', values: { total: '240.20' } });
    expect(income.rows![0]).toMatchObject({ level: 'total', name: '合计', values: { total: '518.25' } });
    expect(income.rows!.filter((r) => r.level === '项').length).toBe(11);
  });

  it('types both panels of the two-panel tables', () => {
    const summary = out.tables.find((t) => t.kind === 'B.summary')!;
    const income = summary.rows!.filter((r) => r.panel === 'income');
    const spending = summary.rows!.filter((r) => r.panel === 'expenditure');
    expect(income.map((r) => r.name)).toEqual(['一、一般公共预算', '二、政府性基金预算', '三、国有资本经营预算', '四、财政专户管理资金', '五、单位资金', '本年收入合计', '上年结转', '收入总计']);
    expect(spending.filter((r) => r.level === '类').length).toBe(30);
    expect(spending.find((r) => r.code === '221')).toMatchObject({ name: '二十、住房保障支出', values: { total: '22.26', current: '22.26', carry_over: null } });
    expect(spending.find((r) => r.name === '支出总计')).toMatchObject({ level: 'total', values: { total: '518.25', current: '518.25', carry_over: null } });

    const fiscal = out.tables.find((t) => t.kind === 'B.fiscal_summary')!;
    expect(fiscal.columns!.find((c) => c.key === 'gpb')?.path).toEqual(['支出', '金额', '一般公共预算']);
    const carried = fiscal.rows!.filter((r) => r.parent === '上年财政拨款结转');
    expect(carried.map((r) => r.name)).toEqual(['一、一般公共预算', '二、政府性基金预算', '三、国有资本经营预算']);
  });

  it('names economic items in both classifications', () => {
    const econ = out.tables.find((t) => t.kind === 'B.gpb_basic_econ')!;
    const pension = econ.rows!.filter((r) => r.name === '机关事业单位基本养老保险缴费');
    expect(pension.map((r) => [r.code, r.govName, r.govCode, r.values.total])).toEqual([
      ['30108', '社会保障缴费', '50102', '7.70'],
      ['30108', '工资福利支出', '50501', '15.21'],
    ]);
    expect(econ.rows!.filter((r) => r.level === '类').map((r) => r.code)).toEqual(['301', '302', '303', '310']);
  });

  it('types the project rows of the project table', () => {
    const projects = out.tables.find((t) => t.kind === 'B.projects' && t.qualifier === '本年预算')!;
    expect(projects.rows!.map((r) => r.level)).toEqual(['department', 'unit', 'project', 'project', 'project', 'project', 'project', 'project']);
    expect(projects.rows!.find((r) => r.name === '农校遗留问题经费')?.values.total).toBe('9.10');
  });

  it('reads the table of contents and the narrative sections', () => {
    expect(out.toc.filter((e) => e.label?.startsWith('表')).length).toBe(13);
    expect(out.toc.find((e) => e.label === '表十三')).toEqual({ label: '表十三', title: '2024年项目支出预算表（上年结转）', page: 15 });
    const s8 = out.sections.find((s) => s.title === '机关运行经费增减变动原因说明')!;
    expect(s8.paragraphs[0]).toContain('下降1.79%');
  });

  it('is deterministic', async () => {
    expect(JSON.stringify(await extract(SEED))).toBe(JSON.stringify(out));
  });
});
