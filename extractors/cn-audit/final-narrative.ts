import { Decimal } from 'decimal.js';
import type { Fact } from '../../src/model/fact.js';
import type { Output } from '../../src/model/output.js';
import type { Table, TypedRow } from '../../src/model/table.js';
import type { Instance, Ref } from '../../src/validate/types.js';
import { factRef, pctInstance, restatedOn, restates, sectionText, shares } from './facts.js';
import { ofFamily, onlyWhen, tableOf } from '../../src/validate/lookup.js';
import { bareName } from '../../src/util/text.js';
import type { Rule } from '../../src/validate/types.js';
import { dec, judgeCopy, judgeSum, sumTolerance } from '../../src/validate/tolerance.js';

/** The 决算 情况说明 against the tables (FIN-N-*), on the facts of extractors/cn-narrative. */

const finalOnly = (evaluate: (out: Output) => (Instance | null)[]) => onlyWhen(ofFamily('final_accounts'), evaluate);
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const num = (s: string) => new Decimal(s.replace(/,/g, ''));
const sectionRef = (s: { section: string; page?: number }, text?: string): Ref => ({ text: text ? `${s.section}: ${text}` : s.section, ...(s.page ? { page: s.page } : {}) });

/** FIN-N-02 收入/支出 amounts equal the tables; their shares, and 一般公共预算 占本年支出合计 */
function incomeAndSpending(out: Output): (Instance | null)[] {
  const ids = new Set(out.facts.filter((f) => f.kind === 'share' && (f.topic === 'income' || f.topic === 'expenditure' || /占本年支出合计/.test(f.sentence))).map((f) => f.id));
  return [...restatedOn(out, 'income', 'expenditure'), ...shares(out, (f) => ids.has(f.id))];
}

/** FIN-N-03 each 类 of the 一般公共预算 structure equals the table, its share the amount over the total */
function gpbStructure(out: Output): (Instance | null)[] {
  const classes = out.facts.filter((f) => f.kind === 'amount' && f.topic === 'gpb' && f.cell && /\(类\)$/.test(f.subject));
  const ids = new Set(out.facts.filter((f) => f.kind === 'share' && f.topic === 'gpb' && classes.some((c) => c.id === f.of)).map((f) => f.id));
  return [...classes.map((f) => restates(out, f)), ...shares(out, (f) => ids.has(f.id))];
}

/** A 项 paragraph of the 一般公共预算 具体情况: 1、X（类）Y（款）Z（项）。主要用于：…年初预算为A万元，支出决算为C万元… */
interface ItemParagraph {
  names: [string, string, string];
  purpose: string;
  budget?: { value: Decimal; label: string };
  final?: Decimal;
  rate?: { value: string; label: string };
  text: string;
}

function itemParagraphs(out: Output): { section: { section: string; page?: number }; intro: string; items: ItemParagraph[] }[] {
  return sectionText(out, (t) => /具体情况/.test(t) && /一般公共预算/.test(t)).map((section) => {
    const parts = section.text.split(/(?:^|(?<=[。:：]))\d{1,2}[、.](?=[^\d])/);
    const items = parts.slice(1).flatMap((text) => {
      const m = /^(.+?)\(类\)(.+?)\(款\)(.+?)\(项\)/.exec(text);
      if (!m) return [];
      const item: ItemParagraph = { names: [m[1], m[2], m[3]], purpose: /主要用于:?([^。]*)/.exec(text)?.[1] ?? '', text };
      const budget = new RegExp(String.raw`(年初预算|全年预算|调整预算)(?:数)?为${NUMBER}万元`).exec(text);
      if (budget) item.budget = { label: budget[1], value: num(budget[2]) };
      const final = new RegExp(String.raw`支出决算(?:数)?为${NUMBER}万元`).exec(text);
      if (final) item.final = num(final[1]);
      const rate = new RegExp(String.raw`完成(年初|全年|调整)?预算(?:数)?的${NUMBER}%`).exec(text);
      if (rate) item.rate = { label: rate[1] ?? '', value: rate[2] };
      return [item];
    });
    return { section, intro: parts[0], items };
  });
}

/** The 项 row of the 一般公共预算 table a paragraph is about: by its names, else by its amount under its 款. */
function rowOf(t: Table | undefined, item: ItemParagraph): { row?: TypedRow; byName: boolean } {
  const rows = t?.rows ?? [];
  const named = rows.find((r) => r.level === '项' && bareName(r.name) === item.names[2]);
  if (named) return { row: named, byName: true };
  if (!item.final) return { byName: false };
  const same = rows.filter((r) => r.level === '项' && dec(r.values.total).eq(item.final!));
  return same.length === 1 ? { row: same[0], byName: false } : { byName: false };
}

/** FIN-N-04 完成年初预算的r% = 决算 / the budget the wording names; a 年初预算 of 0 cannot be the base */
function executionRates(out: Output): Instance[] {
  return itemParagraphs(out).flatMap(({ section, intro, items }) => {
    const checks: Instance[] = [];
    const heads = [{ text: intro }, ...items];
    for (const p of heads) {
      const rate = new RegExp(String.raw`完成(年初|全年|调整)?预算(?:数)?的${NUMBER}%`).exec(p.text);
      const final = new RegExp(String.raw`支出决算(?:数)?为${NUMBER}万元`).exec(p.text);
      if (!rate || !final) continue;
      const budgets = new Map([...p.text.matchAll(new RegExp(String.raw`(年初|全年|调整)预算(?:数)?为${NUMBER}万元`, 'g'))].map((m) => [m[1], num(m[2])]));
      const named = rate[1] ?? '年初';
      const base = budgets.get(named);
      if (base === undefined) continue;
      if (base.isZero()) {
        const other = [...budgets].find(([, v]) => !v.isZero());
        checks.push({
          status: 'fail',
          message: `${section.section}: 完成${named}预算的${rate[2]}% with ${named}预算 0${other ? `; ${rate[2]}% is 决算 ${final[1]} over ${other[0]}预算 ${other[1]}` : ''}`,
          expected: other ? `完成${other[0]}预算的${num(final[1]).div(other[1]).times(100).toFixed(2)}%` : 'no rate',
          actual: `完成${named}预算的${rate[2]}%`,
          refs: [sectionRef(section, p.text.slice(0, 60))],
        });
        continue;
      }
      checks.push(pctInstance(`${section.section}: 完成${named}预算`, rate[2], num(final[1]), base, [sectionRef(section, p.text.slice(0, 60))]));
    }
    return checks;
  });
}

/** FIN-N-05 every non-zero 项 has its paragraph, its 决算 equals the table, the 项 budgets add up to the total */
function itemCoverage(out: Output): Instance[] {
  const t = tableOf(out, 'F.gpb_expenditure');
  if (!t?.rows) return [];
  return itemParagraphs(out).flatMap(({ section, intro, items }) => {
    if (!items.length) return [];
    const checks: Instance[] = [];
    const matched = items.map((i) => ({ i, ...rowOf(t, i) }));
    for (const { i, row } of matched) {
      if (!row || !i.final) continue;
      const status = judgeCopy(i.final, dec(row.values.total));
      checks.push({ status, message: `${section.section}: ${i.names[2]} 支出决算 ${i.final} vs table ${row.code ?? ''} ${row.values.total ?? 'blank'}`, expected: row.values.total ?? '0', actual: i.final.toString(), refs: [sectionRef(section, i.text.slice(0, 60))] });
    }
    const described = new Set(matched.map((m) => m.row).filter(Boolean));
    const missing = t.rows!.filter((r) => r.level === '项' && !dec(r.values.total).isZero() && !described.has(r));
    checks.push({
      status: missing.length ? 'fail' : 'pass',
      message: `${section.section}: ${described.size} of ${described.size + missing.length} 项 described${missing.length ? `; missing ${missing.map((r) => `${r.code ?? ''} ${r.name}`).join(', ')}` : ''}`,
      refs: [sectionRef(section)],
    });
    const total = new RegExp(String.raw`(年初|全年|调整)预算(?:数)?为${NUMBER}万元`).exec(intro);
    const budgets = items.filter((i) => i.budget && (!total || i.budget.label === `${total[1]}预算`));
    if (total && budgets.length === items.length) {
      const sum = budgets.reduce((acc, i) => acc.plus(i.budget!.value), new Decimal(0));
      const stated = num(total[2]);
      checks.push({ status: judgeSum(stated, sum, budgets.length), message: `${section.section}: Σ项 ${total[1]}预算 ${sum.toFixed(2)} vs ${total[1]}预算 ${stated}`, expected: sum.toFixed(2), actual: stated.toString(), refs: [sectionRef(section)] });
    }
    return checks;
  });
}

/** FIN-N-06 决算数大于/小于/持平 预算数 agrees with the figures, and a reason is given when they differ */
function comparisonWords(out: Output): Instance[] {
  return itemParagraphs(out).flatMap(({ section, items }) =>
    items.flatMap((i) => {
      if (!i.budget || !i.final) return [];
      const word = /决算数(?:[^,。]*?预算数)?(大于|小于|高于|低于|超过)|决算数[^,。]*?(持平)/.exec(i.text);
      if (!word) return [];
      const said = word[1] ?? word[2];
      const sign = i.final.comparedTo(i.budget.value);
      const expected = sign > 0 ? '大于' : sign < 0 ? '小于' : '持平';
      const agrees = said === '持平' ? sign === 0 : /大于|高于|超过/.test(said) ? sign > 0 : sign < 0;
      const reason = said === '持平' || /原因/.test(i.text);
      return [{
        status: agrees && reason ? 'pass' : 'fail',
        message: `${section.section}: ${i.names[2]} 决算 ${i.final} vs ${i.budget.label} ${i.budget.value}: says ${said}${reason ? '' : ', no reason given'}`,
        expected,
        actual: said,
        refs: [sectionRef(section, i.text.slice(0, 60))],
      }];
    }),
  );
}

/** FIN-N-09 the 类/款/项 names of a paragraph are the table's names for the row it describes */
function itemNames(out: Output): Instance[] {
  const t = tableOf(out, 'F.gpb_expenditure');
  if (!t?.rows) return [];
  const byCode = (code?: string) => t.rows!.find((r) => r.code === code);
  return itemParagraphs(out).flatMap(({ section, items }) =>
    items.flatMap((i) => {
      const { row } = rowOf(t, i);
      if (!row?.code) return [];
      const expected = [byCode(row.code.slice(0, 3))?.name, byCode(row.code.slice(0, 5))?.name, row.name].map((n) => (n ? bareName(n) : ''));
      const wrong = i.names.map((n, k) => (expected[k] && n !== expected[k] ? `${n}(${'类款项'[k]}) for ${expected[k]}` : '')).filter(Boolean);
      return [{
        status: wrong.length ? 'fail' : 'pass',
        message: `${section.section}: ${row.code} ${wrong.length ? `described as ${wrong.join(', ')}` : 'names match'}`,
        ...(wrong.length ? { expected: expected.join(' / '), actual: i.names.join(' / ') } : {}),
        refs: [sectionRef(section, i.text.slice(0, 60))],
      }];
    }),
  );
}

/** what an item is for, by its name, and words of the purpose text that belong to another kind of item */
const PURPOSES: [kind: string, name: RegExp, words: RegExp][] = [
  ['医疗', /医疗|医保/, /医疗|医保/],
  ['养老', /养老|离退休|退休/, /养老|退休|离退休/],
  ['年金', /年金/, /年金/],
  ['公积金', /公积金/, /公积金/],
  ['购房', /购房补贴/, /购房/],
];

/** FIN-N-10 the 主要用于 text of a 项 does not describe another kind of item (住房公积金 → 医疗保险) */
function purposes(out: Output): Instance[] {
  return itemParagraphs(out).flatMap(({ section, items }) =>
    items.flatMap((i) => {
      const own = PURPOSES.find(([, name]) => name.test(i.names[2]));
      if (!own || !i.purpose) return [];
      const other = PURPOSES.find(([kind, , words]) => kind !== own[0] && words.test(i.purpose) && !own[2].test(i.purpose));
      return [{
        status: other ? 'fail' : 'pass',
        message: `${section.section}: ${i.names[2]}(项) 主要用于 “${i.purpose}”${other ? ` describes ${other[0]}` : ''}`,
        refs: [sectionRef(section, i.text.slice(0, 60))],
      }];
    }),
  );
}

/** FIN-N-08 三公: empty table ⇔ “无…支出”; else 预算, 决算 and 完成预算的r% equal the table's 合计 */
function threePublic(out: Output): Instance[] {
  const t = tableOf(out, 'F.three_public');
  const sections = sectionText(out, (s) => /三公/.test(s));
  const section = sections.find((s) => s.text);
  if (!t || !section) return [];
  // a layout whose 合计 columns were not recognised cannot be compared
  // 合计 under 预算数/决算数 pairs (total.final) or 决算数 over its items (final.total), as the header nests them
  const keys = (t.columns ?? []).map((c) => c.key);
  const [budgetKey, finalKey] = keys.includes('total.final') ? ['total.budget', 'total.final'] : keys.includes('final.total') ? ['budget.total', 'final.total'] : [];
  if (!budgetKey || !finalKey) return [];
  const total = t.rows?.find((r) => Object.keys(r.values).includes(finalKey));
  const budget = dec(total?.values[budgetKey]);
  const final = dec(total?.values[finalKey]);
  const checks: Instance[] = [];
  const stated = new RegExp(String.raw`三公"?经费财政拨款支出(?:年初)?预算(?:数)?为${NUMBER}万元,支出决算(?:数)?为${NUMBER}万元(?:,完成(?:年初)?预算的${NUMBER}%)?`).exec(section.text.replace(/[“”]/g, '"'));
  if (stated) {
    for (const [what, printed, table] of [['预算', stated[1], budget], ['决算', stated[2], final]] as const) {
      const status = judgeCopy(num(printed), table);
      checks.push({ status, message: `${section.section}: 三公 ${what} ${printed} vs table 合计 ${table.toFixed(2)}`, expected: table.toFixed(2), actual: printed, refs: [sectionRef(section)] });
    }
    if (stated[3] !== undefined) checks.push(pctInstance(`${section.section}: 三公 完成预算`, stated[3], num(stated[2]), num(stated[1]), [sectionRef(section)]));
  }
  const empty = final.isZero();
  const saysNone = /无"?三公"?经费(?:财政拨款)?支出/.test(section.text.replace(/[“”]/g, '"'));
  if (empty || saysNone) checks.push({ status: empty === saysNone ? 'pass' : 'fail', message: `${section.section}: 决算 ${final.toFixed(2)}, text ${saysNone ? 'says none' : 'gives amounts'}`, refs: [sectionRef(section)] });
  return checks;
}

/**
 * FIN-N-11 政府采购: total = 货物 + 工程 + 服务; 中小企业预留 ≤ total; 小微预留 ≤ 中小预留; awards to SMEs in
 * reserved projects ≤ reserved; awards to SMEs in the other projects ≤ total − reserved.
 */
function procurement(out: Output): Instance[] {
  const section = sectionText(out, (s) => /政府采购/.test(s)).find((s) => s.text);
  if (!section) return [];
  const text = section.text;
  const figure = (re: string) => {
    const m = new RegExp(re + String.raw`[^0-9。]*?${NUMBER}万元`).exec(text);
    return m ? num(m[1]) : undefined;
  };
  const total = figure('政府采购(?:支出)?(?:总)?金额');
  const parts = ['货物', '工程', '服务'].map((w) => figure(`${w}采购金额`));
  const sme = figure('面向中小企业预留政府采购项目预算金额');
  const micro = figure('面向小微企业预留政府采购项目预算金额');
  const smeAwards = figure('在面向中小企业预留的政府采购项目中,由中小企业供应商中标或成交的,采购金额');
  const otherAwards = figure('在其他政府采购项目中,由中小企业供应商中标或成交的,采购金额');
  if (total === undefined) return [];
  const ref = [sectionRef(section)];
  const checks: Instance[] = [];
  if (parts.every((p) => p !== undefined)) {
    const sum = parts.reduce((a, p) => a!.plus(p!), new Decimal(0))!;
    checks.push({ status: judgeSum(total, sum, 3), message: `${section.section}: 政府采购 ${total} vs 货物 + 工程 + 服务 = ${sum.toFixed(2)}`, expected: sum.toFixed(2), actual: total.toString(), refs: ref });
  }
  // each bound in the figures as printed, with the rounding a sum of two printed figures carries
  const atMost = (what: string, value: Decimal | undefined, bound: Decimal | undefined) => {
    if (value === undefined || bound === undefined) return;
    const over = value.minus(bound);
    const status = over.lte(0) ? 'pass' : over.lte(sumTolerance(2)) ? 'pass_rounding' : 'fail';
    checks.push({ status, message: `${section.section}: ${what}: ${value} ≤ ${bound.toFixed(2)}`, expected: `≤ ${bound.toFixed(2)}`, actual: value.toString(), refs: ref });
  };
  atMost('中小企业预留 ≤ 总额', sme, total);
  atMost('小微企业预留 ≤ 中小企业预留', micro, sme);
  atMost('中小企业中标(预留项目) ≤ 预留', smeAwards, sme);
  atMost('中小企业中标(其他项目) ≤ 总额 − 预留', otherAwards, sme === undefined ? undefined : total.minus(sme));
  return checks;
}

/** FIN-N-12 performance counts: grades add up to the self-evaluated projects; target amounts ≤ 项目支出 (hint) */
function performance(out: Output): Instance[] {
  const counts = out.facts.filter((f) => f.topic === 'performance' && f.kind === 'count');
  const selfEval = counts.find((f) => /自评/.test(f.subject) && /项目/.test(f.subject));
  const grades = counts.filter((f) => /评级为/.test(f.subject));
  const checks: Instance[] = [];
  if (selfEval && grades.length) {
    const n = grades.reduce((a, g) => a.plus(dec(g.value)), new Decimal(0));
    checks.push({ status: n.eq(dec(selfEval.value)) ? 'pass' : 'fail', message: `${selfEval.section}: 自评项目 ${selfEval.value} vs Σ grades ${n}`, expected: n.toString(), actual: selfEval.value, refs: [factRef(selfEval)] });
  }
  const amount = out.facts.find((f) => f.topic === 'performance' && f.kind === 'amount' && /预算金额/.test(f.subject));
  const projects = tableOf(out, 'F.expenditure')?.rows?.find((r) => r.level === 'total')?.values.project;
  if (amount && projects) {
    const ok = dec(amount.value).lte(dec(projects));
    checks.push({ status: ok ? 'pass' : 'hint', message: `${amount.section}: 绩效目标 ${amount.value} vs 项目支出决算 ${projects}${ok ? '' : ' (budget amounts may exceed the spending)'}`, expected: `≤ ${projects}`, actual: amount.value, refs: [factRef(amount)] });
  }
  return checks;
}

/** FIN-N-13 a growth percentage from a prior-year value of 0 (增加X，增长100%) is undefined */
function zeroBase(out: Output): Instance[] {
  return out.facts.flatMap((f) => {
    if (f.kind !== 'change_pct' || !f.of) return [];
    const current = out.facts.find((x) => x.id === f.of);
    const delta = out.facts.find((x) => x.kind === 'change' && x.of === f.of && x.sentence === f.sentence);
    if (!current || !delta || delta.direction !== '增加') return [];
    const fromZero = dec(current.value).minus(dec(delta.value)).isZero();
    return [{ status: fromZero ? 'warn' : 'pass', message: `${f.section}: ${current.subject} 增加${delta.value} ${fromZero ? `from a prior of 0, stated 增长${f.value}%` : 'from a non-zero prior'}`, refs: [factRef(f)] }];
  });
}

/** FIN-N-14 an empty 政府性基金 / 国有资本经营 table ⇔ the section says the department had none */
function emptyFunds(out: Output): Instance[] {
  return ([['F.gov_fund', /政府性基金/], ['F.soe', /国有资本经营/]] as const).flatMap(([kind, re]) => {
    const t = tableOf(out, kind);
    const section = sectionText(out, (s) => re.test(s) && /说明/.test(s)).find((s) => s.text);
    if (!t || !section) return [];
    const empty = !(t.rows ?? []).some((r) => Object.values(r.values).some((v) => v && !dec(v).isZero()));
    const saysNone = /无[^,。]*收入(?:和|及)?支出|无[^,。]*财政拨款/.test(section.text);
    return [{ status: empty === saysNone ? 'pass' : 'fail', message: `${section.section}: table ${empty ? 'empty' : 'has amounts'}, text ${saysNone ? 'says none' : 'explains amounts'}`, refs: [sectionRef(section)] }];
  });
}

export const FINAL_NARRATIVE_RULES: Rule[] = [
  { id: 'FIN-N-01', title: 'Totals quoted in sections 一 and 四', evaluate: finalOnly((out) => restatedOn(out, 'summary', 'fiscal')) },
  { id: 'FIN-N-02', title: '收入/支出 sections and GPB share of total', evaluate: finalOnly(incomeAndSpending) },
  { id: 'FIN-N-03', title: '一般公共预算 structure by 类', evaluate: finalOnly(gpbStructure) },
  { id: 'FIN-N-04', title: 'Execution rate and its base wording', evaluate: finalOnly(executionRates) },
  { id: 'FIN-N-05', title: 'Per-项 paragraphs cover the table and add up', evaluate: finalOnly(itemCoverage) },
  { id: 'FIN-N-06', title: '大于/小于/持平 wording and reasons', evaluate: finalOnly(comparisonWords) },
  { id: 'FIN-N-07', title: '基本支出 section = 基本支出决算表 (GPB only)', evaluate: finalOnly((out) => restatedOn(out, 'basic')) },
  { id: 'FIN-N-08', title: '三公 section', evaluate: finalOnly(threePublic) },
  { id: 'FIN-N-09', title: '类/款/项 names in narrative match the table', evaluate: finalOnly(itemNames) },
  { id: 'FIN-N-10', title: 'Purpose text plausible for the item', evaluate: finalOnly(purposes) },
  { id: 'FIN-N-11', title: '政府采购 section', evaluate: finalOnly(procurement) },
  { id: 'FIN-N-12', title: '绩效 section plausibility', evaluate: finalOnly(performance) },
  { id: 'FIN-N-13', title: 'Growth from a zero base', evaluate: finalOnly(zeroBase) },
  { id: 'FIN-N-14', title: 'Empty 基金/国资 tables ⇔ narrative statements', evaluate: finalOnly(emptyFunds) },
];
