import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, sharedPath } from './helpers.js';
import { makePdf, RULED_PAGE } from './pdf-builder.js';

const tmp = mkdtempSync(join(tmpdir(), 'extract-pdf-'));
const ENCRYPTED = join(ROOT, 'test/fixtures/pdf/encrypted-password-secret.pdf');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
}
function file(name: string, bytes: Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, bytes);
  return p;
}

describe('PDFs that cannot be used: one line naming the file and the reason, exit code 2', () => {
  it.each([
    ['truncated', () => file('truncated.pdf', readFileSync(join(ROOT, 'corpus/seed-zezhou-xinfangju-2024-budget.pdf')).subarray(0, 250_000)), /is truncated.*\[E_TRUNCATED\]$/],
    ['encrypted, no password', () => ENCRYPTED, /is encrypted: give its password with --password \[E_ENCRYPTED\]$/],
    ['zero pages', () => file('zero.pdf', makePdf([])), /has no pages \[E_NO_PAGES\]$/],
    ['no text layer, --ocr off', () => file('scan.pdf', makePdf(['100 100 m 300 300 l S'])), /needs OCR.*\[E_NEEDS_OCR\]$/],
  ])('%s', (what, make, reason) => {
    const path = make();
    const r = run(path, ...(what.includes('--ocr off') ? ['--ocr', 'off'] : []));
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(path);
    expect(r.stderr).toMatch(reason);
  });

  it('a wrong password is told apart from a missing one', () => {
    const r = run(ENCRYPTED, '--password', 'wrong');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the password is wrong \[E_BAD_PASSWORD\]$/);
  });

  it('with --ocr off, a real scanned budget says it needs OCR', () => {
    const r = run(sharedPath('corpus/real/renwu-cities/beijing_0248_2026_budget-scan.pdf'), '--ocr', 'off');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\[E_NEEDS_OCR\]$/);
  });
});

describe('PDFs that can be used', () => {
  it('opens an encrypted PDF with its password and reads its ruled table', () => {
    const r = run(ENCRYPTED, '--password', 'secret');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const cells = out.tables[0].cells.map((c: { text: string }) => c.text);
    expect(cells).toEqual(['Item', 'Amount', 'Total', '518.25']);
  });

  it('reads a hand-built ruled page: cells with page and bbox in points from the top-left', () => {
    const r = run(file('ruled.pdf', makePdf([RULED_PAGE])));
    expect(r.code).toBe(0);
    const table = JSON.parse(r.stdout).tables[0];
    expect([table.nRows, table.nCols]).toEqual([2, 2]);
    // the rule at y=700 (PDF space, bottom-left origin) is 842-700 = 142 pt from the top
    expect(table.cells[0]).toMatchObject({ row: 0, col: 0, text: 'Item', page: 1, bbox: [100, 142, 250, 182] });
  });
});
