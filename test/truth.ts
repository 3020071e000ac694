/**
 * Compares typed tables with the hand-verified truth of shared/truth/ (see its README): tables by kind and
 * pages, columns by header path, rows by code or name (within a panel), values by decimal value.
 */
import { Decimal } from 'decimal.js';
import type { Output } from '../src/model/output.js';
import type { Table, TypedRow } from '../src/model/table.js';

interface TruthRow { code: string | null; name: string | null; values: (string | null)[]; panel?: string }
interface TruthTable { kind: string; kind_alternatives?: string[]; standard?: boolean; title: string; pages: number[]; unit: string; empty: boolean; columns: string[] | Record<string, string[]>; rows: TruthRow[] }
export interface Truth { doc: string; tables: TruthTable[] }

const norm = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '').replace(/[“”"']/g, '');
const ORDINAL = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十0-9]+\)|[0-9]+[.、]|[①-⑳]|其中:?)/;
const bare = (s: string | null | undefined) => norm(s).replace(ORDINAL, '');
const NIL = new Set(['', '-', '--', '—', '——']);
function same(a: string | null | undefined, b: string | null | undefined): boolean {
  const an = a == null || NIL.has(a) ? null : a.replace(/,/g, '');
  const bn = b == null || NIL.has(b) ? null : b.replace(/,/g, '');
  if (an === null || bn === null) return an === bn;
  try {
    return new Decimal(an).eq(bn);
  } catch {
    return an === bn;
  }
}

export interface TruthScore {
  tables: { expected: number; found: number; empty: number; unit: number };
  rows: { exact: number; total: number };
  values: { exact: number; total: number };
  misses: string[];
}

function columnFor(table: Table, path: string, panel: string | undefined): string | undefined {
  const cols = (table.columns ?? []).filter((c) => panel === undefined || c.panel === panel);
  const exact = cols.find((c) => norm(c.path.join('/')) === norm(path));
  const suffix = cols.find((c) => norm(c.path.join('/')).endsWith(norm(path)) || norm(path).endsWith(norm(c.path.join('/'))));
  return (exact ?? suffix)?.key;
}

export function scoreAgainstTruth(out: Output, truth: Truth): TruthScore {
  const score: TruthScore = { tables: { expected: 0, found: 0, empty: 0, unit: 0 }, rows: { exact: 0, total: 0 }, values: { exact: 0, total: 0 }, misses: [] };
  for (const t of truth.tables.filter((x) => x.standard !== false)) {
    score.tables.expected++;
    const kinds = [t.kind, ...(t.kind_alternatives ?? [])];
    const tables = out.tables.filter((x) => kinds.includes(x.kind) && x.pages.some((p) => t.pages.includes(p)));
    const rowsCount = t.rows.length;
    score.rows.total += rowsCount;
    score.values.total += t.rows.flatMap((r) => r.values).filter((v) => v !== null).length;
    if (!tables.length) {
      score.misses.push(`${t.kind} ${t.title}: not found`);
      continue;
    }
    score.tables.found++;
    if (tables[0].empty === t.empty) score.tables.empty++;
    if (tables[0].unit === t.unit) score.tables.unit++;
    const predicted: { row: TypedRow; table: Table; used: boolean }[] = tables.flatMap((table) => (table.rows ?? []).map((row) => ({ row, table, used: false })));
    for (const r of t.rows) {
      const candidates = predicted.filter((p) => !p.used && (r.panel === undefined || p.row.panel === r.panel));
      const hit =
        (r.code && candidates.find((p) => p.row.code === r.code)) ||
        candidates.find((p) => norm(p.row.name) === norm(r.name)) ||
        candidates.find((p) => bare(p.row.name) === bare(r.name) && bare(r.name) !== '') ||
        (!r.code && !r.name ? candidates.find((p) => !p.row.code && !p.row.name) : undefined);
      if (!hit) {
        score.misses.push(`${t.kind} row ${r.code ?? ''} ${r.name ?? ''}: not found`);
        continue;
      }
      hit.used = true;
      const paths = Array.isArray(t.columns) ? t.columns : t.columns[r.panel ?? ''] ?? [];
      let exact = !r.code || hit.row.code === r.code;
      r.values.forEach((v, i) => {
        const key = columnFor(hit.table, paths[i], r.panel);
        const got = key ? hit.row.values[key] : undefined;
        const ok = same(v, got);
        if (v !== null && ok) score.values.exact++;
        if (!ok) {
          exact = false;
          score.misses.push(`${t.kind} row ${r.code ?? ''} ${r.name ?? ''} column ${paths[i]}: expected ${v} got ${got}`);
        }
      });
      if (exact) score.rows.exact++;
    }
  }
  return score;
}
