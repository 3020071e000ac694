/**
 * Makes the HTML test material the way portals make it: a workbook holding a document's tables (one sheet
 * per table, the title, 部门名称 and 单位 lines in the rows above the header, merged header cells, amounts as
 * formatted numbers, notes below) saved as a web page by LibreOffice headless, then copied to GBK with a
 * `charset=gb2312` declaration (the common case on Chinese government sites).
 *
 * Two documents: the seed text (its tables as the text prints them) and the hand-verified truth of a real PDF
 * (../shared/truth/hangzhou_0133_2026_dept-budget.json, rows and header paths as typed by hand). The tests
 * compare what `extract` types from these pages with the seed golden's rows and with that truth.
 *
 *   npx tsx scripts/make-html-fixtures.ts            # needs soffice (Debian: libreoffice-calc) and iconv
 *
 * Writes test/fixtures/html/{seed-zezhou-2024,hangzhou-0133-2026}.calc{,.gbk}.html, and the seed text in
 * GB18030 (test/fixtures/text/seed-zezhou-2024.gb18030.txt: plain text saved by a Chinese Windows editor).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { textToSource } from '../src/ingest/text.js';
import { headGrid } from '../src/tables/headers.js';
import type { Grid } from '../src/model/grid.js';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'test/fixtures/html');

interface XCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}
interface Sheet {
  name: string;
  nCols: number;
  rows: XCell[][];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const AMOUNT = /^-?\d+\.\d+$/;

/** A whole-width row of one merged cell. */
const wide = (text: string, nCols: number): XCell[] => [{ text, colSpan: nCols }];
/** The 部门名称 line on the left and the 单位 line in the last column, as portals lay them out. */
function metaRow(org: string | undefined, unit: string | undefined, nCols: number): XCell[] {
  if (!org) return wide(unit ?? '', nCols);
  if (nCols < 2) return wide(`${org} ${unit ?? ''}`, nCols);
  return [{ text: org, colSpan: nCols - 1 }, { text: unit ?? '' }];
}

/** Flat ODS: sheets with merged cells (covered cells written out), amounts as numbers shown with their printed decimals. */
function fods(sheets: Sheet[]): string {
  const styles: string[] = [];
  const cellStyles: string[] = [];
  for (let d = 0; d <= 4; d++) {
    styles.push(`<number:number-style style:name="N${d}"><number:number number:decimal-places="${d}" number:min-decimal-places="${d}" number:min-integer-digits="1" number:grouping="true"/></number:number-style>`);
    cellStyles.push(`<style:style style:name="ce${d}" style:family="table-cell" style:data-style-name="N${d}"/>`);
  }
  const body = sheets.map((sheet) => {
    const covered = new Set<string>();
    const rows = sheet.rows.map((cells, r) => {
      const out: string[] = [];
      let c = 0;
      const skipCovered = () => {
        while (covered.has(`${r},${c}`)) {
          out.push('<table:covered-table-cell/>');
          c++;
        }
      };
      for (const cell of cells) {
        skipCovered();
        const cs = cell.colSpan ?? 1;
        const rs = cell.rowSpan ?? 1;
        for (let i = 0; i < rs; i++) for (let k = 0; k < cs; k++) if (i || k) covered.add(`${r + i},${c + k}`);
        const span = `${cs > 1 ? ` table:number-columns-spanned="${cs}"` : ''}${rs > 1 ? ` table:number-rows-spanned="${rs}"` : ''}`;
        const t = cell.text;
        if (AMOUNT.test(t)) {
          const places = t.split('.')[1].length;
          out.push(`<table:table-cell${span} table:style-name="ce${Math.min(places, 4)}" office:value-type="float" office:value="${t}"><text:p>${t}</text:p></table:table-cell>`);
        } else if (t) {
          out.push(`<table:table-cell${span} office:value-type="string"><text:p>${esc(t)}</text:p></table:table-cell>`);
        } else out.push(`<table:table-cell${span}/>`);
        c++;
        // the covered cells of this span in this row
        for (let k = 1; k < cs; k++) {
          out.push('<table:covered-table-cell/>');
          c++;
        }
      }
      skipCovered();
      return `<table:table-row>${out.join('')}</table:table-row>`;
    });
    return `<table:table table:name="${esc(sheet.name)}">\n${rows.join('\n')}\n</table:table>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:styles>${styles.join('')}</office:styles>
<office:automatic-styles>${cellStyles.join('')}</office:automatic-styles>
<office:body><office:spreadsheet>
${body.join('\n')}
</office:spreadsheet></office:body></office:document>
`;
}

/** Grid rows as sheet rows: each cell at its position with its spans (positions a span covers are left out). */
function gridRows(grid: Grid): XCell[][] {
  const rows: XCell[][] = Array.from({ length: grid.nRows }, () => []);
  for (const c of [...grid.cells].sort((a, b) => a.row - b.row || a.col - b.col)) {
    rows[c.row].push({ text: c.text, colSpan: c.colSpan, rowSpan: c.rowSpan });
  }
  return rows;
}

/** The seed text's tables, each with the label, title, 部门名称 and 单位 lines printed right above it and the 注 below. */
function seedSheets(file: string): Sheet[] {
  const { blocks } = textToSource(readFileSync(file, 'utf8'));
  const sheets: Sheet[] = [];
  const ABOVE = /表\d*$|表（.+）$|\)$|年度\)?$|^(部门名称|单位)[：:]|^(预算|部门)公开表\d+$/;
  blocks.forEach((block, i) => {
    if (block.type !== 'grid') return;
    const above: string[] = [];
    for (let j = i - 1; j >= 0 && above.length < 4; j--) {
      const b = blocks[j];
      if (b.type !== 'text' || !ABOVE.test(b.text)) break;
      above.unshift(b.text.replace(/\t/g, ' '));
    }
    const next = blocks[i + 1];
    const note = next?.type === 'text' && /^注/.test(next.text) ? next.text : undefined;
    const isForm = above.some((t) => /年度\)?$|绩效目标/.test(t));
    const grid = isForm ? block.grid : headGrid(block.grid).grid;
    const nCols = grid.nCols;
    const org = above.find((t) => /^部门名称/.test(t));
    const unit = above.find((t) => /^单位[：:]/.test(t));
    const rows: XCell[][] = [];
    for (const t of above) if (t !== org && t !== unit) rows.push(wide(t, nCols));
    if (org || unit) rows.push(metaRow(org, unit, nCols));
    rows.push(...gridRows(grid));
    if (note) rows.push(wide(note, nCols));
    sheets.push({ name: `表${sheets.length + 1}`, nCols, rows });
  });
  return sheets;
}

interface TruthRow { code: string | null; name: string | null; values: (string | null)[]; panel?: string; labels?: string[] }
interface TruthTable { kind: string; title: string; label?: string; unit: string; empty: boolean; note?: string; columns: string[] | Record<string, string[]>; rows: TruthRow[] }

/** Header rows from header paths ("本年收入/小计"): a group merged over its columns, a short path spanning down. */
function headerRows(paths: string[][]): XCell[][] {
  const depth = Math.max(...paths.map((p) => p.length));
  const rows: XCell[][] = Array.from({ length: depth }, () => []);
  for (let level = 0; level < depth; level++) {
    for (let j = 0; j < paths.length; ) {
      const p = paths[j];
      if (level >= p.length) {
        j++;
        continue; // covered by the span of the column's last header
      }
      const leaf = level === p.length - 1;
      let k = j + 1;
      if (!leaf) {
        const prefix = p.slice(0, level + 1).join('/');
        while (k < paths.length && paths[k].length > level + 1 && paths[k].slice(0, level + 1).join('/') === prefix) k++;
      }
      rows[level].push({ text: p[level], colSpan: k - j, rowSpan: leaf ? depth - level : 1 });
      j = k;
    }
  }
  return rows;
}

/** Printed name-column headers of the hangzhou tables (the truth types rows, not these header texts). */
const HANGZHOU_NAMES: Record<string, string[]> = {
  'B.income': ['单位名称'],
  'B.expenditure': ['功能分类科目名称'],
  'B.gpb_expenditure': ['功能分类科目名称'],
  'B.gpb_basic_econ': ['经济分类科目名称'],
  'B.three_public': ['单位名称'],
  'B.gov_fund_expenditure': ['功能分类科目名称'],
  'B.soe': ['功能分类科目名称'],
  'B.projects': ['单位名称', '项目名称'],
};

/** A truth document's tables as printed: title line, 部门名称 and 单位, header, 栏次 line, rows, note. */
function truthSheets(file: string, organization: string): Sheet[] {
  const truth = JSON.parse(readFileSync(file, 'utf8')) as { tables: TruthTable[] };
  return truth.tables.map((t, i) => {
    const rows: XCell[][] = [];
    let body: XCell[][];
    let nCols: number;
    let header: XCell[][];
    const cell = (v: string | null | undefined): XCell => ({ text: v ?? '' });
    if (!Array.isArray(t.columns)) {
      // side-by-side panels: 收入 | 支出, each 项目 and its amounts; totals at the foot of both
      const panels = Object.entries(t.columns);
      const heading: Record<string, string> = { income: '收入', expenditure: '支出' };
      const paths = panels.flatMap(([panel, cols]) => [[heading[panel] ?? panel, '项目'], ...cols.map((c) => c.split('/'))]);
      header = headerRows(paths);
      nCols = paths.length;
      const sides = panels.map(([panel, cols]) => {
        const own = t.rows.filter((r) => r.panel === panel);
        const foot = own.findIndex((r) => /合计$/.test(r.name ?? ''));
        const split = foot < 0 ? own.length : foot;
        const line = (r: TruthRow) => [cell(r.name), ...r.values.map(cell)];
        return { width: cols.length + 1, top: own.slice(0, split).map(line), bottom: own.slice(split).map(line) };
      });
      const topN = Math.max(...sides.map((s) => s.top.length));
      const bottomN = Math.max(...sides.map((s) => s.bottom.length));
      body = [];
      for (let r = 0; r < topN + bottomN; r++) {
        body.push(sides.flatMap((s) => {
          const row = r < topN ? s.top[r] : s.bottom[r - topN];
          return row ?? Array.from({ length: s.width }, () => cell(''));
        }));
      }
    } else {
      const names = HANGZHOU_NAMES[t.kind] ?? ['项目'];
      const paths = [...names.map((n) => [n]), ...t.columns.map((c) => c.split('/'))];
      header = headerRows(paths);
      nCols = paths.length;
      // the 栏次 line under the header, as the PDF prints it
      header.push([...names.map(() => cell('**')), ...t.columns.map((_, k) => cell(String(k + 1)))]);
      body = t.rows.map((r) => [
        ...(names.length > 1 ? [cell(r.labels?.[0]), cell(r.name)] : [cell(r.name)]),
        ...r.values.map(cell),
      ]);
      if (t.empty) body = [[cell('合计'), ...Array.from({ length: nCols - 1 }, () => cell(''))]];
    }
    rows.push(wide(`${t.label ? `${t.label}：` : ''}${t.title}`, nCols));
    rows.push(metaRow(`部门名称：${organization}`, `单位：${t.unit}`, nCols));
    rows.push(...header, ...body);
    if (t.note) rows.push(wide(t.note, nCols));
    return { name: t.label ?? `表${i + 1}`, nCols, rows };
  });
}

function saveAsWebPage(name: string, sheets: Sheet[]): void {
  const work = mkdtempSync(join(tmpdir(), 'html-fixtures-'));
  const fodsFile = join(work, `${name}.fods`);
  writeFileSync(fodsFile, fods(sheets));
  const lo = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'html', '--outdir', work, fodsFile], { encoding: 'utf8' });
  if (lo.status !== 0) throw new Error(`soffice failed: ${lo.stderr || lo.error}`);
  // the generator's time stamps would make every run differ
  const html = readFileSync(join(work, `${name}.html`), 'utf8').replace(/<meta name="(created|changed)" content="[^"]*"\/>\n?/g, '');
  writeFileSync(join(OUT, `${name}.calc.html`), html);
  const gbk = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: html.replace(/charset=utf-8/i, 'charset=gb2312') });
  if (gbk.status !== 0) throw new Error(`iconv failed: ${gbk.stderr}`);
  writeFileSync(join(OUT, `${name}.calc.gbk.html`), gbk.stdout);
  process.stderr.write(`wrote ${name}.calc.html and ${name}.calc.gbk.html (${sheets.length} sheets)\n`);
}

mkdirSync(OUT, { recursive: true });
mkdirSync(join(ROOT, 'test/fixtures/text'), { recursive: true });
const seedGb = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', join(ROOT, 'corpus/seed-zezhou-xinfangju-2024-budget.txt')]);
if (seedGb.status !== 0) throw new Error(`iconv failed: ${seedGb.stderr}`);
writeFileSync(join(ROOT, 'test/fixtures/text/seed-zezhou-2024.gb18030.txt'), seedGb.stdout);
saveAsWebPage('seed-zezhou-2024', seedSheets(join(ROOT, 'corpus/seed-zezhou-xinfangju-2024-budget.txt')));
saveAsWebPage('hangzhou-0133-2026', truthSheets(resolve(ROOT, '../shared/truth/hangzhou_0133_2026_dept-budget.json'), '杭州市气象局'));
