/**
 * Scores typed tables against the hand-verified truth of ../shared/truth/ (see its README), the way its
 * score_typed.py does for the standard tables: predicted tables of one kind on the same or consecutive pages
 * merged, truth tables matched one to one by accepted kind and page overlap, rows by code, name, name without
 * its ordinal prefix, glued code-name, label codes, then unlabelled rows in order; truth columns mapped to
 * predicted keys by header path (within the row's panel), values compared by decimal value. Where the two
 * differ it is stricter: a printed "-60.86%" equals "-60.86" only in a column typed `percent`, and columns of
 * side-by-side panels are mapped within their panel. Truth `labels` only help to match rows (a code printed
 * in a second name column); they are not compared. Every miss is listed as `kind | row | column | expected | actual`.
 */
import { Decimal } from 'decimal.js';
import type { Output } from '../src/model/output.js';
import type { Table } from '../src/model/table.js';

interface TruthRow { code: string | null; name: string | null; values: (string | null)[]; panel?: string; labels?: string[]; page?: number }
interface TruthTable {
  kind: string;
  kind_alternatives?: string[];
  standard?: boolean;
  title: string;
  pages: number[];
  unit: string;
  empty: boolean;
  columns: string[] | Record<string, string[]>;
  rows: TruthRow[];
}
export interface Truth { doc: string; tables: TruthTable[] }

export interface TruthScore {
  tables: { expected: number; found: number; empty: number; unit: number };
  /** truth rows: matched with a predicted row, fully exact (code and every column, blanks included) */
  rows: { total: number; matched: number; exact: number };
  /** matched rows with a printed name: the predicted name equal to it (whitespace and ordinal prefix aside) */
  names: { total: number; right: number };
  /** non-blank truth values reproduced */
  values: { total: number; exact: number };
  /** what differs, one line each: `kind | row | column | expected | actual` */
  differences: string[];
}

const TRANS: Record<string, string> = {
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2018': "'", '\u2019': "'",
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
};
const norm = (s: string | null | undefined) =>
  (s ?? '').normalize('NFKC').replace(/[\u201c-\u201f\u2018\u2019\u2010-\u2015\u2212]/g, (c) => TRANS[c]).replace(/\s+/g, '');
const ORDINAL = /^(?:[一二三四五六七八九十]+[、.]|[(][一二三四五六七八九十0-9]+[)]|[0-9]+[.、]|[①-⑳]|其中[:：]?)/;
const nameKey = (s: string | null | undefined) => norm(s).replace(/[:：]+$/, '');
function bareName(s: string | null | undefined): string {
  let k = nameKey(s);
  for (let prev = ''; prev !== k; ) [prev, k] = [k, k.replace(ORDINAL, '')];
  return k;
}
function codeKey(c: string | null | undefined): string | null {
  if (c == null) return null;
  const s = norm(c).replace(/[\s\-.·_/]/g, '').replace(/^[[\]]+|[[\]]+$/g, '');
  return /^[0-9]+$/.test(s) ? s : null;
}
const GLUED = /^\[?([0-9]{3,9})\]?[-\s.、]*(\D.*)$/;
const PANEL: Record<string, string> = {
  income: 'income', 收入: 'income', 本年收入: 'income', expenditure: 'expenditure', 支出: 'expenditure', 本年支出: 'expenditure',
  personnel: 'personnel', 人员经费: 'personnel', public: 'public', 公用经费: 'public',
};
const panelKey = (p: string | null | undefined) => (p == null ? undefined : PANEL[norm(p).toLowerCase()] ?? norm(p).toLowerCase());
const NIL = new Set(['', '-', '--', '—', '——', '–', '/']);

/** A value for comparison: a canonical decimal, a normalised text, or null (blank); `percent` when printed with %. */
function num(v: string | null | undefined): { key: string; percent: boolean } | null {
  if (v == null) return null;
  const s = norm(v);
  if (NIL.has(s)) return null;
  let t = s.replace(/,/g, '');
  const percent = t.endsWith('%');
  if (percent) t = t.slice(0, -1);
  if (/^[-+]?[0-9]+(\.[0-9]+)?$|^[-+]?\.[0-9]+$/.test(t)) {
    const d = new Decimal(t);
    return { key: d.isZero() ? '0' : d.toFixed(), percent };
  }
  return { key: `text:${s}`, percent: false };
}
/** loose equality (row matching, unmapped columns): a percentage equals its number */
const looseKey = (v: string | null | undefined) => num(v)?.key ?? null;
/** a truth value against a predicted one in a known column: "-60.86%" only equals "-60.86" in a percent column */
function sameValue(truth: string | null, got: string | null | undefined, percentColumn: boolean): boolean {
  const t = num(truth);
  const g = num(got);
  if (!t || !g) return t === g;
  return t.key === g.key && (!t.percent || percentColumn || g.percent);
}

function lcs(a: (string | null)[], b: (string | null)[]): number {
  const x = a.map(looseKey);
  const y = b.map(looseKey);
  if (!x.length || !y.length) return 0;
  let prev = new Array<number>(y.length + 1).fill(0);
  for (const xi of x) {
    const cur = [0];
    y.forEach((yj, j) => cur.push(xi === yj ? prev[j] + 1 : Math.max(prev[j + 1], cur[j])));
    prev = cur;
  }
  return prev[y.length];
}

interface PredColumn { key: string; path: string[]; panel?: string; percent: boolean; header: string }
interface PredRow { code: string | null; name: string; rawName: string; panel?: string; values: Record<string, string | null> }
interface Unit { kind: string; pages: number[]; tables: Table[]; idx: number[]; rows: PredRow[]; columns: PredColumn[]; unit: string | null }

const accepted = (t: TruthTable) => new Set([t.kind, ...(t.kind_alternatives ?? [])]);
const overlap = (a: number[], b: number[]) => a.filter((p) => b.includes(p)).length;
const CANONICAL = /^(B|F|perf)\.[a-z_]+$/;

function predRows(t: Table): PredRow[] {
  return (t.rows ?? []).map((r) => {
    let code = codeKey(r.code);
    let name = r.name;
    if (code === null && name) {
      const m = GLUED.exec(norm(name));
      if (m) [code, name] = [m[1], m[2]];
    }
    return { code, name, rawName: r.name, panel: panelKey(r.panel), values: r.values };
  });
}

/** predicted tables of one kind on the same or consecutive pages as one unit, unless they answer different truth tables */
function groupPredictions(tables: Table[], truthTables: TruthTable[]): Unit[] {
  const bestTruth = (kind: string, pages: number[]) => {
    let best: [number, number] | undefined;
    truthTables.forEach((tt, i) => {
      const o = overlap(pages, tt.pages);
      if (accepted(tt).has(kind) && o && (!best || o > best[0])) best = [o, i];
    });
    return best?.[1];
  };
  const items = tables
    .map((t, i) => ({ kind: t.kind, pages: [...new Set(t.pages)].sort((a, b) => a - b), tables: [t], idx: [i] }))
    .sort((a, b) => (a.pages[0] ?? 1e9) - (b.pages[0] ?? 1e9) || a.idx[0] - b.idx[0]);
  const units: typeof items = [];
  for (const it of items) {
    let merged = false;
    if (CANONICAL.test(it.kind) && it.pages.length) {
      for (const u of [...units].reverse()) {
        if (u.kind !== it.kind || !u.pages.length) continue;
        if ((it.pages[0] - u.pages[u.pages.length - 1] >= 0 && it.pages[0] - u.pages[u.pages.length - 1] <= 1) || overlap(u.pages, it.pages)) {
          const bu = bestTruth(u.kind, u.pages);
          const bi = bestTruth(it.kind, it.pages);
          if (bu !== undefined && bi !== undefined && bu !== bi) break;
          u.tables.push(...it.tables);
          u.idx.push(...it.idx);
          u.pages = [...new Set([...u.pages, ...it.pages])].sort((a, b) => a - b);
          merged = true;
        }
        break;
      }
    }
    if (!merged) units.push(it);
  }
  return units.map((u) => {
    const columns: PredColumn[] = [];
    const seen = new Set<string>();
    for (const t of u.tables) {
      for (const c of t.columns ?? []) {
        const id = `${panelKey(c.panel) ?? ''}\u0000${c.key}`;
        if (seen.has(id)) continue;
        seen.add(id);
        columns.push({ key: c.key, path: c.path.map(norm).filter(Boolean), panel: panelKey(c.panel), percent: c.type === 'percent', header: c.path.join('/') });
      }
    }
    return { ...u, rows: u.tables.flatMap(predRows), columns, unit: u.tables.find((t) => t.unit)?.unit ?? null };
  });
}

/** truth column index → predicted column, by full header path, then path suffix, then key = header text */
function mapColumns(truthColumns: string[], pcols: PredColumn[]): Map<number, PredColumn> {
  const tpaths = truthColumns.map((c) => c.split('/').map(norm).filter(Boolean));
  const mapping = new Map<number, PredColumn>();
  const used = new Set<PredColumn>();
  const endsWith = (a: string[], b: string[]) => b.length <= a.length && b.every((x, i) => a[a.length - b.length + i] === x);
  const rules: ((tp: string[], c: PredColumn) => boolean)[] = [
    (tp, c) => c.path.join('/') === tp.join('/'),
    (tp, c) => c.path.length > 0 && (endsWith(c.path, tp) || endsWith(tp, c.path)),
    (tp, c) => norm(c.key) === tp.join('/') || norm(c.key) === (tp[tp.length - 1] ?? ''),
  ];
  for (const rule of rules) {
    tpaths.forEach((tp, i) => {
      if (mapping.has(i)) return;
      const hits = pcols.filter((c) => !used.has(c) && rule(tp, c));
      if (hits.length !== 1) return;
      // the same header must not fit another unmapped truth column equally well
      const rivals = tpaths.some((tq, j) => j !== i && !mapping.has(j) && rule(tq, hits[0]));
      if (!rivals) {
        mapping.set(i, hits[0]);
        used.add(hits[0]);
      }
    });
  }
  return mapping;
}

const nonBlank = (values: (string | null | undefined)[]) => values.filter((v): v is string => looseKey(v) !== null);

function orderedValues(row: PredRow, pcols: PredColumn[]): string[] {
  const order = pcols.map((c) => c.key);
  const keys = [...order.filter((k) => k in row.values), ...Object.keys(row.values).filter((k) => !order.includes(k))];
  return nonBlank([...new Set(keys)].map((k) => row.values[k]));
}

/** greedy assignment inside one key group by value agreement, then order */
function assign(tis: number[], pis: number[], trows: TruthRow[], prows: PredRow[], taken: Set<number>, match: Map<number, number>): void {
  const pairs: [number, number, number, number][] = [];
  tis.forEach((ti, a) => {
    const tv = nonBlank(trows[ti].values);
    pis.forEach((pi, b) => {
      if (!taken.has(pi)) pairs.push([lcs(tv, nonBlank(Object.values(prows[pi].values))), -Math.abs(a - b), ti, pi]);
    });
  });
  pairs.sort((x, y) => y[0] - x[0] || y[1] - x[1]);
  for (const [, , ti, pi] of pairs) {
    if (match.has(ti) || taken.has(pi)) continue;
    match.set(ti, pi);
    taken.add(pi);
  }
}

function labelCode(t: TruthRow, j: number): string | null {
  const label = t.labels?.[j];
  if (label === undefined) return null;
  return GLUED.exec(norm(label))?.[1] ?? null;
}

function matchRows(trows: TruthRow[], prows: PredRow[]): Map<number, number> {
  const match = new Map<number, number>();
  const taken = new Set<number>();
  const panelOk = (t: TruthRow, p: PredRow) => p.panel === undefined || t.panel === undefined || panelKey(t.panel) === p.panel;
  const codeFree = (t: TruthRow, p: PredRow) => p.code === null || !t.code || p.code === t.code;
  const run = (tkey: (t: TruthRow) => string | null, pkey: (p: PredRow) => string | null, filter: (t: TruthRow, p: PredRow) => boolean = () => true) => {
    const groups = new Map<string, number[]>();
    trows.forEach((t, ti) => {
      if (match.has(ti)) return;
      const k = tkey(t);
      if (k) {
        const g = `${k}\u0000${panelKey(t.panel) ?? ''}`;
        groups.set(g, [...(groups.get(g) ?? []), ti]);
      }
    });
    for (const tis of groups.values()) {
      const k = tkey(trows[tis[0]]);
      const pis = prows.map((_, pi) => pi).filter((pi) => !taken.has(pi) && pkey(prows[pi]) === k && panelOk(trows[tis[0]], prows[pi]) && filter(trows[tis[0]], prows[pi]));
      if (pis.length) assign(tis, pis, trows, prows, taken, match);
    }
  };
  run((t) => t.code, (p) => p.code);
  run((t) => nameKey(t.name), (p) => nameKey(p.name), codeFree);
  run((t) => bareName(t.name), (p) => bareName(p.name), codeFree);
  // a name that only starts with digits (a year: "2026驻京经费") was split off as a glued code: match it unsplit too
  run((t) => nameKey(t.name), (p) => nameKey(p.rawName), codeFree);
  // rows keyed by several code columns (政府/部门经济分类): a prediction may key them by another column
  const labelled = Math.max(0, ...trows.map((t) => t.labels?.length ?? 0));
  for (let j = 0; j < labelled; j++) run((t) => labelCode(t, j), (p) => p.code);
  // unlabelled rows (the single data row of a 三公 table), in order
  const tis = trows.map((_, ti) => ti).filter((ti) => !match.has(ti) && !trows[ti].code && !trows[ti].name);
  const pis = prows.map((_, pi) => pi).filter((pi) => !taken.has(pi) && !prows[pi].code && !nameKey(prows[pi].name) && nonBlank(Object.values(prows[pi].values)).length);
  if (tis.length && pis.length) assign(tis, pis, trows, prows, taken, match);
  // a one-row table whose row the prediction labels differently: best value agreement
  if (trows.length === 1 && !match.has(0)) {
    const tv = nonBlank(trows[0].values);
    let best: [number, number] | undefined;
    prows.forEach((p, pi) => {
      if (taken.has(pi)) return;
      const k = lcs(tv, nonBlank(Object.values(p.values)));
      if (!best || k > best[0]) best = [k, pi];
    });
    if (best && best[0] > 0) match.set(0, best[1]);
  }
  return match;
}

const truthColumns = (tt: TruthTable, panel: string | undefined) =>
  Array.isArray(tt.columns) ? tt.columns : (panel !== undefined ? tt.columns[panel] : undefined) ?? Object.values(tt.columns)[0] ?? [];

function scoreTable(tt: TruthTable, unit: Unit | undefined, score: TruthScore): void {
  const trows = tt.rows;
  score.rows.total += trows.length;
  score.values.total += trows.reduce((n, r) => n + r.values.filter((v) => v !== null).length, 0);
  const diff = (row: string, column: string, expected: unknown, actual: unknown) =>
    score.differences.push(`${tt.kind} | ${row} | ${column} | expected ${expected} | actual ${actual}`);
  if (!unit) {
    diff(`"${tt.title}" p.${tt.pages.join(',')}`, 'table', tt.kind, 'not found');
    return;
  }
  score.tables.found++;
  const prows = unit.rows;
  const empty = unit.tables.every((t) => t.empty);
  if (empty === tt.empty) score.tables.empty++;
  else diff('(table)', 'empty', tt.empty, empty);
  if (norm(unit.unit) === norm(tt.unit)) score.tables.unit++;
  else diff('(table)', 'unit', tt.unit, unit.unit);
  const match = matchRows(trows, prows);
  // per panel: truth column index → predicted column, or undefined when the values must be compared in order
  const mappings = new Map<string | undefined, Map<number, PredColumn> | undefined>();
  for (const panel of new Set(trows.map((r) => r.panel))) {
    const pcols = unit.columns.filter((c) => panel === undefined || c.panel === undefined || c.panel === panelKey(panel));
    const m = mapColumns(truthColumns(tt, panel), pcols);
    const needed = trows.filter((r) => r.panel === panel).flatMap((r) => r.values.flatMap((v, i) => (v !== null ? [i] : [])));
    mappings.set(panel, needed.every((i) => m.has(i)) ? m : undefined);
  }
  trows.forEach((t, ti) => {
    const label = `${t.panel ? `${t.panel}:` : ''}${[t.code, t.name].filter(Boolean).join(' ') || '(unnamed row)'}`;
    const pi = match.get(ti);
    if (pi === undefined) {
      diff(label, 'row', 'a row', 'none');
      return;
    }
    const p = prows[pi];
    score.rows.matched++;
    if (nameKey(t.name)) {
      score.names.total++;
      if (bareName(t.name) === bareName(p.name) || bareName(t.name) === bareName(p.rawName)) score.names.right++;
      else diff(label, 'name', JSON.stringify(t.name), JSON.stringify(p.rawName));
    }
    const m = mappings.get(t.panel);
    let rowOk = true;
    if (!m) {
      const tv = nonBlank(t.values);
      const pv = orderedValues(p, unit.columns);
      const k = lcs(tv, pv);
      score.values.exact += k;
      rowOk = tv.length === pv.length && pv.length === k;
      if (!rowOk) diff(label, '(columns not mapped, in order)', `[${tv.join(', ')}]`, `[${pv.join(', ')}]`);
    } else {
      const paths = truthColumns(tt, t.panel);
      t.values.forEach((v, i) => {
        const column = m.get(i);
        const got = column ? p.values[column.key] : undefined;
        if (sameValue(v, got, column?.percent ?? false)) {
          if (v !== null) score.values.exact++;
        } else {
          rowOk = false;
          diff(label, column ? `${paths[i]} (${column.key})` : `${paths[i]} (no column)`, v, got === undefined ? '(no value)' : got);
        }
      });
    }
    const codes = new Set([t.code, ...(t.labels ?? []).map((_, j) => labelCode(t, j))].filter(Boolean));
    const codeOk = !t.code || (p.code !== null && codes.has(p.code));
    if (!codeOk) diff(label, 'code', t.code, p.code);
    if (rowOk && codeOk) score.rows.exact++;
  });
}

/** Scores the standard truth tables (those with a canonical kind) of a document against an output. */
export function scoreAgainstTruth(out: Output, truth: Truth): TruthScore {
  const score: TruthScore = { tables: { expected: 0, found: 0, empty: 0, unit: 0 }, rows: { total: 0, matched: 0, exact: 0 }, names: { total: 0, right: 0 }, values: { total: 0, exact: 0 }, differences: [] };
  const tts = truth.tables;
  const std = tts.flatMap((t, i) => (t.standard !== false ? [i] : []));
  const units = groupPredictions(out.tables, tts);
  // one to one: standard truth tables ← units of an accepted kind, by page overlap (largest first)
  const pairs = std
    .flatMap((i) => units.flatMap((u, ui) => (accepted(tts[i]).has(u.kind) && overlap(u.pages, tts[i].pages) ? [[overlap(u.pages, tts[i].pages), i, ui]] : [])))
    .sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const tmatch = new Map<number, number>();
  const umatched = new Set<number>();
  for (const [, i, ui] of pairs) {
    if (tmatch.has(i) || umatched.has(ui)) continue;
    tmatch.set(i, ui);
    umatched.add(ui);
  }
  for (const i of std) {
    score.tables.expected++;
    scoreTable(tts[i], tmatch.has(i) ? units[tmatch.get(i)!] : undefined, score);
  }
  return score;
}
