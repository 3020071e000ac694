import { Decimal } from 'decimal.js';
import type { Output } from '../../src/model/output.js';
import type { Table, TypedRow } from '../../src/model/table.js';
import { compact } from '../../src/util/text.js';
import type { Rule } from '../../src/validate/types.js';
import type { Instance, Ref } from '../../src/validate/types.js';
import { columnSums } from './evaluators.js';
import { colKey, fig, named, row, rowTest, tableOf, withCode, type Figure, type RowTest } from '../../src/validate/lookup.js';
import { totalRow } from './lookup.js';
import { bareName } from '../../src/util/text.js';
import { judgeCopy, judgeSum, printedPlaces, type Status } from '../../src/validate/tolerance.js';

/**
 * The 决算 rules of shared/domain/rules.yaml (FIN-T-*, FIN-X-*; FIN-T-06/07/09 are column sums registered in
 * rules.ts). Tables are found by kind, rows by level / code / canonical label, amounts by the column keys of
 * extractors/cn-final-accounts/vocabulary.ts (final, total, gpb, gov_fund, soe, basic, project,
 * opening_balance, income, expenditure, closing_balance, <item>.budget / <item>.final …).
 */

type Evaluator = (out: Output) => (Instance | null)[];

// ---------------------------------------------------------------------------------------------------------
// figures: one printed cell, with what is needed to point back at it

type Fig = Figure;

/** A term of an identity: a figure, added or subtracted. */
interface Term {
  fig: Fig;
  sign: 1 | -1;
}

const plus = (f: Fig | null): Term | null => (f ? { fig: f, sign: 1 } : null);
const minus = (f: Fig | null): Term | null => (f ? { fig: f, sign: -1 } : null);

const value = (f: Fig) => f.row.values[f.col] ?? null;
const printed = (f: Fig) => value(f) !== null;
const label = (r: TypedRow) => `${r.code ?? ''} ${r.name}`.trim();

function ref(f: Fig): Ref {
  const column = (f.table.columns ?? []).find((c) => c.key === f.col && c.panel === f.row.panel);
  const cell = column ? f.table.cells.find((c) => c.row === f.row.row && c.col === column.col) : undefined;
  const page = cell?.page ?? f.table.pages[0];
  return { table: f.table.id, row: f.row.row, col: f.col, text: label(f.row), ...(page ? { page } : {}) };
}
const show = (f: Fig) => `${f.table.title} ${label(f.row) || '(row)'}[${f.col}]`;

/** 万元 per printed unit: identities across a 元 table and a 万元 table are compared in 万元. */
const PER_WAN: Record<string, Decimal> = { 元: new Decimal('0.0001'), 万元: new Decimal(1), 亿元: new Decimal(10000) };

/**
 * Amounts of the figures on one scale, and the number of decimals they are judged to: the tables' own
 * (万元 to the cent, 元 tables whole) when they share a unit, else 万元 each rounded to the cent.
 */
function scale(figs: Fig[]): { amount: (f: Fig) => Decimal; places: number } {
  const units = new Set(figs.map((f) => f.table.unit ?? '万元'));
  if (units.size <= 1) {
    const tables = [...new Set(figs.map((f) => f.table))];
    const places = printedPlaces(tables.flatMap((t) => (t.rows ?? []).flatMap((r) => Object.values(r.values))));
    return { amount: (f) => new Decimal(value(f) ?? 0), places };
  }
  return {
    amount: (f) => new Decimal(value(f) ?? 0).times(PER_WAN[f.table.unit ?? '万元']).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
    places: 2,
  };
}

const total = (terms: Term[], amount: (f: Fig) => Decimal) => terms.reduce((acc, t) => acc.plus(amount(t.fig).times(t.sign)), new Decimal(0));
/** The printed terms (blanks left out; a long list is summarised). */
function showTerms(terms: Term[]): string {
  const shown = terms.filter((t) => printed(t.fig));
  if (!shown.length) return 'blank';
  if (shown.length > 6) return `Σ${shown.length} printed figures`;
  return shown.map((t, i) => `${t.sign < 0 ? '− ' : i ? '+ ' : ''}${value(t.fig)}`).join(' ');
}

/**
 * `sum` policy: the printed side against the side computed from printed addends. The tolerance counts the
 * printed figures (a blank is not printed and carries no rounding). Nothing printed at all: nothing to compare.
 */
function identity(stated: (Term | null)[], computed: (Term | null)[], what: string): Instance | null {
  const s = stated.filter((t): t is Term => t !== null);
  const c = computed.filter((t): t is Term => t !== null);
  if (!s.length || !c.length) return null;
  const all = [...s, ...c];
  if (!all.some((t) => printed(t.fig))) return null;
  const { amount, places } = scale(all.map((t) => t.fig));
  const [a, e] = [total(s, amount), total(c, amount)];
  const addends = Math.max(1, all.filter((t) => printed(t.fig)).length - 1);
  return {
    status: judgeSum(a, e, addends, places),
    message: `${what}: ${showTerms(s)} vs ${showTerms(c)} = ${e.toFixed(places)}`,
    expected: e.toFixed(places),
    actual: s.length === 1 && s[0].sign > 0 ? (value(s[0].fig) ?? '0') : a.toFixed(places),
    refs: all.map((t) => ref(t.fig)),
  };
}

const sum = (stated: Fig | null, parts: (Fig | null)[], what: string) => identity([plus(stated)], parts.map(plus), what);

/** `copy` policy: one figure printed in two places (blank = 0); both blank is nothing to compare. */
function copy(actual: Fig | null, expected: Fig | null, what: string): Instance | null {
  if (!actual || !expected || (!printed(actual) && !printed(expected))) return null;
  const { amount, places } = scale([actual, expected]);
  return {
    status: judgeCopy(amount(actual), amount(expected), places),
    message: `${what}: ${show(actual)} ${value(actual) ?? 'blank'} vs ${show(expected)} ${value(expected) ?? 'blank'}`,
    expected: value(expected) ?? '0',
    actual: value(actual) ?? '0',
    refs: [ref(actual), ref(expected)],
  };
}

/** A comparison of the sum kind that compares copies: several printed figures against one. */
function copySum(actual: Fig | null, parts: (Fig | null)[], what: string): Instance | null {
  const present = parts.filter((p): p is Fig => p !== null);
  if (!actual || !present.length) return null;
  if (present.length === 1) return copy(actual, present[0], what);
  const all = [actual, ...present];
  if (!all.some(printed)) return null;
  const { amount, places } = scale(all);
  const e = present.reduce((acc, p) => acc.plus(amount(p)), new Decimal(0));
  return {
    status: judgeCopy(amount(actual), e, places),
    message: `${what}: ${show(actual)} ${value(actual) ?? 'blank'} vs Σ${present.length} = ${e.toFixed(places)}`,
    expected: e.toFixed(places),
    actual: value(actual) ?? '0',
    refs: all.map(ref),
  };
}

// ---------------------------------------------------------------------------------------------------------
// tables, rows and columns

const NAME_KEYS = new Set(['code', 'name', 'gov_name']);

/** The amount columns of a panel, in column order, each key once. */
const amountKeys = (t: Table | undefined, panel?: string) => [
  ...new Set((t?.columns ?? []).filter((c) => c.panel === panel && c.type !== 'percent' && !NAME_KEYS.has(c.key) && !/^col\d+$/.test(c.key)).map((c) => c.key)),
];

/** The one amount column of a single-amount panel (决算数 / 金额 …). */
const amountKey = (t: Table | undefined, panel?: string) => amountKeys(t, panel)[0];

/** The first of the keys a table prints exactly once (a key under lost sub-headers is ambiguous). */
function uniqueKey(t: Table | undefined, ...keys: string[]): string | undefined {
  const columns = t?.columns ?? [];
  return keys.find((k) => columns.filter((c) => c.key === k).length === 1);
}

const rowsOf = (t: Table | undefined, panel?: string) => (t?.rows ?? []).filter((r) => panel === undefined || r.panel === panel);
const byCode = (t: Table | undefined, code: string, panel?: string) => row(t, withCode(code, panel));
const classes = (t: Table | undefined, panel?: string) => rowsOf(t, panel).filter((r) => r.level === '类');
const codesOf = (rows: TypedRow[]) => rows.map((r) => r.code).filter((c): c is string => c !== undefined);
const hasValues = (r: TypedRow) => Object.values(r.values).some((v) => v !== null);

const FUNDS: [key: 'gpb' | 'gov_fund' | 'soe', name: RegExp][] = [
  ['gpb', /^一般公共预算/],
  ['gov_fund', /^政府性基金/],
  ['soe', /^国有资本经营/],
];

// ---------------------------------------------------------------------------------------------------------
// 收入支出决算总表 (F.summary)

const summary = (out: Output) => tableOf(out, 'F.summary');
const INCOME_SUBTOTAL = named(/^本年收入合计$/, 'income');
const SPENDING_SUBTOTAL = named(/^本年支出合计$/, 'expenditure');
const GRAND_TOTAL = (panel: string) =>
  rowTest((r) => r.panel === panel && (r.level === 'total' || /^总计$/.test(bareName(r.name))), `总计 (${panel})`, (text) => /^总计$/.test(bareName(text)));
const NUMBERED = /^[一二三四五六七八九十]+、/;

/** The summary's income items 一、… 八、 above 本年收入合计 (其中 lines and sub-rows are parts, not further income). */
function incomeItems(t: Table | undefined): TypedRow[] {
  const sub = row(t, INCOME_SUBTOTAL);
  if (!sub) return [];
  const items = rowsOf(t, 'income').filter((r) => r.row < sub.row && r.level === 'item' && !r.parent && !/^其中/.test(compact(r.name)));
  const top = items.filter((r) => NUMBERED.test(compact(r.name)));
  return top.length ? top : items;
}

/** FIN-T-01 本年收入合计 = Σ income items 一 … 八 */
const summaryIncome: Evaluator = (out) => {
  const t = summary(out);
  const col = amountKey(t, 'income');
  return [sum(fig(t, row(t, INCOME_SUBTOTAL), col), incomeItems(t).map((r) => fig(t, r, col)), '本年收入合计 = Σ income items')];
};

/** FIN-T-02 本年支出合计 = Σ 类 */
const summarySpending: Evaluator = (out) => {
  const t = summary(out);
  const col = amountKey(t, 'expenditure');
  return [sum(fig(t, row(t, SPENDING_SUBTOTAL), col), classes(t, 'expenditure').map((r) => fig(t, r, col)), '本年支出合计 = Σ类')];
};

/** FIN-T-03 总计(收) = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 */
const summaryIncomeTotal: Evaluator = (out) => {
  const t = summary(out);
  const col = amountKey(t, 'income');
  const parts = [INCOME_SUBTOTAL, named(/^使用非财政拨款结余/, 'income'), named(/^年初结转和结余/, 'income')].map((test) => fig(t, row(t, test), col));
  return [sum(fig(t, row(t, GRAND_TOTAL('income')), col), parts, '总计(收) = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余')];
};

/** FIN-T-04 总计(支) = 本年支出合计 + 结余分配 + 年末结转和结余 */
const summarySpendingTotal: Evaluator = (out) => {
  const t = summary(out);
  const col = amountKey(t, 'expenditure');
  const parts = [SPENDING_SUBTOTAL, named(/^结余分配/, 'expenditure'), named(/^年末结转和结余/, 'expenditure')].map((test) => fig(t, row(t, test), col));
  return [sum(fig(t, row(t, GRAND_TOTAL('expenditure')), col), parts, '总计(支) = 本年支出合计 + 结余分配 + 年末结转和结余')];
};

/** FIN-T-05 总计(收) = 总计(支) */
const summaryBalance: Evaluator = (out) => {
  const t = summary(out);
  return [copy(fig(t, row(t, GRAND_TOTAL('income')), amountKey(t, 'income')), fig(t, row(t, GRAND_TOTAL('expenditure')), amountKey(t, 'expenditure')), '总计 收 = 支')];
};

// ---------------------------------------------------------------------------------------------------------
// 财政拨款收入支出决算总表 (F.fiscal_summary)

const fiscal = (out: Output) => tableOf(out, 'F.fiscal_summary');
const OPENING = /^年初(财政拨款)?结转和结余/;
const CLOSING = /^年末(财政拨款)?结转和结余/;

/** The fiscal summary's income rows: this year's per fund, 年初 carry-over (its row and its per-fund sub-rows). */
function fiscalIncome(t: Table | undefined) {
  const sub = row(t, INCOME_SUBTOTAL);
  const income = rowsOf(t, 'income');
  const opening = income.find((r) => OPENING.test(bareName(r.name)) && !r.parent);
  const openingParts = income.filter((r) => r.parent !== undefined && OPENING.test(bareName(r.parent)));
  const current = income.filter((r) => sub && r.row < sub.row && r.level === 'item' && !r.parent);
  const fund = (rows: TypedRow[], name: RegExp) => rows.find((r) => name.test(bareName(r.name)));
  return { sub, opening, openingParts, current, fund };
}

/**
 * FIN-T-08 row 合计 = Σ funds; 本年收入合计 = Σ funds; 本年支出合计 = Σ类 (per column); 总计(收) = 本年收入合计 +
 * 年初财政拨款结转和结余 (= Σ its sub-rows); 总计(支) = 本年支出合计 + 年末财政拨款结转和结余; 收 = 支.
 */
const fiscalSummary: Evaluator = (out) => {
  const t = fiscal(out);
  if (!t?.rows?.length) return [];
  const inCol = amountKey(t, 'income');
  const { sub, opening, openingParts, current } = fiscalIncome(t);
  const openingFig = opening && opening.values[inCol] != null ? fig(t, opening, inCol) : null;
  const spendSub = row(t, SPENDING_SUBTOTAL);
  const closing = row(t, named(CLOSING, 'expenditure'));
  const grandIn = row(t, GRAND_TOTAL('income'));
  const grandOut = row(t, GRAND_TOTAL('expenditure'));
  const outCols = amountKeys(t, 'expenditure');
  return [
    ...columnSums(t),
    sum(fig(t, sub, inCol), current.map((r) => fig(t, r, inCol)), '本年收入合计 = Σ funds'),
    sum(fig(t, opening, inCol), openingParts.map((r) => fig(t, r, inCol)), '年初财政拨款结转和结余 = Σ funds'),
    sum(fig(t, grandIn, inCol), [fig(t, sub, inCol), ...(openingFig ? [openingFig] : openingParts.map((r) => fig(t, r, inCol)))], '总计(收) = 本年收入合计 + 年初财政拨款结转和结余'),
    ...outCols.map((c) => sum(fig(t, spendSub, c), classes(t, 'expenditure').map((r) => fig(t, r, c)), `本年支出合计 = Σ类 [${c}]`)),
    ...outCols.map((c) => sum(fig(t, grandOut, c), [fig(t, spendSub, c), fig(t, closing, c)], `总计(支) = 本年支出合计 + 年末财政拨款结转和结余 [${c}]`)),
    copy(fig(t, grandIn, inCol), fig(t, grandOut, uniqueKey(t, 'total') ?? outCols[0]), '总计 收 = 支'),
  ];
};

/** FIN-X-06 per fund: 年末财政拨款结转和结余 = 年初 + 本年收入 − 本年支出 */
const fiscalRollForward: Evaluator = (out) => {
  const t = fiscal(out);
  const inCol = amountKey(t, 'income');
  const { openingParts, current, fund } = fiscalIncome(t);
  const spendSub = row(t, SPENDING_SUBTOTAL);
  const closing = row(t, named(CLOSING, 'expenditure'));
  return FUNDS.map(([key, name]) =>
    identity(
      [plus(fig(t, closing, key))],
      [plus(fig(t, fund(openingParts, name), inCol)), plus(fig(t, fund(current, name), inCol)), minus(fig(t, spendSub, key))],
      `${key}: 年末结转和结余 = 年初 + 本年收入 − 本年支出`,
    ),
  );
};

// ---------------------------------------------------------------------------------------------------------
// 一般公共预算财政拨款基本支出决算表 (F.gpb_basic_econ)

const econ = (out: Output) => tableOf(out, 'F.gpb_basic_econ');
const PERSONNEL = ['301', '303'];
const PUBLIC = ['302', '307', '310', '399'];

/** The footer totals: 人员经费合计 / 公用经费合计 (by label, else by panel). */
function econTotals(t: Table | undefined) {
  const totals = rowsOf(t).filter((r) => r.level === 'total');
  const find = (re: RegExp, panel: string) => totals.find((r) => re.test(bareName(r.name))) ?? totals.find((r) => r.panel === panel);
  const personnel = find(/^人员经费/, 'personnel');
  const pub = find(/^公用经费/, 'public');
  const col = (r?: TypedRow) => (r ? amountKey(t, r.panel) : undefined);
  return { personnel: fig(t, personnel, col(personnel)), public: fig(t, pub, col(pub)) };
}

/** An economic row's amount, in whichever panel it stands. */
const econFig = (t: Table | undefined, code: string) => {
  const r = byCode(t, code);
  return fig(t, r, r ? amountKey(t, r.panel) : undefined);
};

/** FIN-T-10 人员经费合计 = 301 + 303; 公用经费合计 = 302 + 307 + 310 + 399 */
const personnelAndPublic: Evaluator = (out) => {
  const t = econ(out);
  const totals = econTotals(t);
  return [
    sum(totals.personnel, PERSONNEL.map((c) => econFig(t, c)), '人员经费合计 = 301 + 303'),
    sum(totals.public, PUBLIC.map((c) => econFig(t, c)), '公用经费合计 = 302 + 307 + 310 + 399'),
  ];
};

/** FIN-T-11 each economic class = Σ its 款 (the 款 may stand in any panel) */
const econClasses: Evaluator = (out) => {
  const t = econ(out);
  return classes(t).map((c) => {
    const items = rowsOf(t).filter((r) => r.parent === c.code && r !== c);
    return items.length ? sum(fig(t, c, amountKey(t, c.panel)), items.map((r) => fig(t, r, amountKey(t, r.panel))), `${label(c)} = Σ款`) : null;
  });
};

// ---------------------------------------------------------------------------------------------------------
// 三公 (F.three_public): keys <item>.<budget|final>, <item> one of total, abroad, vehicle(.total),
// vehicle_purchase, vehicle_operation, reception

const BLOCKS = ['budget', 'final'];

/** column key by (item, block); a table without 预算数/决算数 blocks has the block ''. */
function threePublicKeys(t: Table) {
  const keys = new Map<string, string>();
  for (const k of amountKeys(t)) {
    const parts = k.split('.');
    const block = parts.find((p) => BLOCKS.includes(p)) ?? '';
    const item = parts.filter((p) => p !== block).join('.');
    keys.set(`${item}|${block}`, k);
  }
  const blocks = [...new Set([...keys.keys()].map((k) => k.split('|')[1]))];
  const key = (item: string, block: string) => keys.get(`${item}|${block}`);
  const vehicle = (block: string) => key('vehicle.total', block) ?? key('vehicle', block);
  return { blocks, key, vehicle };
}

/** The 三公 row of the year reported (tables by year print one row per year). */
function threePublicRow(out: Output, t: Table | undefined): TypedRow | undefined {
  const rows = rowsOf(t).filter(hasValues);
  if (rows.length <= 1) return rows[0] ?? rowsOf(t)[0];
  const year = out.document.year ? String(out.document.year) : undefined;
  return rows.find((r) => (year && compact(r.name).includes(year)) || /本年/.test(r.name)) ?? rows[0];
}

/** FIN-T-12 per block: 合计 = 因公出国 + 公务用车 + 公务接待; 公务用车 = 购置 + 运行维护 */
const threePublic: Evaluator = (out) => {
  const t = tableOf(out, 'F.three_public');
  if (!t) return [];
  const { blocks, key, vehicle } = threePublicKeys(t);
  return rowsOf(t)
    .filter(hasValues)
    .flatMap((r) =>
      blocks.flatMap((b) => {
        const f = (k?: string) => fig(t, r, k);
        const tag = b ? ` (${b === 'budget' ? '预算数' : '决算数'})` : '';
        return [
          sum(f(key('total', b)), [f(key('abroad', b)), f(vehicle(b)), f(key('reception', b))], `合计 = 因公出国 + 公务用车 + 公务接待${tag}`),
          sum(f(vehicle(b)), [f(key('vehicle_purchase', b)), f(key('vehicle_operation', b))], `公务用车购置及运行费 = 购置 + 运行维护${tag}`),
        ];
      }),
    );
};

/** FIN-X-07 basic-expense 30212/30217/30231/31013 ≤ the 三公 决算数 (三公 also covers project spending) */
const threePublicCoversEcon: Evaluator = (out) => {
  const t = tableOf(out, 'F.three_public');
  const e = econ(out);
  if (!t || !e) return [];
  const { blocks, key } = threePublicKeys(t);
  const block = blocks.includes('final') ? 'final' : '';
  const r = threePublicRow(out, t);
  const pairs: [code: string, col: string | undefined, what: string][] = [
    ['30212', key('abroad', block), '因公出国（境）费'],
    ['30217', key('reception', block), '公务接待费'],
    ['30231', key('vehicle_operation', block), '公务用车运行维护费'],
    ['31013', key('vehicle_purchase', block), '公务用车购置费'],
  ];
  return pairs.map(([code, col, what]) => {
    const item = econFig(e, code);
    const cap = fig(t, r, col);
    if (!item || !cap || (!printed(item) && !printed(cap))) return null;
    const { amount, places } = scale([item, cap]);
    const [a, limit] = [amount(item), amount(cap)];
    // within the limit passes; above it by rounding only is rounding; further above is a warning
    const over = judgeSum(limit, a, 1, places);
    const status: Status = a.lte(limit) ? 'pass' : over === 'fail' ? 'warn' : over;
    return {
      status,
      message: `三公 ${what} 决算 ≥ ${code}: ${show(cap)} ${value(cap) ?? 'blank'} vs ${show(item)} ${value(item) ?? 'blank'}`,
      expected: `≤ ${value(cap) ?? '0'}`,
      actual: value(item) ?? '0',
      refs: [ref(item), ref(cap)],
    };
  });
};

// ---------------------------------------------------------------------------------------------------------
// 政府性基金 / 国有资本经营 决算表 (F.gov_fund, F.soe)

const FUND_TABLES: [kind: string, fund: 'gov_fund' | 'soe', name: RegExp][] = [
  ['F.gov_fund', 'gov_fund', /^政府性基金/],
  ['F.soe', 'soe', /^国有资本经营/],
];

/**
 * The columns of a fund table: 年初 / 本年收入 / 本年支出 (its 合计/小计) / 基本 / 项目 / 年末. Where the
 * sub-headers under 本年支出 were lost (three columns keyed `expenditure`), the spending columns are ambiguous
 * and not read.
 */
function fundColumns(t: Table) {
  return {
    opening: uniqueKey(t, 'opening_balance'),
    income: uniqueKey(t, 'income'),
    spending: uniqueKey(t, 'expenditure.total', 'total', 'expenditure'),
    basic: uniqueKey(t, 'expenditure.basic', 'basic'),
    project: uniqueKey(t, 'expenditure.project', 'project'),
    closing: uniqueKey(t, 'closing_balance'),
  };
}

/** FIN-T-13 per row: 年初 + 本年收入 − 本年支出 = 年末; 本年支出 = 基本 + 项目 */
const fundRollForward: Evaluator = (out) =>
  out.tables
    .filter((t) => FUND_TABLES.some(([kind]) => kind === t.kind))
    .flatMap((t) => {
      const c = fundColumns(t);
      return rowsOf(t)
        .filter(hasValues)
        .flatMap((r) => {
          const f = (k?: string) => fig(t, r, k);
          const checks: (Instance | null)[] = [];
          if (c.opening && c.income && c.spending && c.closing) {
            checks.push(identity([plus(f(c.closing))], [plus(f(c.opening)), plus(f(c.income)), minus(f(c.spending))], `${label(r)}: 年末 = 年初 + 本年收入 − 本年支出`));
          }
          checks.push(sum(f(c.spending), [f(c.basic), f(c.project)], `${label(r)}: 本年支出 = 基本 + 项目`));
          return checks;
        });
    });

/** FIN-X-10 fund tables' 合计 (and 类 rows) = the fiscal summary's fund column and carry-over rows */
const fundTablesAgree: Evaluator = (out) => {
  const fs = fiscal(out);
  const inCol = amountKey(fs, 'income');
  const { openingParts, current, fund } = fiscalIncome(fs);
  const spendSub = row(fs, SPENDING_SUBTOTAL);
  const closing = row(fs, named(CLOSING, 'expenditure'));
  return FUND_TABLES.flatMap(([kind, key, name]) => {
    const t = tableOf(out, kind);
    if (!t || !fs) return [];
    const c = fundColumns(t);
    const tot = row(t, totalRow());
    const what = `${t.title} 合计`;
    return [
      copy(fig(t, tot, c.spending), fig(fs, spendSub, key), `${what} 本年支出 = 财政拨款总表 本年支出合计`),
      copy(fig(t, tot, c.income), fig(fs, fund(current, name), inCol), `${what} 本年收入 = 财政拨款总表 本年收入`),
      copy(fig(t, tot, c.opening), fig(fs, fund(openingParts, name), inCol), `${what} 年初结转和结余 = 财政拨款总表 年初`),
      copy(fig(t, tot, c.closing), fig(fs, closing, key), `${what} 年末结转和结余 = 财政拨款总表 年末`),
      ...[...new Set(codesOf([...classes(t), ...classes(fs, 'expenditure').filter((r) => r.values[key] != null)]))].map((code) =>
        copy(fig(t, byCode(t, code), c.spending), fig(fs, byCode(fs, code, 'expenditure'), key), `类 ${code}`),
      ),
    ];
  });
};

// ---------------------------------------------------------------------------------------------------------
// cross-table

/** FIN-X-01 总表 本年收入合计 = 收入决算表 合计; 本年支出合计 = 支出决算表 合计; 类 = 支出决算表 类 */
const summaryAgrees: Evaluator = (out) => {
  const t = summary(out);
  const income = tableOf(out, 'F.income');
  const spending = tableOf(out, 'F.expenditure');
  if (!t) return [];
  const inCol = amountKey(t, 'income');
  const outCol = amountKey(t, 'expenditure');
  const summaryClasses = classes(t, 'expenditure');
  const codes = [...new Set(codesOf([...summaryClasses.filter((r) => r.values[outCol] != null), ...classes(spending)]))];
  return [
    copy(fig(t, row(t, INCOME_SUBTOTAL), inCol), fig(income, row(income, totalRow()), colKey(income, 'total')), '总表 本年收入合计 = 收入决算表 合计'),
    copy(fig(t, row(t, SPENDING_SUBTOTAL), outCol), fig(spending, row(spending, totalRow()), colKey(spending, 'total')), '总表 本年支出合计 = 支出决算表 合计'),
    ...(spending ? codes.map((code) => copy(fig(t, byCode(t, code, 'expenditure'), outCol), fig(spending, byCode(spending, code), colKey(spending, 'total')), `总表 类 ${code} = 支出决算表`)) : []),
  ];
};

/** FIN-X-02 总表 财政拨款收入 (Σ 一 … 三) = 收入决算表 合计 财政拨款收入 = 财政拨款总表 本年收入合计 (and fund by fund) */
const fiscalIncomeAgrees: Evaluator = (out) => {
  const t = summary(out);
  const income = tableOf(out, 'F.income');
  const fs = fiscal(out);
  const inCol = amountKey(t, 'income');
  const fsCol = amountKey(fs, 'income');
  const items = incomeItems(t);
  const fundRows = FUNDS.map(([, name]) => items.find((r) => name.test(bareName(r.name)) && /财政拨款/.test(r.name)));
  const parts = (fundRows.some(Boolean) ? fundRows : items.filter((r) => /^财政拨款/.test(bareName(r.name)))).map((r) => fig(t, r, inCol));
  const incomeFiscal = fig(income, row(income, totalRow()), uniqueKey(income, 'fiscal'));
  const fsSub = fig(fs, row(fs, INCOME_SUBTOTAL), fsCol);
  const { current, fund } = fiscalIncome(fs);
  return [
    copySum(incomeFiscal, parts, '收入决算表 合计 财政拨款收入 = 总表 Σ 财政拨款收入'),
    copy(fsSub, incomeFiscal, '财政拨款总表 本年收入合计 = 收入决算表 合计 财政拨款收入'),
    ...FUNDS.map(([, name], i) => copy(fig(fs, fund(current, name), fsCol), fundRows[i] ? fig(t, fundRows[i], inCol) : null, `财政拨款总表 = 总表: ${bareName(fundRows[i]?.name ?? '')}`)),
  ];
};

/** FIN-X-03 财政拨款总表 一般公共预算财政拨款 column = 一般公共预算财政拨款支出决算表 合计 (per 类 and in total) */
const gpbColumnAgrees: Evaluator = (out) => {
  const fs = fiscal(out);
  const gpb = tableOf(out, 'F.gpb_expenditure');
  if (!fs || !gpb) return [];
  const codes = [...new Set(codesOf([...classes(fs, 'expenditure').filter((r) => r.values.gpb != null), ...classes(gpb)]))];
  const [fsCol, gpbCol] = [colKey(fs, 'gpb', 'expenditure'), colKey(gpb, 'total')];
  return [
    copy(fig(fs, row(fs, SPENDING_SUBTOTAL), fsCol), fig(gpb, row(gpb, totalRow()), gpbCol), '财政拨款总表 本年支出合计 = 一般公共预算支出决算表 合计'),
    ...codes.map((code) => copy(fig(fs, byCode(fs, code, 'expenditure'), fsCol), fig(gpb, byCode(gpb, code), gpbCol), `类 ${code}`)),
  ];
};

/** FIN-X-04 一般公共预算支出决算表 合计 基本支出 = 人员经费合计 + 公用经费合计 */
const basicAgrees: Evaluator = (out) => {
  const gpb = tableOf(out, 'F.gpb_expenditure');
  const totals = econTotals(econ(out));
  return [sum(fig(gpb, row(gpb, totalRow()), colKey(gpb, 'basic')), [totals.personnel, totals.public], 'GPB 基本支出 = 人员经费合计 + 公用经费合计')];
};

/** FIN-X-05 年末结转和结余 − 年初结转和结余 = 本年收入合计 + 使用非财政拨款结余 − 本年支出合计 − 结余分配 */
const summaryRollForward: Evaluator = (out) => {
  const t = summary(out);
  if (!t) return [];
  const [inCol, outCol] = [amountKey(t, 'income'), amountKey(t, 'expenditure')];
  const at = (test: RowTest, col: string) => fig(t, row(t, test), col);
  return [
    identity(
      [plus(at(named(/^年末结转和结余/, 'expenditure'), outCol)), minus(at(named(/^年初结转和结余/, 'income'), inCol))],
      [
        plus(at(INCOME_SUBTOTAL, inCol)),
        plus(at(named(/^使用非财政拨款结余/, 'income'), inCol)),
        minus(at(SPENDING_SUBTOTAL, outCol)),
        minus(at(named(/^结余分配/, 'expenditure'), outCol)),
      ],
      'Δ结转和结余 = 本年收入合计 + 使用非财政拨款结余 − 本年支出合计 − 结余分配',
    ),
  ];
};

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const ADMIN_COST = new RegExp(String.raw`机关运行经费(?:支出|决算数?|共计|合计|为|是)*(${NUMBER})(万?元)`);

/** FIN-X-08 机关运行经费 (情况说明) = 公用经费合计 when all units are 行政/参公; below it otherwise */
const adminOperating: Evaluator = (out) => {
  const e = econ(out);
  const pub = econTotals(e).public;
  if (!pub) return [];
  for (const s of out.sections) {
    for (const p of s.paragraphs) {
      const m = ADMIN_COST.exec(compact(p));
      if (!m) continue;
      const stated = new Decimal(m[1].replace(/,/g, '')).times(m[2] === '元' ? '0.0001' : 1);
      const publicWan = new Decimal(value(pub) ?? 0).times(PER_WAN[pub.table.unit ?? '万元']);
      const places = m[2] === '元' || pub.table.unit === '元' ? 2 : printedPlaces([value(pub), m[1]]);
      const [a, b] = [stated.toDecimalPlaces(places, Decimal.ROUND_HALF_UP), publicWan.toDecimalPlaces(places, Decimal.ROUND_HALF_UP)];
      const equal = judgeCopy(a, b, places);
      // a department with 事业 units (not 参公) spends 公用经费 that is not 机关运行经费: below is fine
      const status: Status = a.lt(b) && equal === 'fail' ? 'pass' : equal;
      const page = s.pages[0];
      return [{
        status,
        message: `机关运行经费 ${m[1]}${m[2]} vs 公用经费合计 ${value(pub) ?? 'blank'}${status === 'pass' && !a.eq(b) ? ' (below: not all units 行政/参公)' : ''}`,
        expected: value(pub) ?? '0',
        actual: a.toFixed(places),
        refs: [{ text: `${s.number}、${s.title}: ${m[0]}`, ...(page ? { page } : {}) }, ref(pub)],
      }];
    }
  }
  return [];
};

/** Personnel correspondences of BUD-X-12: economic 款 ↔ function 项 (basic spending). */
const CORRESPONDENCES: [econ: string[], func: string[]][] = [
  [['30113'], ['2210201']],
  [['30108'], ['2080505']],
  [['30109'], ['2080506']],
  [['30110'], ['2101101', '2101102']],
  [['30111', '30307'], ['2101103']],
  [['30301', '30302'], ['2080501', '2080502']],
];

/** FIN-X-09 (soft) function 项 basic spending ≈ Σ economic 款: a difference is a hint, never an error */
const functionMatchesEcon: Evaluator = (out) => {
  const gpb = tableOf(out, 'F.gpb_expenditure');
  const e = econ(out);
  if (!gpb || !e) return [];
  return CORRESPONDENCES.map(([econCodes, funcCodes]) => {
    const items = econCodes.map((c) => econFig(e, c)).filter((f): f is Fig => f !== null);
    const funcs = funcCodes.map((c) => fig(gpb, byCode(gpb, c), colKey(gpb, 'basic'))).filter((f): f is Fig => f !== null);
    const all = [...items, ...funcs];
    if (!all.length) return null;
    const { amount, places } = scale(all);
    const [a, x] = [items.reduce((s, f) => s.plus(amount(f)), new Decimal(0)), funcs.reduce((s, f) => s.plus(amount(f)), new Decimal(0))];
    if (a.isZero() && x.isZero()) return null;
    return {
      status: a.eq(x) ? 'pass' : 'hint',
      message: `(soft) ${econCodes.join('+')} vs ${funcCodes.join('+')} 基本支出: ${a.toFixed(places)} vs ${x.toFixed(places)}`,
      expected: x.toFixed(places),
      actual: a.toFixed(places),
      refs: all.map(ref),
    } satisfies Instance;
  });
};

// ---------------------------------------------------------------------------------------------------------

export const FINAL_RULES: Rule[] = [
  { id: 'FIN-T-01', title: '收入支出决算总表: 本年收入合计 = Σ eight income items', evaluate: summaryIncome },
  { id: 'FIN-T-02', title: '收入支出决算总表: 本年支出合计 = Σ 类', evaluate: summarySpending },
  { id: 'FIN-T-03', title: '收入支出决算总表: 收入侧总计', evaluate: summaryIncomeTotal },
  { id: 'FIN-T-04', title: '收入支出决算总表: 支出侧总计', evaluate: summarySpendingTotal },
  { id: 'FIN-T-05', title: '收入支出决算总表: 收 = 支', evaluate: summaryBalance },
  { id: 'FIN-T-08', title: '财政拨款收入支出决算总表 identities', evaluate: fiscalSummary },
  { id: 'FIN-T-10', title: '基本支出决算表: 人员经费合计 = 301 + 303; 公用经费合计 = 302 + 307 + 310 + 399', evaluate: personnelAndPublic },
  { id: 'FIN-T-11', title: '基本支出决算表: class = Σ 款', evaluate: econClasses },
  { id: 'FIN-T-12', title: '三公 决算表 sums (预算数 and 决算数)', evaluate: threePublic },
  { id: 'FIN-T-13', title: '政府性基金 / 国有资本经营 决算表 roll-forward', evaluate: fundRollForward },
  { id: 'FIN-X-01', title: '收入支出决算总表 = 收入决算表 / 支出决算表', evaluate: summaryAgrees },
  { id: 'FIN-X-02', title: '财政拨款收入 consistent across three tables', evaluate: fiscalIncomeAgrees },
  { id: 'FIN-X-03', title: '财政拨款总表 一般公共预算 column = 一般公共预算财政拨款支出决算表', evaluate: gpbColumnAgrees },
  { id: 'FIN-X-04', title: 'GPB 基本支出 = 人员经费合计 + 公用经费合计', evaluate: basicAgrees },
  { id: 'FIN-X-05', title: 'Carry-over roll-forward (all funds)', evaluate: summaryRollForward },
  { id: 'FIN-X-06', title: '财政拨款 roll-forward per fund', evaluate: fiscalRollForward },
  { id: 'FIN-X-07', title: '三公 决算 ≥ basic-expense 三公 items', evaluate: threePublicCoversEcon },
  { id: 'FIN-X-08', title: '机关运行经费 vs 公用经费合计', evaluate: adminOperating },
  { id: 'FIN-X-09', title: 'Soft: function 项 ↔ economic 款 (basic spending)', evaluate: functionMatchesEcon },
  { id: 'FIN-X-10', title: '政府性基金 / 国有资本 决算表 = 财政拨款总表 columns', evaluate: fundTablesAgree },
];
