/**
 * Runs `extract` on every PDF of a folder (default ../shared/corpus/real) and reports, per document: pages,
 * tables by kind, errors; and overall: documents processed, crashes, tables found per kind, and the share of
 * numeric tokens on table pages (from `pdftotext -layout`, Debian poppler-utils) that land in some cell.
 *
 *   npm run corpus-report [-- folder] [--json out.json]   (from the repository root)
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { extract } from '../src/pipeline.js';
import { ExtractError } from '../src/errors.js';

const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const root = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--json') ?? '../shared/corpus/real');

function pdfs(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return pdfs(p);
    return n.toLowerCase().endsWith('.pdf') ? [p] : [];
  }).sort();
}

const NUMBER = /^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+\.\d+$|^-?\d{3,}$/;
// full-width digits (４８，６７０) are the same numbers
const norm = (s: string) => s.normalize('NFKC').replace(/,/g, '');

function pageTokens(file: string, page: number): string[] {
  try {
    const text = execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    return text.split(/\s+/).map(norm).filter((t) => NUMBER.test(t));
  } catch {
    return [];
  }
}

const kinds = new Map<string, number>();
/** identity results: per family, how many rule evaluations passed (pass or rounding), and which rules fail most */
const byFamily = new Map<string, { passed: number; judged: number }>();
const failingRules = new Map<string, string[]>();
const rows: Record<string, unknown>[] = [];
let tokensTotal = 0;
let tokensInCells = 0;
let failures = 0;
for (const file of pdfs(root)) {
  const name = relative(root, file);
  const started = Date.now();
  try {
    const out = await extract(file);
    const byKind: Record<string, number> = {};
    for (const t of out.tables) {
      byKind[t.kind] = (byKind[t.kind] ?? 0) + 1;
      kinds.set(t.kind, (kinds.get(t.kind) ?? 0) + 1);
    }
    // numeric tokens printed on pages that hold a table, and how many of them some cell holds
    const pages = new Set(out.tables.flatMap((t) => t.cells.map((c) => c.page).filter((p): p is number => !!p)));
    let total = 0;
    let found = 0;
    for (const page of pages) {
      const cellNumbers = new Map<string, number>();
      for (const t of out.tables) for (const c of t.cells) if (c.page === page) for (const tok of c.text.split(/\s+/).map(norm)) if (NUMBER.test(tok)) cellNumbers.set(tok, (cellNumbers.get(tok) ?? 0) + 1);
      for (const tok of pageTokens(file, page)) {
        total++;
        const n = cellNumbers.get(tok) ?? 0;
        if (n > 0) {
          found++;
          cellNumbers.set(tok, n - 1);
        }
      }
    }
    const judged = out.checks.filter((c) => c.status !== 'na');
    const fam = byFamily.get(out.document.family) ?? { passed: 0, judged: 0 };
    fam.judged += judged.length;
    fam.passed += judged.filter((c) => ['pass', 'pass_rounding', 'warn_rounding', 'hint'].includes(c.status)).length;
    byFamily.set(out.document.family, fam);
    for (const c of out.checks.filter((c) => c.status === 'fail')) failingRules.set(c.rule, [...(failingRules.get(c.rule) ?? []), `${name}: ${c.message.slice(0, 160)}`]);
    tokensTotal += total;
    tokensInCells += found;
    rows.push({ name, pages: out.source.pages, tables: out.tables.length, byKind, tokens: total, inCells: found, ms: Date.now() - started, warnings: out.warnings.length });
    console.log(`${name}: ${out.source.pages} pages, ${out.tables.length} tables ${JSON.stringify(byKind)}, numeric tokens in cells ${found}/${total}, ${Date.now() - started} ms`);
  } catch (e) {
    const code = e instanceof ExtractError ? e.code : 'CRASH';
    if (!(e instanceof ExtractError)) failures++;
    rows.push({ name, error: code, message: e instanceof Error ? e.message : String(e) });
    console.log(`${name}: ${code} ${e instanceof Error ? e.message : String(e)}`);
  }
}
console.log(`\ndocuments ${rows.length}, crashes ${failures}, refused ${rows.filter((r) => r.error && r.error !== 'CRASH').length}`);
console.log(`tables by kind: ${JSON.stringify(Object.fromEntries([...kinds].sort((a, b) => b[1] - a[1])))}`);
console.log(`numeric tokens on table pages found in cells: ${tokensInCells}/${tokensTotal} (${((100 * tokensInCells) / Math.max(1, tokensTotal)).toFixed(2)}%)`);
for (const [family, f] of byFamily) console.log(`identity rules ${family}: ${f.passed}/${f.judged} passed or within rounding (${((100 * f.passed) / Math.max(1, f.judged)).toFixed(1)}%)`);
console.log('most frequent failing rules:');
for (const [rule, docs] of [...failingRules].sort((a, b) => b[1].length - a[1].length).slice(0, 10)) {
  console.log(`  ${rule} ×${docs.length}`);
  for (const d of docs.slice(0, 3)) console.log(`      ${d}`);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ rows, kinds: Object.fromEntries(kinds), tokensTotal, tokensInCells, failures, byFamily: Object.fromEntries(byFamily), failingRules: Object.fromEntries(failingRules) }, null, 2));
