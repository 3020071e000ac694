/**
 * Born-digital PDFs that are odd, damaged or hostile, built byte by byte and read by the real pdf.js:
 * rotated and offset pages, a broken page among good ones, and the known ways PDF readers die (DESIGN.md,
 * "Quality bars": exponential form fan-out, decompression bombs, huge images, a per-file time limit).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Output } from '../src/model/output.js';
import { extract } from '../src/pipeline.js';
import { CLI, ROOT } from './helpers.js';
import { deflatedSpaces, makePdf, RULED_PAGE, stream, type PageSpec } from './pdf-builder.js';

const tmp = mkdtempSync(join(tmpdir(), 'extract-robust-'));
const file = (name: string, bytes: Buffer) => {
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  return path;
};

type Table = Output['tables'][number];
/** The table as rows of cell texts. */
const texts = (t: Table) => {
  const rows = Array.from({ length: t.nRows }, () => Array<string>(t.nCols).fill(''));
  for (const c of t.cells) rows[c.row][c.col] = c.text;
  return rows;
};
const RULED_TEXTS = [['Item', 'Amount'], ['Total', '518.25']];

describe('rotated pages and MediaBoxes away from 0,0 give the table of the plain page', () => {
  // Each page draws RULED_PAGE turned against its /Rotate and moved onto its MediaBox, so that it shows
  // exactly as the plain page does: same texts in the same cells, same boxes from the displayed top-left.
  const A4 = [595, 842];
  const LANDSCAPE = [842, 595];
  it.each<[string, PageSpec, number[]]>([
    ['/Rotate 90', { content: `0 1 -1 0 842 0 cm\n${RULED_PAGE}`, extras: '/Rotate 90' }, LANDSCAPE],
    ['/Rotate 180', { content: `-1 0 0 -1 595 842 cm\n${RULED_PAGE}`, extras: '/Rotate 180' }, A4],
    ['/Rotate 270', { content: `0 -1 1 0 0 842 cm 1 0 0 1 0 -247 cm\n${RULED_PAGE}`, extras: '/Rotate 270' }, LANDSCAPE],
    ['MediaBox [100 200 695 1042]', { content: `1 0 0 1 100 200 cm\n${RULED_PAGE}`, extras: '/MediaBox [100 200 695 1042]' }, A4],
    ['/Rotate 90 on MediaBox [100 200 695 1042]', { content: `0 1 -1 0 942 200 cm\n${RULED_PAGE}`, extras: '/Rotate 90 /MediaBox [100 200 695 1042]' }, LANDSCAPE],
  ])('%s', async (name, page, [width, height]) => {
    const plain = (await extract(file('plain.pdf', makePdf([RULED_PAGE])))).tables[0];
    const out = await extract(file(`${name.replace(/\W+/g, '_')}.pdf`, makePdf([page])));
    expect(out.tables).toHaveLength(1);
    const table = out.tables[0];
    expect(texts(table)).toEqual(RULED_TEXTS);
    expect(table.cells).toEqual(plain.cells);
    for (const { bbox } of table.cells) {
      const [x0, y0, x1, y1] = bbox!;
      expect(0 <= x0 && x0 < x1 && x1 <= width && 0 <= y0 && y0 < y1 && y1 <= height).toBe(true);
    }
  });
});

describe('a broken page among good ones: the others are read, a warning names it', () => {
  // headings keep the two tables apart (a table continued on the next page would be stitched)
  const first = `BT /F1 12 Tf 100 760 Td (First table) Tj ET\n${RULED_PAGE}`;
  const third = `BT /F1 12 Tf 100 760 Td (Third table) Tj ET\n${RULED_PAGE}`;
  const damaged = stream('/Filter /FlateDecode', 'x\x9c this is not deflate data');
  it.each<[string, PageSpec, string]>([
    // pdf.js reads these as blank pages without a word
    ['its /Contents refers to a missing object', { content: '', contents: '99 0 R' }, 'W_EMPTY_PAGE'],
    ['its /Contents is a dictionary, not a stream', { content: '', contents: '3 0 R' }, 'W_EMPTY_PAGE'],
    ['its content stream is garbage', { content: 'BT /F1 12 Tf ]] >> {{ } 1 2 3 Tj ET q Q Q Q /Nope Do @@ \x00\x01\xff' }, 'W_EMPTY_PAGE'],
    ['it draws a form that is not a stream', { content: '/X0 Do', resources: '/XObject << /X0 3 0 R >>' }, 'W_EMPTY_PAGE'],
    // …and fails on this one
    ['its content stream has damaged Flate data', { content: '', contents: '@Damaged' }, 'W_PAGE'],
  ])('%s', async (name, broken, code) => {
    const out = await extract(file(`broken-${name.replace(/\W+/g, '_')}.pdf`, makePdf([first, broken, third], { Damaged: damaged })));
    expect(out.tables.map((t) => [t.pages, texts(t)])).toEqual([[[1], RULED_TEXTS], [[3], RULED_TEXTS]]);
    expect(out.warnings).toEqual([{ code, page: 2, message: expect.stringMatching(/^page 2 /) }]);
    // a page without text in a born-digital document is no scan: --ocr auto does not read it
    expect(out.source.ocr).toBe(false);
  });
});

describe('hostile PDFs: a result or one line, within seconds and 500 MB (DESIGN.md bad-input bar)', () => {
  // the child process reports its peak memory through a preloaded exit hook
  const preload = file('peak-rss.mjs', Buffer.from(
    "import { writeFileSync } from 'node:fs';\n" +
      "process.on('exit', () => writeFileSync(process.env.EXTRACT_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
  ));
  let runs = 0;
  function run(...args: string[]) {
    const rssFile = join(tmp, `rss-${++runs}`);
    const start = performance.now();
    // the spawn's own timeout turns a hang into a failed test rather than a stuck run
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, CLI, ...args], {
      cwd: ROOT, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 2 ** 20, env: { ...process.env, EXTRACT_PEAK_RSS_FILE: rssFile },
    });
    const seconds = (performance.now() - start) / 1000;
    const peakMB = Number(readFileSync(rssFile, 'utf8')) / 1024;
    return { code: r.status, stdout: r.stdout, stderr: r.stderr.trim(), seconds, peakMB };
  }
  /** well above the 1–3 s these take, well below a hang: a bound, not a speed measurement */
  const FEW_SECONDS = 20;

  /** Forms F0 … F29 each draw the next twice: 2^30 draws of F30, which draws `leaf`. */
  function fanOut(leaf: string): Record<string, string> {
    const forms: Record<string, string> = {};
    for (let i = 0; i < 30; i++) forms[`F${i}`] = stream(`/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /G @F${i + 1} >> >>`, '/G Do /G Do');
    forms.F30 = stream('/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>', leaf);
    return forms;
  }
  const drawsF0: PageSpec = { content: 'BT /F1 12 Tf 100 760 Td (Forms) Tj ET /F0 Do', resources: '/XObject << /F0 @F0 >>' };

  it.each([
    ['a line', '100 100 m 200 100 l S'],
    ['a word', 'BT /F1 12 Tf 100 100 Td (x) Tj ET'],
  ])('forms nested to a fan-out of 2^30 draws of %s: the page is skipped at the form budget', (_what, leaf) => {
    const r = run(file(`fan-out-${runs}.pdf`, makePdf([RULED_PAGE, drawsF0, RULED_PAGE], fanOut(leaf))));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.tables.map((t) => [t.pages, texts(t)])).toEqual([[[1], RULED_TEXTS], [[3], RULED_TEXTS]]);
    expect(out.warnings).toEqual([{ code: 'W_PAGE', page: 2, message: 'page 2 could not be read: it draws more than 10000 forms (nested forms?)' }]);
    expect(r.seconds).toBeLessThan(FEW_SECONDS);
    expect(r.peakMB).toBeLessThan(500);
  });

  it.each([
    ['200 MiB of spaces (200 kB of Flate)', () => stream('/Filter /FlateDecode', deflatedSpaces(200))],
    ['2 GiB of spaces (5 kB of Flate of Flate)', () => stream('/Filter [/FlateDecode /FlateDecode]', deflateSync(deflatedSpaces(2048)))],
  ])('a content stream that inflates to %s is refused', (_what, bomb) => {
    const path = file(`bomb-${runs}.pdf`, makePdf([RULED_PAGE, { content: '', contents: '@Bomb' }], { Bomb: bomb() }));
    const r = run(path);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`extract: ${path}: has a compressed stream (object 8) that inflates to more than 64 MB [E_TOO_LARGE]`);
    expect(r.seconds).toBeLessThan(FEW_SECONDS);
    expect(r.peakMB).toBeLessThan(500);
  });

  const pixels = deflateSync(Buffer.alloc(30_000)); // far less than 30000×30000 pixels need
  it.each<[string, PageSpec, Record<string, string>]>([
    ['an image XObject', { content: 'q 400 0 0 400 100 100 cm /Im Do Q', resources: '/XObject << /Im @Im >>' }, {
      Im: stream('/Type /XObject /Subtype /Image /Width 30000 /Height 30000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode', pixels),
    }],
    ['an image mask', { content: 'q 400 0 0 400 100 100 cm /Im Do Q', resources: '/XObject << /Im @Im >>' }, {
      Im: stream('/Type /XObject /Subtype /Image /Width 30000 /Height 30000 /ImageMask true /Filter /FlateDecode', pixels),
    }],
    ['an inline image', { content: `q 400 0 0 400 100 100 cm BI /W 30000 /H 30000 /CS /RGB /BPC 8 /F /Fl ID ${pixels.toString('latin1')} EI Q` }, {}],
  ])('a 30000×30000 image (%s) is not decoded: the page is read around it', (_what, image, objects) => {
    const r = run(file(`image-${runs}.pdf`, makePdf([{ ...image, content: `${RULED_PAGE}\n${image.content}` }], objects)));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.tables.map(texts)).toEqual([RULED_TEXTS]);
    expect(out.warnings).toEqual([]);
    expect(r.seconds).toBeLessThan(FEW_SECONDS);
    expect(r.peakMB).toBeLessThan(500);
  });

  const long = join(ROOT, 'corpus/beijing_0250_2026_budget-tables.pdf'); // 177 pages: about 5 s
  it.each([[[]], [['check']]])('--timeout 0.5 stops a file that takes longer, with one line and exit code 2 (%j)', (command) => {
    const r = run(...command, long, '--timeout', '0.5');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`extract: ${long}: took longer than 0.5 s [E_TIMEOUT]`);
    expect(r.stdout).toBe('');
    expect(r.seconds).toBeLessThan(FEW_SECONDS);
  });

  it('a file within the time limit gives the same output as without one (--timeout 0)', () => {
    const path = file('plain-timed.pdf', makePdf([RULED_PAGE]));
    const limited = run(path);
    expect(limited.code).toBe(0);
    expect(run(path, '--timeout', '0').stdout).toBe(limited.stdout);
  });
});
