/**
 * Speed of the full extraction against bare pdf.js parsing of the same pages, in the same process:
 * pages per second of `extract()` and of getTextContent + getOperatorList per page, the ratio per document
 * and overall (time ours / time bare: below 1.0 is faster than bare pdf.js), and peak RSS.
 * Not a test: machines are noisy, so ratios matter, not seconds.
 *
 *   npm run bench [-- folder-or-pdf ...]   (compiled first: a TypeScript loader would add its own memory)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
// our adapter first: it keeps the engine's functions that pdf.js's core-js replaces (natives.ts), for both phases
import { documentOptions } from '../src/ingest/pdf/pdfjs.js';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { extract } from '../src/pipeline.js';

// run from the repository root (npm run bench): the project's corpus and the shared real set beside it
const targets = process.argv.slice(2).length ? process.argv.slice(2).map((p) => resolve(p)) : [resolve('corpus'), resolve('../shared/corpus/real')];

function pdfs(path: string): string[] {
  if (!statSync(path, { throwIfNoEntry: false })) return [];
  if (!statSync(path).isDirectory()) return path.toLowerCase().endsWith('.pdf') ? [path] : [];
  return readdirSync(path).flatMap((n) => pdfs(join(path, n))).sort();
}

async function bare(file: string): Promise<number> {
  const doc = await pdfjs.getDocument(documentOptions(new Uint8Array(readFileSync(file)))).promise;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      try {
        await page.getTextContent();
        await page.getOperatorList();
      } finally {
        page.cleanup();
      }
    }
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}

/** Peak RSS per phase, sampled while each runs (one process runs both, so its own peak mixes them). */
const peak = { ours: 0, bare: 0 };
let phase: 'ours' | 'bare' = 'bare';
const sampler = setInterval(() => {
  peak[phase] = Math.max(peak[phase], process.memoryUsage().rss);
}, 10);

let oursTotal = 0;
let bareTotal = 0;
// CPU time (all of this process's threads) beside wall time: on a machine shared with other work, wall time
// swings with the load, CPU time much less
let oursCpu = 0;
let bareCpu = 0;
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
let pagesTotal = 0;
console.log('document | pages | ours pages/s | bare pdf.js pages/s | ratio (ours/bare time) | ratio of CPU time');
for (const file of targets.flatMap(pdfs)) {
  try {
    // alternate which runs first so neither always pays for a cold cache
    const order = pagesTotal % 2 === 0;
    let pages = 0;
    let tBare = 0;
    let tOurs = 0;
    let cBare = 0;
    let cOurs = 0;
    for (const which of order ? ['bare', 'ours'] : ['ours', 'bare']) {
      phase = which as 'ours' | 'bare';
      const t0 = performance.now();
      const c0 = cpuMs();
      if (which === 'bare') pages = await bare(file);
      else await extract(file);
      const dt = performance.now() - t0;
      const dc = cpuMs() - c0;
      if (which === 'bare') [tBare, cBare] = [dt, dc];
      else [tOurs, cOurs] = [dt, dc];
    }
    oursTotal += tOurs;
    bareTotal += tBare;
    oursCpu += cOurs;
    bareCpu += cBare;
    pagesTotal += pages;
    console.log(`${relative(process.cwd(), file)} | ${pages} | ${((1000 * pages) / tOurs).toFixed(1)} | ${((1000 * pages) / tBare).toFixed(1)} | ${(tOurs / tBare).toFixed(2)} | ${(cOurs / cBare).toFixed(2)}`);
  } catch (e) {
    console.log(`${relative(process.cwd(), file)} | skipped: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
  }
}
clearInterval(sampler);
const mb = (b: number) => (b / 1048576).toFixed(0);
console.log(
  `\noverall: ${pagesTotal} pages · ours ${((1000 * pagesTotal) / oursTotal).toFixed(1)} pages/s · bare pdf.js ${((1000 * pagesTotal) / bareTotal).toFixed(1)} pages/s` +
    ` · ratio ${(oursTotal / bareTotal).toFixed(2)} (CPU time ${(oursCpu / bareCpu).toFixed(2)}) · peak RSS while extracting ${mb(peak.ours)} MB (bare pdf.js ${mb(peak.bare)} MB; process ${mb(process.resourceUsage().maxRSS * 1024)} MB)`,
);
