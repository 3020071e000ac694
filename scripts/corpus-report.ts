/**
 * Runs `extract` on the budget and 决算 disclosure PDFs of the real corpus (default ../shared/corpus/real) and
 * reports, per publisher: documents, typed tables and their kinds, numeric tables (≥ 5 printed amounts) and
 * how many of them are typed, typed tables with a nameless row or a colN key, 'missing' checks, and the
 * identity pass rate; then the bars of issue 11 (≥ 90 % of numeric tables typed, ≤ 2 % of typed tables
 * flawed, no crash) and every numeric table left generic. The older figures follow: tables by kind, identity
 * rules per family, the most frequent failing rules, and the share of numeric tokens on table pages
 * (`pdftotext -layout`, Debian poppler-utils; skipped with --no-tokens or when pdftotext is not installed)
 * that land in some cell.
 *
 *   npm run corpus-report [-- folder] [--json out.json] [--no-tokens] [--only pub[,pub]] [--except pub[,pub]]
 *
 * The documents are the rows of folder/MANIFEST.tsv whose category is dept-budget, dept-budget-tables,
 * unit-budget or final-accounts and whose kind is pdf-text or pdf-mixed; a folder without a manifest gives
 * every PDF under it, its publisher the first path segment. The counting is in scripts/corpus-metrics.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { extract } from '../src/pipeline.js';
import { ExtractError } from '../src/errors.js';
import type { Output } from '../src/model/output.js';
import {
  bars,
  documentMetrics,
  folderPublisherOf,
  groupMetrics,
  isReportRow,
  keepPublisher,
  parseManifest,
  percent,
  publisherOf,
  type DocResult,
  type GroupMetrics,
} from './corpus-metrics.js';

// ---- options ---------------------------------------------------------------------------------------------

const USAGE = 'usage: corpus-report [folder] [--json out.json] [--no-tokens] [--only pub[,pub]] [--except pub[,pub]]';
const args = process.argv.slice(2);
let folderArg: string | null = null;
let jsonOut: string | null = null;
let tokens = true;
let only: Set<string> | null = null;
const except = new Set<string>();
const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
  const value = () => {
    const v = inline ?? args[++i];
    if (v === undefined) {
      console.error(`corpus-report: ${flag} needs a value\n${USAGE}`);
      process.exit(2);
    }
    return v;
  };
  if (flag === '--json') jsonOut = value();
  else if (flag === '--no-tokens') tokens = false;
  else if (flag === '--only') only = new Set([...(only ?? []), ...list(value())]);
  else if (flag === '--except') for (const p of list(value())) except.add(p);
  else if (flag === '--help' || flag === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else if (a.startsWith('--') || folderArg !== null) {
    console.error(`corpus-report: unexpected argument ${a}\n${USAGE}`);
    process.exit(2);
  } else folderArg = a;
}
const root = resolve(folderArg ?? '../shared/corpus/real');

// ---- which documents -------------------------------------------------------------------------------------

function pdfs(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return pdfs(p);
    return n.toLowerCase().endsWith('.pdf') ? [p] : [];
  }).sort();
}

interface Doc {
  /** path relative to the corpus folder, '/'-separated */
  name: string;
  file: string;
  publisher: string;
}

function documents(): { docs: Doc[]; source: string } {
  const manifest = join(root, 'MANIFEST.tsv');
  if (existsSync(manifest)) {
    const rows = parseManifest(readFileSync(manifest, 'utf8')).filter(isReportRow);
    const docs = rows.map((r) => ({ name: r.path, file: join(root, r.path), publisher: publisherOf(r.path) })).sort((a, b) => a.name.localeCompare(b.name));
    return { docs, source: `MANIFEST.tsv: ${docs.length} budget and 决算 disclosures (pdf-text, pdf-mixed)` };
  }
  const docs = pdfs(root).map((file) => {
    const name = relative(root, file).split(sep).join('/');
    return { name, file, publisher: folderPublisherOf(name) };
  });
  return { docs, source: `no MANIFEST.tsv: every PDF under the folder (${docs.length})` };
}

// ---- numeric tokens of pdftotext (the older figure) -------------------------------------------------------

const TOKEN = /^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+\.\d+$|^-?\d{3,}$/;
// full-width digits (４８，６７０) are the same numbers
const norm = (s: string) => s.normalize('NFKC').replace(/,/g, '');

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** numeric tokens per page (1-based) of the whole file, from one pdftotext run (pages split at form feeds) */
function fileTokens(file: string): Map<number, string[]> {
  const byPage = new Map<number, string[]>();
  try {
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
    text.split('\f').forEach((page, i) => byPage.set(i + 1, page.split(/\s+/).map(norm).filter((t) => TOKEN.test(t))));
  } catch {
    // an unreadable file gives no tokens, as before
  }
  return byPage;
}

/** how many numeric tokens printed on pages holding a table some cell holds (each cell token used once) */
function tokensInCells(file: string, out: Output): { total: number; found: number } {
  const pages = new Set(out.tables.flatMap((t) => t.cells.map((c) => c.page).filter((p): p is number => !!p)));
  if (pages.size === 0) return { total: 0, found: 0 };
  const printed = fileTokens(file);
  let total = 0;
  let found = 0;
  for (const page of pages) {
    const cellNumbers = new Map<string, number>();
    for (const t of out.tables) for (const c of t.cells) if (c.page === page) for (const tok of c.text.split(/\s+/).map(norm)) if (TOKEN.test(tok)) cellNumbers.set(tok, (cellNumbers.get(tok) ?? 0) + 1);
    for (const tok of printed.get(page) ?? []) {
      total++;
      const n = cellNumbers.get(tok) ?? 0;
      if (n > 0) {
        found++;
        cellNumbers.set(tok, n - 1);
      }
    }
  }
  return { total, found };
}

// ---- run ---------------------------------------------------------------------------------------------------

const { docs: allDocs, source } = documents();
const docs = allDocs.filter((d) => keepPublisher(d.publisher, only, except));
const tokensOn = tokens && hasPdftotext();
console.log(`${root}\n${source}; reported: ${docs.length}${only || except.size ? ` (${only ? `only ${[...only].join(',')}` : ''}${only && except.size ? ', ' : ''}${except.size ? `except ${[...except].join(',')}` : ''})` : ''}`);
if (tokens && !tokensOn) console.log('pdftotext not found (Debian poppler-utils): numeric tokens skipped');
console.log('');

const kinds = new Map<string, number>();
/** identity results: per family, how many judged rule evaluations passed (pass or rounding), and which rules fail most */
const byFamily = new Map<string, { passed: number; judged: number }>();
const failingRules = new Map<string, string[]>();
const results: (DocResult & Record<string, unknown>)[] = [];
let tokensTotal = 0;
let tokensFound = 0;
const startedAll = Date.now();
for (const doc of docs) {
  const { name, file, publisher } = doc;
  const started = Date.now();
  try {
    const out = await extract(file);
    const metrics = documentMetrics(out);
    const byKind: Record<string, number> = {};
    for (const t of out.tables) {
      byKind[t.kind] = (byKind[t.kind] ?? 0) + 1;
      kinds.set(t.kind, (kinds.get(t.kind) ?? 0) + 1);
    }
    const fam = byFamily.get(out.document.family) ?? { passed: 0, judged: 0 };
    fam.judged += metrics.judgedChecks;
    fam.passed += metrics.passedChecks;
    byFamily.set(out.document.family, fam);
    for (const c of out.checks.filter((c) => c.status === 'fail')) failingRules.set(c.rule, [...(failingRules.get(c.rule) ?? []), `${name}: ${c.message.slice(0, 160)}`]);
    const tok = tokensOn ? tokensInCells(file, out) : null;
    if (tok) {
      tokensTotal += tok.total;
      tokensFound += tok.found;
    }
    const ms = Date.now() - started;
    results.push({ document: name, publisher, metrics, pages: out.source.pages, family: out.document.family, byKind, tokens: tok?.total, inCells: tok?.found, ms, warnings: out.warnings.length });
    console.log(
      `${name}: ${out.source.pages} pages, ${out.tables.length} tables, typed ${metrics.typedTables}, numeric ${metrics.numericTyped}/${metrics.numericTables} typed` +
        `${tok ? `, numeric tokens in cells ${tok.found}/${tok.total}` : ''}, ${ms} ms`,
    );
  } catch (e) {
    const code = e instanceof ExtractError ? e.code : 'CRASH';
    const message = e instanceof Error ? e.message : String(e);
    results.push({ document: name, publisher, error: code, message, ms: Date.now() - started });
    console.log(`${name}: ${code} ${message}`);
  }
}

// ---- report ------------------------------------------------------------------------------------------------

const fmtPct = (v: number | null) => (v === null ? '–' : `${v.toFixed(1)}%`);
const publishers = [...new Set(results.map((r) => r.publisher))].sort();
const perPublisher = new Map<string, GroupMetrics>(publishers.map((p) => [p, groupMetrics(results.filter((r) => r.publisher === p))]));
const all = groupMetrics(results);

const HEAD = ['publisher', 'docs', 'typed', 'numeric', 'typed%', 'generic-num', 'nameless-tbl', 'colN-tbl', 'missing', 'identity%', 'errors'];
const line = (name: string, g: GroupMetrics) => [
  name,
  String(g.docs),
  String(g.typedTables),
  String(g.numericTables),
  fmtPct(percent(g.numericTyped, g.numericTables)),
  String(g.genericNumeric.length),
  String(g.namelessRowTables),
  String(g.colNTables),
  String(g.missingChecks),
  fmtPct(percent(g.passedChecks, g.judgedChecks)),
  g.crashes ? `${g.refused + g.crashes} (${g.crashes} crash)` : String(g.refused),
];
const grid = [HEAD, ...publishers.map((p) => line(p, perPublisher.get(p)!)), line('all', all)];
const widths = HEAD.map((_, i) => Math.max(...grid.map((r) => r[i].length)));
const render = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(`\nper publisher (${((Date.now() - startedAll) / 1000).toFixed(0)} s)`);
console.log('  typed = tables of a standard kind; numeric = tables printing ≥ 5 amounts; typed% = numeric tables typed;');
console.log('  generic-num = numeric tables left generic; nameless-tbl / colN-tbl = typed tables with a nameless row / a colN key;');
console.log("  missing = checks 'missing'; identity% = judged checks (not na/missing) that pass or are within rounding; errors = refused documents\n");
for (const [i, r] of grid.entries()) {
  if (i === grid.length - 1) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  console.log(render(r));
}
console.log('\nkinds typed per publisher (typed rows without a name, colN keys):');
for (const p of publishers) {
  const g = perPublisher.get(p)!;
  console.log(`  ${p}: ${g.kinds.length} kinds ${g.kinds.join(' ') || '–'} (nameless rows ${g.namelessRows}, colN keys ${g.colNKeys})`);
}

const b = bars(all);
console.log('\nbars (issue 11):');
console.log(`  ${'numeric tables typed ≥ 90 %:'.padEnd(48)} ${all.numericTyped}/${all.numericTables} = ${fmtPct(b.typedShare)}  ${b.typedOk ? 'ok' : 'NOT MET'}`);
console.log(`  ${'typed tables with a nameless row or colN ≤ 2 %:'.padEnd(48)} ${all.badTypedTables}/${all.typedTables} = ${fmtPct(b.badTypedShare)}  ${b.badTypedOk ? 'ok' : 'NOT MET'}`);
console.log(`  ${'crashes = 0:'.padEnd(48)} ${b.crashes}  ${b.crashesOk ? 'ok' : 'NOT MET'}`);
console.log(`  (documents ${all.docs}, refused ${all.refused}, crashes ${all.crashes})`);
// the bar read over the tables a disclosure standardises: performance-target lists are forms, not tables
const performance = all.genericNumeric.filter((t) => t.reason.startsWith('performance targets')).length;
console.log(`  ${'  the same, performance-target tables aside:'.padEnd(48)} ${all.numericTyped}/${all.numericTables - performance} = ${fmtPct(percent(all.numericTyped, all.numericTables - performance))}`);

console.log(`\nnumeric tables left generic (${all.genericNumeric.length}):`);
for (const t of all.genericNumeric) console.log(`  ${t.document} ${t.table} p.${t.pages.join(',')} ${t.title.trim() || '(no title)'} [${t.amounts} amounts] — ${t.reason}`);

console.log(`\ntables by kind: ${JSON.stringify(Object.fromEntries([...kinds].sort((a, b) => b[1] - a[1])))}`);
if (tokensOn) console.log(`numeric tokens on table pages found in cells: ${tokensFound}/${tokensTotal} (${((100 * tokensFound) / Math.max(1, tokensTotal)).toFixed(2)}%)`);
else console.log(`numeric tokens on table pages: skipped (${tokens ? 'pdftotext not found' : '--no-tokens'})`);
for (const [family, f] of byFamily) console.log(`identity rules ${family}: ${f.passed}/${f.judged} passed or within rounding (${((100 * f.passed) / Math.max(1, f.judged)).toFixed(1)}%)`);
console.log('most frequent failing rules:');
for (const [rule, failing] of [...failingRules].sort((a, b) => b[1].length - a[1].length).slice(0, 10)) {
  console.log(`  ${rule} ×${failing.length}`);
  for (const d of failing.slice(0, 3)) console.log(`      ${d}`);
}

if (jsonOut) {
  writeFileSync(
    jsonOut,
    JSON.stringify(
      {
        source,
        only: only ? [...only] : null,
        except: [...except],
        bars: b,
        all,
        publishers: Object.fromEntries(perPublisher),
        documents: results,
        kinds: Object.fromEntries(kinds),
        tokens: tokensOn ? { total: tokensTotal, inCells: tokensFound } : null,
        crashes: all.crashes,
        byFamily: Object.fromEntries(byFamily),
        failingRules: Object.fromEntries(failingRules),
      },
      null,
      2,
    ),
  );
}
