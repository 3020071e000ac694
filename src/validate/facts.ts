import { Decimal } from 'decimal.js';
import type { Fact } from '../model/fact.js';
import type { Output } from '../model/output.js';
import type { Instance, Ref } from './evaluators.js';
import { dec, judgeCopy, judgeSum, type Status } from './tolerance.js';

/** Helpers for rules that compare the narrative's facts (extractors/cn-narrative) with the tables. */

export const factsOf = (out: Output, test: (f: Fact) => boolean) => out.facts.filter(test);
export const amountsOn = (out: Output, ...topics: string[]) => out.facts.filter((f) => f.kind === 'amount' && f.topic !== null && topics.includes(f.topic));
export const byId = (out: Output, id: string | undefined) => (id ? out.facts.find((f) => f.id === id) : undefined);

export function factRef(f: Fact): Ref {
  const ref: Ref = { text: `${f.section}: ${f.sentence}` };
  if (f.page) ref.page = f.page;
  return ref;
}

function cellRef(out: Output, cell: NonNullable<Fact['cell']>): Ref {
  const t = out.tables.find((x) => x.id === cell.table);
  const r = t?.rows?.find((x) => x.row === cell.row);
  const ref: Ref = { table: cell.table, row: cell.row, col: cell.col, text: `${t?.title ?? ''} ${r?.name ?? ''}`.trim() };
  if (t?.pages[0]) ref.page = t.pages[0];
  return ref;
}

/** A figure of the narrative against the table cell it restates (copy policy). */
export function restates(out: Output, f: Fact): Instance | null {
  if (!f.cell) return null;
  const status = judgeCopy(dec(f.value), dec(f.cell.value));
  return {
    status,
    message: `${f.section}: ${f.subject} ${f.value}${f.unit} vs table ${f.cell.value ?? 'blank'}`,
    expected: f.cell.value ?? '0',
    actual: f.value,
    refs: [factRef(f), cellRef(out, f.cell)],
  };
}

/** Every amount of these topics that the tables print, compared with its cell. */
export const restatedOn = (out: Output, ...topics: string[]) => amountsOn(out, ...topics).map((f) => restates(out, f));

const placesOf = (v: string) => (v.split('.')[1] ?? '').length;

/**
 * `pct` policy of rules.yaml: |stated − 100·a/b| ≤ 0.01 percentage points with the printed a and b — accepts
 * half-up rounding, truncation and the nudge that makes shares add to 100. A percentage printed whole
 * (占0%, 100%) may be off by less than one point.
 */
export function judgePct(stated: string, part: Decimal, whole: Decimal): { status: Status; exact: Decimal } {
  if (whole.isZero()) return { status: part.isZero() && dec(stated).isZero() ? 'pass' : 'fail', exact: new Decimal(0) };
  const exact = part.div(whole).times(100);
  const diff = exact.minus(dec(stated)).abs();
  const tolerance = placesOf(stated) >= 2 ? new Decimal('0.01') : new Decimal(10).pow(-placesOf(stated));
  return { status: diff.isZero() ? 'pass' : diff.lte(tolerance) ? 'pass' : 'fail', exact };
}

export function pctInstance(what: string, stated: string, part: Decimal, whole: Decimal, refs: Ref[]): Instance {
  const { status, exact } = judgePct(stated, part, whole);
  return { status, message: `${what}: ${part}/${whole} = ${exact.toFixed(4)}%, stated ${stated}%`, expected: exact.toFixed(2), actual: stated, refs };
}

/** A whole stated in the narrative against the parts stated with it (sum policy). */
export function sumInstance(what: string, whole: Fact, parts: Fact[]): Instance {
  const computed = parts.reduce((acc, p) => acc.plus(dec(p.value)), new Decimal(0));
  const places = Math.max(placesOf(whole.value), ...parts.map((p) => placesOf(p.value)));
  return {
    status: judgeSum(dec(whole.value), computed, parts.length, Math.max(places, 2)),
    message: `${what}: ${whole.subject} ${whole.value} vs Σ${parts.length} (${parts.map((p) => p.subject).join(' + ')}) = ${computed.toFixed(2)}`,
    expected: computed.toFixed(2),
    actual: whole.value,
    refs: [factRef(whole)],
  };
}

/** The narrative text of the sections of a topic, for rules that read wording rather than figures. */
export function sectionText(out: Output, test: (title: string) => boolean): { section: string; text: string; page?: number }[] {
  return out.sections.filter((s) => test(s.title)).map((s) => {
    const entry: { section: string; text: string; page?: number } = { section: `${s.number}、${s.title}`, text: s.paragraphs.join('').normalize('NFKC').replace(/\s+/g, '') };
    if (s.pages[0]) entry.page = s.pages[0];
    return entry;
  });
}
