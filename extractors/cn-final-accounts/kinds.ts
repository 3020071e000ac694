import type { KindEvidence } from '../../src/recognise/family.js';
import { labelKey } from '../../src/util/text.js';

/**
 * The standard 决算 table a title names in words no alias lists (2023年度部门收入支出决算总表（公开01表）,
 * 一般公共预算财政拨款支出决算明细表 …): the key words decide, as for 预算 tables. Only titles that say 决算.
 */
const ECONOMIC = /经济分类|经济科目/;
const FUNCTIONAL = /功能分类|功能科目/;

type Rule = [kind: string | null, test: (t: string) => boolean];

const TITLE_RULES: Rule[] = [
  [null, (t) => !/决算/.test(t) || /绩效|说明|目录/.test(t)],
  ['F.three_public', (t) => /三公/.test(t)],
  [null, (t) => /机关运行经费/.test(t)],
  ['F.soe', (t) => /国有资本经营/.test(t)],
  ['F.gov_fund', (t) => /政府性基金/.test(t)],
  ['F.fiscal_summary', (t) => /财政拨款/.test(t) && /收支|收入支出/.test(t) && /总/.test(t) && !/一般公共预算/.test(t)],
  ['F.summary', (t) => /收支|收入支出/.test(t) && /总/.test(t) && !/财政拨款/.test(t)],
  ['F.gpb_basic_econ', (t) => /一般公共预算/.test(t) && /基本支出/.test(t) && !FUNCTIONAL.test(t)],
  [null, (t) => /基本支出|项目支出/.test(t)],
  ['F.gpb_expenditure', (t) => /一般公共预算/.test(t) && /支出/.test(t) && !ECONOMIC.test(t)],
  ['F.income', (t) => /收入/.test(t) && !/支出/.test(t) && !/财政拨款/.test(t)],
  ['F.expenditure', (t) => /支出/.test(t) && !/收入/.test(t) && !/财政拨款/.test(t)],
];

export function guessFinalKind(evidence: KindEvidence): { kind: string; by: 'keywords' } | null {
  const title = labelKey(evidence.title);
  if (!title || !/表/.test(title)) return null;
  for (const [kind, test] of TITLE_RULES) if (test(title)) return kind ? { kind, by: 'keywords' } : null;
  return null;
}
