import { Decimal } from 'decimal.js';
import type { Fact } from '../../src/model/fact.js';
import type { DeptForm } from '../../src/model/form.js';
import type { Output } from '../../src/model/output.js';
import { compact } from '../../src/util/text.js';
import type { Instance } from '../../src/validate/types.js';
import { factRef, restatedOn, sumInstance } from './facts.js';
import { colKey, ofFamily, onlyWhen, tableOf } from '../../src/validate/lookup.js';
import { bareName } from '../../src/util/text.js';
import type { Rule } from '../../src/validate/types.js';
import { dec } from '../../src/validate/tolerance.js';

/** The 预算 情况说明 against the tables (BUD-N-*): the facts of extractors/cn-narrative, resolved to cells. */

const budgetOnly = (evaluate: (out: Output) => (Instance | null)[]) => onlyWhen(ofFamily('budget'), evaluate);

/** BUD-N-06 基本支出 = 人员经费 + 公用经费 as the narrative states them */
function basicSections(out: Output): (Instance | null)[] {
  const facts = out.facts.filter((f) => f.kind === 'amount' && f.topic === 'basic');
  const basic = facts.find((f) => /基本支出$/.test(f.subject));
  const parts = [facts.find((f) => f.subject === '人员经费'), facts.find((f) => f.subject === '公用经费')].filter((f): f is Fact => !!f);
  return [...restatedOn(out, 'basic'), basic && parts.length === 2 ? sumInstance('说明 基本支出 = 人员经费 + 公用经费', basic, parts) : null];
}

const itemName = (s: string) => compact(s).replace(/[“”"']/g, '');

/** BUD-N-07 the items listed after 人员经费/公用经费…主要包括 are non-zero items of that column of 基本支出表 */
function itemLists(out: Output): Instance[] {
  const t = tableOf(out, 'B.gpb_basic_econ');
  if (!t?.rows) return [];
  return out.facts.flatMap((list) => {
    if (list.kind !== 'list' || list.topic !== 'basic' || !list.items) return [];
    const side = /人员/.test(list.subject) ? 'personnel' : /公用/.test(list.subject) ? 'public' : null;
    if (!side) return [];
    // a table without 人员经费 | 公用经费 columns (one 金额 column) tells the two apart by the items' classes
    const own = t.columns?.some((c) => c.key === side);
    const col = own ? side : colKey(t, 'total');
    const classes = side === 'personnel' ? /^30[13]/ : /^(302|307|310|399)/;
    if (!col || (!own && !t.rows!.some((r) => r.code))) return [];
    const items = t
      .rows!.filter((r) => r.level !== 'total' && r.level !== '类' && !dec(r.values[col]).isZero() && (own || classes.test(r.code ?? '')))
      .map((r) => itemName(bareName(r.name)));
    const missing = list.items.map(itemName).filter((i) => !items.includes(i));
    const unlisted = items.filter((i) => !list.items!.map(itemName).includes(i));
    return [{
      status: missing.length ? 'fail' : 'pass',
      message: `${list.section}: ${list.subject} list${missing.length ? ` names items the table does not print: ${missing.join('、')}` : ' names table items'}${unlisted.length ? `; table items not listed: ${unlisted.join('、')}` : ''}`,
      ...(missing.length ? { expected: unlisted.join('、'), actual: missing.join('、') } : {}),
      refs: [factRef(list)],
    }];
  });
}

const NONE = /无[^,;。]*(三公|预算|支出|收入)|未安排|不涉及|为0|为零/;
const hasAmounts = (out: Output, kind: string) => (tableOf(out, kind)?.rows ?? []).some((r) => Object.values(r.values).some((v) => v && !dec(v).isZero()));

/** BUD-N-08 an empty 三公 table ⇔ the section says there is none; else the total quoted equals the table */
function threePublicSection(out: Output): (Instance | null)[] {
  const t = tableOf(out, 'B.three_public');
  const section = out.sections.find((s) => /三公/.test(s.title) && s.paragraphs.length);
  if (!t || !section) return [];
  const text = compact(section.paragraphs.join(''));
  const empty = !hasAmounts(out, 'B.three_public');
  // “本部门无三公经费预算”, or every 三公 figure stated as 0.00万元
  const amounts = out.facts.filter((f) => f.topic === 'three_public' && f.kind === 'amount');
  const saysNone = (NONE.test(text) || amounts.length > 0) && amounts.every((f) => dec(f.value).isZero());
  const ref = { text: `${section.number}、${section.title}`, ...(section.pages[0] ? { page: section.pages[0] } : {}) };
  if (empty || saysNone) {
    return [{ status: empty === saysNone ? 'pass' : 'fail', message: `${section.title}: table ${empty ? 'empty' : 'has amounts'}, text ${saysNone ? 'says none' : 'gives amounts'}`, refs: [ref] }];
  }
  const stated = out.facts.find((f) => f.topic === 'three_public' && f.kind === 'amount');
  const total = t.rows?.find((r) => r.level === 'total');
  if (!stated || !total) return [];
  const value = total.values.total ?? null;
  const ok = dec(stated.value).eq(dec(value));
  return [{ status: ok ? 'pass' : 'fail', message: `${section.title}: 三公 ${stated.value} vs table 合计 ${value ?? 'blank'}`, expected: value ?? '0', actual: stated.value, refs: [factRef(stated)] }];
}

/** BUD-N-10 政府采购 total = 货物 + 工程 + 服务, and no more than the total expenditure */
function procurement(out: Output): (Instance | null)[] {
  const facts = out.facts.filter((f) => f.kind === 'amount' && f.topic === 'procurement');
  const parts = ['货物', '工程', '服务'].map((w) => facts.find((f) => f.subject.includes(w))).filter((f): f is Fact => !!f);
  // the whole the parts are listed under, else the one named as a total (not the 中小企业 reserved amount)
  const total = facts.find((f) => f.id === parts[0]?.partOf) ?? facts.find((f) => /总额|合计|金额/.test(f.subject) && !/货物|工程|服务|中小|小微|预留/.test(f.subject));
  if (!total) return [];
  const spending = tableOf(out, 'B.expenditure')?.rows?.find((r) => r.level === 'total')?.values.total;
  const out2: (Instance | null)[] = [parts.length === 3 ? sumInstance('政府采购 总额 = 货物 + 工程 + 服务', total, parts) : null];
  if (spending) {
    const ok = dec(total.value).lte(dec(spending));
    out2.push({ status: ok ? 'pass' : 'fail', message: `政府采购 ${total.value} ≤ 支出总表 合计 ${spending}`, expected: `≤ ${spending}`, actual: total.value, refs: [factRef(total)] });
  }
  return out2;
}

/**
 * BUD-N-12 项目绩效: N projects of X万元, of which n₁ 运转类 of x₁ … — counts and amounts add up, and the
 * amount equals the 项目支出表 total.
 */
function projectCounts(out: Output): Instance[] {
  const facts = out.facts.filter((f) => f.topic === 'performance' && (f.kind === 'count' || f.kind === 'amount'));
  const groups: { count: Fact; amount?: Fact; parts: { count: Fact; amount?: Fact }[] }[] = [];
  let last: { count: Fact; amount?: Fact } | undefined;
  for (const f of facts) {
    if (f.kind === 'count' && f.unit === '个' && /类项目$/.test(f.subject)) {
      last = { count: f };
      groups[groups.length - 1]?.parts.push(last);
    } else if (f.kind === 'count' && f.unit === '个' && /项目|绩效目标/.test(f.subject)) {
      last = { count: f };
      groups.push({ ...last, parts: [] });
    } else if (f.kind === 'amount' && last && !last.amount && f.paragraph === last.count.paragraph) {
      last.amount = f;
      const g = groups[groups.length - 1];
      if (g && g.count === last.count) g.amount = f;
    } else if (f.kind === 'count') last = undefined;
  }
  const projects = tableOf(out, 'B.projects')?.rows?.find((r) => r.level === 'department' || r.level === 'total')?.values.total;
  return groups.flatMap((g) => {
    const checks: Instance[] = [];
    if (g.parts.length >= 2) {
      const n = g.parts.reduce((acc, p) => acc.plus(dec(p.count.value)), new Decimal(0));
      checks.push({ status: n.eq(dec(g.count.value)) ? 'pass' : 'fail', message: `${g.count.section}: ${g.count.subject} ${g.count.value} vs Σ by type ${n}`, expected: n.toString(), actual: g.count.value, refs: [factRef(g.count)] });
      const amounts = g.parts.map((p) => p.amount).filter((a): a is Fact => !!a);
      if (g.amount && amounts.length === g.parts.length) checks.push(sumInstance(`${g.count.section}: project amounts by type`, g.amount, amounts));
    }
    if (g.amount && projects && g.parts.length) {
      const ok = dec(g.amount.value).eq(dec(projects));
      checks.push({ status: ok ? 'pass' : 'fail', message: `${g.count.section}: ${g.amount.value} vs 项目支出表 ${projects}`, expected: projects, actual: g.amount.value, refs: [factRef(g.amount)] });
    }
    return checks;
  });
}

const deptForm = (out: Output) => out.forms.find((f): f is DeptForm => f.kind === 'perf.dept_overall');

/** BUD-N-13 staff total = Σ categories = the 整体绩效目标表's 实际在职人员; 内设 offices = 内设职能部门数 */
function staffing(out: Output): Instance[] {
  const counts = out.facts.filter((f) => f.kind === 'count' && f.unit === '人' && f.topic === 'staffing');
  const TOTAL = /在职|实有|现有|编制|人员$/;
  const total = counts.find((f) => TOTAL.test(f.subject));
  const checks: Instance[] = [];
  if (total) {
    // the categories listed after 其中, up to the next total (编制N人，其中…；实有M人，其中…)
    const after = counts.filter((f) => f.sentence === total.sentence && Number(f.id.slice(1)) > Number(total.id.slice(1)));
    const end = after.findIndex((f) => TOTAL.test(f.subject));
    const parts = /其中/.test(total.sentence) ? (end < 0 ? after : after.slice(0, end)) : [];
    if (parts.length >= 2) {
      const n = parts.reduce((acc, p) => acc.plus(dec(p.value)), new Decimal(0));
      checks.push({ status: n.eq(dec(total.value)) ? 'pass' : 'fail', message: `${total.section}: ${total.subject} ${total.value} vs Σ categories ${n}`, expected: n.toString(), actual: total.value, refs: [factRef(total)] });
    }
    const form = deptForm(out)?.actualStaff?.number;
    if (form) checks.push({ status: dec(form).eq(dec(total.value)) ? 'pass' : 'fail', message: `${total.section}: ${total.value}人 vs 整体绩效目标表 实际在职人员 ${form}`, expected: form, actual: total.value, refs: [factRef(total)] });
  }
  const offices = out.sections.flatMap((s) => s.paragraphs).map((p) => /内设[:：]?(.+?)(?:。|$)/.exec(compact(p))?.[1]).find(Boolean);
  const formOffices = deptForm(out)?.internalDivisions?.number;
  if (offices && formOffices && !/\d/.test(offices)) {
    const n = offices.split(/[、和及]/).filter(Boolean).length;
    checks.push({ status: dec(formOffices).eq(n) ? 'pass' : 'fail', message: `内设 ${n} offices (${offices}) vs 整体绩效目标表 内设职能部门 ${formOffices}`, expected: formOffices, actual: String(n), refs: [{ text: offices }] });
  }
  return checks;
}

/** BUD-N-14 实有 vehicles = Σ categories, and no more than the 编制 */
function assets(out: Output): Instance[] {
  const cars = out.facts.filter((f) => f.kind === 'count' && f.unit === '辆');
  const actual = cars.find((f) => /实有|共有|车辆$/.test(f.subject));
  if (!actual) return [];
  const parts = cars.filter((f) => f.sentence === actual.sentence && Number(f.id.slice(1)) > Number(actual.id.slice(1)));
  const checks: Instance[] = [];
  if (parts.length >= 2) {
    const n = parts.reduce((acc, p) => acc.plus(dec(p.value)), new Decimal(0));
    checks.push({ status: n.eq(dec(actual.value)) ? 'pass' : 'fail', message: `${actual.section}: 实有 ${actual.value}辆 vs Σ categories ${n}`, expected: n.toString(), actual: actual.value, refs: [factRef(actual)] });
  }
  const quota = cars.find((f) => /编制/.test(f.subject));
  if (quota) checks.push({ status: dec(actual.value).lte(dec(quota.value)) ? 'pass' : 'fail', message: `${actual.section}: 实有 ${actual.value}辆 ≤ 编制 ${quota.value}辆`, expected: `≤ ${quota.value}`, actual: actual.value, refs: [factRef(actual)] });
  return checks;
}

const REQUIRED_SECTIONS: [string, RegExp][] = [
  ['收支变动', /收支/], ['收入', /收入/], ['支出', /支出/], ['财政拨款', /财政拨款/], ['一般公共预算', /一般公共预算/],
  ['基本支出', /基本支出/], ['三公', /三公/], ['机关运行经费', /机关运行/], ['政府采购', /政府采购/], ['绩效', /绩效/], ['国有资产', /国有资产|资产占有/],
];

/** BUD-N-15 the 情况说明 covers every required topic */
function requiredSections(out: Output): Instance[] {
  const titles = out.sections.map((s) => compact(s.title));
  // only a narrative laid out topic by topic under one heading (三、2024年度部门预算情况说明) can be held to
  // the list; Shanghai's 编制说明 runs as one text
  if (!titles.some((t) => /(?:部门|单位)预算情况说明$/.test(t) && !/三公/.test(t))) return [];
  const missing = REQUIRED_SECTIONS.filter(([, re]) => !titles.some((t) => re.test(t))).map(([name]) => name);
  // which sections are required depends on the region's template (a university under 教育部 explains four
  // topics): a missing one is a warning to look at, not an error of the figures
  return [{ status: missing.length ? 'warn' : 'pass', message: missing.length ? `情况说明 lacks: ${missing.join('、')}` : 'every required explanation section present', ...(missing.length ? { actual: missing.join('、') } : {}), refs: [] }];
}

export const BUDGET_NARRATIVE_RULES: Rule[] = [
  { id: 'BUD-N-01', title: 'Totals in 部门预算收支 section = 收支总表', evaluate: budgetOnly((out) => restatedOn(out, 'summary')) },
  { id: 'BUD-N-02', title: '收入 section amounts = tables', evaluate: budgetOnly((out) => restatedOn(out, 'income')) },
  { id: 'BUD-N-03', title: '支出 section amounts = 支出总表', evaluate: budgetOnly((out) => restatedOn(out, 'expenditure')) },
  { id: 'BUD-N-04', title: '财政拨款 section = 财政拨款收支总表', evaluate: budgetOnly((out) => restatedOn(out, 'fiscal')) },
  { id: 'BUD-N-05', title: '一般公共预算 section = 一般公共预算支出表', evaluate: budgetOnly((out) => restatedOn(out, 'gpb')) },
  { id: 'BUD-N-06', title: '基本支出 section = 基本支出表', evaluate: budgetOnly(basicSections) },
  { id: 'BUD-N-07', title: 'Item lists name only non-zero table items', evaluate: budgetOnly(itemLists) },
  { id: 'BUD-N-08', title: '三公 section ↔ 三公 table', evaluate: budgetOnly(threePublicSection) },
  { id: 'BUD-N-09', title: '机关运行经费 section = 机关运行经费表', evaluate: budgetOnly((out) => restatedOn(out, 'admin')) },
  { id: 'BUD-N-10', title: '政府采购 section', evaluate: budgetOnly(procurement) },
  { id: 'BUD-N-11', title: '绩效 section funding = tables', evaluate: budgetOnly((out) => restatedOn(out, 'performance')) },
  { id: 'BUD-N-12', title: '绩效 section project counts and amounts', evaluate: budgetOnly(projectCounts) },
  { id: 'BUD-N-13', title: 'Staffing figures', evaluate: budgetOnly(staffing) },
  { id: 'BUD-N-14', title: '国有资产 figures', evaluate: budgetOnly(assets) },
  { id: 'BUD-N-15', title: 'Required explanation sections present', evaluate: budgetOnly(requiredSections) },
];
