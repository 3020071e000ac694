/**
 * Tables without rules (text in columns) and rules drawn as bevelled filled polygons: hand-made page models,
 * a PDF built byte by byte, and a real borderless statement (Public Accounts of Canada 1998-99, vol. II
 * sec. 6, page 3 — the figures below are read off the page image).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TextRun } from '../src/layout/geometry.js';
import type { Output } from '../src/model/output.js';
import { extract } from '../src/pipeline.js';
import { findStreamTables } from '../src/tables/stream.js';
import { ROOT } from './helpers.js';
import { makePdf } from './pdf-builder.js';

type Table = Output['tables'][number];
const texts = (t: Pick<Table, 'nRows' | 'nCols' | 'cells'>) => {
  const rows = Array.from({ length: t.nRows }, () => Array<string>(t.nCols).fill(''));
  for (const c of t.cells) rows[c.row][c.col] = c.text;
  return rows;
};

const run = (text: string, x0: number, top: number, width = text.length * 5): TextRun => ({ text, x0, x1: x0 + width, top, bottom: top + 10, fontSize: 10 });

describe('findStreamTables on page models', () => {
  it('a block of lines whose pieces line up in columns, with amounts, is a table; its header lines join it', () => {
    const lines = [
      ['Item', 'Budget', 'Actual'],
      ['Salaries', '1,234.50', '1,200.00'],
      ['Rent', '300.00', '310.25'],
      ['Travel', '45.10', ''],
      ['Total', '1,579.60', '1,510.25'],
    ];
    const runs = lines.flatMap((cells, i) => cells.flatMap((t, c) => (t ? [run(t, [50, 200, 300][c], 100 + i * 14)] : [])));
    const { tables, rest } = findStreamTables(runs, 1);
    expect(tables).toHaveLength(1);
    expect(texts(tables[0].grid)).toEqual(lines);
    expect(rest).toEqual([]);
    expect(tables[0].grid.cells.every((c) => c.page === 1 && c.bbox)).toBe(true);
  });

  it('running text, a table of contents and a two-column key-value block are not tables', () => {
    const paragraph = [0, 1, 2, 3].map((i) => run('本年收入合计2946.25万元，其中财政拨款收入2940.05万元，占99.79%；其他收入6.2万元。', 50, 100 + i * 14, 450));
    const toc = ['一、收支总表 3', '二、收入总表 4', '三、支出总表 5', '四、财政拨款收支总表 6'].map((t, i) => [run(t.split(' ')[0], 50, 300 + i * 14), run(t.split(' ')[1], 400, 300 + i * 14)]).flat();
    const pairs = ['单位：万元', '部门：财政局', '年度：2024'].map((t, i) => [run(t, 50, 500 + i * 14), run('1,000.00', 300, 500 + i * 14)]).flat();
    expect(findStreamTables([...paragraph, ...toc, ...pairs], 1).tables).toEqual([]);
  });
});

describe('rules drawn as bevelled filled polygons (Excel-made PDFs of Guangzhou)', () => {
  // each rule a thin filled quadrilateral with 45° ends, as guangzhou_0118's table pages draw them
  const hRule = (y: number) => `100 ${y} m 400 ${y} l 399.4 ${y + 0.6} l 100.6 ${y + 0.6} l h f`;
  const vRule = (x: number) => `${x} 620 m ${x} 700 l ${x + 0.6} 699.4 l ${x + 0.6} 620.6 l h f`;
  const page = [
    hRule(700), hRule(660), hRule(620), vRule(100), vRule(250), vRule(400),
    'BT /F1 12 Tf 110 675 Td (Item) Tj ET', 'BT /F1 12 Tf 260 675 Td (Amount) Tj ET',
    'BT /F1 12 Tf 110 635 Td (Total) Tj ET', 'BT /F1 12 Tf 260 635 Td (518.25) Tj ET',
  ].join('\n');

  it('make a ruled table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-bevel-'));
    const file = join(dir, 'bevel.pdf');
    writeFileSync(file, makePdf([page]));
    const out = await extract(file);
    expect(out.tables).toHaveLength(1);
    expect(texts(out.tables[0])).toEqual([['Item', 'Amount'], ['Total', '518.25']]);
  });
});

describe('a real borderless statement: Public Accounts of Canada 1998-99, construction contracts', () => {
  let out: Output;
  beforeAll(async () => {
    out = await extract(join(ROOT, 'test/fixtures/pdf/canada-public-accounts-1999-construction.pdf'));
  }, 60_000);

  it('page 3 comes out as one table of five columns, each contract on its row', () => {
    const page3 = out.tables.filter((t) => t.pages.includes(3));
    expect(page3.length).toBeGreaterThanOrEqual(1);
    const rows = texts(page3[0]);
    expect(page3[0].nCols).toBe(5);
    expect(rows).toContainEqual(['Culham Pedersen Calgary Alta**', 'Design of multi-purpose research centre Alta', '1,456,000', '1,125,721', '1,650,192']);
    expect(rows).toContainEqual(['CF Industrial Products Inc Leamington Ont**', 'Design and construction of greenhouses Ont', '1,907,000', '', '1,907,000']);
    expect(rows).toContainEqual(['Ellis-Don Construction North York Ont**', 'Construction of laboratories Man', '91,607,911 (1)', '(41,038)', '44,519,145 *']);
  });

  it('every page of contracts gives a table', () => {
    const pages = new Set(out.tables.flatMap((t) => t.pages));
    for (let p = 3; p <= 18; p++) expect(pages.has(p)).toBe(true);
  });
});
