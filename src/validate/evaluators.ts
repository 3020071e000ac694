import { LABEL_KEYS, type Column } from '../model/grid.js';
import type { Table, TypedRow } from '../model/table.js';
import { noteMiss } from './lookup.js';
import { dec, judgeSum, printedPlaces } from './tolerance.js';
import type { Instance, Ref, Rule, TableEvaluator } from './types.js';

/**
 * Evaluators any catalogue can use: a table's own arithmetic (hierarchies by code, row sums read from the
 * header tree), knowing the model (levels, codes, column paths) and no wording of any document.
 */

/** The decimals a table prints its amounts with (万元 to the cent, 元 tables whole), worked out once per table. */
const placesOfTable = new WeakMap<Table, number>();
function tablePlacesOf(t: Table): number {
  let places = placesOfTable.get(t);
  if (places === undefined) {
    places = printedPlaces((t.rows ?? []).flatMap((r) => Object.values(r.values)));
    placesOfTable.set(t, places);
  }
  return places;
}

const rowLabel = (r: TypedRow) => `${r.code ?? ''} ${r.name}`.trim();
/** A reference to one cell of a table (its row and column, the table's first page). */
export const refOf = (t: Table, r: TypedRow, col: string): Ref => {
  const ref: Ref = { table: t.id, row: r.row, col, text: rowLabel(r) };
  if (t.pages[0]) ref.page = t.pages[0];
  return ref;
};

function sumCheck(t: Table, target: TypedRow, col: string, parts: TypedRow[], what: string): Instance | null {
  const stated = target.values[col];
  const addends = parts.map((p) => p.values[col]);
  if (stated == null && addends.every((v) => v == null)) return null;
  const computed = addends.reduce((acc, v) => acc.plus(dec(v)), dec(null));
  const places = tablePlacesOf(t);
  const status = judgeSum(dec(stated), computed, parts.length, places);
  return {
    status,
    message: `${t.title} [${col}] ${rowLabel(target)} = ${what}: ${stated ?? 'blank'} vs Σ${parts.length} = ${computed.toFixed(2)}`,
    expected: computed.toFixed(places),
    actual: stated ?? '0',
    refs: [refOf(t, target, col), ...parts.map((p) => refOf(t, p, col))],
  };
}

/** Columns of amounts (not percentages, names, codes or unrecognised headers). */
const isAmount = (c: Column) => c.type !== 'percent' && c.key !== 'gov_name' && !LABEL_KEYS.has(c.key);
const amountKeys = (t: Table, panel: string | undefined) =>
  (t.columns ?? []).filter((c) => c.panel === panel && isAmount(c) && !c.key.startsWith('col')).map((c) => c.key);

/** Rows split where a unit's rows begin: an uncoded, unlevelled row (深圳市水务局（本级）) followed by coded rows. */
function unitSegments(rows: TypedRow[]): TypedRow[][] {
  const segments: TypedRow[][] = [[]];
  rows.forEach((r, i) => {
    const heading = !r.code && (r.level === undefined || r.level === 'unit' || r.level === 'department') && r.name !== '' && !!rows[i + 1]?.code;
    if (heading && segments[segments.length - 1].length) segments.push([]);
    segments[segments.length - 1].push(r);
  });
  return segments;
}

/**
 * 类 = Σ 款, 款 = Σ 项 (by code), and 合计 = Σ 类, for every amount column: function-coded tables and
 * economic tables alike (economic classes are 类 rows, their items 款 rows).
 */
export function hierarchy(t: Table): Instance[] {
  const out: Instance[] = [];
  const rows = t.rows ?? [];
  for (const panel of new Set(rows.map((r) => r.panel))) {
    const own = rows.filter((r) => r.panel === panel);
    const keys = amountKeys(t, panel);
    const segments = unitSegments(own);
    for (const parent of own) {
      // a table listing several units (预算单位 | 科目编码 …) repeats the codes under each unit: children
      // are looked for within the parent's unit, and the 合计 only where there is one unit
      const scope = segments.length > 1 ? segments.find((seg) => seg.includes(parent)) ?? own : own;
      const children =
        parent.level === 'total'
          ? segments.length > 1 ? [] : own.filter((r) => r.level === '类')
          : parent.code
            ? scope.filter((r) => r.parent === parent.code && r !== parent)
            : [];
      if (!children.length) continue;
      for (const col of keys) {
        const what = parent.level === 'total' ? 'Σ类' : 'Σchildren';
        const inst = sumCheck(t, parent, col, children, what);
        if (inst) out.push(inst);
      }
    }
  }
  return out;
}

/**
 * Amount columns that add up to a total column: its siblings under one header, or the other top-level
 * groups. Columns the vocabulary does not know count too (a blank is 0); columns the catalogue calls parts
 * of another column (partOf: a header such as 其中, "of which") are never addends.
 */
function addendColumns(columns: Column[], total: Column, partOf: (header: string) => boolean): Column[] {
  const amount = columns.filter(
    (c) => c.panel === total.panel && c !== total && isAmount(c) && !c.path.some(partOf),
  );
  // the columns under the total's own parent header (or all, for a top-level total), one group per next
  // header level: a group counts by its own subtotal where it prints one, else by its leaves
  const prefix = total.path.slice(0, -1);
  const under = amount.filter((c) => c.path.length > prefix.length && prefix.every((p, i) => c.path[i] === p));
  if (prefix.length && !under.length) return [];
  const pool = prefix.length ? under : amount;
  const depth = prefix.length;
  const groups = new Map<string, Column[]>();
  for (const c of pool) groups.set(c.path[depth] ?? '', [...(groups.get(c.path[depth] ?? '') ?? []), c]);
  return [...groups.values()].flatMap((g) => {
    const sub = g.find((c) => c.path.length === depth + 2 && isTotalKey(c.key));
    return sub ? [sub] : g;
  });
}

const isTotalKey = (key: string) => key === 'total' || key.endsWith('.total');

/**
 * Per row: each total column (keyed total / <group>.total) = the columns it sums; partOf: headers whose
 * columns are parts of another column, not addends.
 */
export function columnSums(t: Table, partOf: (header: string) => boolean = () => false): Instance[] {
  const out: Instance[] = [];
  const columns = t.columns ?? [];
  for (const total of columns.filter((c) => isTotalKey(c.key) && isAmount(c))) {
    const parts = addendColumns(columns, total, partOf);
    if (parts.length < 2) continue;
    for (const row of (t.rows ?? []).filter((r) => r.panel === total.panel)) {
      const stated = row.values[total.key];
      const values = parts.map((p) => row.values[p.key]);
      if (stated === undefined || (stated == null && values.every((v) => v == null))) continue;
      const computed = values.reduce((acc, v) => acc.plus(dec(v)), dec(null));
      const status = judgeSum(dec(stated), computed, parts.length, tablePlacesOf(t));
      out.push({
        status,
        message: `${t.title} ${rowLabel(row)}: ${total.path.join('/')} ${stated ?? 'blank'} vs Σ(${parts.map((p) => p.path.join('/')).join(' + ')}) = ${computed.toFixed(2)}`,
        expected: computed.toFixed(2),
        actual: stated ?? '0',
        refs: [refOf(t, row, total.key), ...parts.map((p) => refOf(t, row, p.key))],
      });
    }
  }
  return out;
}

/** A rule that applies one table evaluator to every table of the given kinds (a table of a kind without typed rows is a miss). */
export function onTables(id: string, title: string, kinds: string[] | '*', evaluate: TableEvaluator): Rule {
  return {
    id,
    title,
    evaluate: (out) =>
      out.tables
        .filter((t) => kinds === '*' || kinds.includes(t.kind))
        .flatMap((t) => {
          if (kinds !== '*' && !t.rows?.length) noteMiss(t, 'typed rows');
          return evaluate(t, out);
        }),
  };
}
