import { Decimal } from 'decimal.js';
import type { Output } from '../model/output.js';
import type { TypedRow } from '../model/table.js';
import type { Evaluation } from './index.js';
import type { Status } from './tolerance.js';
import type { Instance, Ref } from './types.js';

/**
 * Findings: the comparisons of all rules that did not pass, grouped by their cause. Several rules often trip
 * over one misprinted figure (a share of 71.73 % where 71.65 % is right breaks the share rule, the structure
 * rule and the shares-add-up rule); a reader wants it once, with the rules it breaks. Two comparisons share a
 * cause when they are about the same printed figure: the same cell, or the same figure of the same passage.
 * The engine knows no wording: the words are src/output/findings.ts's.
 */

/** Where a finding is: a cell (table, row, column), a table, or a passage of the narrative. */
export interface Where {
  table?: string;
  title?: string;
  row?: string;
  column?: string;
  page?: number;
  section?: string;
  quote?: string;
}

/** One comparison behind a finding, as the rule reported it. */
export interface Comparison {
  rule: string;
  status: Status;
  message: string;
  expected?: string;
  actual?: string;
  refs: Ref[];
}

export interface Finding {
  /** the worst status of its comparisons */
  status: Status;
  /** the rules it breaks, most severe first */
  rules: string[];
  where: Where;
  /** the printed figure, what the rules expected instead, and actual − expected when both are amounts */
  stated?: string;
  expected?: string;
  difference?: string;
  comparisons: Comparison[];
}

/** Statuses that are no finding: the rule held exactly, or had nothing to compare. */
const QUIET: ReadonlySet<string> = new Set(['pass', 'na']);

interface Item {
  rule: string;
  instance: Instance;
}

/**
 * The order findings are read in, most severe first; unlike the rules' own order (STATUSES), a hint, which
 * asks a reader to look, comes before a sum off by a cent within tolerance.
 */
export const FINDING_ORDER: readonly Status[] = ['fail', 'warn', 'missing', 'warn_rounding', 'hint', 'pass_rounding', 'pass', 'na'];
/** worse is higher */
const severity = (s: Status) => FINDING_ORDER.length - FINDING_ORDER.indexOf(s);
const plain = (s: string) => s.replace(/(\d),(?=\d{3})/g, '$1').replace(/\s+/g, '');
const isCell = (r: Ref) => r.table !== undefined && r.row !== undefined && r.col !== undefined;
const cellKey = (r: Ref) => `c|${r.table}|${r.row}|${r.col}`;
const passageKey = (r: Ref) => `p|${r.page ?? ''}|${r.text ?? ''}`;
/** A narrative comparison whose figure is printed in its passage (a derived one, such as a sum of shares, is not). */
const printedIn = (r: Ref, figure: string | undefined) => figure !== undefined && /\d/.test(figure) && plain(r.text ?? '').includes(plain(figure));

/**
 * The keys a comparison is known by: the figure it judges (its first reference) and, for a comparison of two
 * figures (a copy), the other one too, since either may be the misprint. A second key carries the difference:
 * two copies of one cell share a cause only when they are off by as much (236.63 against 236.64 here and
 * there), not a narrative figure 12.89 off and a sum a cent off that happen to read the same cell.
 */
function keysOf(item: Item, index: number): string[] {
  const { refs, actual, expected } = item.instance;
  const own = `u|${index}`;
  if (!refs.length) return [own];
  const keyOf = (r: Ref): string | null => {
    if (isCell(r)) return cellKey(r);
    if (r.table === undefined && r.text && printedIn(r, actual)) return `${passageKey(r)}|${plain(actual!)}`;
    return null;
  };
  const first = keyOf(refs[0]);
  const keys = [first ?? own];
  if (refs.length <= 2) for (const r of refs.slice(1)) {
    const k = keyOf(r);
    if (k) keys.push(`${k}|off ${differenceOf(actual, expected)?.replace('-', '') ?? '?'}`);
  }
  if (first && refs.length <= 2) keys.push(`${first}|off ${differenceOf(actual, expected)?.replace('-', '') ?? '?'}`);
  // a name misprinted the same way in several places (款 22102 called 住房保障支出 under two of its 项)
  const misnamed = misnaming(actual, expected);
  if (misnamed) keys.push(`n|${item.rule}|${misnamed}`);
  return keys;
}

/** The parts of a path of names (类 / 款 / 项) that differ, as `printed→expected`; null for anything else. */
function misnaming(actual: string | undefined, expected: string | undefined): string | null {
  if (!actual?.includes(' / ') || !expected?.includes(' / ')) return null;
  const [a, e] = [actual.split(' / '), expected.split(' / ')];
  if (a.length !== e.length) return null;
  const pairs = a.map((x, i) => (x === e[i] ? '' : `${x}→${e[i]}`)).filter(Boolean);
  return pairs.length ? pairs.join(';') : null;
}

/** The statement a comparison quotes when it judges no figure of it (template residue, growth from a zero base). */
function statementOf(item: Item): string | null {
  const r = item.instance.refs[0];
  if (!r || r.table !== undefined || !r.text || printedIn(r, item.instance.actual)) return null;
  if (item.instance.actual !== undefined) return null;
  const text = r.text.includes(': ') ? r.text.slice(r.text.indexOf(': ') + 2) : r.text;
  const flat = plain(text.replace(/[，、；：]/g, (c) => ({ '，': ',', '、': ',', '；': ';', '：': ':' })[c] ?? c));
  return flat.length >= 10 ? flat : null;
}

/** Groups the failing comparisons of a document's evaluations into findings, most severe first, then by page. */
export function findingsOf(out: Output, evaluations: readonly Evaluation[]): Finding[] {
  const items: Item[] = evaluations.flatMap((e) => e.instances.filter((i) => !QUIET.has(i.status)).map((instance) => ({ rule: e.rule.id, instance })));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const join = (a: number, b: number) => {
    const [x, y] = [find(a), find(b)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  };
  const byKey = new Map<string, number>();
  items.forEach((item, i) =>
    keysOf(item, i).forEach((k) => {
      const seen = byKey.get(k);
      if (seen === undefined) byKey.set(k, i);
      else join(seen, i);
    }),
  );
  // a derived figure of a passage (the shares add up to 100.07 %) is explained by the most severe misprinted
  // figure of that passage, when there is one
  items.forEach((item, i) => {
    const r = item.instance.refs[0];
    if (!r || r.table !== undefined || !r.text || item.instance.actual === undefined || printedIn(r, item.instance.actual)) return;
    const printed = items
      .map((other, j) => ({ other, j }))
      .filter(({ other }) => other.instance.refs[0] && passageKey(other.instance.refs[0]) === passageKey(r) && printedIn(other.instance.refs[0], other.instance.actual))
      .sort((a, b) => severity(b.other.instance.status) - severity(a.other.instance.status));
    if (printed.length) join(printed[0].j, i);
  });

  // comparisons quoting a statement without judging a figure of it: one finding when they quote the same
  // statement (growth from a zero base, flagged by two rules) or the same figures (增加307.82万元，增长100.00%
  // said of 收入支出总计, of 财政拨款 and of 一般公共预算 alike: one cause, printed in three places)
  const statements = items.map(statementOf);
  const figures = statements.map((st) => (st ? (st.match(/\d+(?:\.\d+)?/g) ?? []).filter((n) => !/^(19|20)\d\d$/.test(n)) : []));
  statements.forEach((a, i) => statements.forEach((b, j) => {
    if (!a || !b || i >= j) return;
    if (a.includes(b) || b.includes(a) || (figures[i].length >= 2 && figures[i].join('|') === figures[j].join('|'))) join(i, j);
  }));

  const groups = new Map<number, Item[]>();
  items.forEach((item, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), item]));
  const findings = [...groups.values()].map((group) => findingOf(out, group));
  // a rule that could not be checked is a finding of its own: an extraction gap, not a document error
  for (const e of evaluations) if (e.check.status === 'missing') findings.push(findingOf(out, [{ rule: e.rule.id, instance: { status: 'missing', message: e.check.message, refs: e.check.refs } }]));
  return findings.sort((a, b) => severity(b.status) - severity(a.status) || (a.where.page ?? Infinity) - (b.where.page ?? Infinity));
}

function findingOf(out: Output, group: Item[]): Finding {
  const sorted = [...group].sort((a, b) => severity(b.instance.status) - severity(a.instance.status));
  const head = sorted[0].instance;
  const finding: Finding = {
    status: head.status,
    rules: [...new Set(sorted.map((g) => g.rule))],
    where: head.refs.length ? whereOf(out, subjectOf(out, head), head.actual) : {},
    comparisons: sorted.map(({ rule, instance: i }) => {
      const c: Comparison = { rule, status: i.status, message: i.message, refs: i.refs };
      if (i.expected !== undefined) c.expected = i.expected;
      if (i.actual !== undefined) c.actual = i.actual;
      return c;
    }),
  };
  if (head.actual !== undefined) finding.stated = head.actual;
  if (head.expected !== undefined) finding.expected = head.expected;
  const difference = differenceOf(head.actual, head.expected);
  if (difference) finding.difference = difference;
  return finding;
}

/**
 * The reference a finding is located by: the first, unless it is a cell that prints something else than the
 * figure found wrong (a form's 79000元 judged against the 项目支出表's 9.10 is about the form).
 */
function subjectOf(out: Output, i: Instance): Ref {
  const first = i.refs[0];
  if (!isCell(first) || i.actual === undefined) return first;
  const row = out.tables.find((t) => t.id === first.table)?.rows?.find((r) => r.row === first.row && first.text?.endsWith(r.name));
  const printed = row?.values[first.col!];
  if (printed == null || plain(printed) === plain(i.actual)) return first;
  return i.refs.slice(1).find((r) => !isCell(r)) ?? first;
}

const AMOUNT = /^-?\d+(\.\d+)?$/;
function differenceOf(actual: string | undefined, expected: string | undefined): string | undefined {
  if (!actual || !expected || !AMOUNT.test(plain(actual)) || !AMOUNT.test(plain(expected))) return undefined;
  const d = new Decimal(plain(actual)).minus(plain(expected));
  return d.isZero() ? undefined : d.toFixed();
}

/** Where a reference points, in the document's own words: the table's title, the row's name, the column's header. */
function whereOf(out: Output, ref: Ref, figure: string | undefined): Where {
  const where: Where = {};
  if (ref.page !== undefined) where.page = ref.page;
  if (ref.table === undefined) {
    const text = ref.text ?? '';
    const colon = text.indexOf(': ');
    if (colon > 0) where.section = text.slice(0, colon);
    const body = colon > 0 ? text.slice(colon + 2) : text;
    if (colon < 0 && body.length <= 40) where.section = body;
    else if (body) where.quote = quoteAround(body, figure);
    return where;
  }
  where.table = ref.table;
  const t = out.tables.find((x) => x.id === ref.table);
  // a performance form is referred to like a table: its title is the project's name, or the form's
  const form = t ? undefined : out.forms.find((x) => x.id === ref.table);
  const title = t?.title || (form && 'projectName' in form && form.projectName ? `${form.projectName} ${form.title}` : form?.title);
  if (title) where.title = title;
  if (ref.row !== undefined) {
    // the rows of both panels of a 收支总表 share their row numbers: the label the reference quotes tells them apart
    const label = (r: TypedRow) => `${r.code ?? ''} ${r.name}`.trim();
    const candidates = (t?.rows ?? []).filter((r) => r.row === ref.row && (ref.col === undefined || r.values[ref.col] !== undefined));
    const row = candidates.length > 1 ? candidates.find((r) => ref.text?.endsWith(label(r))) : candidates[0];
    where.row = row ? label(row) : (ref.text ?? `row ${ref.row}`);
    if (ref.col !== undefined) {
      const column = t?.columns?.find((c) => c.key === ref.col && (row?.panel === undefined || c.panel === row.panel));
      where.column = column?.path.filter(Boolean).join(' / ') || ref.col;
    }
  } else if (ref.text && ref.text !== t?.title) where.quote = ref.text;
  return where;
}

/** A short quote of a passage around the figure it states (the whole passage is in the comparisons). */
function quoteAround(text: string, figure: string | undefined, width = 60): string {
  if (text.length <= width) return text;
  text = text.replace(/(\d),(?=\d{3})/g, '$1');
  const at = figure ? text.indexOf(figure) : -1;
  const start = at < 0 ? 0 : Math.max(0, at - Math.floor(width / 2));
  return `${start > 0 ? '…' : ''}${text.slice(start, start + width)}${start + width < text.length ? '…' : ''}`;
}
