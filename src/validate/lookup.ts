import type { Output } from '../model/output.js';
import type { Table, TypedRow } from '../model/table.js';
import { compact } from '../util/text.js';
import type { Instance, Ref } from './evaluators.js';
import { dec, judgeCopy, judgeSum } from './tolerance.js';

/** A figure of a table: the cell a rule reads, with what it needs to point back at it. */
export interface Figure {
  table: Table;
  row: TypedRow;
  col: string;
}

export const tablesOf = (out: Output, kind: string) => out.tables.filter((t) => t.kind === kind);
export const tableOf = (out: Output, kind: string, qualifier?: string) =>
  out.tables.find((t) => t.kind === kind && (qualifier === undefined || t.qualifier === qualifier));

const ORDINAL = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、]|[①-⑳])/;
export const bareName = (s: string) => compact(s).replace(ORDINAL, '');

export function row(t: Table | undefined, test: (r: TypedRow) => boolean): TypedRow | undefined {
  return t?.rows?.find(test);
}
export const named = (re: RegExp, panel?: string) => (r: TypedRow) => (panel === undefined || r.panel === panel) && re.test(bareName(r.name));
export const totalRow = (panel?: string) => (r: TypedRow) => (panel === undefined || r.panel === panel) && r.level === 'total';

export function fig(table: Table | undefined, r: TypedRow | undefined, col: string): Figure | null {
  return table && r && col in r.values ? { table, row: r, col } : null;
}

function ref(f: Figure): Ref {
  const out: Ref = { table: f.table.id, row: f.row.row, col: f.col, text: `${f.row.code ?? ''} ${f.row.name}`.trim() };
  if (f.table.pages[0]) out.page = f.table.pages[0];
  return out;
}
const show = (f: Figure) => `${f.table.title} ${f.row.name}[${f.col}]`;

/** The same figure printed in two places (places: the precision they are printed with, 2 for 万元 to the cent). */
export function copy(a: Figure | null, b: Figure | null, what: string, places = 2): Instance | null {
  if (!a || !b) return null;
  const [x, y] = [a.row.values[a.col], b.row.values[b.col]];
  const status = judgeCopy(dec(x), dec(y), places);
  return { status, message: `${what}: ${show(a)} ${x ?? 'blank'} vs ${show(b)} ${y ?? 'blank'}`, expected: y ?? '0', actual: x ?? '0', refs: [ref(a), ref(b)] };
}

/** A printed total against the printed figures it adds up. */
export function sum(total: Figure | null, parts: (Figure | null)[], what: string, places = 2): Instance | null {
  const present = parts.filter((p): p is Figure => p !== null);
  if (!total || !present.length) return null;
  const stated = total.row.values[total.col];
  const computed = present.reduce((acc, p) => acc.plus(dec(p.row.values[p.col])), dec(null));
  const status = judgeSum(dec(stated), computed, present.length, places);
  return {
    status,
    message: `${what}: ${show(total)} ${stated ?? 'blank'} vs Σ${present.length} = ${computed.toFixed(places)}`,
    expected: computed.toFixed(places),
    actual: stated ?? '0',
    refs: [ref(total), ...present.map(ref)],
  };
}

/**
 * A department's or unit's disclosure: some table of it is a standard one. Structure and narrative rules are
 * about such documents; a city's budget report or a foreign statement has other tables and other wording.
 */
export const isDisclosure = (out: Output) => out.tables.some((t) => t.kind !== 'generic');

type Evaluate = (out: Output) => (Instance | null)[];
/** A rule's evaluation on the documents it is about only: the others have nothing to compare (na). */
export const onlyWhen = (applies: (out: Output) => boolean, evaluate: Evaluate): Evaluate => (out) => (applies(out) ? evaluate(out) : []);
export const ofFamily = (family: Output['document']['family']) => (out: Output) => out.document.family === family;
