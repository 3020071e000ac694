import type { Fact } from '../../src/model/fact.js';
import type { Output } from '../../src/model/output.js';
import type { Table, TypedRow } from '../../src/model/table.js';
import { bareName } from '../../src/util/text.js';

/**
 * Where a figure of the narrative is printed in the tables: for a section topic and the label the figure
 * is stated for, the table kind, the row and the column. The first anchor that matches wins, so narrower
 * labels come first (本年收入合计 before 收入).
 */
interface Anchor {
  topic: string;
  /** words the sentence must hold */
  sentence?: RegExp;
  subject: RegExp;
  kind: string;
  row: (r: TypedRow) => boolean;
  col: string;
}

const name = (re: RegExp, panel?: string) => (r: TypedRow) => (panel === undefined || r.panel === panel) && re.test(bareName(r.name));
const total = (panel?: string) => (r: TypedRow) => (panel === undefined || r.panel === panel) && r.level === 'total';

const BUDGET: Anchor[] = [
  { topic: 'summary', subject: /收入总计$/, kind: 'B.summary', row: name(/^收入总计$/, 'income'), col: 'amount' },
  { topic: 'summary', subject: /^(?:预算)?本年收入(?:合计)?$/, kind: 'B.summary', row: name(/^本年收入合计$/, 'income'), col: 'amount' },
  { topic: 'summary', subject: /支出总计$/, kind: 'B.summary', row: name(/^支出总计$/, 'expenditure'), col: 'total' },
  { topic: 'summary', subject: /^本年(?:预算安排|支出(?:合计)?)$/, kind: 'B.summary', row: name(/^本年支出合计$/, 'expenditure'), col: 'total' },
  { topic: 'income', subject: /一般公共预算(?:拨款)?(?:收入)?$/, kind: 'B.income', row: total(), col: 'gpb' },
  { topic: 'income', subject: /政府性基金(?:预算)?(?:拨款)?(?:收入)?$/, kind: 'B.income', row: total(), col: 'gov_fund' },
  { topic: 'income', subject: /国有资本经营(?:预算)?(?:拨款)?(?:收入)?$/, kind: 'B.income', row: total(), col: 'soe' },
  { topic: 'income', subject: /财政专户管理资金(?:收入)?$/, kind: 'B.income', row: total(), col: 'special_account' },
  { topic: 'income', subject: /^单位资金(?:收入)?$/, kind: 'B.income', row: total(), col: 'unit_funds' },
  { topic: 'income', subject: /^上年结转(?:收入)?$/, kind: 'B.income', row: total(), col: 'carry_over' },
  { topic: 'income', subject: /^(?:本年|当年)?(?:部门)?(?:预算)?收入(?:预算)?(?:合计|总计)?$/, kind: 'B.income', row: total(), col: 'total' },
  { topic: 'expenditure', subject: /^基本支出$/, kind: 'B.expenditure', row: total(), col: 'basic' },
  { topic: 'expenditure', subject: /^项目支出$/, kind: 'B.expenditure', row: total(), col: 'project' },
  { topic: 'expenditure', subject: /^(?:本年|当年)?(?:部门)?(?:预算)?支出(?:预算)?(?:合计|总计)?$/, kind: 'B.expenditure', row: total(), col: 'total' },
  { topic: 'fiscal', subject: /(?:总预算|收入总计|收支总计)$/, kind: 'B.fiscal_summary', row: name(/^收入总计$/, 'income'), col: 'amount' },
  { topic: 'fiscal', subject: /^一般公共预算(?:拨款)?(?:收入)?$/, kind: 'B.fiscal_summary', row: name(/^一般公共预算/, 'income'), col: 'amount' },
  { topic: 'fiscal', subject: /^政府性基金(?:预算)?(?:拨款)?(?:收入)?$/, kind: 'B.fiscal_summary', row: name(/^政府性基金/, 'income'), col: 'amount' },
  { topic: 'fiscal', subject: /^国有资本经营(?:预算)?(?:拨款)?(?:收入)?$/, kind: 'B.fiscal_summary', row: name(/^国有资本经营/, 'income'), col: 'amount' },
  { topic: 'fiscal', subject: /^(?:当年|本年)拨款收入$/, kind: 'B.fiscal_summary', row: name(/^本年收入合计$/, 'income'), col: 'amount' },
  { topic: 'fiscal', subject: /^上年结转(?:收入)?$/, kind: 'B.fiscal_summary', row: name(/^上年.*结转/, 'income'), col: 'amount' },
  { topic: 'gpb', subject: /一般公共预算(?:当年)?(?:拨款)?支出$/, kind: 'B.gpb_expenditure', row: total(), col: 'total' },
  { topic: 'basic', subject: /基本支出$/, kind: 'B.gpb_basic_econ', row: total(), col: 'total' },
  { topic: 'basic', subject: /^人员经费$/, kind: 'B.gpb_basic_econ', row: total(), col: 'personnel' },
  { topic: 'basic', subject: /^公用经费$/, kind: 'B.gpb_basic_econ', row: total(), col: 'public' },
  { topic: 'admin', subject: /机关运行经费/, kind: 'B.admin_operating', row: total(), col: 'total' },
  // the funds the 整体 (department-wide) target covers; a project's own 预算资金 is not the table's
  { topic: 'performance', sentence: /整体/, subject: /部门预算资金$/, kind: 'B.expenditure', row: total(), col: 'total' },
  { topic: 'performance', sentence: /整体/, subject: /^基本支出$/, kind: 'B.expenditure', row: total(), col: 'basic' },
  { topic: 'performance', sentence: /整体/, subject: /^项目支出$/, kind: 'B.expenditure', row: total(), col: 'project' },
];

const FINAL: Anchor[] = [
  { topic: 'summary', subject: /总计$/, kind: 'F.summary', row: name(/^总计$/, 'income'), col: 'final' },
  { topic: 'income', subject: /^(?:本年)?收入合计$/, kind: 'F.income', row: total(), col: 'total' },
  { topic: 'income', subject: /^财政拨款收入$/, kind: 'F.income', row: total(), col: 'fiscal' },
  { topic: 'income', subject: /^上级补助收入$/, kind: 'F.income', row: total(), col: 'superior_subsidy' },
  { topic: 'income', subject: /^事业收入$/, kind: 'F.income', row: total(), col: 'business_income' },
  { topic: 'income', subject: /^经营收入$/, kind: 'F.income', row: total(), col: 'operating_income' },
  { topic: 'income', subject: /^附属单位上缴收入$/, kind: 'F.income', row: total(), col: 'affiliate_income' },
  { topic: 'income', subject: /^其他收入$/, kind: 'F.income', row: total(), col: 'other_income' },
  { topic: 'expenditure', subject: /^(?:本年)?支出合计$/, kind: 'F.expenditure', row: total(), col: 'total' },
  { topic: 'expenditure', subject: /^基本支出$/, kind: 'F.expenditure', row: total(), col: 'basic' },
  { topic: 'expenditure', subject: /^项目支出$/, kind: 'F.expenditure', row: total(), col: 'project' },
  { topic: 'expenditure', subject: /^经营支出$/, kind: 'F.expenditure', row: total(), col: 'operating_expenditure' },
  { topic: 'fiscal', subject: /总计$/, kind: 'F.fiscal_summary', row: name(/^总计$/, 'income'), col: 'final' },
  { topic: 'gpb', subject: /^一般公共预算财政拨款支出$/, kind: 'F.gpb_expenditure', row: total(), col: 'total' },
  { topic: 'basic', subject: /基本支出$/, kind: 'F.gpb_expenditure', row: total(), col: 'basic' },
  { topic: 'basic', subject: /^人员经费$/, kind: 'F.gpb_basic_econ', row: total('personnel'), col: 'final' },
  { topic: 'basic', subject: /^公用经费$/, kind: 'F.gpb_basic_econ', row: total('public'), col: 'final' },
];

/** Tables whose 类 rows a class named in a section of this topic restates, and the column. */
const CLASS_TABLES: Record<string, [kind: string, col: string, panel?: string][]> = {
  fiscal: [['B.fiscal_summary', 'total', 'expenditure'], ['F.fiscal_summary', 'total', 'expenditure']],
  gpb: [['B.gpb_expenditure', 'total'], ['F.gpb_expenditure', 'total']],
  expenditure: [['B.expenditure', 'total'], ['F.expenditure', 'total']],
  income: [['B.income', 'total'], ['F.income', 'total']],
};

/** the table prints that column for the row's panel: a layout without it restates nothing there */
const hasColumn = (t: Table, r: TypedRow, col: string) => (t.columns ?? []).some((c) => c.key === col && (c.panel ?? undefined) === (r.panel ?? undefined));

const firstOf = (out: Output, kind: string) => out.tables.find((t) => t.kind === kind && t.rows?.length);

function cellOf(t: Table, r: TypedRow, col: string): Fact['cell'] {
  const cell: NonNullable<Fact['cell']> = { table: t.id, row: r.row, col, value: r.values[col] ?? null };
  // rows of side-by-side panels (收入 | 支出) share their numbers
  if (r.panel) cell.panel = r.panel;
  if (t.unit) cell.unit = t.unit;
  return cell;
}

/** The cell an amount of the narrative restates, if the tables print it. */
export function cellFor(fact: Fact, out: Output): Fact['cell'] | undefined {
  if (fact.kind !== 'amount' || !fact.topic || fact.unit !== '万元') return undefined;
  const subject = fact.subject.replace(/\((?:类|款|项)\)(?:支出)?$/, '');
  const anchors = out.document.family === 'final_accounts' ? FINAL : BUDGET;
  for (const a of anchors) {
    if (a.topic !== fact.topic || !a.subject.test(subject) || (a.sentence && !a.sentence.test(fact.sentence))) continue;
    const t = firstOf(out, a.kind);
    const r = t?.rows?.find(a.row);
    if (t && r && hasColumn(t, r, a.col)) return cellOf(t, r, a.col);
  }
  for (const [kind, col, panel] of CLASS_TABLES[fact.topic] ?? []) {
    const t = firstOf(out, kind);
    const r = t?.rows?.find((row) => row.level === '类' && (panel === undefined || row.panel === panel) && bareName(row.name) === subject);
    if (t && r && hasColumn(t, r, col)) return cellOf(t, r, col);
  }
  return undefined;
}
