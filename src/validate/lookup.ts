import type { Output } from '../model/output.js';
import type { Table, TypedRow } from '../model/table.js';
import { bareName, compact } from '../util/text.js';
import { dec, judgeCopy, judgeSum } from './tolerance.js';
import type { DocumentEvaluator, Instance, Ref } from './types.js';

/** A figure of a table: the cell a rule reads, with what it needs to point back at it. */
export interface Figure {
  table: Table;
  row: TypedRow;
  col: string;
}

// ---------------------------------------------------------------------------------------------------------
// misses: what a rule looked for in a table that is there, and did not find

/** A lookup that found its table but not the row or column it asked for (what: "row 本年收入合计", "column total"). */
export interface Miss {
  table: Table;
  what: string;
}

let misses: Miss[] | undefined;

/**
 * Runs a rule's evaluation and collects its misses. A rule with nothing to compare whose lookups missed on
 * tables that are printed could not be checked (`missing`); without misses there was nothing to check (`na`).
 */
export function recordingMisses<T>(evaluate: () => T): { result: T; misses: Miss[] } {
  const outer = misses;
  const own: Miss[] = [];
  misses = own;
  try {
    return { result: evaluate(), misses: own };
  } finally {
    misses = outer;
  }
}

/**
 * Notes a miss on a table. A table printed empty (no data: `empty`) lacks nothing, nor does a table that is
 * not there: only a table with content can lack the row or column a rule asks for.
 */
export function noteMiss(t: Table | undefined, what: string): void {
  if (misses && t && !t.empty) misses.push({ table: t, what });
}

/** Misses once each. */
export function distinctMisses(list: Miss[]): Miss[] {
  const seen = new Set<string>();
  return list.filter((m) => !seen.has(`${m.table.id}|${m.what}`) && !!seen.add(`${m.table.id}|${m.what}`));
}

/** A table printed with content whose rows were not typed at all. */
const untyped = (t: Table) => !t.rows?.length;
/** Whether a body cell of the table prints a text passing the test (the label of a row the rule looks for). */
const printedIn = (t: Table, test: (text: string) => boolean) => t.cells.some((c) => !c.header && c.text !== '' && test(c.text));
/**
 * Whether an amount column of the table (of the panel) was printed but not recognised: a `col<n>` key with
 * amounts in it. A role not among the recognised columns may be that one. A table whose amount columns were
 * all recognised, none with the role, does not print it (an optional column, another layout): nothing is missing.
 */
const unrecognisedColumns = (t: Table, panel?: string) =>
  (t.columns ?? []).some((c) => (panel === undefined || c.panel === panel) && /^col\d+$/.test(c.key) && (t.rows ?? []).some((r) => r.values[c.key] != null));

// ---------------------------------------------------------------------------------------------------------
// tables, rows, columns

export const tablesOf = (out: Output, kind: string) => out.tables.filter((t) => t.kind === kind);
/** The table of a kind; one printed with content but no typed rows is a miss. */
export function tableOf(out: Output, kind: string, qualifier?: string): Table | undefined {
  const t = out.tables.find((x) => x.kind === kind && (qualifier === undefined || x.qualifier === qualifier));
  if (t && untyped(t)) noteMiss(t, 'typed rows');
  return t;
}

/**
 * A row test, with what it looks for (what) and how its label is printed (printed: a test of cell texts),
 * so that a row not found can be told apart: printed but not typed (a miss) or not printed at all.
 */
export type RowTest = ((r: TypedRow) => boolean) & { what?: string; printed?: (text: string) => boolean };
/** A row test saying what it looks for and how that row's label is printed. */
export const rowTest = (test: (r: TypedRow) => boolean, what: string, printed: (text: string) => boolean): RowTest => Object.assign(test, { what, printed });
const patternText = (re: RegExp) => re.source.replace(/^\^|\$$/g, '');

/**
 * The first row passing the test. None on a table with content is a miss where the table prints the row's
 * label (or the test does not say how it is printed); a table printing no such label does not have the row.
 */
export function row(t: Table | undefined, test: RowTest): TypedRow | undefined {
  const found = t?.rows?.find(test);
  if (t && !found) {
    if (untyped(t)) noteMiss(t, 'typed rows');
    else if (!test.printed || printedIn(t, test.printed)) noteMiss(t, `row ${test.what ?? '(unnamed)'}`);
  }
  return found;
}
export const named = (re: RegExp, panel?: string): RowTest =>
  rowTest((r) => (panel === undefined || r.panel === panel) && re.test(bareName(r.name)), `${patternText(re)}${panel ? ` (${panel})` : ''}`, (text) => re.test(bareName(text)));
/** The row of a code (类 201), printed in a code cell of its own or ahead of its name. */
export const withCode = (code: string, panel?: string): RowTest =>
  rowTest((r) => (panel === undefined || r.panel === panel) && r.code === code, `${code}${panel ? ` (${panel})` : ''}`, (text) => new RegExp(`^${code}(?![\\d.,])`).test(compact(text)));

/** Keys that name the one amount column of a table or panel, whichever its layout prints (合计, 金额, 预算数 …). */
const AMOUNT_ROLE = ['total', 'total.total', 'amount.total', 'amount'];

/**
 * A column by its role: `total` is the amount column however it is keyed (total, amount, or the 合计 heading
 * a group: total.total, amount.total); other roles by their key or the 合计 of their group (basic.total).
 * Within a panel where given. None on a table with unrecognised columns is a miss.
 */
export function colKey(t: Table | undefined, role: string, panel?: string): string | undefined {
  const key = findCol(t, role, panel);
  if (t && key === undefined && (untyped(t) || unrecognisedColumns(t, panel))) noteMiss(t, untyped(t) ? 'typed rows' : `column ${role}${panel ? ` (${panel})` : ''}`);
  return key;
}

/** colKey without noting a miss: for a rule asking which layout a table has. */
export function findCol(t: Table | undefined, role: string, panel?: string): string | undefined {
  const keys = (t?.columns ?? []).filter((c) => panel === undefined || c.panel === panel).map((c) => c.key);
  const aliases = role === 'total' ? AMOUNT_ROLE : [role, `${role}.total`];
  return aliases.find((a) => keys.includes(a));
}

/**
 * The cell a rule reads, or null: the table, the row or the column is not there (the lookups that found
 * them note their misses). A row without the column on a table with unrecognised columns is a miss.
 */
export function fig(table: Table | undefined, r: TypedRow | undefined, col: string | undefined): Figure | null {
  if (!table || !r || col === undefined) return null;
  if (!(col in r.values)) {
    if (unrecognisedColumns(table, r.panel)) noteMiss(table, `column ${col} (row ${`${r.code ?? ''} ${r.name}`.trim()})`);
    return null;
  }
  return { table, row: r, col };
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

/** A rule's evaluation on the documents it is about only: the others have nothing to compare (na). */
export const onlyWhen = (applies: (out: Output) => boolean, evaluate: DocumentEvaluator): DocumentEvaluator => (out) => (applies(out) ? evaluate(out) : []);
export const ofFamily = (family: Output['document']['family']) => (out: Output) => out.document.family === family;
