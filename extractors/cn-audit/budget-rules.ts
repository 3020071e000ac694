import { formWan } from './perf-rules.js';
import { Decimal } from 'decimal.js';
import type { Column } from '../../src/model/grid.js';
import type { Output } from '../../src/model/output.js';
import type { ProjectForm, DeptForm } from '../../src/model/form.js';
import type { Table, TypedRow } from '../../src/model/table.js';
import { compact } from '../../src/util/text.js';
import { FUNCTION_CLASSES } from '../common/catalogue.js';
import type { DocumentEvaluator, Instance, Ref } from '../../src/validate/types.js';
import { hierarchy } from '../../src/validate/evaluators.js';
import { columnSums } from './evaluators.js';
import { colKey, copy, fig, findCol, named, row, sum, tableOf, withCode, type Figure } from '../../src/validate/lookup.js';
import { totalRow } from './lookup.js';
import { bareName } from '../../src/util/text.js';
import { dec, judgeCopy, judgeSum, printedPlaces, sumTolerance } from '../../src/validate/tolerance.js';


const summary = (out: Output) => tableOf(out, 'B.summary');
/** The amount column of a two-sided table's income panel (金额) and of its expenditure panel (合计 / 金额). */
const incomeCol = (t: Table | undefined) => colKey(t, 'total', 'income');
const spendingCol = (t: Table | undefined) => colKey(t, 'total', 'expenditure');
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
  const col = incomeCol(t);
  return [sum(fig(t, sub, col), (top.length ? top : items).map((r) => fig(t, r, col)), '本年收入合计 = Σ income items')];
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
    row(t, named(/^上年(结转|结余)(、?(结余|结转))?$/, 'income')),
    row(t, named(/^用事业基金弥补收支差额$/, 'income')),
    row(t, named(/^使用非财政拨款结余/, 'income')),
  ];
  const col = incomeCol(t);
  return [sum(fig(t, row(t, named(/^收入(总计|合计)$/, 'income')), col), parts.map((r) => fig(t, r, col)), '收入总计 = 本年收入合计 + 上年结转')];
};

/** BUD-T-04 支出总计 = 本年支出合计 + 年终结转 */
export const summarySpendingTotal: DocumentEvaluator = (out) => {
  const t = summary(out);
  const parts = [row(t, SPENDING_SUBTOTAL), row(t, named(/^(年终|年末)结转(结余)?$|^结转下年$/, 'expenditure'))];
  const col = spendingCol(t);
  return [sum(fig(t, row(t, named(/^支出总计$/, 'expenditure')), col), parts.map((r) => fig(t, r, col)), '支出总计 = 本年支出合计 + 年终结转')];
};

/** BUD-T-05 收入总计 = 支出总计 */
export const summaryBalance: DocumentEvaluator = (out) => {
  const t = summary(out);
  return [copy(fig(t, row(t, named(/^收入总计$/, 'income')), incomeCol(t)), fig(t, row(t, named(/^支出总计$/, 'expenditure')), spendingCol(t)), '收入总计 = 支出总计')];
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
  const [personnel, pub] = [colKey(t, 'personnel'), colKey(t, 'public')];
  const amount = byColumn ? undefined : colKey(t, 'total');
  return [
    sum(fig(t, total, personnel), classRows(out, PERSONNEL.concat(byColumn ? PUBLIC : [])).map((r) => fig(t, r, byColumn ? personnel : amount)), '人员经费 = 301 + 303'),
    sum(fig(t, total, pub), classRows(out, PUBLIC.concat(byColumn ? PERSONNEL : [])).map((r) => fig(t, r, byColumn ? pub : amount)), '公用经费 = 302 + 307 + 310 + 399'),
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
  const subtotal = fig(summary(out), row(summary(out), INCOME_SUBTOTAL), incomeCol(summary(out)));
  const columns = income?.columns ?? [];
  const topLevel = (key: string) => columns.some((c) => c.key === key && c.path.length === 1);
  if (topLevel('total') && topLevel('carry_over')) {
    return [sum(fig(income, incomeTotal, 'total'), [subtotal, fig(income, incomeTotal, 'carry_over')], '收入总表 合计 = 收支总表 本年收入合计 + 上年结转')];
  }
  return [copy(subtotal, fig(income, incomeTotal, colKey(income, 'total')), '收支总表 本年收入合计 = 收入总表 合计')];
};

/** BUD-X-02 收支总表 本年支出合计 = 支出总表 合计 */
export const spendingTotals: DocumentEvaluator = (out) => {
  const spending = tableOf(out, 'B.expenditure');
  const t = summary(out);
  return [copy(fig(t, row(t, SPENDING_SUBTOTAL), spendingCol(t)), fig(spending, row(spending, totalRow()), colKey(spending, 'total')), '收支总表 本年支出合计 = 支出总表 合计')];
};

/** BUD-X-03 收支总表 类 rows = 支出总表 类 rows */
export const classesAgree: DocumentEvaluator = (out) => {
  const t = summary(out);
  const spending = tableOf(out, 'B.expenditure');
  const [col, theirs] = [spendingCol(t), colKey(spending, 'total')];
  return (t?.rows ?? [])
    .filter((r) => r.panel === 'expenditure' && r.level === '类' && col !== undefined && r.values[col] != null)
    .map((r) => copy(fig(t, r, col), fig(spending, row(spending, withCode(r.code!)), theirs), `类 ${r.code}`));
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
    return key ? copy(fig(t, r, incomeCol(t)), fig(income, incomeTotal, colKey(income, key)), `source ${bareName(r.name)}`) : null;
  });
};

/** BUD-X-05 function-coded 收入总表 = 支出总表 code by code */
export const incomeMatchesSpending: DocumentEvaluator = (out) => {
  const income = tableOf(out, 'B.income');
  const spending = tableOf(out, 'B.expenditure');
  const [col, theirs] = [colKey(income, 'total'), colKey(spending, 'total')];
  return (income?.rows ?? []).filter((r) => r.code).map((r) => {
    const s = row(spending, withCode(r.code!));
    if (!s) return null;
    const parts = [fig(income, r, col), r.values.carry_over !== undefined ? fig(income, r, 'carry_over') : null];
    return sum(fig(spending, s, theirs), parts, `code ${r.code}`);
  });
};

/** BUD-X-08 一般公共预算支出表 基本支出 = 基本支出表 合计 (and Σ类 within tolerance) */
export const basicAgrees: DocumentEvaluator = (out) => {
  const gpb = tableOf(out, 'B.gpb_expenditure');
  const e = econ(out);
  const econTotal = fig(e, row(e, totalRow()), colKey(e, 'total'));
  const basic = colKey(gpb, 'basic');
  const classes = (gpb?.rows ?? []).filter((r) => r.level === '类').map((r) => fig(gpb, r, basic));
  return [copy(fig(gpb, row(gpb, totalRow()), basic), econTotal, '一般公共预算支出表 基本支出 = 基本支出表 合计'), sum(econTotal, classes, '基本支出表 合计 = Σ类 基本支出')];
};

/** BUD-X-09 机关运行经费 = 基本支出表 公用经费 (all units 行政/参公) or below it */
export const adminOperating: DocumentEvaluator = (out) => {
  const admin = tableOf(out, 'B.admin_operating');
  const e = econ(out);
  const a = fig(admin, row(admin, totalRow()), colKey(admin, 'total'));
  const p = fig(e, row(e, totalRow()), colKey(e, 'public'));
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
    .map((t) => fig(t, t.rows?.find((r) => r.level === 'department') ?? row(t, totalRow()), colKey(t, 'total')));
  return [sum(fig(spending, row(spending, totalRow()), colKey(spending, 'project')), parts, '支出总表 项目支出 = 项目支出表')];
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
    const col = colKey(match.t, 'total');
    if (!col) return null;
    const wan = formWan(f, yuan);
    const printed = dec(match.r.values[col]);
    const ok = wan.minus(printed).abs().lte(0.005);
    // the form's figure is the one judged (actual): the form comes first, then the row it is held against
    return { status: ok ? 'pass' : 'fail', message: `${f.projectName}: 实施期资金总额 ${yuan}${f.funds.unit} = ${wan.toFixed(2)}万元 vs 项目支出表 ${match.r.values[col] ?? 'blank'}`, expected: printed.toFixed(2), actual: wan.toFixed(2), refs: [{ table: f.id, text: f.projectName }, { table: match.t.id, row: match.r.row, col, text: match.r.name }] } as Instance;
  });
};

/** BUD-X-16 整体绩效目标表 funding = 支出总表 (total, basic, project) and 收支总表 (一般公共预算) */
export const deptFormFunding: DocumentEvaluator = (out) => {
  const form = out.forms.find((f): f is DeptForm => f.kind === 'perf.dept_overall');
  const spending = tableOf(out, 'B.expenditure');
  const total = row(spending, totalRow());
  if (!form || !total) return [];
  // a figure the form does not print (or that was not read) is nothing to compare
  const compare = (v: string | null, role: string, what: string): Instance | null => {
    if (v === null) return null;
    const col = colKey(spending, role);
    const printed = (col && total.values[col]) ?? null;
    const ok = dec(v).eq(dec(printed));
    return { status: ok ? 'pass' : dec(v).minus(dec(printed)).abs().eq(0.01) ? 'warn_rounding' : 'fail', message: `整体绩效目标表 ${what} ${v} vs 支出总表 ${printed}`, expected: printed ?? '0', actual: v ?? '0', refs: [] };
  };
  const gpbIncome = fig(summary(out), row(summary(out), named(/^一般公共预算/, 'income')), incomeCol(summary(out)));
  const gpbForm = form.budget.bySource.gpb;
  return [
    compare(form.budget.byDirection.total, 'total', '合计'),
    compare(form.budget.byDirection.basic, 'basic', '基本支出'),
    compare(form.budget.byDirection.project, 'project', '项目支出'),
    gpbIncome && gpbForm !== null ? { status: dec(gpbForm).eq(dec(gpbIncome.row.values[gpbIncome.col])) ? 'pass' : 'fail', message: `一般公共预算资金 ${gpbForm} vs 收支总表 ${gpbIncome.row.values[gpbIncome.col]}`, refs: [] } : null,
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

// ---------------------------------------------------------------------------------------------------------
// 财政拨款收支总表, fund tables, comparison columns, economic pairings (BUD-T-10/14/18/19, BUD-X-06/07/11/12/13/18)

type Fund = 'gpb' | 'gov_fund' | 'soe';
const FUNDS: [RegExp, Fund][] = [[/一般公共预算/, 'gpb'], [/政府性基金/, 'gov_fund'], [/国有资本经营/, 'soe']];
const fundOf = (name: string): Fund | undefined => FUNDS.find(([re]) => re.test(bareName(name)))?.[1];

/** Decimals the figures of a table are printed with (万元 to the cent, 元 whole, some provinces 6). */
const placesOf = (...tables: (Table | undefined)[]) => printedPlaces(tables.flatMap((t) => (t?.rows ?? []).flatMap((r) => Object.values(r.values))));

const blank = (v: string | null | undefined) => v == null || dec(v).isZero();

/** 万元 figure of a cell, whatever the table is printed in. */
function wan(f: Figure): Decimal {
  const v = dec(f.row.values[f.col]);
  return f.table.unit === '元' ? v.div(10000) : f.table.unit === '亿元' ? v.times(10000) : v;
}

/**
 * The same figure in two tables: printed alike when both tables share a unit (copy policy at their
 * precision); in 万元 against 元, round(元/10000, 2) must give the 万元 figure (yuan_to_wan policy).
 */
function copyAcross(a: Figure | null, b: Figure | null, what: string): Instance | null {
  if (!a || !b) return null;
  if (a.table.unit === b.table.unit) return copy(a, b, what, placesOf(a.table, b.table));
  const [x, y] = [wan(a), wan(b)];
  const ok = x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).minus(y.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)).abs().lte(0.005);
  const inst = copy(a, b, what)!;
  return { ...inst, status: ok ? 'pass' : 'fail', message: `${what}: ${x.toFixed(2)}万元 vs ${y.toFixed(2)}万元 (${a.table.unit} / ${b.table.unit})`, expected: y.toFixed(2), actual: x.toFixed(2) };
}

interface IncomeSide {
  /** fund rows of this year's income */
  current: Map<Fund, TypedRow>;
  /** fund rows under 上年(财政拨款)结转 */
  carry: Map<Fund, TypedRow>;
  /** 本年收入合计 / 一、本年收入 / 一、财政拨款: the row that adds up this year's funds */
  currentSub?: TypedRow;
  /** 上年财政拨款结转 / 二、上年结转: the row that adds up the carried-over funds */
  carryHeader?: TypedRow;
  total?: TypedRow;
  /** the panel's amount column (金额) */
  col: string;
  /** a row's amount */
  amount(r: TypedRow | undefined): string | null | undefined;
}

/** The income panel of a 收支总表 or 财政拨款收支总表, whichever of its layouts (BRIEF.md §1.3). */
function incomeSide(t: Table | undefined): IncomeSide {
  const col = incomeCol(t) ?? 'amount';
  const side: IncomeSide = { current: new Map(), carry: new Map(), col, amount: (r) => r?.values[col] };
  const rows = (t?.rows ?? []).filter((r) => r.panel === 'income').sort((a, b) => a.row - b.row);
  let inCarry = false;
  let totalAlias: TypedRow | undefined;
  for (const r of rows) {
    const n = bareName(r.name);
    if (r.level === 'total' || /^收入总计$/.test(n)) {
      side.total ??= r;
    } else if (/^收入合计$/.test(n)) {
      totalAlias ??= r;
    } else if (/^(上年|年初).*结转/.test(n) && !fundOf(n)) {
      side.carryHeader ??= r;
      inCarry = true;
    } else if (/^(本年收入合计|本年收入|当年收入小计|财政拨款(收入)?)$/.test(n)) {
      side.currentSub ??= r;
    } else if (/^(用事业基金|使用非财政拨款结余)/.test(n)) {
      inCarry = false;
    } else {
      const fund = fundOf(n);
      const carry = inCarry || (r.parent !== undefined && /结转/.test(r.parent));
      const map = carry ? side.carry : side.current;
      if (fund && !map.has(fund)) map.set(fund, r);
    }
  }
  // 收入合计 is the bottom line where no 收入总计 is printed (Jiangsu), else this year's subtotal
  if (totalAlias) {
    if (!side.total) side.total = totalAlias;
    else side.currentSub ??= totalAlias;
  }
  return side;
}

interface SpendingSide {
  classes: TypedRow[];
  /** numbered items (一、基本支出 …) where the table lists no function classes */
  items: TypedRow[];
  sub?: TypedRow;
  carryOut?: TypedRow;
  total?: TypedRow;
}

function spendingSide(t: Table | undefined): SpendingSide {
  const side: SpendingSide = { classes: [], items: [] };
  let totalAlias: TypedRow | undefined;
  for (const r of (t?.rows ?? []).filter((x) => x.panel === 'expenditure').sort((a, b) => a.row - b.row)) {
    const n = bareName(r.name);
    if (r.level === 'total' || /^支出总计$/.test(n)) side.total ??= r;
    else if (/^支出合计$/.test(n)) totalAlias ??= r;
    else if (/^(本年支出合计|本年支出)$/.test(n)) side.sub ??= r;
    else if (/^(年终|年末)结转(结余)?$|^结转下年$/.test(n)) side.carryOut ??= r;
    else if (r.level === '类') side.classes.push(r);
    else if (/^[一二三四五六七八九十]+、/.test(compact(r.name)) && Object.values(r.values).some((v) => v != null)) side.items.push(r);
  }
  if (totalAlias) {
    if (!side.total) side.total = totalAlias;
    else side.sub ??= totalAlias;
  }
  return side;
}

const amountCols = (t: Table | undefined, panel: string) =>
  (t?.columns ?? []).filter((c) => c.panel === panel && c.type !== 'percent' && !['code', 'name', 'gov_name'].includes(c.key) && !c.key.startsWith('col')).map((c) => c.key);

const fiscal = (out: Output) => tableOf(out, 'B.fiscal_summary');

/**
 * BUD-T-10 财政拨款收支总表: 本年收入合计 = Σ fund incomes; 上年财政拨款结转 = Σ its fund rows; 收入总计 =
 * 本年收入 + 上年结转; 本年支出合计 = Σ 类 (per column); 支出总计 = 本年支出合计 + 年终结转; 收入总计 = 支出总计.
 */
export const fiscalTotals: DocumentEvaluator = (out) => {
  const t = fiscal(out);
  if (!t?.rows?.length) return [];
  const p = placesOf(t);
  const inc = incomeSide(t);
  const spend = spendingSide(t);
  const f = (r: TypedRow | undefined, col: string | undefined) => fig(t, r, col);
  const checks: (Instance | null)[] = [];
  const current = [...inc.current.values()];
  const carried = [...inc.carry.values()];
  // a heading printed without an amount (1、财政拨款 over its three funds) adds nothing up
  const [inCol, printed] = [inc.col, (r: TypedRow) => inc.amount(r) != null];
  if (inc.currentSub && !printed(inc.currentSub) && current.some(printed)) delete inc.currentSub;
  if (inc.carryHeader && !printed(inc.carryHeader) && carried.some(printed)) delete inc.carryHeader;
  if (inc.currentSub) checks.push(sum(f(inc.currentSub, inCol), current.map((r) => f(r, inCol)), '本年收入合计 = Σ fund incomes', p));
  if (inc.carryHeader && carried.length) checks.push(sum(f(inc.carryHeader, inCol), carried.map((r) => f(r, inCol)), '上年财政拨款结转 = Σ its fund rows', p));
  const thisYear = inc.currentSub ? [inc.currentSub] : current;
  const carryIn = inc.carryHeader ? [inc.carryHeader] : carried;
  if (inc.total) checks.push(sum(f(inc.total, inCol), [...thisYear, ...carryIn].map((r) => f(r, inCol)), '收入总计 = 本年收入合计 + 上年财政拨款结转', p));
  const parts = spend.classes.length ? spend.classes : spend.items;
  for (const col of amountCols(t, 'expenditure')) {
    if (spend.sub && parts.length) checks.push(sum(f(spend.sub, col), parts.map((r) => f(r, col)), `[${col}] 本年支出合计 = Σ类`, p));
    const sub = spend.sub ? [spend.sub] : parts;
    if (spend.total && sub.length) checks.push(sum(f(spend.total, col), [...sub, spend.carryOut].filter((r): r is TypedRow => !!r).map((r) => f(r, col)), `[${col}] 支出总计 = 本年支出合计 + 年终结转`, p));
  }
  checks.push(copy(f(inc.total, inCol), f(spend.total, spendingCol(t)), '收入总计 = 支出总计', p));
  return checks;
};

/**
 * BUD-X-06 财政拨款收支总表 income by fund = 收支总表 fund incomes: this year's, and the carried-over ones
 * where both split them. A 收支总表 that prints no carry-over of its own (Chongqing: 一、一般公共预算资金
 * includes what is carried over) is held against this year's plus the carried-over money of the fund.
 */
export const fiscalIncomeAgrees: DocumentEvaluator = (out) => {
  const s = summary(out);
  const t = fiscal(out);
  if (!s || !t) return [];
  const [a, b] = [incomeSide(t), incomeSide(s)];
  const inclusive = !b.carryHeader && !b.carry.size && a.carry.size > 0;
  const checks: (Instance | null)[] = [];
  for (const fund of ['gpb', 'gov_fund', 'soe'] as Fund[]) {
    const theirs = fig(s, b.current.get(fund), b.col);
    const carried = a.carry.get(fund);
    if (inclusive && theirs && carried && !blank(a.amount(carried))) {
      checks.push(sum(theirs, [fig(t, a.current.get(fund), a.col), fig(t, carried, a.col)], `${fund}: 收支总表 = 财政拨款收支总表 本年 + 上年结转`, placesOf(s, t)));
      continue;
    }
    checks.push(copyAcross(fig(t, a.current.get(fund), a.col), theirs, `${fund}: 财政拨款收支总表 = 收支总表`));
    checks.push(copyAcross(fig(t, a.carry.get(fund), a.col), fig(s, b.carry.get(fund), b.col), `上年结转 ${fund}: 财政拨款收支总表 = 收支总表`));
  }
  return checks;
};

/**
 * The 一般公共预算 column of the 财政拨款收支总表: its own column, or the single amount column when the
 * document has no 政府性基金 / 国有资本经营 money at all.
 */
function fiscalFundColumn(t: Table, fund: Fund): string | undefined {
  const own = findCol(t, fund, 'expenditure');
  if (own && amountCols(t, 'expenditure').includes(own)) return own;
  const cols = amountCols(t, 'expenditure');
  if (cols.length !== 1) return undefined;
  const inc = incomeSide(t);
  const others = (['gpb', 'gov_fund', 'soe'] as Fund[]).filter((x) => x !== fund);
  const otherMoney = others.some((x) => !blank(inc.amount(inc.current.get(x))) || !blank(inc.amount(inc.carry.get(x))));
  return otherMoney ? undefined : cols[0];
}

/**
 * A figure against a value computed from another table: printed alike where both share a unit (copy, or
 * sum of n addends, at their precision); across 元 and 万元 in 万元 with half a cent for the conversion.
 */
function judgeAgainst(a: Figure, other: Table, value: Decimal, n: number | null, what: string, refs: Ref[]): Instance {
  const shown = a.row.values[a.col] ?? 'blank';
  if (a.table.unit === other.unit) {
    const p = placesOf(a.table, other);
    const status = n === null ? judgeCopy(dec(a.row.values[a.col]), value, p) : judgeSum(dec(a.row.values[a.col]), value, n, p);
    return { status, message: `${what}: ${shown} vs ${n === null ? '' : `Σ${n} = `}${value.toFixed(p)}`, expected: value.toFixed(p), actual: a.row.values[a.col] ?? '0', refs };
  }
  const [x, y] = [wan(a), other.unit === '元' ? value.div(10000) : other.unit === '亿元' ? value.times(10000) : value];
  const tol = (n === null ? new Decimal(0) : sumTolerance(n)).plus(0.005);
  const diff = x.minus(y).abs();
  return { status: diff.isZero() ? 'pass' : diff.lte(tol) ? 'pass_rounding' : 'fail', message: `${what}: ${x.toFixed(2)}万元 vs ${y.toFixed(2)}万元`, expected: y.toFixed(2), actual: x.toFixed(2), refs };
}

const refTo = (t: Table, r: TypedRow, col: string): Ref => ({ table: t.id, row: r.row, col, text: `${r.code ?? ''} ${r.name}`.trim(), ...(t.pages[0] ? { page: t.pages[0] } : {}) });

/**
 * A function class of an expenditure table: its 类 row; a row named as the class where the table prints no
 * codes; else the sum of its 款 (or 项) rows where the table lists items only (Beijing: 项 rows per unit).
 */
function classOf(table: Table, code: string, col: string): { value: Decimal; rows: TypedRow[]; n: number | null } | null {
  const rows = (table.rows ?? []).filter((r) => r.panel === undefined || r.panel === 'expenditure');
  const own = rows.find((r) => r.level === '类' && r.code === code) ?? rows.find((r) => !r.code && FUNCTION_CLASSES[code] && compact(bareName(r.name)) === FUNCTION_CLASSES[code]);
  if (own) return { value: dec(own.values[col]), rows: [own], n: null };
  for (const len of [5, 7]) {
    const kids = rows.filter((r) => r.code?.length === len && r.code.startsWith(code));
    if (kids.length) return { value: kids.reduce((acc, r) => acc.plus(dec(r.values[col])), new Decimal(0)), rows: kids, n: kids.length };
  }
  return null;
}

/** Per 类 and in total: a fund column of the 财政拨款收支总表 against the fund's own expenditure table. */
function fundColumnAgrees(out: Output, fund: Fund, table: Table | undefined, what: string): (Instance | null)[] {
  const t = fiscal(out);
  if (!t || !table?.rows?.length) return [];
  const col = fiscalFundColumn(t, fund);
  const own = colKey(table, 'total');
  if (!col || !own) return [];
  const spend = spendingSide(t);
  const checks: (Instance | null)[] = spend.classes.map((r) => {
    const theirs = classOf(table, r.code!, own);
    if (!theirs) {
      if (blank(r.values[col])) return null;
      return { status: 'fail', message: `类 ${r.code} ${bareName(r.name)}: ${r.values[col]} in ${t.title}, not in ${what}`, expected: '0', actual: r.values[col] ?? '0', refs: [refTo(t, r, col)] };
    }
    if (blank(r.values[col]) && theirs.value.isZero()) return null;
    return judgeAgainst(fig(t, r, col)!, table, theirs.value, theirs.n, `类 ${r.code} ${bareName(r.name)}: ${t.title} [${col}] = ${what}`, [refTo(t, r, col), ...theirs.rows.map((x) => refTo(table, x, own))]);
  });
  // classes of the fund table the 财政拨款收支总表 does not print
  if (spend.classes.length) {
    for (const r of (table.rows ?? []).filter((x) => x.level === '类' && x.code && !blank(x.values[own]) && !spend.classes.some((c) => c.code === x.code))) {
      checks.push({ status: 'fail', message: `类 ${r.code} ${r.name}: ${r.values[own]} in ${what}, not in ${t.title}`, expected: '0', actual: r.values[own] ?? '0', refs: [refTo(table, r, own)] });
    }
  }
  const sub = spend.sub ?? (!spend.carryOut || blank(spend.carryOut.values[col]) ? spend.total : undefined);
  const total = (table.rows ?? []).find((r) => r.level === 'total' && r.panel !== 'income');
  if (sub && total && !(blank(sub.values[col]) && blank(total.values[own]))) checks.push(copyAcross(fig(t, sub, col), fig(table, total, own), `本年支出合计: ${t.title} [${col}] = ${what} 合计`));
  return checks;
}

/**
 * BUD-X-07 财政拨款收支总表 一般公共预算 column = 一般公共预算支出表, per 类 and in total. Where money is carried
 * over and the 一般公共预算支出表 shows this year's appropriation only (不含上年结转; its 合计 is this year's
 * 一般公共预算 income, not that plus the carry-over), the two do not cover the same money: its 合计 is held
 * against the 财政拨款收支总表's 一般公共预算 income of the year instead.
 */
export const fiscalGpbAgrees: DocumentEvaluator = (out) => {
  const gpb = tableOf(out, 'B.gpb_expenditure');
  const t = fiscal(out);
  if (!t || !gpb) return [];
  const inc = incomeSide(t);
  const carried = inc.carry.get('gpb');
  const current = inc.current.get('gpb');
  const total = row(gpb, totalRow());
  const own = colKey(gpb, 'total');
  if (!blank(inc.amount(carried)) && current && total && own) {
    const withCarry = dec(inc.amount(current)).plus(dec(inc.amount(carried)));
    const gpbTotal = gpb.unit === t.unit ? dec(total.values[own]) : wan(fig(gpb, total, own)!);
    const fiscalWithCarry = gpb.unit === t.unit ? withCarry : wan({ table: t, row: current, col: inc.col }).plus(wan({ table: t, row: carried!, col: inc.col }));
    const thisYearOnly = judgeSum(gpbTotal, fiscalWithCarry, 2, gpb.unit === t.unit ? placesOf(gpb, t) : 2) === 'fail';
    if (thisYearOnly || /不含上年结转/.test(gpb.title)) {
      return [copyAcross(fig(gpb, total, own), fig(t, current, inc.col), '一般公共预算支出表 合计 (this year only) = 财政拨款收支总表 一般公共预算 income of the year')];
    }
  }
  return fundColumnAgrees(out, 'gpb', gpb, '一般公共预算支出表');
};

/** BUD-X-18 政府性基金 / 国有资本经营 tables = the fund columns and fund incomes of the 财政拨款收支总表 */
export const fundTablesAgree: DocumentEvaluator = (out) => {
  const t = fiscal(out);
  if (!t) return [];
  const inc = incomeSide(t);
  const checks: (Instance | null)[] = [];
  const incomeCheck = (table: Table | undefined, fund: Fund, panel?: string) => {
    const total = (table?.rows ?? []).find((r) => r.level === 'total' && (panel === undefined || r.panel === panel));
    const key = table && total ? colKey(table, 'total', panel) : undefined;
    const stated = inc.current.get(fund);
    if (!table || !total || !key || !stated) return;
    if (blank(total.values[key]) && blank(inc.amount(stated))) return;
    checks.push(copyAcross(fig(table, total, key), fig(t, stated, inc.col), `${table.title} 合计 = 财政拨款收支总表 ${fund} income`));
  };
  incomeCheck(tableOf(out, 'B.gov_fund_income'), 'gov_fund');
  const soe = tableOf(out, 'B.soe');
  if (soe?.columns?.some((c) => c.panel === 'income')) incomeCheck(soe, 'soe', 'income');
  for (const [fund, table] of [['gov_fund', tableOf(out, 'B.gov_fund_expenditure')], ['soe', soe]] as [Fund, Table | undefined][]) {
    if (!table) continue;
    const single = amountCols(t, 'expenditure').length === 1 && !findCol(t, fund, 'expenditure');
    if (!single) {
      checks.push(...fundColumnAgrees(out, fund, table, table.title));
      continue;
    }
    // a single-column 财政拨款收支总表 does not split spending by fund: the fund table's 合计 against the
    // fund's income of the year, where nothing of the fund is carried over
    const total = (table.rows ?? []).find((r) => r.level === 'total' && r.panel !== 'income');
    const key = colKey(table, 'total', table.columns?.some((c) => c.panel === 'expenditure') ? 'expenditure' : undefined);
    const stated = inc.current.get(fund);
    if (total && key && stated && blank(inc.amount(inc.carry.get(fund))) && !(blank(total.values[key]) && blank(inc.amount(stated)))) {
      checks.push(copyAcross(fig(table, total, key), fig(t, stated, inc.col), `${table.title} 合计 = 财政拨款收支总表 ${fund} income`));
    }
  }
  return checks;
};

/**
 * BUD-T-19 政府性基金 / 国有资本经营 budget tables: hierarchy and 合计 = 基本 + 项目 as for the other
 * function tables, and, where nothing is carried over, fund income = fund expenditure.
 */
export const fundTables: DocumentEvaluator = (out) => {
  const tables = out.tables.filter((t) => ['B.gov_fund_income', 'B.gov_fund_expenditure', 'B.soe'].includes(t.kind));
  const checks: (Instance | null)[] = tables.flatMap((t) => [...hierarchy(t), ...columnSums(t)]);
  const inc = incomeSide(fiscal(out));
  const balance = (fund: Fund, income: Figure | null, spending: Figure | null) => {
    if (!income || !spending || !blank(inc.amount(inc.carry.get(fund)))) return;
    if (blank(income.row.values[income.col]) && blank(spending.row.values[spending.col])) return;
    checks.push(copyAcross(income, spending, `${fund}: income = expenditure (no 上年结转)`));
  };
  const gfi = tableOf(out, 'B.gov_fund_income');
  const gfe = tableOf(out, 'B.gov_fund_expenditure');
  const totalOf = (t: Table | undefined, panel?: string) => (t?.rows ?? []).find((r) => r.level === 'total' && (panel === undefined || r.panel === panel));
  balance('gov_fund', fig(gfi, totalOf(gfi), colKey(gfi, 'total')), fig(gfe, totalOf(gfe), colKey(gfe, 'total')));
  const soe = tableOf(out, 'B.soe');
  if (soe?.columns?.some((c) => c.panel === 'income')) balance('soe', fig(soe, totalOf(soe, 'income'), colKey(soe, 'total', 'income')), fig(soe, totalOf(soe, 'expenditure'), colKey(soe, 'total', 'expenditure')));
  return checks;
};

/** Whether the department is funded by 一般公共预算 alone: no other source and nothing carried over. */
function gpbOnly(out: Output): boolean | undefined {
  const s = summary(out);
  if (!s) return undefined;
  const rows = (s.rows ?? []).filter((r) => r.panel === 'income' && r.level !== 'total' && r.level !== 'subtotal');
  const col = incomeCol(s);
  return rows.every((r) => {
    const n = bareName(r.name);
    if (fundOf(n) === 'gpb' || /^财政拨款(收入)?$|^其中|^收入合计$|^当年收入小计$/.test(n)) return true;
    return blank(col === undefined ? undefined : r.values[col]);
  });
}

/** BUD-X-11 一般公共预算支出表 = 支出总表 row by row when 一般公共预算 is the only source; otherwise GPB ≤ total */
export const gpbWithinSpending: DocumentEvaluator = (out) => {
  const gpb = tableOf(out, 'B.gpb_expenditure');
  const spending = tableOf(out, 'B.expenditure');
  const only = gpbOnly(out);
  if (!gpb?.rows?.length || !spending?.rows?.length || only === undefined) return [];
  // rows are matched by code; a 支出总表 without function codes (Beijing prints it by economic class) is
  // held against in total only; a one-row 支出总表 (Jiangsu) is its own total
  const spendingRows = spending.rows;
  const coded = spendingRows.some((r) => r.code && r.codeScheme === 'function');
  const spendingTotal = spendingRows.find((r) => r.level === 'total') ?? (spendingRows.length === 1 ? spendingRows[0] : undefined);
  // a 支出总表 printing a code on several rows (Beijing: one per economic class beside it) is held in their sum
  const byCode = (code: string): TypedRow | undefined => {
    const same = spendingRows.filter((b) => b.code === code);
    if (same.length <= 1) return same[0];
    const places = placesOf(spending);
    const sumOf = (k: string) => (same.every((b) => b.values[k] == null) ? null : same.reduce((acc, b) => acc.plus(dec(b.values[k])), new Decimal(0)).toFixed(places));
    return { ...same[0], name: `${same[0].name} (Σ${same.length} rows)`, values: Object.fromEntries(Object.keys(same[0].values).map((k) => [k, sumOf(k)])) };
  };
  const match = (a: TypedRow) => (a.level === 'total' ? spendingTotal : a.code ? byCode(a.code) : undefined);
  const checks: (Instance | null)[] = [];
  const p = placesOf(gpb, spending);
  for (const r of gpb.rows.filter((x) => (x.level === 'total' && spendingTotal) || (coded && x.code))) {
    const s = match(r);
    if (only) {
      for (const base of ['total', 'basic', 'project']) {
        const [a, b] = [colKey(gpb, base), colKey(spending, base)];
        if (!a || !b) continue;
        if (!s) {
          if (!blank(r.values[a])) checks.push({ status: 'fail', message: `${r.code ?? ''} ${r.name} [${base}] ${r.values[a]} in 一般公共预算支出表 but not in 支出总表`, expected: '0', actual: r.values[a] ?? '0', refs: [{ table: gpb.id, row: r.row, col: a, text: r.name }] });
          continue;
        }
        checks.push(copyAcross(fig(gpb, r, a), fig(spending, s, b), `${r.code ?? '合计'} [${base}]: 一般公共预算支出表 = 支出总表`));
      }
    } else {
      const [a, b] = [colKey(gpb, 'total'), colKey(spending, 'total')];
      if (!a || !b || blank(r.values[a])) continue;
      const x = fig(gpb, r, a)!;
      const y = s ? fig(spending, s, b) : null;
      const over = y ? wan(x).minus(wan(y)) : wan(x);
      const ok = over.lte(0);
      checks.push({
        status: ok ? 'pass' : judgeSum(wan(x), y ? wan(y) : dec(null), 1, gpb.unit === '元' ? 6 : p) === 'pass_rounding' ? 'pass_rounding' : 'fail',
        message: `${r.code ?? '合计'} ${r.name}: 一般公共预算 ${r.values[a]} ${ok ? '≤' : '>'} 支出总表 ${y ? y.row.values[y.col] ?? 'blank' : '(no row)'}`,
        expected: `≤${y ? y.row.values[y.col] ?? '0' : '0'}`,
        actual: r.values[a] ?? '0',
        refs: [{ table: gpb.id, row: r.row, col: a, text: r.name }, ...(s ? [{ table: spending.id, row: s.row, col: b, text: s.name }] : [])],
      });
    }
  }
  return checks;
};

/** BUD-X-12 soft correspondences of personnel items: function 项 (基本支出) ≈ economic 款 */
const CORRESPONDENCES: [string[], string[][]][] = [
  [['2210201'], [['30113']]],
  [['2080505'], [['30108']]],
  [['2080506'], [['30109']]],
  [['2101101', '2101102'], [['30110']]],
  [['2101103'], [['30111'], ['30111', '30307']]],
  [['2080501', '2080502'], [['30301', '30302']]],
];

export const personnelCorrespondences: DocumentEvaluator = (out) => {
  const gpb = tableOf(out, 'B.gpb_expenditure');
  const e = econ(out);
  const basic = colKey(gpb, 'basic');
  if (!gpb || !e || !basic) return [];
  const total = colKey(e, 'total');
  // both tables must carry codes (the 项 of the one, the 款 of the other) for items to be paired
  if (!total || !(gpb.rows ?? []).some((r) => r.code?.length === 7) || !(e.rows ?? []).some((r) => r.code?.length === 5)) return [];
  const funcRows = (codes: string[]) => (gpb.rows ?? []).filter((r) => r.code && codes.includes(r.code));
  const econRows = (codes: string[]) => (e.rows ?? []).filter((r) => r.code && codes.includes(r.code) && r.level !== '类');
  const sumWan = (t: Table, rows: TypedRow[], col: string) => rows.reduce((acc, r) => acc.plus(wan({ table: t, row: r, col })), new Decimal(0));
  return CORRESPONDENCES.map(([func, alternatives]) => {
    const f = funcRows(func);
    const all = econRows([...new Set(alternatives.flat())]);
    if (!f.length && !all.length) return null;
    const a = sumWan(gpb, f, basic);
    const options = alternatives.map((codes) => ({ codes, v: sumWan(e, econRows(codes), total) }));
    if (a.isZero() && options.every((o) => o.v.isZero())) return null;
    const match = options.find((o) => o.v.eq(a));
    const shown = options.map((o) => `${o.codes.join('+')} = ${o.v.toFixed(2)}`).join(' / ');
    return {
      status: match ? 'pass' : 'hint',
      message: `${func.join('+')} 基本支出 ${a.toFixed(2)} ${match ? '=' : 'vs'} ${shown}`,
      expected: a.toFixed(2),
      actual: (match ?? options[options.length - 1]).v.toFixed(2),
      refs: [...f.map((r) => ({ table: gpb.id, row: r.row, col: basic, text: `${r.code} ${r.name}` })), ...all.map((r) => ({ table: e.id, row: r.row, col: total, text: `${r.code} ${r.name}` }))],
    } as Instance;
  });
};

/** BUD-X-13 basic-expense items cannot exceed their 三公 amounts (三公 also covers project spending) */
const THREE_PUBLIC_ITEMS: [string, string, RegExp][] = [
  ['30212', 'abroad', /因公出国/],
  ['30217', 'reception', /公务接待/],
  ['30231', 'vehicle_operation', /运行/],
  ['31013', 'vehicle_purchase', /购置费$/],
];

export const threePublicCoversItems: DocumentEvaluator = (out) => {
  const t = tableOf(out, 'B.three_public');
  const e = econ(out);
  const total = colKey(e, 'total');
  if (!t || !e || !total) return [];
  // column layout (one row, a column per item) or row layout (a row per item, 合计 column)
  const rows = t.rows ?? [];
  const line = rows.find((r) => r.level === 'total') ?? rows.find((r) => Object.values(r.values).some((v) => v != null)) ?? rows[0];
  const amountOf = (key: string, name: RegExp): Figure | null => {
    const own = findCol(t, key);
    if (line && own) return fig(t, line, own);
    const r = rows.find((x) => x.level !== 'total' && name.test(bareName(x.name)) && !/及运行/.test(x.name));
    const col = colKey(t, 'total');
    return r && col ? fig(t, r, col) : null;
  };
  return THREE_PUBLIC_ITEMS.map(([code, key, name]) => {
    const items = (e.rows ?? []).filter((r) => r.code === code);
    const spent = items.reduce((acc, r) => acc.plus(wan({ table: e, row: r, col: total })), new Decimal(0));
    if (spent.isZero()) return null;
    const cap = amountOf(key, name);
    if (!cap) return null;
    const limit = wan(cap);
    // 元 converted to 万元 against a 万元 figure printed to the cent: half a cent of rounding
    const tol = e.unit === t.unit ? new Decimal(0) : new Decimal(0.005);
    const over = spent.minus(limit);
    const status = over.lte(0) ? 'pass' : over.lte(tol) ? 'pass_rounding' : 'fail';
    return {
      status,
      message: `${code} ${items[0].name} ${spent.toFixed(2)}万元 ${status === 'fail' ? '>' : '≤'} 三公 ${key} ${limit.toFixed(2)}万元`,
      expected: `≤${limit.toFixed(2)}`,
      actual: spent.toFixed(2),
      refs: [...items.map((r) => ({ table: e.id, row: r.row, col: total, text: `${r.code} ${r.name}` })), { table: t.id, row: cap.row.row, col: cap.col, text: cap.row.name }],
    } as Instance;
  });
};

/**
 * BUD-T-14 部门 ↔ 政府 economic pairing: the 政府预算经济分类 款 beside each 部门 款 belongs to a class the
 * 部门 class maps to (两套经济分类对照表: 事业 units book staff and running costs under 505 对事业单位经常性补助),
 * and the items the brief pins (BRIEF.md §2.2) map to their own 款.
 */
const GOV_CLASSES: Record<string, string[]> = {
  '301': ['501', '50501'], '302': ['502', '50502'], '303': ['509'], '307': ['511'], '309': ['503', '506'],
  '310': ['503', '504', '506'], '311': ['507'], '312': ['508'], '313': ['510'], '399': ['599', '514', '50599'],
};
const GOV_ITEMS: Record<string, string[]> = {
  '30101': ['50101', '50501'], '30102': ['50101', '50501'], '30103': ['50101', '50501'], '30107': ['50101', '50501'],
  '30108': ['50102', '50501'], '30109': ['50102', '50501'], '30110': ['50102', '50501'], '30111': ['50102', '50501'], '30112': ['50102', '50501'],
  '30113': ['50103', '50501'],
  '30212': ['50207', '50502'], '30215': ['50202', '50502'], '30216': ['50203', '50502'], '30217': ['50206', '50502'], '30227': ['50205', '50502'], '30231': ['50208', '50502'],
  '30301': ['50905'], '30302': ['50905'], '30304': ['50901'], '30305': ['50901'], '30306': ['50901'], '30307': ['50901'], '30308': ['50902'], '30310': ['50903'],
  '31002': ['50306', '506'], '31003': ['50306', '506'], '31013': ['50303', '506'],
};

export const econPairing: DocumentEvaluator = (out) => {
  const tables = out.tables.filter((t) => ['B.gpb_basic_econ', 'B.gpb_econ_gov'].includes(t.kind));
  return tables.flatMap((t) =>
    (t.rows ?? [])
      .filter((r) => r.code && r.level === '款' && (r.govCode || r.govName))
      .map((r): Instance => {
        const ref = { table: t.id, row: r.row, col: 'gov_name', text: `${r.code} ${r.name} / ${r.govName ?? ''}` };
        if (!r.govCode) return { status: 'warn', message: `${r.code} ${r.name}: 政府经济分类 ${r.govName} is not in the catalogue`, refs: [ref] };
        const allowed = GOV_ITEMS[r.code!] ?? GOV_CLASSES[r.code!.slice(0, 3)] ?? [];
        const ok = allowed.some((a) => r.govCode!.startsWith(a));
        return { status: ok ? 'pass' : 'fail', message: `${r.code} ${r.name} → ${r.govCode} ${r.govName}${ok ? '' : ` (expected ${allowed.join('/') || 'a mapped class'})`}`, expected: allowed.join('/'), actual: r.govCode, refs: [ref] };
      }),
  );
};

/**
 * BUD-T-18 comparison columns (上年 | 本年 | 增减额 | 增减率): 增减额 = 本年 − 上年, 增减率 = 增减额 / 上年. Each
 * 增减 group is read from its header: the columns it compares are the 上年/执行数 and 本年/预算数 columns on
 * the same footing (扣除… variants with their like).
 */
export const comparisonColumns: DocumentEvaluator = (out) => {
  const checks: Instance[] = [];
  for (const t of out.tables.filter((x) => ['B.gpb_expenditure', 'B.three_public', 'B.gov_fund_expenditure'].includes(x.kind))) {
    const cols = (t.columns ?? []).filter((c) => !['code', 'name', 'gov_name'].includes(c.key));
    const isChange = (c: Column) => c.path.some((p) => /增减|增长|变动/.test(p));
    const groups = new Map<string, Column[]>();
    for (const c of cols.filter(isChange)) groups.set(c.path.slice(0, -1).join('/'), [...(groups.get(c.path.slice(0, -1).join('/')) ?? []), c]);
    for (const [header, group] of groups) {
      const amount = group.find((c) => /额|金额|数$/.test(c.path[c.path.length - 1]) && !/%|率/.test(c.path[c.path.length - 1]));
      const rate = group.find((c) => /%|率|幅度/.test(c.path[c.path.length - 1]));
      const deducted = /扣除/.test(header);
      const pool = cols.filter((c) => !isChange(c) && /扣除/.test(c.path.join('/')) === deducted);
      const current = pool.find((c) => /本年|预算数/.test(c.path.join('/')) && !/上年|执行/.test(c.path.join('/')) && (isTotalCol(c) || deducted));
      const yearOf = (c: Column) => Number(/(20\d\d)\s*年/.exec(c.path.join('/'))?.[1] ?? 0);
      const prior =
        pool.find((c) => c !== current && /上年|执行/.test(c.path.join('/'))) ??
        (current && yearOf(current) ? pool.find((c) => c !== current && yearOf(c) > 0 && yearOf(c) < yearOf(current)) : undefined);
      if (!prior || !current || (!amount && !rate)) continue;
      const p = placesOf(t);
      for (const r of t.rows ?? []) {
        const [a, b] = [r.values[prior.key], r.values[current.key]];
        if (a == null && b == null) continue;
        const delta = dec(b).minus(dec(a));
        const ref = (c: Column) => ({ table: t.id, row: r.row, col: c.key, text: `${r.code ?? ''} ${r.name}`.trim() });
        if (amount && r.values[amount.key] != null) {
          const status = judgeSum(dec(r.values[amount.key]), delta, 2, p);
          checks.push({ status, message: `${t.title} ${r.code ?? ''} ${r.name}: ${amount.path.join('/')} ${r.values[amount.key]} vs ${current.path.join('/')} − ${prior.path.join('/')} = ${delta.toFixed(p)}`, expected: delta.toFixed(p), actual: r.values[amount.key]!, refs: [ref(amount), ref(current), ref(prior)] });
        }
        if (rate && r.values[rate.key] != null && !dec(a).isZero()) {
          const exact = delta.div(dec(a)).times(100);
          const stated = dec(r.values[rate.key]);
          const places = (r.values[rate.key]!.split('.')[1] ?? '').length;
          const ok = exact.minus(stated).abs().lte(Decimal.max(new Decimal(0.01), new Decimal(10).pow(-places)));
          checks.push({ status: ok ? 'pass' : 'fail', message: `${t.title} ${r.code ?? ''} ${r.name}: ${rate.path.join('/')} ${r.values[rate.key]} vs ${exact.toFixed(2)}%`, expected: exact.toFixed(2), actual: r.values[rate.key]!, refs: [ref(rate), ref(current), ref(prior)] });
        }
      }
    }
  }
  return checks;
};
const isTotalCol = (c: Column) => c.key === 'total' || c.key.endsWith('.total') || /合计|小计/.test(c.path[c.path.length - 1] ?? '');
