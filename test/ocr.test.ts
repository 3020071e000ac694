/**
 * Scans and page images. The fixture is the top of hangzhou_0133's page 20 (表6) rendered at 300 dpi, turned
 * 0.49°, with noise, blur and JPEG artefacts (scripts/make-scan-fixtures.sh); its expected rows are the
 * hand-verified truth of ../shared/truth. One OCR run (a few seconds): the test suite stays fast.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRules, eraseRules, estimateSkew, rotate, type Gray } from '../src/ingest/ocr/raster.js';
import { cellText } from '../src/ingest/ocr/index.js';
import { imageKind } from '../src/ingest/ocr/kind.js';
import type { Output } from '../src/model/output.js';
import { CLI, ROOT, sharedPath } from './helpers.js';
import type { Truth } from './truth.js';

const IMAGE = resolve(ROOT, 'test/fixtures/ocr/hangzhou-0133-p20-top.jpg');

/** A white page with a ruled 3 × 4 grid (2 px lines) and a short dark stroke that is text, not a rule. */
function ruledPage(): Gray {
  const width = 600;
  const height = 400;
  const data = new Uint8Array(width * height).fill(255);
  const dark = (x: number, y: number) => (data[y * width + x] = 20);
  for (const y of [50, 150, 250, 350]) for (let x = 50; x <= 550; x++) for (let t = 0; t < 2; t++) dark(x, y + t);
  for (const x of [50, 200, 350, 550]) for (let y = 50; y <= 351; y++) for (let t = 0; t < 2; t++) dark(x + t, y);
  for (let x = 80; x < 110; x++) dark(x, 100); // a 30 px stroke of a character
  return { width, height, data };
}

describe('raster rules', () => {
  it('finds the ruling lines of a grid, not the strokes of text, and erases them', () => {
    const page = ruledPage();
    const rules = findRules(page, 75, 51);
    const hs = rules.filter((r) => r.y0 === r.y1).map((r) => Math.round(r.y0));
    const vs = rules.filter((r) => r.x0 === r.x1).map((r) => Math.round(r.x0));
    expect(hs).toEqual([51, 151, 251, 351]); // the middle of each 2 px line (y + 0.5), rounded
    expect(vs).toEqual([51, 201, 351, 551]);
    const erased = eraseRules(page, rules);
    expect(erased.data[150 * 600 + 300]).toBe(255);
    expect(erased.data[100 * 600 + 90]).toBe(20); // the text stroke stays
  });

  it('measures the skew of a turned page', () => {
    const turned = rotate(ruledPage(), -0.8);
    expect(Math.abs(estimateSkew(turned) - 0.8)).toBeLessThanOrEqual(0.1);
  });

  it('joins figures OCR split at their separators, and CJK text split into characters', () => {
    expect(cellText('3, 745. 07')).toBe('3,745.07');
    expect(cellText('工资 福利 支出')).toBe('工资福利支出');
    expect(cellText('Item A')).toBe('Item A');
  });

  it('tells images by their bytes', () => {
    expect(imageKind(readFileSync(IMAGE))).toBe('jpeg');
    expect(imageKind(Buffer.from('%PDF-1.7'))).toBeNull();
  });
});

describe('a scanned page image', () => {
  it('is read into a ruled table whose cells carry confidence, its names and most figures right', () => {
    const r = spawnSync(process.execPath, [CLI, IMAGE], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.source).toMatchObject({ format: 'image', pages: 1, ocr: true });
    expect(out.tables).toHaveLength(1);
    const table = out.tables[0];
    expect(table.nCols).toBe(4);
    expect(table.cells.every((c) => typeof c.confidence === 'number' && c.confidence >= 0 && c.confidence <= 1)).toBe(true);
    expect(out.document.organization).toBe('杭州市气象局');

    // the rows the crop shows, as the truth types them: name, 合计, 人员经费, 日常公用支出
    const truth = JSON.parse(readFileSync(sharedPath('truth/hangzhou_0133_2026_dept-budget.json'), 'utf8')) as Truth;
    const expected = truth.tables.find((t) => t.kind === 'B.gpb_basic_econ')!.rows.slice(0, 10);
    const grid = (row: number, col: number) => table.cells.find((c) => c.row === row && c.col === col)?.text ?? '';
    const nameRow = (name: string) => [...new Set(table.cells.map((c) => c.row))].find((row) => grid(row, 0) === name);
    let names = 0;
    let values = 0;
    let total = 0;
    for (const t of expected) {
      const row = nameRow(t.name!);
      if (row !== undefined) names++;
      for (let k = 0; k < 3; k++) {
        if (t.values[k] === null) continue;
        total++;
        if (row !== undefined && grid(row, k + 1).replace(/,/g, '') === t.values[k]) values++;
      }
    }
    expect(names).toBeGreaterThanOrEqual(8);
    // measured on this noisy scan: 14 of 21 figures exact from chi_sim alone, 20 of 21 after the figures' second reading
    expect(values / total).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it('with --ocr off an image is refused in one line', () => {
    const r = spawnSync(process.execPath, [CLI, IMAGE, '--ocr', 'off'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/is an image: it needs OCR .*\[E_NEEDS_OCR\]$/);
  });
});
