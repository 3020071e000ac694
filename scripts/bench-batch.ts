/**
 * Batch throughput, as issue 12 asks for it: `extract batch` over a folder with --jobs 1 and --jobs 2 (the
 * scaling ratio), the peak RSS of the process and per worker, the files per second on many one-page PDFs
 * (the start-up cost per file), and the time to --resume a finished batch. It runs the built command as a user
 * would, with --ocr off (scanned pages and images are refused, not read: OCR would swamp the figures).
 * Not a test: machines are noisy, and a machine shared with other work gives low ratios.
 *
 *   npm run bench-batch [-- folder] [--pages 100]   (default folder: ../shared/corpus/real; needs pdfseparate)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve('dist/src/cli/main.js');
const args = process.argv.slice(2);
const pagesAt = args.indexOf('--pages');
const onePageCount = pagesAt >= 0 ? Number(args[pagesAt + 1]) : 100;
const folder = resolve(args.find((a, i) => !a.startsWith('--') && i !== pagesAt + 1) ?? '../shared/corpus/real');
const work = mkdtempSync(join(tmpdir(), 'extract-bench-batch-'));

interface Run {
  seconds: number;
  code: number | null;
  rssMB: number;
  ok: number;
  failed: number;
  pages: number;
  maxHeapMB: number;
}

function batch(label: string, inputs: string[], out: string, ...extra: string[]): Run {
  const started = performance.now();
  // not --quiet: the closing line gives the peak RSS; OCR off, so that scans do not swamp the born-digital figures
  const r = spawnSync(process.execPath, [CLI, 'batch', ...inputs, '--out', out, '--ocr', 'off', '--progress-seconds', '3600', ...extra], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  const rss = /peak RSS (\d+) MB/.exec(r.stderr);
  const lines = readFileSync(join(out, 'summary.jsonl'), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const run: Run = {
    seconds,
    code: r.status,
    rssMB: rss ? Number(rss[1]) : NaN,
    ok: lines.filter((l) => l.status === 'ok').length,
    failed: lines.filter((l) => l.status !== 'ok' && l.status !== 'skipped').length,
    pages: lines.reduce((a, l) => a + (l.status === 'ok' ? (l.pages ?? 0) : 0), 0),
    maxHeapMB: Math.max(0, ...lines.map((l) => l.memoryMB ?? 0)),
  };
  console.log(
    `${label.padEnd(28)} ${seconds.toFixed(1).padStart(7)} s  ${run.ok} ok, ${run.failed} failed, ${run.pages} pages, ` +
      `${(run.pages / seconds).toFixed(1)} pages/s, ${(lines.length / seconds).toFixed(2)} files/s, peak RSS ${run.rssMB} MB, largest worker heap ${run.maxHeapMB} MB (exit ${r.status})`,
  );
  return run;
}

/** RSS of the command that loads nothing of the pipeline: what the main thread of a batch costs before its workers. */
function baseRss(): number {
  const r = spawnSync('/usr/bin/env', ['bash', '-c', `command time -f %M ${process.execPath} ${CLI} --version 2>&1 >/dev/null`], { encoding: 'utf8' });
  return Math.round(Number(r.stdout.trim().split('\n').pop()) / 1024);
}

console.log(`folder: ${folder}`);
const j1 = batch('--jobs 1', [folder], join(work, 'j1'), '--jobs', '1', '--timeout', '300');
const j2 = batch('--jobs 2', [folder], join(work, 'j2'), '--jobs', '2', '--timeout', '300');
const resumed = batch('--jobs 2 --resume (done)', [folder], join(work, 'j2'), '--jobs', '2', '--resume', '--timeout', '300');
console.log(`scaling --jobs 2 / --jobs 1: ${(j1.seconds / j2.seconds).toFixed(2)}× (wall time)`);
const base = baseRss();
console.log(`peak RSS: --jobs 1 ${j1.rssMB} MB, --jobs 2 ${j2.rssMB} MB; the command without workers ${Number.isFinite(base) ? base : '?'} MB`);
console.log(`per worker: ${j1.rssMB - base} MB (--jobs 1 minus the command), ${((j2.rssMB - base) / 2).toFixed(0)} MB (--jobs 2, half of the rest)`);
console.log(`resume of a finished batch: ${resumed.seconds.toFixed(2)} s`);

// many one-page PDFs: pages of real documents cut out one by one
const pagesDir = join(work, 'one-page');
mkdirSync(pagesDir, { recursive: true });
const source = resolve('corpus/beijing_0250_2026_budget-tables.pdf');
execFileSync('pdfseparate', ['-f', '1', '-l', String(onePageCount), source, join(pagesDir, 'page-%03d.pdf')]);
const one1 = batch(`${onePageCount} one-page, --jobs 1`, [pagesDir], join(work, 'p1'), '--jobs', '1', '--timeout', '300');
const one2 = batch(`${onePageCount} one-page, --jobs 2`, [pagesDir], join(work, 'p2'), '--jobs', '2', '--timeout', '300');
console.log(`one-page files: ${(onePageCount / one1.seconds).toFixed(1)} files/s with --jobs 1, ${(onePageCount / one2.seconds).toFixed(1)} files/s with --jobs 2 (command start-up included)`);
rmSync(work, { recursive: true, force: true });
