/**
 * Start-up cost, as issue 14 measures it: the wall time of `extract` on a one-page PDF against a bare Node
 * script that imports pdf.js and parses that page (getTextContent + getOperatorList), in paired runs that
 * alternate which goes first; the median of the per-pair ratios (ours / bare) is the figure. Both are run as a
 * user would (a new process each), with the built command. Not a test: machines are noisy.
 *
 *   npm run bench-startup [-- file.pdf] [--page N] [--runs N]   (default: a table page of the corpus; needs pdfseparate)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const runs = option('--runs', 15);
const page = option('--page', 12);
const source = resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'corpus/shanghai_0001_2026_unit-budget.pdf');
const CLI = resolve('dist/src/cli/main.js');
const work = mkdtempSync(join(tmpdir(), 'extract-bench-startup-'));

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));
const onePage = join(work, 'one-page.pdf');
execFileSync('pdfseparate', ['-f', String(page), '-l', String(page), source, onePage]);

// the bare script: what anyone parsing the page with pdf.js would write, with the options extract uses
const bare = join(work, 'bare.mjs');
writeFileSync(
  bare,
  `import { readFileSync } from 'node:fs';
import * as pdfjs from ${JSON.stringify(pathToFileURL(join(pdfjsRoot, 'legacy/build/pdf.mjs')).href)};
const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(process.argv[2])), isEvalSupported: false,
  cMapUrl: ${JSON.stringify(join(pdfjsRoot, 'cmaps') + '/')}, cMapPacked: true,
  standardFontDataUrl: ${JSON.stringify(join(pdfjsRoot, 'standard_fonts') + '/')}, maxImageSize: 1024,
  disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
const page = await doc.getPage(1);
const text = await page.getTextContent();
const ops = await page.getOperatorList();
process.stdout.write(JSON.stringify({ items: text.items.length, ops: ops.fnArray.length }) + '\\n');
await doc.destroy();
`,
);

function time(argv: string[]): { ms: number; rssMB: number } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...argv], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, rssMB: Math.round(Number(r.stderr.trim().split('\n').pop()) / 1024) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const ours: number[] = [];
const bares: number[] = [];
const ratios: number[] = [];
const rss = { ours: 0, bare: 0 };
try {
  time([bare, onePage]); // warm the file cache once
  for (let i = 0; i < runs; i++) {
    const pair: Record<string, { ms: number; rssMB: number }> = {};
    for (const which of i % 2 ? ['ours', 'bare'] : ['bare', 'ours']) {
      pair[which] = which === 'bare' ? time([bare, onePage]) : time([CLI, onePage]);
    }
    ours.push(pair.ours.ms);
    bares.push(pair.bare.ms);
    ratios.push(pair.ours.ms / pair.bare.ms);
    rss.ours = Math.max(rss.ours, pair.ours.rssMB);
    rss.bare = Math.max(rss.bare, pair.bare.rssMB);
  }
  console.log(
    `one page (${source.split('/').pop()} p.${page}), ${runs} paired runs: extract ${median(ours).toFixed(0)} ms · bare pdf.js ${median(bares).toFixed(0)} ms · ` +
      `median ratio ${median(ratios).toFixed(2)} (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}) · peak RSS extract ${rss.ours} MB, bare ${rss.bare} MB`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
