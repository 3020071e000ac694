import { Decimal } from 'decimal.js';
import type { Rule } from '../../src/validate/types.js';
import type { Output } from '../../src/model/output.js';
import type { Instance } from '../../src/validate/types.js';
import type { Fact } from '../../src/model/fact.js';
import { BUDGET_NARRATIVE_RULES } from './budget-narrative.js';
import { FINAL_NARRATIVE_RULES } from './final-narrative.js';
import { byId, factRef, shareBases, shares, sumInstance } from './facts.js';
import { dec } from '../../src/validate/tolerance.js';
import { isDisclosure, onlyWhen } from '../../src/validate/lookup.js';

/** (比上年 / 与2023年度相比 …) 增加|减少 Δ万元，增长|下降 p% */
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const YOY = new RegExp(String.raw`(增加|减少)\s*(${NUMBER})\s*万元\s*[，,]?\s*(增长|下降)\s*(${NUMBER})\s*%`);
const AMOUNT = new RegExp(String.raw`(${NUMBER})\s*万元`);
const num = (s: string) => new Decimal(s.replace(/,/g, ''));
/** the base stated outright: 比2025年年初预算数35201.58万元减少… */
const STATED_PRIOR = new RegExp(String.raw`比[^，,。；]*?(${NUMBER})万元(?:增加|减少)`);

/** Clauses of the narrative with the section they stand in. */
function clauses(out: Output): { section: string; text: string; before: string }[] {
  return out.sections.flatMap((s) =>
    s.paragraphs.flatMap((p) => {
      // PDFs space out characters (支 出 预 算 33112.47 万 元): figures are read from the text without spaces
      const parts = p.replace(/\s+/g, '').split(/[；;。]/);
      return parts.map((text, i) => ({ section: `${s.number}、${s.title}`, text, before: parts[i - 1] ?? '' }));
    }),
  );
}

interface YearOnYear {
  section: string;
  text: string;
  current: Decimal;
  delta: Decimal;
  up: boolean;
  word: string;
  percent: Decimal;
  changeWord: string;
  /** the prior figure when the sentence states it */
  prior?: Decimal;
  /** the current figure was taken from the sentence before: the subject is a guess */
  borrowed: boolean;
  /** decimals the percentage is printed with */
  places: number;
}

function yearOnYear(out: Output): YearOnYear[] {
  const found: YearOnYear[] = [];
  for (const c of clauses(out)) {
    const m = YOY.exec(c.text);
    if (!m) continue;
    // the figure the change is about opens the clause ("收入总计518.25万元，其中：…，上年结转0万元，比上年减少…")
    // or the sentence before it ("…决算总计均为307.82万元。与2023年度相比，…增加…")
    const own = AMOUNT.exec(c.text.slice(0, m.index));
    const current = own ?? AMOUNT.exec(c.before);
    if (!current) continue;
    const stated = STATED_PRIOR.exec(c.text);
    found.push({
      section: c.section, text: c.text, current: num(current[1]), delta: num(m[2]), up: m[1] === '增加', word: m[1],
      percent: num(m[4]), changeWord: m[3], places: (m[4].split('.')[1] ?? '').length, ...(stated ? { prior: num(stated[1]) } : {}),
      borrowed: !own,
    });
  }
  return found;
}

/**
 * GEN-N-01 p = 100·Δ / prior, prior = current ∓ Δ, within one unit of the last printed place (0.01 points
 * for 1.79%, the rules.yaml policy, which accepts rounding and truncation; 0.1 for 0.8%).
 */
export function yoyPercent(out: Output): Instance[] {
  return yearOnYear(out).map((y) => {
    const prior = y.prior ?? (y.up ? y.current.minus(y.delta) : y.current.plus(y.delta));
    if (prior.isZero()) return { status: 'hint', message: `${y.section}: change from a zero base has no percentage: “${y.text}”`, refs: [{ text: y.text }] };
    const exact = y.delta.div(prior).times(100);
    const ok = exact.minus(y.percent).abs().lte(new Decimal(10).pow(-y.places));
    return {
      // a figure borrowed from the sentence before may not be what the change is about: warn, do not fail
      status: ok ? 'pass' : y.borrowed && !y.prior ? 'warn' : 'fail',
      message: `${y.section}: ${y.word}${y.delta}万元 from ${prior.toFixed(2)} is ${exact.toFixed(2)}%, stated ${y.percent}%`,
      expected: exact.toFixed(2),
      actual: y.percent.toString(),
      refs: [{ text: y.text }],
    };
  });
}

/** GEN-N-06 增加 goes with 增长, 减少 with 下降 */
export function yoyDirection(out: Output): Instance[] {
  return yearOnYear(out).map((y) => {
    const ok = (y.word === '增加') === (y.changeWord === '增长');
    return { status: ok ? 'pass' : 'fail', message: `${y.section}: ${y.word} … ${y.changeWord}`, refs: [{ text: y.text }] };
  });
}

/** GEN-N-03 the shares of one complete breakdown (their amounts add up to the whole) add up to 100% */
export function sharesAddUp(out: Output): Instance[] {
  const groups = new Map<string, Fact[]>();
  for (const share of out.facts.filter((f) => f.kind === 'share' && f.of)) {
    const own = byId(out, share.of)!;
    const key = `${share.paragraph}|${own.partOf ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), share]);
  }
  return [...groups.values()].flatMap((group) => {
    if (group.length < 2) return [];
    const owns = group.map((s) => byId(out, s.of)!);
    const base = shareBases(out, group[0], owns[0]).find((b) => b.label !== 'Σ of the parts listed');
    const parts = owns.reduce((acc, f) => acc.plus(dec(f.value)), new Decimal(0));
    // only a breakdown that covers its whole must come to 100%
    if (!base || parts.minus(base.value).abs().gt(new Decimal('0.005').times(owns.length + 1))) return [];
    const total = group.reduce((acc, s) => acc.plus(dec(s.value)), new Decimal(0));
    const ok = total.minus(100).abs().lte('0.02');
    return [{ status: ok ? 'pass' : 'fail', message: `${group[0].section}: shares of ${base.label} add up to ${total}%`, expected: '100', actual: total.toString(), refs: [factRef(group[0])] }];
  });
}

/**
 * The breakdowns that are complete by definition (rules.yaml GEN-N-04): a 其中 list elsewhere often names
 * only some parts (税收收入…，其中：增值税…、企业所得税…).
 */
const COMPLETE_BREAKDOWNS: RegExp[][] = [
  [/基本支出/, /项目支出/],
  [/人员经费/, /公用经费/],
  [/货物/, /工程/, /服务/],
  [/运转类/, /特定目标类/],
  [/^(?:本年|当年)/, /上年结转/],
  [/一般公共预算/, /政府性基金/, /国有资本经营/],
];

function isCompleteBreakdown(parts: Fact[]): boolean {
  // every member of the set named once, nothing else
  return COMPLETE_BREAKDOWNS.some((set) => parts.length === set.length && new Set(parts.map((p) => set.findIndex((re) => re.test(p.subject)))).size === set.length && parts.every((p) => set.some((re) => re.test(p.subject))));
}

/** GEN-N-04 a whole and the parts listed after 其中, where they make up a complete breakdown */
export function wholeAndParts(out: Output): Instance[] {
  const wholes = new Map<string, Fact[]>();
  // one 其中 list per sentence: 总预算X。其中：按资金来源…。其中：按年度… are two breakdowns of X
  for (const f of out.facts) if (f.kind === 'amount' && f.partOf) wholes.set(`${f.partOf}|${f.sentence}`, [...(wholes.get(`${f.partOf}|${f.sentence}`) ?? []), f]);
  return [...wholes.values()].flatMap((parts) => {
    const whole = byId(out, parts[0].partOf)!;
    return parts.length < 2 || parts.some((p) => p.unit !== whole.unit) || !isCompleteBreakdown(parts) ? [] : [sumInstance(`${whole.section} 其中`, whole, parts)];
  });
}

const PLACEHOLDER = /XX|××|[（(](?:增长|减少|增加|下降)[)）]|增加[（(]减少[)）]|下降[（(]增长[)）]|如持平作持平表述/;
const INSTRUCTION = /仍保留该表格式|按上述格式|在本表下方作下述说明/;

/** GEN-N-05 no template placeholders (fail) or template instructions (warn) left in the published text */
export function templateResidue(out: Output): Instance[] {
  const texts = [...out.sections.flatMap((s) => s.paragraphs.map((p) => ({ s, p }))), ...out.tables.map((t) => ({ s: null, p: t.note ?? '' }))];
  const found = texts.flatMap(({ s, p }) => {
    const text = p.normalize('NFKC').replace(/\s+/g, '');
    const bad = PLACEHOLDER.exec(text) ?? INSTRUCTION.exec(text);
    if (!bad) return [];
    const at = Math.max(0, bad.index - 30);
    const ref = { text: `${s ? `${s.number}、${s.title}: ` : ''}…${text.slice(at, bad.index + 30)}…`, ...(s?.pages[0] ? { page: s.pages[0] } : {}) };
    return [{ placeholder: PLACEHOLDER.test(text), ref }];
  });
  if (!out.sections.some((s) => s.paragraphs.length)) return [];
  if (!found.length) return [{ status: 'pass', message: 'no template residue', refs: [] }];
  return found.map((f) => ({ status: f.placeholder ? 'fail' : 'warn', message: `template residue: ${f.ref.text}`, refs: [f.ref] }));
}

/** GEN-N-07 an amount written in 元 where the narrative counts in 万元 and the tables print it in 万元 */
export function unitSlips(out: Output): Instance[] {
  if (!out.facts.some((f) => f.kind === 'amount')) return [];
  const cells = new Set(out.tables.flatMap((t) => (t.unit === '万元' ? (t.rows ?? []).flatMap((r) => Object.values(r.values)) : [])).filter((v): v is string => !!v && !dec(v).isZero()).map((v) => dec(v).toFixed(2)));
  const slips = out.facts.filter((f) => f.kind === 'amount' && f.unit === '元' && !dec(f.value).isZero() && cells.has(dec(f.value).toFixed(2)) && !cells.has(dec(f.value).div(10000).toFixed(2)));
  if (!slips.length) return [{ status: 'pass', message: 'amounts in the narrative carry the tables’ unit', refs: [] }];
  return slips.map((f) => ({ status: 'fail', message: `${f.section}: ${f.subject} ${f.value}元 is printed in the tables as ${f.value} 万元`, expected: `${f.value}万元`, actual: `${f.value}元`, refs: [factRef(f)] }));
}

/** GEN-N-08 a percentage of change or a share printed without its % sign (增长13.95。) */
export function numberFormat(out: Output): Instance[] {
  const paragraphs = out.sections.flatMap((s) => s.paragraphs.map((p) => ({ s, text: p.normalize('NFKC').replace(/\s+/g, '') })));
  if (!paragraphs.length) return [];
  const bad = paragraphs.flatMap(({ s, text }) => [...text.matchAll(/(?:增长|下降|占)(\d+(?:\.\d+)?)(?![\d.%万元亿个人辆台套条项次批家户所类种倍天])/g)].map((m) => ({ s, m, text })));
  if (!bad.length) return [{ status: 'pass', message: 'percentages carry their % sign', refs: [] }];
  return bad.map(({ s, m, text }) => ({
    status: 'fail',
    message: `${s.number}、${s.title}: “${text.slice(Math.max(0, (m.index ?? 0) - 20), (m.index ?? 0) + m[0].length + 5)}” — no % after ${m[1]}`,
    refs: [{ text: `${s.number}、${s.title}`, ...(s.pages[0] ? { page: s.pages[0] } : {}) }],
  }));
}

/**
 * The narrative rules are about a department's or unit's disclosure: a document none of whose tables is a
 * standard one (a city's budget report, a foreign statement) has other figures and other wording.
 */
const disclosureOnly = (rule: Rule): Rule => ({ ...rule, evaluate: onlyWhen(isDisclosure, rule.evaluate) });

/** Narrative rules beyond GEN-N-01/06 (facts of cn-narrative against the tables). */
export const NARRATIVE_RULES: Rule[] = [
  { id: 'GEN-N-02', title: 'Share percentages', evaluate: (out: Output) => shares(out) },
  { id: 'GEN-N-03', title: 'Shares of one breakdown add up to 100%', evaluate: sharesAddUp },
  { id: 'GEN-N-04', title: 'Narrative whole = Σ named parts', evaluate: wholeAndParts },
  { id: 'GEN-N-05', title: 'No template residue', evaluate: templateResidue },
  { id: 'GEN-N-07', title: 'Unit slips in narrative', evaluate: unitSlips },
  { id: 'GEN-N-08', title: 'Number formatting in narrative', evaluate: numberFormat },
  ...BUDGET_NARRATIVE_RULES,
  ...FINAL_NARRATIVE_RULES,
].map(disclosureOnly);
