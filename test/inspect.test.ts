import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../src/pipeline.js';
import { COLOURS, PdfInspector, rgbOf } from '../src/inspect/index.js';
import { htmlReport } from '../src/inspect/report.js';
import type { Output } from '../src/model/output.js';
import { CLI, ROOT, SEED } from './helpers.js';

/** Issue 12, item 3: pictures of what was detected. */
const HANGZHOU = resolve(ROOT, 'corpus/hangzhou_0133_2026_dept-budget.pdf');
const PUTUO = resolve(ROOT, 'corpus/sh-putuo-caizhengju-2024-final.pdf');
const tmp = mkdtempSync(join(tmpdir(), 'extract-inspect-'));

async function pixels(png: Buffer) {
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  return { width: img.width, height: img.height, at: (x: number, y: number) => Array.from(data.subarray((Math.round(y) * img.width + Math.round(x)) * 4, (Math.round(y) * img.width + Math.round(x)) * 4 + 3)) };
}

/** Within `tol` of the colour in each channel, somewhere within `r` pixels of (x, y). */
function near(image: Awaited<ReturnType<typeof pixels>>, x: number, y: number, colour: [number, number, number], r = 2, tol = 50): boolean {
  for (let dx = -r; dx <= r; dx++) for (let dy = -r; dy <= r; dy++) {
    const p = image.at(x + dx, y + dy);
    if (p.every((v, i) => Math.abs(v - colour[i]) <= tol)) return true;
  }
  return false;
}

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('inspect: a page with its overlay (hangzhou, page 15: 收支预算总表)', () => {
  let out: Output;
  let inspector: PdfInspector;
  beforeAll(async () => {
    out = await extract(HANGZHOU);
    inspector = await PdfInspector.open(HANGZHOU, readFileSync(HANGZHOU));
  }, 60_000);
  afterAll(() => inspector?.close());

  it('is a PNG of the page at the scale asked, with table t01 over it', async () => {
    const page = await inspector.page(15, out, { scale: 2 });
    expect([...page.image.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const image = await pixels(page.image);
    // A4 portrait: 595 × 842 points
    expect(image.width).toBe(Math.round(595.3 * 2));
    expect(Math.abs(image.height - 842 * 2)).toBeLessThanOrEqual(2);
    expect(page.overlay.tables.map((t) => t.id)).toEqual(['t01']);
    expect(page.overlay.tables[0].ruled).toBe(true);
    expect(page.overlay.rules.filter((r) => r.used).length).toBeGreaterThan(20);
    expect(page.overlay.runs.length).toBeGreaterThan(50);
  });

  it('draws the table box, the cell grid and the ruling lines where the table is', async () => {
    const page = await inspector.page(15, out, { scale: 2 });
    const image = await pixels(page.image);
    const t = page.overlay.tables[0];
    const table = out.tables.find((x) => x.id === 't01')!;
    const k = 1 / page.pointsPerPixel;
    const midY = ((t.bbox[1] + t.bbox[3]) / 2) * k;
    // the table box: 4 px outside the cells' union, 2.5 px wide
    expect(near(image, t.bbox[0] * k - 4, midY, rgbOf(COLOURS.table), 1)).toBe(true);
    expect(near(image, t.bbox[2] * k + 4, midY, rgbOf(COLOURS.table), 1)).toBe(true);
    // …and not far outside it
    expect(near(image, t.bbox[0] * k - 30, midY, rgbOf(COLOURS.table), 1)).toBe(false);
    // the cell grid, 1.5 px inside each cell, at a known cell: row 2, column 1 (一、财政拨款 | 5,753.07)
    const cell = table.cells.find((c) => c.row === 2 && c.col === 1)!;
    expect(cell.text).toBe('5,753.07');
    const [x0, y0, x1, y1] = cell.bbox!.map((v) => v * k);
    expect(near(image, x0 + 1.5, (y0 + y1) / 2, rgbOf(COLOURS.cell), 1)).toBe(true);
    expect(near(image, (x0 + x1) / 2, y1 - 1.5, rgbOf(COLOURS.cell), 1)).toBe(true);
    // a ruling line the lattice used lies on the cell's border
    expect(near(image, x0, (y0 + y1) / 2 + 6, rgbOf(COLOURS.ruleUsed), 1, 70)).toBe(true);
    // a blank spot of the page stays white
    expect(image.at(20, image.height - 20)).toEqual([255, 255, 255]);
  });

  it('fills the cells a failed check read', async () => {
    const key = out.tables[0].columns!.find((c) => c.col === 1)!.key;
    const failing: Output = { ...out, checks: [...out.checks, { rule: 'TEST-01', status: 'fail', message: 'test', refs: [{ table: 't01', row: 2, col: key, text: '一、财政拨款' }] }] };
    const other = await PdfInspector.open(HANGZHOU, readFileSync(HANGZHOU));
    try {
      const page = await other.page(15, failing, { scale: 2 });
      const image = await pixels(page.image);
      const k = 1 / page.pointsPerPixel;
      const marked = page.overlay.tables[0].cells.filter((c) => c.mark);
      expect(marked.map((c) => [c.row, c.col, c.mark])).toEqual([[2, 1, 'fail']]);
      const cell = out.tables[0].cells.find((c) => c.row === 2 && c.col === 1)!;
      // the blank left part of the cell (the amount is right-aligned) is tinted red
      const [r, g, b] = image.at(cell.bbox![0] * k + 8, ((cell.bbox![1] + cell.bbox![3]) / 2) * k);
      expect(r).toBeGreaterThan(200);
      expect(r - g).toBeGreaterThan(40);
      expect(r - b).toBeGreaterThan(40);
    } finally {
      await other.close();
    }
  });

  it('refuses a page the document does not have', () => {
    expect(() => inspector.checkPage(26)).toThrow(/has 25 pages/);
    expect(() => inspector.checkPage(0)).toThrow(/has 25 pages/);
  });
});

describe('inspect --html: every table beside its page, failed checks marked (普陀 财政局 决算)', () => {
  let out: Output;
  let $: cheerio.CheerioAPI;
  let html: string;
  beforeAll(async () => {
    out = await extract(PUTUO);
    const inspector = await PdfInspector.open(PUTUO, readFileSync(PUTUO));
    try {
      // a failing check on a cell of the income panel, beside the audit's own (which quote the narrative)
      const failing: Output = { ...out, checks: [...out.checks, { rule: 'TEST-02', status: 'fail', message: 'test', refs: [{ table: 't02', row: 2, col: 'final', text: '一、一般公共预算财政拨款收入' }] }] };
      html = await htmlReport(failing, inspector, { scale: 0.75 });
    } finally {
      await inspector.close();
    }
    $ = cheerio.load(html);
  }, 60_000);

  it('has a section for every table, with the images of its pages embedded', () => {
    const ids = $('section.table').map((_, s) => $(s).attr('id')).get();
    expect(ids).toEqual(out.tables.map((t) => t.id));
    for (const t of out.tables) {
      const pages = $(`section#${t.id} .page`).map((_, d) => $(d).attr('title')).get();
      expect(pages, t.id).toEqual(t.pages.map((p) => `page ${p}`));
      for (const p of t.pages) expect(html).toContain(`.pg${p}{background-image:url(data:image/jpeg;base64,`);
      expect($(`section#${t.id} table.grid tbody tr`).length, t.id).toBe(t.nRows);
    }
  });

  it("marks the cells of a failed check, and of the audit's warned one, in the panel their row is in", () => {
    const failed = $('section#t02 td.fail');
    expect(failed.length).toBe(1);
    expect(failed.text()).toBe('2,940.05');
    expect(failed.attr('title')).toContain('TEST-02 fail');
    // FIN-X-01 (warn_rounding): 总表 208 社会保障和就业支出 326.71 vs 326.72 in 支出决算表: the 支出 panel's cell, not the 收入 one of row 9
    const warned = $('section#t02 td.warn');
    expect(warned.map((_, c) => $(c).text()).get()).toEqual(['326.71']);
    expect(warned.attr('title')).toContain('FIN-X-01');
  });

  it('lists the failed checks, and shows the page of the narrative they quote', () => {
    const items = $('li.fail').map((_, li) => $(li).find('b').first().text()).get();
    for (const rule of out.checks.filter((c) => c.status === 'fail').map((c) => c.rule)) expect(items).toContain(rule);
    expect($('section.quote#page-21').length).toBe(1);
    expect($('a[href="#page-21"]').length).toBeGreaterThan(0);
  });
});

describe('extract inspect (the command)', () => {
  it('writes the PNG of a page; exit 0', () => {
    const png = join(tmp, 'p15.png');
    const r = run('inspect', HANGZHOU, '--page', '15', '-o', png, '--scale', '1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/wrote page 15 .*t01/);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  });

  it('refuses a page out of range or not a number as usage errors (64), before any work', () => {
    const r = run('inspect', HANGZHOU, '--page', '99', '-o', join(tmp, 'x.png'));
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/--page 99: .* has 25 pages \(1 to 25\)/);
    expect(run('inspect', HANGZHOU, '--page', '0', '-o', join(tmp, 'x.png')).code).toBe(64);
    expect(run('inspect', HANGZHOU, '--page', 'two', '-o', join(tmp, 'x.png')).code).toBe(64);
    expect(run('inspect', HANGZHOU, '--page', '3').code).toBe(64);
    expect(run('inspect', HANGZHOU, '-o', join(tmp, 'x.png')).code).toBe(64);
    expect(run('inspect', HANGZHOU).code).toBe(64);
    expect(run('inspect', HANGZHOU, '--page', '3', '-o', join(tmp, 'x.jpg')).code).toBe(64);
    expect(existsSync(join(tmp, 'x.png'))).toBe(false);
  });

  it('refuses unusable input (2): a page of a document that is no PDF, a missing file, a broken PDF', () => {
    const r = run('inspect', SEED, '--page', '1', '-o', join(tmp, 'y.png'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_NOT_PDF');
    expect(run('inspect', join(tmp, 'missing.pdf'), '--page', '1', '-o', join(tmp, 'y.png')).code).toBe(2);
    const broken = join(tmp, 'broken.pdf');
    writeFileSync(broken, '%PDF-1.7\nnot really\n');
    expect(run('inspect', broken, '--page', '1', '-o', join(tmp, 'y.png')).code).toBe(2);
  });

  it('--html of a text document: its tables, without page images', () => {
    const report = join(tmp, 'seed.html');
    const r = run('inspect', SEED, '--html', report);
    expect(r.code, r.stderr).toBe(0);
    const $ = cheerio.load(readFileSync(report, 'utf8'));
    expect($('section.table').length).toBeGreaterThan(5);
    expect($('.page').length).toBe(0);
  });
});
