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

/** Every amount a table prints: its precision is the table's (万元 to the cent, 元 tables whole). */
const tablePlaces = (t: Table) => (t.rows ?? []).flatMap((r) => Object.values(r.values));

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
  const places = printedPlaces(tablePlaces(t));
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
    for (const parent of own) {
      const children =
        parent.level === 'total'
          ? own.filter((r) => r.level === '类')
          : parent.code
            ? own.filter((r) => r.parent === parent.code && r !== parent)
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

/** Amount columns that add up to a total column: its siblings under one header, or the other top-level groups. */
function addendColumns(columns: Column[], total: Column): Column[] {
  const amount = columns.filter((c) => c.panel === total.panel && !['code', 'name', 'gov_name'].includes(c.key) && !c.key.startsWith('col') && c !== total);
  const parentPath = total.path.slice(0, -1).join('/');
  if (total.path.length > 1) {
    const siblings = amount.filter((c) => c.path.slice(0, -1).join('/') === parentPath);
    if (siblings.length) return siblings;
  }
  // top-level total: each other top-level group counts once, by its own subtotal where it prints one
  const groups = new Map<string, Column[]>();
  for (const c of amount) groups.set(c.path[0] ?? '', [...(groups.get(c.path[0] ?? '') ?? []), c]);
  return [...groups.values()].flatMap((g) => {
    const sub = g.find((c) => c.path.length > 1 && /^(total|.*\.total)$/.test(c.key));
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
      const status = judgeSum(dec(stated), computed, parts.length, printedPlaces(tablePlaces(t)));
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

/** An empty table carries a no-data note, and a table with a no-data note has no amounts. */
export function emptyNote(t: Table): Instance[] {
  const noted = NO_DATA.test(t.note ?? '');
  if (!t.empty && !noted) return [];
  const ok = t.empty === noted;
  return [{
    status: ok ? 'pass' : 'fail',
    message: `${t.title}: ${t.empty ? 'no amounts' : 'amounts printed'}, ${noted ? 'note says no data' : 'no no-data note'}`,
    refs: [{ table: t.id, ...(t.pages[0] ? { page: t.pages[0] } : {}), text: t.note ?? '' }],
  }];
}

/** Amounts are not negative outside change columns (增减). */
export function nonNegative(t: Table): Instance[] {
  const change = new Set((t.columns ?? []).filter((c) => c.path.some((p) => /增减|变动|比上年/.test(p))).map((c) => c.key));
  const negatives = (t.rows ?? []).flatMap((r) => Object.entries(r.values).filter(([k, v]) => v?.startsWith('-') && !change.has(k)).map(([k]) => refOf(t, r, k)));
  if (!(t.rows ?? []).length) return [];
  return [{ status: negatives.length ? 'fail' : 'pass', message: `${t.title}: ${negatives.length} negative amounts`, refs: negatives }];
}

export type TableEvaluator = (t: Table, out: Output) => Instance[];
