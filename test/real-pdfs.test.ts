import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputSchema } from '../src/model/output.js';
import { ROOT } from './helpers.js';
import { scoreAgainstTruth, type Truth } from './truth.js';

/** Hand-verified truth of shared/ (it sits beside the repository, in CI too). */
const TRUTH_DIR = join(ROOT, '../shared/truth');
const DOCS: [golden: string, truth: string][] = [
  ['sh-putuo-caizhengju-2024-final.pdf', 'sh-putuo-caizhengju-2024-final.json'],
  ['sh-putuo-shegongbu-2024-final.pdf', 'sh-putuo-shegongbu-2024-final.json'],
  ['sh_putuo_gov_jiedao_25_y_budget.pdf', 'sh_putuo_gov_jiedao_25_y_budget.json'],
  ['hangzhou_0133_2026_dept-budget.pdf', 'hangzhou_0133_2026_dept-budget.json'],
];

describe.skipIf(!existsSync(TRUTH_DIR))('goldens of real PDFs restate the hand-verified truth', () => {
  it.each(DOCS)('%s', (golden, truthFile) => {
    const out = OutputSchema.parse(JSON.parse(readFileSync(join(ROOT, 'golden', `${golden}.json`), 'utf8')));
    const truth = JSON.parse(readFileSync(join(TRUTH_DIR, truthFile), 'utf8')) as Truth;
    const score = scoreAgainstTruth(out, truth);
    expect(score.misses).toEqual([]);
    expect(score.tables.found).toBe(score.tables.expected);
    expect(score.tables.empty).toBe(score.tables.expected);
    expect(score.tables.unit).toBe(score.tables.expected);
    expect(score.values.exact).toBe(score.values.total);
    expect(score.rows.exact).toBe(score.rows.total);
  });
});

describe('the seed PDF (rendered from the seed text) gives the typed rows and forms of the seed text', () => {
  it('is identical row by row', () => {
    const text = OutputSchema.parse(JSON.parse(readFileSync(join(ROOT, 'golden/seed-zezhou-xinfangju-2024-budget.txt.json'), 'utf8')));
    const pdf = OutputSchema.parse(JSON.parse(readFileSync(join(ROOT, 'golden/seed-zezhou-xinfangju-2024-budget.pdf.json'), 'utf8')));
    const strip = (rows: unknown[] | undefined) => (rows ?? []).map((r) => ({ ...(r as object), row: undefined }));
    expect(pdf.tables.map((t) => [t.kind, t.title, t.empty, t.note])).toEqual(text.tables.map((t) => [t.kind, t.title, t.empty, t.note]));
    pdf.tables.forEach((t, i) => expect(strip(t.rows), t.title).toEqual(strip(text.tables[i].rows)));
    expect(pdf.forms).toEqual(text.forms);
    expect(pdf.document).toEqual(text.document);
    expect(pdf.tables.every((t) => t.cells.every((c) => c.page !== undefined && c.bbox !== undefined))).toBe(true);
  });
});
