/**
 * Pure metrics of the corpus report (scripts/corpus-report.ts): given one extraction Output, how many of its
 * tables print amounts, how many are typed, which typed tables are flawed (a nameless row, a colN key),
 * and how its identity checks came out. No I/O here, so the counting is unit-tested on hand-made outputs
 * (test/corpus-metrics.test.ts).
 */
import type { Output } from '../src/model/output.js';
import type { Table } from '../src/model/table.js';

/**
 * An amount: a cell whose whole text (NFKC, trimmed) is a number with a decimal point or with thousands
 * separators. A bare integer (a year 2024, a code 201, a column number) is not one.
 */
export const AMOUNT = /^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+\.\d+$/;
/** a table printing at least this many amounts is "numeric": it should be one of the standard tables */
export const NUMERIC_MIN_AMOUNTS = 5;
export const COLN_KEY = /^col\d+$/;
/** check statuses that count as an identity holding (exactly, or within the rounding policy) */
export const PASSING = new Set(['pass', 'pass_rounding', 'warn_rounding', 'hint']);
/** check statuses that are not a judgement: the rule does not apply, or its inputs are missing */
export const NOT_JUDGED = new Set(['na', 'missing']);

export const isAmountText = (text: string): boolean => AMOUNT.test(text.normalize('NFKC').trim());

export const amountCount = (t: Pick<Table, 'cells'>): number => t.cells.filter((c) => isAmountText(c.text)).length;

export const isTyped = (t: Pick<Table, 'kind'>): boolean => t.kind !== 'generic';

/** typed rows whose name is empty or whitespace; a one-row table (a lone total line) does not count */
export function namelessRowCount(t: Pick<Table, 'rows'>): number {
  const rows = t.rows ?? [];
  if (rows.length < 2) return 0;
  return rows.filter((r) => r.name.trim() === '').length;
}

export const colNKeyCount = (t: Pick<Table, 'columns'>): number => (t.columns ?? []).filter((c) => COLN_KEY.test(c.key)).length;

/** does `message` name table `id` as a whole token (t01 is not named by a message about t012) */
export function mentionsTable(message: string, id: string): boolean {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_])${escaped}([^A-Za-z0-9_]|$)`).test(message);
}

export interface GenericNumericTable {
  table: string;
  pages: number[];
  title: string;
  amounts: number;
  reason: string;
}

export interface DocMetrics {
  tables: number;
  /** tables whose kind is not 'generic' */
  typedTables: number;
  /** distinct kinds of the typed tables, sorted */
  kinds: string[];
  /** tables printing NUMERIC_MIN_AMOUNTS amounts or more */
  numericTables: number;
  numericTyped: number;
  genericNumeric: GenericNumericTable[];
  /** typed rows without a name (in typed tables of two or more rows) */
  namelessRows: number;
  /** typed tables with at least one such row */
  namelessRowTables: number;
  /** colN column keys of typed tables */
  colNKeys: number;
  /** typed tables with at least one colN key */
  colNTables: number;
  /** typed tables with a nameless row or a colN key (counted once) */
  badTypedTables: number;
  checks: number;
  missingChecks: number;
  /** checks neither 'na' nor 'missing' */
  judgedChecks: number;
  /** judged checks with status pass | pass_rounding | warn_rounding | hint */
  passedChecks: number;
}

type OutputLike = Pick<Output, 'tables' | 'checks' | 'warnings'>;

/** Performance-target rows (一级指标 产出指标 / 效益指标 / 满意度指标 …): a 绩效目标 form or list, not a standard table. */
const PERFORMANCE = /^(产出指标|效益指标|满意度指标|成本指标|一级指标)$/;

export function genericReason(t: Pick<Table, 'id' | 'title'> & { cells?: Pick<Table['cells'][number], 'text'>[] }, warnings: OutputLike['warnings']): string {
  const w = warnings.find((x) => mentionsTable(x.message, t.id));
  if (w) return `${w.code}: ${w.message}`;
  if ((t.cells ?? []).some((c) => PERFORMANCE.test(c.text.replace(/\s+/g, '')))) return 'performance targets (产出/效益/满意度指标): not a standard table';
  return t.title.trim() === '' ? 'no title found' : 'title not recognised';
}

export function documentMetrics(out: OutputLike): DocMetrics {
  const m: DocMetrics = {
    tables: out.tables.length,
    typedTables: 0,
    kinds: [],
    numericTables: 0,
    numericTyped: 0,
    genericNumeric: [],
    namelessRows: 0,
    namelessRowTables: 0,
    colNKeys: 0,
    colNTables: 0,
    badTypedTables: 0,
    checks: out.checks.length,
    missingChecks: 0,
    judgedChecks: 0,
    passedChecks: 0,
  };
  const kinds = new Set<string>();
  for (const t of out.tables) {
    const typed = isTyped(t);
    const amounts = amountCount(t);
    if (amounts >= NUMERIC_MIN_AMOUNTS) {
      m.numericTables++;
      if (typed) m.numericTyped++;
      else m.genericNumeric.push({ table: t.id, pages: t.pages, title: t.title, amounts, reason: genericReason(t, out.warnings) });
    }
    if (!typed) continue;
    m.typedTables++;
    kinds.add(t.kind);
    const nameless = namelessRowCount(t);
    const colN = colNKeyCount(t);
    m.namelessRows += nameless;
    m.colNKeys += colN;
    if (nameless > 0) m.namelessRowTables++;
    if (colN > 0) m.colNTables++;
    if (nameless > 0 || colN > 0) m.badTypedTables++;
  }
  m.kinds = [...kinds].sort();
  for (const c of out.checks) {
    // 'missing' is a status being added to the schema: compared as a string so this compiles before and after
    const status: string = c.status;
    if (status === 'missing') m.missingChecks++;
    if (NOT_JUDGED.has(status)) continue;
    m.judgedChecks++;
    if (PASSING.has(status)) m.passedChecks++;
  }
  return m;
}

/** Metrics of a group of documents (a publisher, or all): sums, with the kinds united. */
export interface GroupMetrics extends Omit<DocMetrics, 'genericNumeric'> {
  docs: number;
  /** documents refused with an ExtractError */
  refused: number;
  /** documents that threw anything else */
  crashes: number;
  genericNumeric: (GenericNumericTable & { document: string })[];
}

export interface DocResult {
  document: string;
  publisher: string;
  metrics?: DocMetrics;
  /** ExtractError code, or 'CRASH' */
  error?: string;
}

export function emptyGroup(): GroupMetrics {
  return {
    docs: 0, refused: 0, crashes: 0, tables: 0, typedTables: 0, kinds: [], numericTables: 0, numericTyped: 0, genericNumeric: [],
    namelessRows: 0, namelessRowTables: 0, colNKeys: 0, colNTables: 0, badTypedTables: 0, checks: 0, missingChecks: 0, judgedChecks: 0, passedChecks: 0,
  };
}

const SUMMED = ['tables', 'typedTables', 'numericTables', 'numericTyped', 'namelessRows', 'namelessRowTables', 'colNKeys', 'colNTables', 'badTypedTables', 'checks', 'missingChecks', 'judgedChecks', 'passedChecks'] as const;

export function groupMetrics(results: DocResult[]): GroupMetrics {
  const g = emptyGroup();
  const kinds = new Set<string>();
  for (const r of results) {
    g.docs++;
    if (r.error) {
      if (r.error === 'CRASH') g.crashes++;
      else g.refused++;
    }
    if (!r.metrics) continue;
    for (const k of SUMMED) g[k] += r.metrics[k];
    for (const k of r.metrics.kinds) kinds.add(k);
    for (const t of r.metrics.genericNumeric) g.genericNumeric.push({ document: r.document, ...t });
  }
  g.kinds = [...kinds].sort();
  return g;
}

/** a share in percent, null when there is nothing to share */
export const percent = (part: number, whole: number): number | null => (whole > 0 ? (100 * part) / whole : null);

export interface Bars {
  typedShare: number | null;
  typedOk: boolean;
  badTypedShare: number | null;
  badTypedOk: boolean;
  crashes: number;
  crashesOk: boolean;
}

/** the "Done when" bars of issue 11: ≥ 90 % of numeric tables typed, ≤ 2 % of typed tables flawed, no crash */
export function bars(g: GroupMetrics): Bars {
  const typedShare = percent(g.numericTyped, g.numericTables);
  const badTypedShare = percent(g.badTypedTables, g.typedTables);
  return {
    typedShare,
    typedOk: typedShare !== null && typedShare >= 90,
    badTypedShare,
    badTypedOk: badTypedShare === null || badTypedShare <= 2,
    crashes: g.crashes,
    crashesOk: g.crashes === 0,
  };
}

// ---- which documents -------------------------------------------------------------------------------------

export const REPORT_CATEGORIES = new Set(['dept-budget', 'dept-budget-tables', 'unit-budget', 'final-accounts']);
export const REPORT_KINDS = new Set(['pdf-text', 'pdf-mixed']);

export interface ManifestRow {
  path: string;
  category: string;
  kind: string;
  pages: number | null;
}

/** MANIFEST.tsv: a header line naming local_path, category, kind, pages …, then one tab-separated row per file */
export function parseManifest(text: string): ManifestRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  const head = lines[0].split('\t').map((h) => h.trim());
  const at = (name: string) => head.indexOf(name);
  const [iPath, iCat, iKind, iPages] = [at('local_path'), at('category'), at('kind'), at('pages')];
  if (iPath < 0 || iCat < 0 || iKind < 0) throw new Error('MANIFEST.tsv: header must name local_path, category and kind');
  return lines.slice(1).map((l) => {
    const f = l.split('\t');
    const pages = iPages >= 0 ? Number.parseInt(f[iPages] ?? '', 10) : NaN;
    return { path: (f[iPath] ?? '').trim(), category: (f[iCat] ?? '').trim(), kind: (f[iKind] ?? '').trim(), pages: Number.isFinite(pages) ? pages : null };
  });
}

/** the budget and 决算 disclosures with a text layer */
export const isReportRow = (r: ManifestRow): boolean => REPORT_CATEGORIES.has(r.category) && REPORT_KINDS.has(r.kind);

/**
 * Publisher of a corpus file (path relative to the corpus, '/'-separated): renwu-cities/<city>_NNNN_… → the
 * city; another folder → that folder; a file at the top → sh-putuo (the Shanghai 普陀 决算 PDFs).
 */
export function publisherOf(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  if (parts.length < 2) return 'sh-putuo';
  if (parts[0] === 'renwu-cities') return parts[parts.length - 1].split('_')[0];
  return parts[0];
}

/** Publisher of a file of a folder without a manifest: its first path segment ('(top)' for a file at the top). */
export function folderPublisherOf(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  return parts.length < 2 ? '(top)' : parts[0];
}

/** --only a,b / --except c: keep a publisher named in `only` (when given) and not in `except` */
export function keepPublisher(publisher: string, only: Set<string> | null, except: Set<string>): boolean {
  return (only === null || only.has(publisher)) && !except.has(publisher);
}
