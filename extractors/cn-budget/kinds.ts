import type { KindEvidence } from '../../src/recognise/family.js';
import { labelKey } from '../../src/util/text.js';

/**
 * The standard 预算 table a title names in words no alias lists: publishers vary the wording around a few
 * key words (部门综合预算一般公共预算支出明细表（按支出功能分类科目）, 一般公共预算拨款支出预算表,
 * 西南大学收入预算表), and the key words decide. Tried in order; the first that holds wins. A title that
 * names a part of a standard table (基本支出 by function, 财政拨款 expenditure without its fund) names none.
 */
const ECONOMIC = /经济分类|经济科目/;
const FUNCTIONAL = /功能分类|功能科目/;

type Rule = [kind: string | null, test: (t: string, header: string) => boolean];

const TITLE_RULES: Rule[] = [
  [null, (t) => /绩效|决算|说明|目录/.test(t)],
  ['B.three_public', (t) => /三公/.test(t)],
  ['B.admin_operating', (t) => /机关运行经费/.test(t)],
  ['B.procurement', (t) => /政府采购/.test(t)],
  ['B.soe', (t) => /国有资本经营/.test(t)],
  ['B.gov_fund_income', (t) => /政府性基金/.test(t) && /收入/.test(t) && !/支出|收支/.test(t)],
  ['B.gov_fund_expenditure', (t) => /政府性基金/.test(t)],
  ['B.fiscal_summary', (t) => /财政拨款/.test(t) && /收支/.test(t)],
  ['B.summary', (t) => /收支/.test(t) && /总|预算表$|情况表$/.test(t)],
  // 财政拨款 expenditure without naming the fund mixes the funds: not the 一般公共预算 tables
  [null, (t) => /财政拨款/.test(t) && !/一般公共预算/.test(t)],
  // 基本支出 by economic class; by function it is part of the 一般公共预算支出表, no standard table of its own
  ['B.gpb_basic_econ', (t, h) => /基本支出/.test(t) && !FUNCTIONAL.test(t) && (ECONOMIC.test(t) || ECONOMIC.test(h) || /一般公共预算/.test(t))],
  [null, (t) => /基本支出/.test(t)],
  ['B.projects', (t) => /项目支出|专项业务经费/.test(t) && !ECONOMIC.test(t) && !FUNCTIONAL.test(t)],
  ['B.gpb_econ_gov', (t) => /一般公共预算/.test(t) && /支出/.test(t) && ECONOMIC.test(t)],
  ['B.gpb_expenditure', (t) => /一般公共预算/.test(t) && /支出/.test(t)],
  ['B.income', (t) => /收入/.test(t) && !/支出/.test(t) && /总|预算表$|情况表$/.test(t)],
  ['B.expenditure', (t) => /支出/.test(t) && !/收入/.test(t) && /总|预算表$|情况表$/.test(t)],
];

export function guessBudgetKind(evidence: KindEvidence): { kind: string; by: 'keywords' | 'header' } | null {
  const title = labelKey(evidence.title);
  const header = labelKey(evidence.header.join('|'));
  if (title && /表/.test(title)) {
    for (const [kind, test] of TITLE_RULES) if (test(title, header)) return kind ? { kind, by: 'keywords' } : null;
    return null;
  }
  // no title: only a header that can mean one table speaks
  if (/因公出国/.test(header) && /公务接待/.test(header)) return { kind: 'B.three_public', by: 'header' };
  return null;
}
