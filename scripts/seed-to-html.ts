/**
 * Renders the seed disclosure (text with tab-separated tables) as an HTML document with ruled tables and
 * merged header cells, from the seed's own data; `scripts/make-seed-pdf.sh` prints it to PDF with headless
 * Chromium. The PDF's truth is the seed text: its typed rows must equal those of the text.
 *
 *   npx tsx scripts/seed-to-html.ts corpus/seed-zezhou-xinfangju-2024-budget.txt > seed.html
 */
import { readFileSync } from 'node:fs';
import { textToSource } from '../src/ingest/text.js';
import { headGrid } from '../src/tables/headers.js';
import type { Grid } from '../src/model/grid.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function tableHtml(grid: Grid): string {
  const rows: string[] = [];
  for (let r = 0; r < grid.nRows; r++) {
    const cells = grid.cells
      .filter((c) => c.row === r)
      .map((c) => {
        const span = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
        const numeric = /^-?[\d,]+(\.\d+)?$/.test(c.text) ? ' class="n"' : '';
        return `<td${span}${numeric}>${escape(c.text)}</td>`;
      });
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  return `<table>\n${rows.join('\n')}\n</table>`;
}

const text = readFileSync(process.argv[2], 'utf8');
const { blocks } = textToSource(text);
const body: string[] = [];
let lastText = '';
for (const block of blocks) {
  if (block.type === 'text') {
    lastText = block.text;
    const cls = /表$|表（.+）$/.test(block.text) ? ' class="title"' : /^(部门名称|单位)：/.test(block.text) ? ' class="meta"' : '';
    body.push(`<p${cls}>${escape(block.text.replace(/\t/g, ' '))}</p>`);
    continue;
  }
  // performance forms are label/value grids: rendered cell for cell, without header merging
  const isForm = /年度\)?$/.test(lastText) || /绩效目标/.test(lastText);
  body.push(tableHtml(isForm ? block.grid : headGrid(block.grid).grid));
}

process.stdout.write(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>泽州县信访局 2024年度部门预算公开</title>
<style>
@page { size: A4 landscape; margin: 14mm 12mm; }
body { font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif; font-size: 10pt; }
p { margin: 3pt 0; }
p.title { text-align: center; font-size: 13pt; font-weight: bold; margin-top: 10pt; }
p.meta { text-align: right; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; }
td { border: 0.6pt solid #000; padding: 2pt 3pt; font-size: 8.5pt; vertical-align: middle; }
td.n { text-align: right; }
tr { page-break-inside: avoid; }
</style></head><body>
${body.join('\n')}
</body></html>
`);
