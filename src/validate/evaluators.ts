import type { Column } from '../model/grid.js';
import type { Output } from '../model/output.js';
import type { Table, TypedRow } from '../model/table.js';
import { dec, judgeSum, printedPlaces, type Status } from './tolerance.js';

export interface Ref {
  table?: string;
  row?: number;
  col?: string;
  page?: number;
  text?: string;
}

/** One comparison a rule made. */
export interface Instance {
  status: Status;
  message: string;
  expected?: string;
  actual?: string;
  refs: Ref[];
}

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
const refOf = (t: Table, r: TypedRow, col: string): Ref => {
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

const amountKeys = (t: Table, panel: string | undefined) =>
  (t.columns ?? []).filter((c) => c.panel === panel && !['code', 'name', 'gov_name'].includes(c.key) && !c.key.startsWith('col')).map((c) => c.key);

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
 * groups. Columns the vocabulary does not know (单位预留机动经费) count too (a blank is 0); columns under a
 * 其中 ("of which") header are parts of another column, never addends.
 */
function addendColumns(columns: Column[], total: Column): Column[] {
  const amount = columns.filter(
    (c) => c.panel === total.panel && c !== total && !['code', 'name', 'gov_name'].includes(c.key) && !c.path.some((p) => /^其中/.test(p)),
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

/** Per row: each total column (合计 / 小计) = the columns it sums. */
export function columnSums(t: Table): Instance[] {
  const out: Instance[] = [];
  const columns = t.columns ?? [];
  for (const total of columns.filter((c) => isTotalKey(c.key))) {
    const parts = addendColumns(columns, total);
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

const NO_DATA = /无数据|空表|没有.*(收入|支出)|无.*(收入|支出)/;

/**
 * An empty table carries a no-data note (warn: many documents say so in the narrative instead), and a
 * table whose note says it has no data prints no amounts (fail).
 */
export function emptyNote(t: Table): Instance[] {
  const noted = NO_DATA.test(t.note ?? '');
  // a table that prints only zeros has no data either
  const noData = t.empty || (t.rows ?? []).every((r) => Object.values(r.values).every((v) => v == null || dec(v).isZero()));
  if (!noData && !noted) return [];
  const ok = noData === noted;
  return [{
    status: ok ? 'pass' : noted ? 'fail' : 'warn',
    message: `${t.title}: ${noData ? 'no amounts' : 'amounts printed'}, ${noted ? 'note says no data' : 'no no-data note'}`,
    refs: [{ table: t.id, ...(t.pages[0] ? { page: t.pages[0] } : {}), text: t.note ?? '' }],
  }];
}

/** Amounts are not negative outside change columns (增减). */
export function nonNegative(t: Table): Instance[] {
  const change = new Set((t.columns ?? []).filter((c) => c.path.some((p) => /增减|变动|比上年/.test(p))).map((c) => c.key));
  // a change row (增减, 比上年) may go below zero as a change column may
  const negatives = (t.rows ?? [])
    .filter((r) => !/增减|变动|比上年|差额/.test(r.name))
    .flatMap((r) => Object.entries(r.values).filter(([k, v]) => v?.startsWith('-') && !change.has(k)).map(([k]) => refOf(t, r, k)));
  if (!(t.rows ?? []).length) return [];
  return [{ status: negatives.length ? 'fail' : 'pass', message: `${t.title}: ${negatives.length} negative amounts`, refs: negatives }];
}

export type TableEvaluator = (t: Table, out: Output) => Instance[];
