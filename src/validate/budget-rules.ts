import type { Output } from '../model/output.js';
import type { ProjectForm, DeptForm } from '../model/form.js';
import { compact } from '../util/text.js';
import type { Instance } from './evaluators.js';
import { columnSums } from './evaluators.js';
import { bareName, copy, fig, named, row, sum, tableOf, totalRow } from './lookup.js';
import { dec } from './tolerance.js';

export type DocumentEvaluator = (out: Output) => (Instance | null)[];

const summary = (out: Output) => tableOf(out, 'B.summary');
const INCOME_SUBTOTAL = named(/^本年收入合计$/, 'income');
const SPENDING_SUBTOTAL = named(/^本年支出合计$/, 'expenditure');

/** BUD-T-01 本年收入合计 = Σ income items above it */
export const summaryIncome: DocumentEvaluator = (out) => {
  const t = summary(out);
  const sub = row(t, INCOME_SUBTOTAL);
  if (!t || !sub) return [];
  // 其中：… lines are parts of the line above, not further income
  const items = (t.rows ?? []).filter((r) => r.panel === 'income' && r.row < sub.row && r.level === 'item' && !r.parent && !/^其中/.test(compact(r.name)));
  // 一、财政拨款 followed by its own 一般公共预算 / 1.… lines: only the numbered top items add up
  const top = items.filter((r) => /^[一二三四五六七八九十]+、/.test(compact(r.name)));
  return [sum(fig(t, sub, 'amount'), (top.length ? top : items).map((r) => fig(t, r, 'amount')), '本年收入合计 = Σ income items')];
};

/** BUD-T-02 本年支出合计 = Σ 类, per column */
export const summarySpending: DocumentEvaluator = (out) => {
  const t = summary(out);
  const sub = row(t, SPENDING_SUBTOTAL);
  if (!t || !sub) return [];
  const classes = (t.rows ?? []).filter((r) => r.panel === 'expenditure' && r.level === '类');
  return Object.keys(sub.values).map((col) => sum(fig(t, sub, col), classes.map((r) => fig(t, r, col)), '本年支出合计 = Σ类'));
};

/** BUD-T-03 收入总计 = 本年收入合计 + 上年结转 (+ 用事业基金弥补收支差额) */
export const summaryIncomeTotal: DocumentEvaluator = (out) => {
  const t = summary(out);
  const parts = [
    row(t, INCOME_SUBTOTAL),
    row(t, named(/^上年结转(结余)?$/, 'income')),
    row(t, named(/^用事业基金弥补收支差额$/, 'income')),
    row(t, named(/^使用非财政拨款结余/, 'income')),
  ];
  return [sum(fig(t, row(t, named(/^收入(总计|合计)$/, 'income')), 'amount'), parts.map((r) => fig(t, r, 'amount')), '收入总计 = 本年收入合计 + 上年结转')];
};

/** BUD-T-04 支出总计 = 本年支出合计 + 年终结转 */
export const summarySpendingTotal: DocumentEvaluator = (out) => {
  const t = summary(out);
  const parts = [row(t, SPENDING_SUBTOTAL), row(t, named(/^(年终结转|结转下年)$/, 'expenditure'))];
  return [sum(fig(t, row(t, named(/^支出总计$/, 'expenditure')), 'total'), parts.map((r) => fig(t, r, 'total')), '支出总计 = 本年支出合计 + 年终结转')];
};

/** BUD-T-05 收入总计 = 支出总计 */
export const summaryBalance: DocumentEvaluator = (out) => {
  const t = summary(out);
  return [copy(fig(t, row(t, named(/^收入总计$/, 'income')), 'amount'), fig(t, row(t, named(/^支出总计$/, 'expenditure')), 'total'), '收入总计 = 支出总计')];
};

const econ = (out: Output) => tableOf(out, 'B.gpb_basic_econ');
const classRows = (out: Output, codes: string[]) => (econ(out)?.rows ?? []).filter((r) => r.level === '类' && r.code && codes.includes(r.code));

const PERSONNEL = ['301', '303'];
const PUBLIC = ['302', '307', '310', '399'];

/** Rows whose amounts sit in the other column than their class says (some regions book 303 items as 公用). */
function mixedRows(out: Output) {
  const classOf = (code?: string) => code?.slice(0, 3) ?? '';
  return (econ(out)?.rows ?? []).filter(
    (r) => (PERSONNEL.includes(classOf(r.code)) && !dec(r.values.public).isZero()) || (PUBLIC.includes(classOf(r.code)) && !dec(r.values.personnel).isZero()),
  );
}

/**
 * BUD-T-12 人员经费 = 301 + 303; 公用经费 = 302 + 307 + 310 + 399. Where the document books items of a class
 * in the other column (BUD-T-13 says so), the classes are summed column by column instead.
 */
export const personnelAndPublic: DocumentEvaluator = (out) => {
  const t = econ(out);
  const total = row(t, totalRow());
  const byColumn = mixedRows(out).length > 0;
  return [
    sum(fig(t, total, 'personnel'), classRows(out, PERSONNEL.concat(byColumn ? PUBLIC : [])).map((r) => fig(t, r, byColumn ? 'personnel' : 'total')), '人员经费 = 301 + 303'),
    sum(fig(t, total, 'public'), classRows(out, PUBLIC.concat(byColumn ? PERSONNEL : [])).map((r) => fig(t, r, byColumn ? 'public' : 'total')), '公用经费 = 302 + 307 + 310 + 399'),
  ];
};

/**
 * BUD-T-13 人员经费 only on 301/303 rows, 公用经费 only on 302/307/310/399 rows. Regional practice differs
 * (Zhejiang books some 303 items as 公用经费), so a breach is a warning, not an error.
 */
export const columnDiscipline: DocumentEvaluator = (out) => {
  const t = econ(out);
  if (!t?.rows?.length) return [];
  const wrong = mixedRows(out);
  return [{ status: wrong.length ? 'warn' : 'pass', message: `人员/公用经费 in their classes only: ${wrong.length} rows off${wrong.length ? ` (${wrong.map((r) => r.name).join('、')})` : ''}`, refs: wrong.map((r) => ({ table: t.id, row: r.row, text: r.name })) }];
};

/** BUD-T-15 三公: 合计 = 出国 + 接待 + 公务用车; 公务用车 = 购置 + 运维; per row 合计 = Σ funds */
export const threePublic: DocumentEvaluator = (out) => {
  const t = tableOf(out, 'B.three_public');
  if (!t?.rows?.length) return [];
  const total = row(t, totalRow());
  const items = (t.rows ?? []).filter((r) => r.level === 'item' && !r.parent);
  const car = row(t, named(/^公务用车购置及运行/));
  const carParts = (t.rows ?? []).filter((r) => car && r.parent === car.name);
  const cols = Object.keys(total?.values ?? {});
  return [
    ...cols.map((c) => sum(fig(t, total, c), items.map((r) => fig(t, r, c)), '合计 = 出国 + 接待 + 公务用车')),
    ...cols.map((c) => sum(fig(t, car, c), carParts.map((r) => fig(t, r, c)), '公务用车购置及运行费 = 购置 + 运维')),
    ...columnSums(t),
  ];
};

/**
 * BUD-X-01 收支总表 本年收入合计 = 收入总表 合计. Where the 收入总表 prints 上年结转(结余) as a column of its own
 * beside a top-level 合计 (the central layout), that 合计 includes it: 本年收入合计 + 上年结转 = 合计.
 */
export const incomeTotals: DocumentEvaluator = (out) => {
  const income = tableOf(out, 'B.income');
  const incomeTotal = row(income, totalRow());
  const subtotal = fig(summary(out), row(summary(out), INCOME_SUBTOTAL), 'amount');
  const columns = income?.columns ?? [];
  const topLevel = (key: string) => columns.some((c) => c.key === key && c.path.length === 1);
  if (topLevel('total') && topLevel('carry_over')) {
    return [sum(fig(income, incomeTotal, 'total'), [subtotal, fig(income, incomeTotal, 'carry_over')], '收入总表 合计 = 收支总表 本年收入合计 + 上年结转')];
  }
  return [copy(subtotal, fig(income, incomeTotal, 'total'), '收支总表 本年收入合计 = 收入总表 合计')];
};

/** BUD-X-02 收支总表 本年支出合计 = 支出总表 合计 */
export const spendingTotals: DocumentEvaluator = (out) => {
  const spending = tableOf(out, 'B.expenditure');
  return [copy(fig(summary(out), row(summary(out), SPENDING_SUBTOTAL), 'total'), fig(spending, row(spending, totalRow()), 'total'), '收支总表 本年支出合计 = 支出总表 合计')];
};

/** BUD-X-03 收支总表 类 rows = 支出总表 类 rows */
export const classesAgree: DocumentEvaluator = (out) => {
  const t = summary(out);
  const spending = tableOf(out, 'B.expenditure');
  return (t?.rows ?? [])
    .filter((r) => r.panel === 'expenditure' && r.level === '类' && r.values.total != null)
    .map((r) => copy(fig(t, r, 'total'), fig(spending, row(spending, (x) => x.code === r.code), 'total'), `类 ${r.code}`));
};

const SOURCES: [RegExp, string][] = [[/^一般公共预算/, 'gpb'], [/^政府性基金/, 'gov_fund'], [/^国有资本经营/, 'soe'], [/^财政专户/, 'special_account'], [/^单位资金/, 'unit_funds']];

/** BUD-X-04 收支总表 income by source = 收入总表 合计 row */
export const sourcesAgree: DocumentEvaluator = (out) => {
  const t = summary(out);
  const income = tableOf(out, 'B.income');
  const incomeTotal = row(income, totalRow());
  const items = (t?.rows ?? []).filter((r) => r.panel === 'income' && r.level === 'item' && !r.parent);
  return items.map((r) => {
    const key = SOURCES.find(([re]) => re.test(bareName(r.name)))?.[1];
    return key ? copy(fig(t, r, 'amount'), fig(income, incomeTotal, key), `source ${bareName(r.name)}`) : null;
  });
};

/** BUD-X-05 function-coded 收入总表 = 支出总表 code by code */
export const incomeMatchesSpending: DocumentEvaluator = (out) => {
  const income = tableOf(out, 'B.income');
  const spending = tableOf(out, 'B.expenditure');
  return (income?.rows ?? []).filter((r) => r.code).map((r) => {
    const s = row(spending, (x) => x.code === r.code);
    if (!s) return null;
    const parts = [fig(income, r, 'total'), r.values.carry_over !== undefined ? fig(income, r, 'carry_over') : null];
    return sum(fig(spending, s, 'total'), parts, `code ${r.code}`);
  });
};

/** BUD-X-08 一般公共预算支出表 基本支出 = 基本支出表 合计 (and Σ类 within tolerance) */
export const basicAgrees: DocumentEvaluator = (out) => {
  const gpb = tableOf(out, 'B.gpb_expenditure');
  const e = econ(out);
  const econTotal = fig(e, row(e, totalRow()), 'total');
  const classes = (gpb?.rows ?? []).filter((r) => r.level === '类').map((r) => fig(gpb, r, 'basic'));
  return [copy(fig(gpb, row(gpb, totalRow()), 'basic'), econTotal, '一般公共预算支出表 基本支出 = 基本支出表 合计'), sum(econTotal, classes, '基本支出表 合计 = Σ类 基本支出')];
};

/** BUD-X-09 机关运行经费 = 基本支出表 公用经费 (all units 行政/参公) or below it */
export const adminOperating: DocumentEvaluator = (out) => {
  const admin = tableOf(out, 'B.admin_operating');
  const e = econ(out);
  const a = fig(admin, row(admin, totalRow()), 'total');
  const p = fig(e, row(e, totalRow()), 'public');
  if (!a || !p) return [];
  const diff = dec(a.row.values[a.col]).minus(dec(p.row.values[p.col]));
  if (diff.gt(0)) return [{ status: 'fail', message: `机关运行经费 ${a.row.values[a.col]} exceeds 公用经费 ${p.row.values[p.col]}`, refs: [] }];
  return [copy(a, p, '机关运行经费 = 公用经费') ?? null].map((i) => (i && i.status !== 'pass' && diff.lt(0) ? { ...i, status: 'pass' as const, message: `${i.message} (below: not all units 行政/参公)` } : i));
};

/** BUD-X-10 支出总表 项目支出 = 项目支出表 (本年 + 上年结转) */
export const projectsAgree: DocumentEvaluator = (out) => {
  const spending = tableOf(out, 'B.expenditure');
  const parts = out.tables
    .filter((t) => t.kind === 'B.projects')
    .map((t) => fig(t, row(t, (r) => r.level === 'department') ?? row(t, totalRow()), 'total'));
  return [sum(fig(spending, row(spending, totalRow()), 'project'), parts, '支出总表 项目支出 = 项目支出表')];
};

const projectRows = (out: Output) => out.tables.filter((t) => t.kind === 'B.projects').flatMap((t) => (t.rows ?? []).filter((r) => r.level === 'project').map((r) => ({ t, r })));
const projectForms = (out: Output) => out.forms.filter((f): f is ProjectForm => f.kind === 'perf.project');

/** names that differ in at most two characters at the same places (中央及市级 / 中央及省级) */
function nearlySame(a: string, b: string): boolean {
  const [x, y] = [compact(a), compact(b)];
  if (x.length !== y.length) return false;
  let d = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) d++;
  return d <= 2;
}

/** BUD-X-14 project names: 项目支出表 = 项目绩效目标表 */
export const projectNames: DocumentEvaluator = (out) => {
  const forms = projectForms(out);
  if (!forms.length || !projectRows(out).length) return [];
  const table = new Set(projectRows(out).map(({ r }) => compact(r.name)));
  const formNames = new Set(forms.map((f) => compact(f.projectName)));
  const onlyTable = [...table].filter((n) => !formNames.has(n));
  const onlyForms = [...formNames].filter((n) => !table.has(n));
  const ok = !onlyTable.length && !onlyForms.length;
  return [{ status: ok ? 'pass' : 'fail', message: ok ? '项目名称 agree' : `项目名称 only in 项目支出表: ${onlyTable.join('、') || '-'}; only in 绩效目标表: ${onlyForms.join('、') || '-'}`, refs: [] }];
};

/** BUD-X-15 each form's 实施期资金总额 (元) / 10000 = its 项目支出表 row (万元) */
export const projectAmounts: DocumentEvaluator = (out) => {
  const rows = projectRows(out);
  return projectForms(out).map((f) => {
    const match = rows.find(({ r }) => compact(r.name) === compact(f.projectName)) ?? rows.find(({ r }) => nearlySame(r.name, f.projectName));
    const yuan = f.funds.implementation.total;
    if (!match || yuan === null) return null;
    const wan = dec(yuan).div(10000).toDecimalPlaces(2);
    const printed = dec(match.r.values.total);
    const ok = wan.minus(printed).abs().lte(0.005);
    return { status: ok ? 'pass' : 'fail', message: `${f.projectName}: 实施期资金总额 ${yuan}元 = ${wan.toFixed(2)}万元 vs 项目支出表 ${match.r.values.total ?? 'blank'}`, expected: printed.toFixed(2), actual: wan.toFixed(2), refs: [{ table: match.t.id, row: match.r.row, col: 'total', text: match.r.name }] } as Instance;
  });
};

/** BUD-X-16 整体绩效目标表 funding = 支出总表 (total, basic, project) and 收支总表 (一般公共预算) */
export const deptFormFunding: DocumentEvaluator = (out) => {
  const form = out.forms.find((f): f is DeptForm => f.kind === 'perf.dept_overall');
  const spending = tableOf(out, 'B.expenditure');
  const total = row(spending, totalRow());
  if (!form || !total) return [];
  const compare = (v: string | null, col: string, what: string): Instance => {
    const printed = total.values[col] ?? null;
    const ok = dec(v).eq(dec(printed));
    return { status: ok ? 'pass' : dec(v).minus(dec(printed)).abs().eq(0.01) ? 'warn_rounding' : 'fail', message: `整体绩效目标表 ${what} ${v} vs 支出总表 ${printed}`, expected: printed ?? '0', actual: v ?? '0', refs: [] };
  };
  const gpbIncome = fig(summary(out), row(summary(out), named(/^一般公共预算/, 'income')), 'amount');
  const gpbForm = form.budget.bySource.gpb;
  return [
    compare(form.budget.byDirection.total, 'total', '合计'),
    compare(form.budget.byDirection.basic, 'basic', '基本支出'),
    compare(form.budget.byDirection.project, 'project', '项目支出'),
    gpbIncome ? { status: dec(gpbForm).eq(dec(gpbIncome.row.values.amount)) ? 'pass' : 'fail', message: `一般公共预算资金 ${gpbForm} vs 收支总表 ${gpbIncome.row.values.amount}`, refs: [] } : null,
  ];
};

/** BUD-X-17 project counts: 项目支出表 = 绩效目标表 = 情况说明 */
export const projectCounts: DocumentEvaluator = (out) => {
  const forms = projectForms(out).length;
  if (!forms) return [];
  const rows = projectRows(out).length;
  const text = out.sections.flatMap((s) => s.paragraphs).join('\n');
  const stated = /纳入绩效目标管理的二级项目(\d+)个/.exec(text);
  const checks: Instance[] = rows ? [{ status: rows === forms ? 'pass' : 'fail', message: `项目支出表 ${rows} projects, 绩效目标表 ${forms} forms`, refs: [] }] : [];
  if (stated) checks.push({ status: Number(stated[1]) === forms ? 'pass' : 'fail', message: `情况说明 ${stated[1]} projects, ${forms} forms`, refs: [] });
  return checks;
};
