import { Decimal } from 'decimal.js';
import type { DeptForm, Form, Indicator, ProjectForm } from '../../src/model/form.js';
import type { Output } from '../../src/model/output.js';
import type { Table, TypedRow } from '../../src/model/table.js';
import { compact } from '../../src/util/text.js';
import type { Instance, Ref } from '../../src/validate/types.js';
import { row, tableOf } from '../../src/validate/lookup.js';
import { totalRow } from './lookup.js';
import type { Rule } from '../../src/validate/types.js';
import { dec, judgeCopy, judgeSum, printedPlaces, type Status } from '../../src/validate/tolerance.js';

/**
 * PERF-01 … PERF-11 of rules.yaml: the performance-target forms (绩效目标表, BRIEF.md §4) on their own and
 * against the tables. Forms carry amounts in 元 (项目资金) or 万元 (整体表 资金总额, indicator values say their
 * unit); every comparison is made on decimals after converting to the unit of the figure it is held against.
 */

const projectForms = (out: Output) => out.forms.filter((f): f is ProjectForm => f.kind === 'perf.project');
const deptForms = (out: Output) => out.forms.filter((f): f is DeptForm => f.kind === 'perf.dept_overall');

const formRef = (f: Form, col: string, text?: string): Ref => ({ table: f.id, col, text: text ?? (f.kind === 'perf.project' ? f.projectName : f.departmentName ?? f.title) });
const indicatorRef = (f: Form, i: Indicator): Ref => formRef(f, 'indicator', `${i.period ? `${i.period} ` : ''}${i.level1}/${i.level2}/${i.level3}: ${i.valueRaw}`);
const tableRef = (t: Table, r: TypedRow, col: string): Ref => ({ table: t.id, row: r.row, col, text: r.name, ...(t.pages[0] ? { page: t.pages[0] } : {}) });
const formName = (f: Form) => (f.kind === 'perf.project' ? f.projectName : `整体绩效目标表 ${f.departmentName ?? ''}`.trim());

/** A value cell that holds only the 指标性质 column (≥ / ＝ / 定性) of a grid printing 指标性质 | 指标值 | 度量单位 apart. */
const NATURE_ONLY = /^(≥|≤|=|>|<|定性|定量)$/;

/**
 * Indicators a rule can judge. Some regions print the indicator grid with 指标性质, 指标值 and 度量单位 in
 * columns of their own (Beijing's one-table 项目支出绩效目标表), or one table for many projects with scoring
 * rules beside the targets (Changsha): the form reader, made for the one-form-per-project layout, pairs
 * their cells wrongly (level3 + operator, number + unit in a row of their own) and finds no project name or
 * funding. The values of such a form are not the printed targets: the indicator rules pass it by (nothing to
 * compare) rather than judge what the reader made of it. Rows labelled 备注 under the grid are no indicators.
 */
function indicators(f: Form): Indicator[] {
  const read = f.kind === 'perf.project' ? readProjectForm(f) : !!f.departmentName;
  const all = f.indicators.filter((i) => !(/^(备注|说明)$/.test(compact(i.level3)) && !i.valueRaw.trim()));
  const natureOnly = all.filter((i) => NATURE_ONLY.test(i.valueRaw.normalize('NFKC').trim())).length;
  if (!read || (all.length && natureOnly >= Math.max(2, all.length * 0.2))) return [];
  return all;
}

/** a project form read field by field: a project name that is not a column heading, and some funding or text */
function readProjectForm(f: ProjectForm): boolean {
  const name = compact(f.projectName ?? '');
  if (!name || /^(项目总额|项目名称|合计|总计)$/.test(name)) return false;
  const money = [...Object.values(f.funds.implementation), ...Object.values(f.funds.annual)].some((v) => v !== null);
  return money || !!f.overview || !!f.goals.implementation;
}

// ---------------------------------------------------------------------------------------------------------
// the project table rows a form is about

interface ProjectRow {
  table: Table;
  row: TypedRow;
}

function projectRows(out: Output): ProjectRow[] {
  return out.tables.filter((t) => t.kind === 'B.projects').flatMap((t) => (t.rows ?? []).filter((r) => r.level === 'project').map((r) => ({ table: t, row: r })));
}

/** names that differ in at most two characters at the same places (中央及市级 / 中央及省级) */
function nearlySame(a: string, b: string): boolean {
  const [x, y] = [compact(a), compact(b)];
  if (x.length !== y.length || x.length < 4) return false;
  let d = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) d++;
  return d <= 2;
}

/** The 项目支出表 row of a project form (本年预算 first: the table of this year's appropriation). */
function projectRowOf(out: Output, f: ProjectForm): ProjectRow | undefined {
  const rows = projectRows(out).sort((a, b) => Number(a.table.qualifier === '上年结转') - Number(b.table.qualifier === '上年结转'));
  return rows.find((p) => compact(p.row.name) === compact(f.projectName ?? '')) ?? rows.find((p) => nearlySame(p.row.name, f.projectName ?? ''));
}

/** 万元 figure of a table cell (tables in 元 are converted). */
function wanOf(t: Table, v: string | null | undefined): Decimal | null {
  if (v == null) return null;
  const d = new Decimal(v);
  return t.unit === '元' ? d.div(10000) : t.unit === '亿元' ? d.times(10000) : d;
}

/** 元 figure of a project form's funds, in whatever unit its 项目资金 label states (元 on the standard form). */
const formYuan = (f: ProjectForm, v: string) => new Decimal(v).times(f.funds.unit === '万元' ? 10000 : f.funds.unit === '亿元' ? 100000000 : 1);
/** 万元 figure of a project form's funds, to the cent */
// a form in 元 is rounded to the tables' 0.01 万元; a form printed in 万元 keeps its own decimals (343.902800 is
// no 343.90: a cost cap of 343.9027 is within it)
export const formWan = (f: ProjectForm, v: string) =>
  f.funds.unit === '万元' ? new Decimal(v) : formYuan(f, v).div(10000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

// ---------------------------------------------------------------------------------------------------------
// PERF-01 / PERF-02: sums inside the forms

function formSum(f: Form, field: string, stated: string | null, parts: [string, string | null][], what: string, places?: number): Instance | null {
  const printed = parts.filter(([, v]) => v !== null);
  // a total the form does not print (or the reader did not find) states nothing to compare
  if (stated === null) return null;
  const computed = printed.reduce((acc, [, v]) => acc.plus(dec(v)), new Decimal(0));
  const p = places ?? printedPlaces([stated, ...printed.map(([, v]) => v)]);
  // the 元 blocks of a project form are exact (rules.yaml: kind exact, unit 元)
  const status: Status = places === 0 ? (dec(stated).eq(computed) ? 'pass' : 'fail') : judgeSum(dec(stated), computed, Math.max(printed.length, 1), p);
  return {
    status,
    message: `${formName(f)} ${what}: ${stated ?? 'blank'} vs Σ(${printed.map(([k]) => k).join(' + ') || '-'}) = ${computed.toFixed(p)}`,
    expected: computed.toFixed(p),
    actual: stated ?? '0',
    refs: [formRef(f, field)],
  };
}

/** PERF-01 整体绩效目标表: 合计(按来源) = Σ sources; 合计(按方向) = 基本支出 + 项目支出 */
function deptFormSums(out: Output): (Instance | null)[] {
  return deptForms(out).flatMap((f) => {
    const s = f.budget.bySource;
    const d = f.budget.byDirection;
    return [
      formSum(f, 'budget.bySource', s.total, [['一般公共预算', s.gpb], ['政府性基金', s.gov_fund], ['国有资本经营', s.soe], ['社会保险基金', s.social_insurance], ['专户管理资金', s.special_account], ['单位资金', s.unit_funds]], '按资金来源 合计 = Σ sources'),
      formSum(f, 'budget.byDirection', d.total, [['基本支出', d.basic], ['项目支出', d.project]], '按资金方向 合计 = 基本支出 + 项目支出'),
    ];
  });
}

/** PERF-02 项目绩效目标表: 实施期/年度资金总额 = 中央 + 省级 + 市县 + 单位自筹 + 其他 (元, exact) */
function projectFormSums(out: Output): (Instance | null)[] {
  return projectForms(out).flatMap((f) =>
    (['implementation', 'annual'] as const).map((block) => {
      const m = f.funds[block];
      const label = block === 'implementation' ? '实施期资金总额' : '年度资金总额';
      const sources: [string, string | null][] = [['中央', m.central], ['省级', m.provincial], ['市县', m.local], ['单位自筹', m.self], ['其他', m.other], ['财政资金', m.fiscal ?? null], ['上年结转', m.carryOver ?? null]];
      // the 元 blocks of the standard form are exact; a form in 万元 rounds like a table
      return formSum(f, `funds.${block}`, m.total, sources, `${label} = Σ sources (${f.funds.unit})`, f.funds.unit === '元' ? 0 : undefined);
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------
// PERF-03: the annual block carries this year's appropriation

function annualFunds(out: Output): (Instance | null)[] {
  return projectForms(out).map((f) => {
    const p = projectRowOf(out, f);
    const annual = f.funds.annual.total;
    if (!p || (annual === null && f.funds.implementation.total === null)) return null;
    const printed = wanOf(p.table, p.row.values.total);
    if (printed === null) return null;
    const wan = annual === null ? null : formWan(f, annual);
    const ok = wan !== null && wan.minus(printed).abs().lte(0.005);
    return {
      status: ok ? 'pass' : 'fail',
      message: `${f.projectName}: 年度资金总额 ${annual === null ? '(blank)' : `${annual}${f.funds.unit} = ${wan!.toFixed(2)}万元`} vs 项目支出表 ${printed.toFixed(2)}万元`,
      expected: printed.toFixed(2),
      actual: wan === null ? 'blank' : wan.toFixed(2),
      refs: [formRef(f, 'funds.annual.total'), tableRef(p.table, p.row, 'total')],
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// PERF-04: indicator hierarchy

const LEVEL2: Record<string, string[]> = {
  产出: ['数量', '质量', '时效', '成本'],
  成本: ['经济成本', '社会成本', '生态环境成本', '成本'],
  效益: ['经济效益', '社会效益', '生态效益', '可持续影响'],
  满意度: ['服务对象满意度', '社会公众满意度', '社会公众或服务对象满意度'],
};
const level1Of = (s: string) => compact(s).replace(/指标$/, '');

/** 二级 label under its 一级; labels cut short in narrow columns (服务对象满意, 服务对象满意度指) are read as their full form. */
function level2Allowed(level1: string, level2: string): boolean {
  const allowed = LEVEL2[level1Of(level1)];
  if (!allowed) return false;
  const k = compact(level2);
  return allowed.some((a) => k === a || k === `${a}指标` || (k.length >= 5 && `${a}指标`.startsWith(k)));
}

function hierarchy(out: Output): Instance[] {
  return out.forms.flatMap((f) => {
    const list = indicators(f);
    if (!list.length) return [];
    const bad = list.filter((i) => !(level1Of(i.level1) in LEVEL2) || !level2Allowed(i.level1, i.level2) || (i.level3.trim() !== '' && i.valueRaw.trim() === ''));
    const why = (i: Indicator) =>
      !(level1Of(i.level1) in LEVEL2) ? `一级 ${i.level1 || '(blank)'}` : !level2Allowed(i.level1, i.level2) ? `二级 ${i.level2 || '(blank)'} under ${i.level1}` : `${i.level3} has no 指标值`;
    return [{
      status: bad.length ? 'fail' : 'pass',
      message: `${formName(f)}: ${list.length} indicators, ${bad.length} off the hierarchy${bad.length ? ` (${bad.slice(0, 3).map(why).join('; ')})` : ''}`,
      refs: bad.map((i) => indicatorRef(f, i)),
    } as Instance];
  });
}

// ---------------------------------------------------------------------------------------------------------
// PERF-05: 指标值 grammar

const OP = String.raw`(?:≥|≤|≧|≦|=|>|<|大于等于|小于等于|不低于|不少于|不高于|不超过|不多于|等于|大于|小于|高于|低于)`;
const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** a unit: %, ‰, or a short word (个, 人次, 平方米, 元/月人, 元/人·月, m³ …) */
// (人、户, 台、件、套: several units; 元/人.月, 元/人*月; 家（次）: a unit with its qualifier)
const UNIT = String.raw`(?:%|‰|[\p{Script=Han}A-Za-z㎡²³·]{1,6}(?:[、\/.*][\p{Script=Han}A-Za-z·]{1,4}){0,3}(?:[(（][\p{Script=Han}]{1,3}[)）])?)`;
// the unit may be printed in parentheses, =100.00(%) (Shanghai's 填报系统)
const QUANT = new RegExp(String.raw`^${OP}?(?:${NUM})(?:${UNIT}|\(${UNIT}\))?(?:以上|以下|以内)?$`, 'u');
const TIME = new RegExp(
  // a month range (2026年5月至6月, 2026年9至10月, 1-12月, 2026年3月--4月) is a time too
  String.raw`^${OP}?(?:\d{4}年(?:\d{1,2}(?:月?(?:-{1,2}|—{1,2}|－|–|至|到|~)\d{1,2})?月(?:\d{1,2}日)?)?(?:底|末|初|中|内|年底|年末|上半年|下半年)?(?:前|之前|以前|内)?(?:完成)?|\d{1,2}(?:-{1,2}|—{1,2}|－|–|至|~)\d{1,2}月|\d+(?:个)?(?:工作日|日|天|周|个月|月|年|小时)(?:内|以内)?)$`,
  'u',
);
/** qualitative and temporal words: a short phrase without figures (有效, 提升, 全年, 每月, 促进和谐 …) */
const QUAL = /^[\p{Script=Han}]{1,12}$/u;

function valueGrammar(out: Output): Instance[] {
  return out.forms.flatMap((f) =>
    indicators(f)
      .filter((i) => i.valueRaw.trim() !== '')
      .map((i) => {
        const v = i.valueRaw.normalize('NFKC').replace(/\s+/g, '');
        const ok = QUANT.test(v) || TIME.test(v) || QUAL.test(v);
        return { status: ok ? 'pass' : 'fail', message: `${formName(f)} ${i.level3}: 指标值 “${i.valueRaw}” ${ok ? 'parses' : 'is neither [operator] number [unit] nor a qualitative or temporal value'}`, refs: [indicatorRef(f, i)] } as Instance;
      }),
  );
}

// ---------------------------------------------------------------------------------------------------------
// PERF-06 / PERF-07: cost indicators

const isCost = (i: Indicator) => /成本/.test(i.level1) || /成本/.test(i.level2);
/** an amount of money (万元, 元), not a rate (元/月人) */
const isMoney = (i: Indicator) => i.number !== null && (i.unit === '万元' || i.unit === '元' || i.unit === '亿元');
const moneyWan = (i: Indicator) => {
  const d = new Decimal(i.number!);
  return i.unit === '元' ? d.div(10000) : i.unit === '亿元' ? d.times(10000) : d;
};

/** 支出总表 合计 row (一般公共预算支出表 when there is none). */
function spendingTotal(out: Output): { table: Table; row: TypedRow } | null {
  for (const kind of ['B.expenditure', 'B.gpb_expenditure']) {
    const t = tableOf(out, kind);
    const r = row(t, totalRow());
    if (t && r) return { table: t, row: r };
  }
  return null;
}

function costCaps(out: Output): (Instance | null)[] {
  const spending = spendingTotal(out);
  const capOf = (f: Form, i: Indicator, col: 'project' | 'basic', what: string): Instance | null => {
    if (!spending) return null;
    const key = Object.keys(spending.row.values).find((k) => k === col || k === `${col}.total`);
    const printed = key ? wanOf(spending.table, spending.row.values[key]) : null;
    if (printed === null) return null;
    const stated = moneyWan(i);
    const status = judgeCopy(stated, printed);
    return {
      status,
      message: `成本指标 ${i.level3} ${i.valueRaw} = ${what}: ${stated.toFixed(2)} vs ${spending.table.title} ${printed.toFixed(2)}`,
      expected: printed.toFixed(2),
      actual: stated.toFixed(2),
      refs: [indicatorRef(f, i), tableRef(spending.table, spending.row, key!)],
    };
  };
  const out1 = deptForms(out).flatMap((f) =>
    indicators(f)
      .filter((i) => isMoney(i))
      .map((i) => (/项目支出成本|项目支出总成本/.test(i.level3) ? capOf(f, i, 'project', '项目支出') : /基本支出成本|基本支出总成本/.test(i.level3) ? capOf(f, i, 'basic', '基本支出') : null)),
  );
  const out2 = projectForms(out).flatMap((f) => {
    const p = projectRowOf(out, f);
    const amounts = [f.funds.implementation.total, f.funds.annual.total].filter((v): v is string => v !== null).map((v) => formWan(f, v));
    const tableWan = p ? wanOf(p.table, p.row.values.total) : null;
    if (tableWan !== null) amounts.push(tableWan);
    const amount = amounts.length ? Decimal.max(...amounts) : null;
    if (amount === null || amount.isZero()) return [];
    return indicators(f)
      .filter((i) => isCost(i) && isMoney(i))
      .map((i): Instance => {
        const stated = moneyWan(i);
        // 项目总成本 caps the whole project: it is the project amount itself
        if (/^(项目)?总成本$|^项目成本$/.test(compact(i.level3)) && tableWan !== null) {
          return { status: judgeCopy(stated, tableWan), message: `成本指标 ${i.level3} ${i.valueRaw} = 项目支出表 ${tableWan.toFixed(2)}万元`, expected: tableWan.toFixed(2), actual: stated.toFixed(2), refs: [indicatorRef(f, i), tableRef(p!.table, p!.row, 'total')] };
        }
        const ok = stated.lte(amount);
        return { status: ok ? 'pass' : 'fail', message: `${f.projectName}: 成本指标 ${i.level3} ${i.valueRaw} ${ok ? 'within' : 'exceeds'} the project amount ${amount.toFixed(2)}万元`, expected: `≤${amount.toFixed(2)}`, actual: stated.toFixed(2), refs: [indicatorRef(f, i)] };
      });
  });
  return [...out1, ...out2];
}

/** PERF-07 a cost indicator stated in money caps (≤) or fixes (=) the cost, never sets a floor (≥, >) */
function costUpperBounds(out: Output): Instance[] {
  return out.forms.flatMap((f) =>
    indicators(f)
      .filter((i) => isCost(i) && isMoney(i))
      .map((i) => {
        const floor = i.op === '≥' || i.op === '>';
        return { status: floor ? 'fail' : 'pass', message: `${formName(f)}: 成本指标 ${i.level3} ${i.valueRaw}${floor ? ' is a lower bound' : ''}`, expected: '≤ or =', actual: i.valueRaw, refs: [indicatorRef(f, i)] } as Instance;
      }),
  );
}

// ---------------------------------------------------------------------------------------------------------
// PERF-08: arithmetic in 项目概况

const MONEY = new RegExp(String.raw`(${NUM})\s*(万元|万|元)(?![/每])`, 'g');
const toYuan = (n: string, unit: string) => new Decimal(n.replace(/,/g, '')).times(unit === '元' ? 1 : 10000);
/** the total a 项目概况 states: 费用总计32208元, 设立了150万元的…资金, 共计…, 总额… */
const STATED_TOTAL = new RegExp(String.raw`(?:总计|合计|共计|总额为?|总预算|共需|需资金|设立了?)(?:为|约)?\s*(${NUM})\s*(万元|万|元)(?![/每])`);

interface Arithmetic {
  what: string;
  computed: Decimal;
  /** the figures reproduce the amount only up to it (standards that leave room for other costs) */
  atMost?: boolean;
}

/** 1、…30万元;2、…10万;3、…20万 — numbered components with one amount each */
function components(text: string): Arithmetic | null {
  const items = text.split(/(?:^|[；;。，,:：\s])(?=\d{1,2}[、.．)）](?!\d))/).filter((s) => /^\d{1,2}[、.．)）]/.test(s));
  if (items.length < 2) return null;
  const numbers = items.map((s) => Number(/^(\d{1,2})/.exec(s)![1]));
  if (!numbers.every((n, k) => n === k + 1)) return null;
  const amounts = items.map((s) => [...s.matchAll(MONEY)]);
  if (amounts.some((a) => a.length !== 1)) return null;
  const computed = amounts.reduce((acc, [m]) => acc.plus(toYuan(m[1], m[2])), new Decimal(0));
  return { what: `Σ ${items.length} numbered components`, computed };
}

const PERIODS: Record<string, number> = { 月: 12, 年: 1 };

/**
 * quantity × standard from the indicators, when the 项目概况 quotes the standards: one exact head count
 * (数量指标, 人) times every per-person rate (元/月人 × 12, 元/年人).
 */
function standards(f: ProjectForm): Arithmetic | null {
  const list = indicators(f).filter((i) => i.period !== '年度' || !indicators(f).some((j) => j.period === '实施期'));
  const counts = list.filter((i) => /数量/.test(i.level2) && i.number !== null && (i.op === null || i.op === '=') && /^(人|名)$/.test(i.unit ?? ''));
  const rates = list.filter((i) => i.number !== null && (i.op === null || i.op === '=') && /^元\/(月|年)人$|^元\/人\/?(月|年)$/.test(i.unit ?? ''));
  if (new Set(counts.map((c) => c.number)).size !== 1 || !rates.length) return null;
  const text = compact(f.overview ?? '');
  if (!rates.every((r) => text.includes(`${r.number}元`))) return null;
  const n = new Decimal(counts[0].number!);
  const computed = rates.reduce((acc, r) => acc.plus(n.times(r.number!).times(PERIODS[/(月|年)/.exec(r.unit!)![1]])), new Decimal(0));
  return { what: `${counts[0].level3} ${counts[0].valueRaw} × ${rates.map((r) => r.valueRaw).join(' + ')}`, computed, atMost: true };
}

function overviewArithmetic(out: Output): Instance[] {
  return projectForms(out).flatMap((f) => {
    const p = projectRowOf(out, f);
    // in 元, whatever unit the form states its funds in
    const amount = f.funds.implementation.total !== null ? formYuan(f, f.funds.implementation.total) : p && p.row.values.total != null ? wanOf(p.table, p.row.values.total)!.times(10000) : null;
    const text = compact(f.overview ?? '');
    if (amount === null || !text) return [];
    const found: Arithmetic[] = [];
    const stated = STATED_TOTAL.exec(text);
    if (stated) found.push({ what: `stated total ${stated[0]}`, computed: toYuan(stated[1], stated[2]) });
    const parts = components(text);
    if (parts) found.push(parts);
    const std = standards(f);
    if (std) found.push(std);
    return found.map((a): Instance => {
      const equal = a.computed.eq(amount);
      // standards that need more than the project has cannot be met; less leaves room for other costs
      const status: Status = equal ? 'pass' : a.atMost && a.computed.lt(amount) ? 'hint' : 'fail';
      return {
        status,
        message: `${f.projectName}: 项目概况 ${a.what} = ${a.computed.toFixed(0)}元 vs 项目资金 ${amount.toFixed(0)}元`,
        expected: amount.toFixed(0),
        actual: a.computed.toFixed(0),
        refs: [formRef(f, 'overview'), formRef(f, 'funds.implementation.total')],
      };
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// PERF-09 staffing, PERF-10 satisfaction, PERF-11 year and dates

function staffing(out: Output): (Instance | null)[] {
  return deptForms(out).flatMap((f) => {
    const n = (c: DeptForm['actualStaff']) => (c?.number != null ? new Decimal(c.number) : null);
    const [actual, on, other, approved] = [n(f.actualStaff), n(f.onEstablishment), n(f.otherStaff), n(f.approvedStaff)];
    return [
      actual !== null && on !== null && other !== null
        ? { status: actual.eq(on.plus(other)) ? 'pass' : 'fail', message: `实际在职人员总数 ${actual} vs 在编 ${on} + 其他 ${other}`, expected: on.plus(other).toString(), actual: actual.toString(), refs: [formRef(f, 'actualStaff'), formRef(f, 'onEstablishment'), formRef(f, 'otherStaff')] } as Instance
        : null,
      on !== null && approved !== null
        ? { status: on.lte(approved) ? 'pass' : 'fail', message: `在编人员数 ${on} vs 核定的人员编制数 ${approved}`, expected: `≤${approved}`, actual: on.toString(), refs: [formRef(f, 'onEstablishment'), formRef(f, 'approvedStaff')] } as Instance
        : null,
    ];
  });
}

const QUANTIFIED_SATISFACTION = /^(?:≥|>|=|大于等于|不低于|不少于)?(?:\d+(?:\.\d+)?)(?:%|\(%\))$/;

function satisfaction(out: Output): Instance[] {
  return out.forms.flatMap((f) =>
    indicators(f)
      .filter((i) => /满意/.test(i.level1) && i.valueRaw.trim() !== '')
      .map((i) => {
        const ok = QUANTIFIED_SATISFACTION.test(i.valueRaw.normalize('NFKC').replace(/\s+/g, ''));
        return { status: ok ? 'pass' : 'warn', message: `${formName(f)}: ${i.level3} ${i.valueRaw}${ok ? '' : ' is not a measurable target (≥x%)'}`, refs: [indicatorRef(f, i)] } as Instance;
      }),
  );
}

/** 20231214114621, 2023-12-14, 2023年12月14日 → [year, month, day] */
function dateOf(s: string | null): [number, number, number] | null {
  if (!s) return null;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{6})?$/.exec(s.trim()) ?? /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(s);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function formDates(out: Output): (Instance | null)[] {
  const year = out.document.year;
  if (year === null) return [];
  return out.forms.flatMap((f) => {
    const checks: (Instance | null)[] = [];
    if (f.year !== null) {
      checks.push({ status: f.year === year ? 'pass' : 'fail', message: `${formName(f)}: form year ${f.year} vs document year ${year}`, expected: String(year), actual: String(f.year), refs: [formRef(f, 'year')] });
    }
    const filled = f.kind === 'perf.project' ? dateOf(f.footer.filledAt) : null;
    // budget forms are filled in before the budget year opens (by 31 January at the latest)
    if (filled && out.document.family === 'budget') {
      const [y, m, d] = filled;
      const ok = y < year || (y === year && m === 1 && d <= 31);
      const late = y > year;
      checks.push({ status: ok ? 'pass' : late ? 'fail' : 'warn', message: `${formName(f)}: 填报日期 ${f.kind === 'perf.project' ? f.footer.filledAt : ''} ${ok ? 'opens' : 'is after the start of'} budget year ${year}`, expected: `≤${year}-01-31`, actual: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, refs: [formRef(f, 'footer.filledAt')] });
    }
    return checks;
  });
}

/** Rules of shared/domain/rules.yaml for this area (see rules.ts). */
export const PERF_RULES: Rule[] = [
  { id: 'PERF-01', title: '整体绩效目标表 internal sums', evaluate: deptFormSums },
  { id: 'PERF-02', title: '项目绩效目标表: 资金总额 = Σ sources', evaluate: projectFormSums },
  { id: 'PERF-03', title: '项目绩效目标表: 年度资金总额 = this year’s appropriation', evaluate: annualFunds },
  { id: 'PERF-04', title: 'Indicator hierarchy valid', evaluate: hierarchy },
  { id: 'PERF-05', title: '指标值 grammar', evaluate: valueGrammar },
  { id: 'PERF-06', title: 'Cost caps equal table amounts', evaluate: costCaps },
  { id: 'PERF-07', title: 'Cost indicators are upper bounds', evaluate: costUpperBounds },
  { id: 'PERF-08', title: 'Arithmetic in 项目概况 and indicators', evaluate: overviewArithmetic },
  { id: 'PERF-09', title: '整体绩效目标表 staffing fields', evaluate: staffing },
  { id: 'PERF-10', title: 'Satisfaction indicators are quantified', evaluate: satisfaction },
  { id: 'PERF-11', title: 'Form year and dates', evaluate: formDates },
];
