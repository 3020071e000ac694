import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { OutputSchema } from '../src/model/output.js';
import { ROWS_CSV_LEAD, toCsv } from '../src/output/csv.js';
import { CLI, ROOT, SEED } from './helpers.js';

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'extract-stack-'));
/** A 预算 document printed in 元, beside the seed printed in 万元. */
const YUAN = join(ROOT, 'corpus/shanghai_0001_2026_unit-budget.pdf');
const golden = (name: string) => OutputSchema.parse(JSON.parse(readFileSync(join(ROOT, 'golden', `${name}.json`), 'utf8')));

type Line = Record<string, string>;
/** Reads CSV files back as a spreadsheet or pandas.concat would: by header name, the union of the columns. */
function stack(files: string[]): { columns: string[]; lines: Line[] } {
  const columns: string[] = [];
  const lines: Line[] = [];
  for (const file of files) {
    const records: Line[] = parse(readFileSync(file), { bom: true, columns: true });
    for (const r of records) {
      for (const c of Object.keys(r)) if (!columns.includes(c)) columns.push(c);
      lines.push(r);
    }
  }
  return { columns, lines };
}

describe('CSV outputs that stack', () => {
  const out = join(tmp, 'csv');

  it('writes each document into a folder of its own under -o', () => {
    expect(run(SEED, '-f', 'csv', '-o', out).code).toBe(0);
    expect(run(YUAN, '-f', 'csv', '-o', out, '--ocr', 'off').code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['seed-zezhou-xinfangju-2024-budget.txt_csv', 'shanghai_0001_2026_unit-budget.pdf_csv']);
  });

  it('stacks the .rows.csv of two documents into one table with document and unit columns', () => {
    const files = readdirSync(out).flatMap((d) => readdirSync(join(out, d)).filter((f) => /-B\.summary\.rows\.csv$/.test(f)).map((f) => join(out, d, f)));
    expect(files).toHaveLength(2);
    const { columns, lines } = stack(files);
    expect(columns.slice(0, ROWS_CSV_LEAD.length)).toEqual([...ROWS_CSV_LEAD]);
    expect(new Set(lines.map((l) => l.document))).toEqual(new Set(['seed-zezhou-xinfangju-2024-budget.txt', 'shanghai_0001_2026_unit-budget.pdf']));
    // the point of stacking with a unit column: 万元 and 元 stay apart
    expect(new Set(lines.map((l) => l.unit))).toEqual(new Set(['万元', '元']));
    for (const l of lines) for (const c of ROWS_CSV_LEAD) if (c !== 'organization' || l.document.endsWith('.txt')) expect(l[c], `${c} of ${l.document} row ${l.row}`).not.toBe('');
    const seedTotal = lines.find((l) => l.document.endsWith('.txt') && l.name === '一、一般公共预算');
    expect(seedTotal).toMatchObject({ organization: '泽州县信访局', year: '2024', family: 'budget', kind: 'B.summary', unit: '万元', amount: '518.25' });
  });

  it('stacks every .rows.csv of both documents, all kinds together', () => {
    const files = readdirSync(out).flatMap((d) => readdirSync(join(out, d)).filter((f) => f.endsWith('.rows.csv')).map((f) => join(out, d, f)));
    const { lines } = stack(files);
    const kinds = new Set(lines.map((l) => l.kind));
    expect(kinds.size).toBeGreaterThan(8);
    expect(lines.every((l) => l.unit === '万元' || l.unit === '元' || (l.unit === '' && l.kind === 'generic'))).toBe(true);
  });

  it('gives a generic table its grid and a rows file of its body', () => {
    const doc = golden('beijing_0249_2026_budget-tables.pdf');
    const generic = doc.tables.find((t) => t.kind === 'generic' && !t.empty)!;
    const files = toCsv(doc);
    const rows = files.find((f) => f.name === `${generic.id}-generic.rows.csv`)!;
    expect(files.some((f) => f.name === `${generic.id}-generic.csv`)).toBe(true);
    const records: Line[] = parse(rows.content, { bom: true, columns: true });
    const headerRows = new Set(generic.cells.filter((c) => c.header).map((c) => c.row));
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => !headerRows.has(Number(r.row)) && r.kind === 'generic' && r.table === generic.id)).toBe(true);
    // each body cell under its column key, as printed
    const cell = generic.cells.find((c) => !c.header && c.text && c.col === generic.columns!.at(-1)!.col)!;
    expect(records.find((r) => Number(r.row) === cell.row)![generic.columns!.at(-1)!.key]).toBe(cell.text.replace(/\s*[\r\n]+\s*/g, ' '));
  });

  it('refuses -o of the wrong kind with a usage error (exit 64), before any work', () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, '');
    const folder = join(tmp, 'a-folder');
    mkdirSync(folder);
    for (const args of [['-f', 'csv', '-o', join(tmp, 'out.csv')], ['-f', 'csv', '-o', file], ['-o', folder], ['-f', 'md', '-o', `${folder}/`], ['-o', join(tmp, 'x.csv')], ['--xlsx', folder]]) {
      const r = run(SEED, ...args);
      expect(r.code, args.join(' ')).toBe(64);
      expect(r.stderr).toMatch(/^extract: -o .*\[E_USAGE\]\n$/);
    }
    expect(existsSync(join(tmp, 'out.csv'))).toBe(false);
  });

  it('writes an XLSX workbook: one sheet per table, merged cells merged, a sheet of findings and one of checks', async () => {
    const file = join(tmp, 'seed.xlsx');
    expect(run(SEED, '-f', 'xlsx', '-o', file).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = wb.worksheets.map((s) => s.name);
    expect(names).toHaveLength(1 + 13 + 2);
    expect(names[0]).toBe('document');
    expect(names.slice(-2)).toEqual(['findings', 'checks']);
    expect(names[1]).toBe('t01 B.summary');
    const summary = wb.getWorksheet('t01 B.summary')!;
    expect(summary.getCell('A1').value).toBe('2024年预算收支总表');
    const values = summary.getSheetValues().flat().filter((v) => typeof v === 'string');
    expect(values).toContain('518.25');
    expect(wb.getWorksheet('checks')!.rowCount).toBe(1 + 119);
    // the findings of `extract check`, one per row
    const report = JSON.parse(run('check', SEED, '--json').stdout);
    const findings = wb.getWorksheet('findings')!;
    expect(findings.rowCount).toBe(1 + report.findings.length);
    expect(report.findings.length).toBeGreaterThan(5);
    const rules = findings.getColumn(2).values.slice(2);
    expect(rules).toEqual(report.findings.map((f: { rules: string[] }) => f.rules.join(' ')));
    // a merged header cell of the grid is merged in the sheet
    const merged = (summary.model as { merges?: string[] }).merges ?? [];
    expect(merged.length).toBeGreaterThan(0);
  });
});
