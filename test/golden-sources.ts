/**
 * Where the values of each golden come from. A golden is the tool's own output, written by
 * `extract verify --update`; it is only worth comparing against when something independent vouches for it:
 *
 * - `truth`: the hand-verified typed tables of ../shared/truth/<file> (two extractions reconciled cell by
 *   cell, identities evaluated, page images viewed — see its README); test/real-pdfs.test.ts scores the
 *   golden against it.
 * - `seed`: the seed text itself (corpus/seed-zezhou-xinfangju-2024-budget.txt): the text golden's amounts are
 *   the amounts printed in the seed tables (test/golden.test.ts), the PDF golden's rows those of the text golden
 *   (test/real-pdfs.test.ts).
 * - `identities+pages`: no truth file; the golden's accounting identities hold but for the document's own
 *   errors, recorded in test/real-pdfs.test.ts, and a handful of figures read off the page with
 *   `pdftotext -layout -f N -l N corpus/<file> -` — recorded below as printed, never copied from the golden.
 */
import type { Output } from '../src/model/output.js';

export interface PageFigure {
  /** canonical kind of the table the figure is printed in */
  kind: string;
  /** page of the PDF (1-based) */
  page: number;
  /** side-by-side panel of the row, where the table has two lists */
  panel?: 'income' | 'expenditure' | 'personnel' | 'public';
  /** the row: its classification code (类/款/项 joined) and name as printed, its name alone, or the single data row of the table */
  row: { code: string; name: string } | { name: string } | 'single row';
  /** the column's header as printed, outer to inner parts joined by / (the end of the column's header path) */
  column: string;
  /** the figure as printed */
  value: string;
}

export type GoldenSource = { source: 'truth'; truth: string } | { source: 'seed' } | { source: 'identities+pages'; figures: PageFigure[] };

/** golden/<corpus file>.json → its evidence */
export const GOLDEN_SOURCES: Record<string, GoldenSource> = {
  'seed-zezhou-xinfangju-2024-budget.txt': { source: 'seed' },
  'seed-zezhou-xinfangju-2024-budget.pdf': { source: 'seed' },

  'sh-putuo-caizhengju-2024-final.pdf': { source: 'truth', truth: 'sh-putuo-caizhengju-2024-final.json' },
  'sh-putuo-shegongbu-2024-final.pdf': { source: 'truth', truth: 'sh-putuo-shegongbu-2024-final.json' },
  'sh_putuo_gov_jiedao_25_y_budget.pdf': { source: 'truth', truth: 'sh_putuo_gov_jiedao_25_y_budget.json' },
  'hangzhou_0133_2026_dept-budget.pdf': { source: 'truth', truth: 'hangzhou_0133_2026_dept-budget.json' },
  'beijing_0250_2026_budget-tables.pdf': { source: 'truth', truth: 'beijing_0250_2026_budget-tables.json' },
  'shanghai_0001_2026_unit-budget.pdf': { source: 'truth', truth: 'shanghai_0001_2026_unit-budget.json' },
  'js_rdbgt_js_rdbgt_2019_y_dept_ysgk-table.pdf': { source: 'truth', truth: 'js_rdbgt_2019_dept_ysgk-table.json' },
  'wuhan-nat_0134_2026_dept-budget.pdf': { source: 'truth', truth: 'wuhan-nat_0134_2026_dept-budget.json' },

  // 预算01–10表 of a Beijing department (万元, six decimals)
  'beijing_0249_2026_budget-tables.pdf': {
    source: 'identities+pages',
    figures: [
      { kind: 'B.summary', page: 1, panel: 'income', row: { name: '一、一般公共预算拨款收入' }, column: '预算数', value: '5,131.706333' },
      { kind: 'B.gpb_expenditure', page: 5, row: { code: '2130201', name: '行政运行' }, column: '基本支出/人员经费', value: '865.117476' },
      { kind: 'B.gpb_expenditure', page: 5, row: { name: '合计' }, column: '项目支出/项目支出总数', value: '4,183.649200' },
      { kind: 'B.three_public', page: 9, row: 'single row', column: '公务用车购置及运行维护费/公务用车购置费', value: '18.690000' },
    ],
  },
  // 上海市普陀区人民政府万里街道办事处 2023 部门预算 (元; the 三公 table in 万元)
  '1770007475548-818404804.pdf': {
    source: 'identities+pages',
    figures: [
      { kind: 'B.summary', page: 10, panel: 'income', row: { name: '一、财政拨款收入' }, column: '预算数', value: '164,978,640' },
      { kind: 'B.summary', page: 10, panel: 'expenditure', row: { name: '七、城乡社区支出' }, column: '预算数', value: '121,319,878' },
      { kind: 'B.fiscal_summary', page: 19, panel: 'expenditure', row: { name: '五、社会保障和就业支出' }, column: '一般公共预算', value: '27,073,236' },
      { kind: 'B.gpb_expenditure', page: 20, row: { code: '20105', name: '统计信息事务' }, column: '项目支出', value: '627,600' },
      { kind: 'B.three_public', page: 28, row: 'single row', column: '2023年机关运行经费预算数', value: '786.09' },
    ],
  },
  // 上海市普陀区规划和自然资源局 2024 部门决算 (万元)
  'sh-putuo-guihuaziyuan-2024-final.pdf': {
    source: 'identities+pages',
    figures: [
      { kind: 'F.summary', page: 7, panel: 'income', row: { name: '一、一般公共预算财政拨款收入' }, column: '决算数', value: '9746.50' },
      { kind: 'F.summary', page: 7, panel: 'expenditure', row: { name: '十八、自然资源海洋气象等支出' }, column: '决算数', value: '4461.67' },
      { kind: 'F.expenditure', page: 10, row: { code: '2080505', name: '机关事业单位基本养老保险缴费支出' }, column: '基本支出', value: '446.11' },
      { kind: 'F.gpb_basic_econ', page: 16, row: { code: '30107', name: '绩效工资' }, column: '决算数', value: '1594.02' },
      { kind: 'F.three_public', page: 17, row: 'single row', column: '公务接待费/决算数', value: '0.39' },
    ],
  },
  // 上海市财政局 2025 预算单位预算 (元; the 三公 table in 万元)
  'sh_czj_25_y_budget.pdf': {
    source: 'identities+pages',
    figures: [
      { kind: 'B.summary', page: 7, panel: 'expenditure', row: { name: '二、社会保障和就业支出' }, column: '基本支出/人员经费', value: '15,714,000' },
      { kind: 'B.expenditure', page: 10, row: { code: '2010601', name: '行政运行' }, column: '基本支出', value: '84,861,719' },
      { kind: 'B.expenditure', page: 10, row: { code: '2010605', name: '财政国库业务' }, column: '项目支出', value: '14,111,000' },
      { kind: 'B.gpb_basic_econ', page: 17, row: { code: '30102', name: '津贴补贴' }, column: '人员经费', value: '57,583,760' },
      { kind: 'B.three_public', page: 20, row: 'single row', column: '机关运行经费预算数', value: '2,517.78' },
    ],
  },
  // 上海市医疗保险事业管理中心 2026 单位预算 (元; the 三公 table in 万元)
  'shanghai_0006_2026_unit-budget.pdf': {
    source: 'identities+pages',
    figures: [
      { kind: 'B.summary', page: 7, panel: 'expenditure', row: { name: '二、卫生健康支出' }, column: '项目支出', value: '134,400,000' },
      { kind: 'B.expenditure', page: 10, row: { code: '2101504', name: '信息化建设' }, column: '项目支出', value: '70,486,801' },
      { kind: 'B.fiscal_summary', page: 12, panel: 'expenditure', row: { name: '三、住房保障支出' }, column: '一般公共预算', value: '10,505,628' },
      { kind: 'B.gpb_basic_econ', page: 17, row: { code: '30103', name: '奖金' }, column: '人员经费', value: '12,129,931' },
      { kind: 'B.three_public', page: 19, row: 'single row', column: '因公出国(境)费', value: '20.00' },
    ],
  },
};

const fold = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '').replace(/[“”"']/g, '');
const bare = (s: string | null | undefined) => fold(s).replace(/^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十0-9]+\)|[0-9]+[.、])/, '');
const headerParts = (h: string) => h.split('/').map(fold).filter(Boolean);

/** The golden's value of a figure read off the page, or why there is none. */
export function figureInGolden(out: Output, f: PageFigure): { value: string | null } | { missing: string } {
  const tables = out.tables.filter((t) => t.kind === f.kind && t.pages.includes(f.page));
  if (!tables.length) return { missing: `no ${f.kind} table on page ${f.page}` };
  const rows = tables.flatMap((table) => (table.rows ?? []).filter((r) => !f.panel || r.panel === f.panel).map((row) => ({ table, row })));
  const hits =
    f.row === 'single row'
      ? rows.filter(({ row }) => Object.values(row.values).some((v) => v !== null))
      : 'code' in f.row
        ? rows.filter(({ row }) => row.code === (f.row as { code: string }).code)
        : rows.filter(({ row }) => bare(row.name) === bare((f.row as { name: string }).name));
  if (hits.length !== 1) return { missing: `${hits.length} rows answer ${JSON.stringify(f.row)}` };
  const { table, row } = hits[0];
  const want = headerParts(f.column);
  const keys = new Set(
    (table.columns ?? [])
      .filter((c) => !c.panel || !row.panel || c.panel === row.panel)
      .filter((c) => {
        const path = c.path.map(fold).filter(Boolean);
        return path.length >= want.length && want.every((p, i) => path[path.length - want.length + i] === p);
      })
      .map((c) => c.key),
  );
  if (keys.size !== 1) return { missing: `${keys.size} columns end with ${f.column}` };
  const [key] = keys;
  return key in row.values ? { value: row.values[key] } : { missing: `row has no value under ${key}` };
}
