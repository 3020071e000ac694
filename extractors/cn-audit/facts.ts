import { Decimal } from 'decimal.js';
import type { Fact } from '../../src/model/fact.js';
import type { Output } from '../../src/model/output.js';
import { cellFor } from '../cn-narrative/cells.js';
import type { Instance, Ref } from '../../src/validate/types.js';
import { dec, judgeCopy, judgeSum, printedPlaces, type Status } from '../../src/validate/tolerance.js';

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
  const r = t?.rows?.find((x) => x.row === cell.row && x.panel === cell.panel);
  const ref: Ref = { table: cell.table, row: cell.row, col: cell.col, text: `${t?.title ?? ''} ${r?.name ?? ''}`.trim() };
  if (t?.pages[0]) ref.page = t.pages[0];
  return ref;
}

/** A figure of the narrative against the table cell it restates (copy policy). */
export function restates(out: Output, f: Fact): Instance | null {
  if (!f.cell) return null;
  // a 元 table quoted in 万元: the table's figure in 万元, rounded as the narrative prints it
  const places = Math.max(2, (f.value.split('.')[1] ?? '').length);
  const printed = f.cell.unit === '元' && f.unit === '万元' ? dec(f.cell.value).div(10000).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places) : f.cell.value;
  const status = judgeCopy(dec(f.value), dec(printed));
  return {
    status,
    message: `${f.section}: ${f.subject} ${f.value}${f.unit} vs table ${printed ?? 'blank'}${printed !== f.cell.value ? ` (${f.cell.value} ${f.cell.unit})` : ''}`,
    expected: printed ?? '0',
    actual: f.value,
    refs: [factRef(f), cellRef(out, f.cell)],
  };
}

/** Every amount of these topics that the tables print, compared with its cell. */
export const restatedOn = (out: Output, ...topics: string[]) => amountsOn(out, ...topics).map((f) => restates(out, f));

const placesOf = (v: string) => printedPlaces([v]);

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
  const places = printedPlaces([whole.value, ...parts.map((p) => p.value)]);
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

const order = (f: Fact) => Number(f.id.slice(1));

/**
 * The wholes a share may be of, most likely first: the one named after 占 (占本年支出合计的…), the whole its
 * 其中 names, the amounts its sentence states before it, the sum of a breakdown whose shares come to 100 %, and
 * the amount its section opens with. Wording varies too much to know which one a sentence means (…包括：当年
 * 拨款收入A、上年结转B；支出包括：C，占p% is a share of A + B, the section's total); a share is right when it
 * is right against one of them. A base named but not printed anywhere (占…（人员类除外）总额的) gives none.
 */
export function shareBases(out: Output, share: Fact, own: Fact): { value: Decimal; label: string }[] {
  const bases: { value: Decimal; label: string }[] = [];
  const plain = share.sentence.replace(/(\d),(?=\d{3})/g, '$1');
  const named = /占([^,;%\d]+?)的?(?:比[例重])?为?\d[\d.]*%/.exec(plain.slice(Math.max(0, plain.indexOf(own.value))));
  if (named) {
    const subject = named[1];
    const topic = /收入/.test(subject) ? 'income' : /支出/.test(subject) ? 'expenditure' : share.topic;
    const cell = cellFor({ ...own, subject, topic }, out);
    if (cell) bases.push({ value: dec(cell.value), label: subject });
    const stated = out.facts.find((f) => f.kind === 'amount' && f.paragraph === share.paragraph && f.subject === subject);
    if (stated) bases.push({ value: dec(stated.value), label: subject });
    if (!bases.length && !/^(?:总|全部|合计|总额|总收入|总支出|支出|收入)/.test(subject)) return [];
  }
  // an amount with a share of its own is a part, not the whole
  const hasShare = new Set(out.facts.filter((f) => f.kind === 'share').map((f) => f.of));
  const earlier = (f: Fact) => f.kind === 'amount' && f.unit === own.unit && order(f) < order(own) && !hasShare.has(f.id);
  const whole = byId(out, own.partOf);
  if (whole) bases.push({ value: dec(whole.value), label: whole.subject });
  for (const f of out.facts.filter((x) => earlier(x) && x.sentence === share.sentence)) bases.push({ value: dec(f.value), label: f.subject });
  // a breakdown without its whole (…决算中，A 0.00万元，占0.00%；B 0.39万元，占100.00%): the sum of its parts
  const siblings = out.facts.filter((f) => f.kind === 'share' && f.sentence === share.sentence && f.of);
  const percent = siblings.reduce((acc, f) => acc.plus(dec(f.value)), new Decimal(0));
  if (siblings.length >= 2 && percent.minus(100).abs().lte(new Decimal('0.1').times(siblings.length))) {
    bases.push({ value: siblings.reduce((acc, f) => acc.plus(dec(byId(out, f.of)!.value)), new Decimal(0)), label: 'Σ of the parts listed' });
  }
  const opening = out.facts.find((f) => earlier(f) && f.section === share.section);
  if (opening) bases.push({ value: dec(opening.value), label: opening.subject });
  return bases;
}

/** GEN-N-02 X万元，占p%: p = 100·X / the whole it is a share of */
export function shares(out: Output, which: (share: Fact) => boolean = () => true): Instance[] {
  return out.facts.flatMap((share) => {
    if (share.kind !== 'share' || !share.of || !which(share)) return [];
    const own = byId(out, share.of)!;
    const tried = shareBases(out, share, own).map((base) => pctInstance(`${share.section}: ${own.subject} 占 ${base.label}`, share.value, dec(own.value), base.value, [factRef(share)]));
    return tried.length ? [tried.find((i) => i.status === 'pass') ?? tried[0]] : [];
  });
}

