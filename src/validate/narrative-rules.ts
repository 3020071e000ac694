import { Decimal } from 'decimal.js';
import type { Rule } from './rules.js';
import type { Output } from '../model/output.js';
import type { Instance } from './evaluators.js';

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

/** Narrative rules beyond GEN-N-01/06 (facts of cn-narrative against the tables). */
export const NARRATIVE_RULES: Rule[] = [];
