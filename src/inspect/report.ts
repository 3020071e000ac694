/**
 * `extract inspect --html`: one self-contained HTML page for a whole document. Each table stands beside the
 * images of the pages it is printed on (overlays drawn, draw.ts), its grid as an HTML table with row and
 * column numbers, and the cells that failed or warned checks read are highlighted, with the rule in a tooltip.
 * Each page image is embedded once (a data URI in a CSS class), however many tables show it.
 */
import type { Output } from '../model/output.js';
import type { Table } from '../model/table.js';
import { COLOURS } from './draw.js';
import type { PdfInspector } from './index.js';
import { cellKey, markedCells, markOf, type MarkedCell } from './overlay.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function tooltip(m: MarkedCell): string {
  return m.checks.map((c) => `${c.rule} ${c.status}: ${c.message}`).join('\n');
}

function pageRange(pages: number[]): string {
  if (!pages.length) return '';
  return pages.length === 1 ? `page ${pages[0]}` : `pages ${pages[0]}–${pages[pages.length - 1]}`;
}

/** The table's grid: a row of column numbers (and keys) above, the row numbers on the left. */
export function gridHtml(table: Table, marks: Map<string, MarkedCell>): string {
  const keyOf = new Map((table.columns ?? []).map((c) => [c.col, c.key]));
  const byRow = new Map<number, Table['cells']>();
  for (const c of table.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const head = Array.from({ length: table.nCols }, (_, col) => `<th class="n">${col}${keyOf.has(col) ? `<br><small>${escape(keyOf.get(col)!)}</small>` : ''}</th>`).join('');
  const rows: string[] = [];
  for (let r = 0; r < table.nRows; r++) {
    const cells = (byRow.get(r) ?? []).sort((a, b) => a.col - b.col).map((c) => {
      const m = marks.get(cellKey(table.id, c.row, c.col));
      const tag = c.header ? 'th' : 'td';
      const attrs = [
        c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '',
        c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '',
        m ? ` class="${m.mark}" title="${escape(tooltip(m))}"` : '',
        m ? ` data-checks="${escape(m.checks.map((x) => x.rule).join(' '))}"` : '',
        c.page ? ` data-page="${c.page}"` : '',
      ].join('');
      return `<${tag}${attrs}>${escape(c.text)}</${tag}>`;
    });
    rows.push(`<tr><th class="n">${r}</th>${cells.join('')}</tr>`);
  }
  return `<table class="grid"><thead><tr><th class="n"></th>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

const STYLE = `
body { font: 14px/1.4 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 1em 2em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.2em; margin-top: 2em; } h3 { font-size: 1.05em; margin: 0 0 .4em; }
.legend span { display: inline-block; margin-right: 1.2em; }
.legend i { display: inline-block; width: 1.6em; height: .9em; vertical-align: middle; margin-right: .3em; border: 1px solid #999; }
section.table { border-top: 2px solid #ccc; padding-top: 1em; margin-top: 2em; }
.pair { display: flex; gap: 1.5em; align-items: flex-start; }
.pages { flex: 0 0 46%; position: sticky; top: 0; max-height: 100vh; overflow-y: auto; }
.page { width: 100%; background-size: 100% 100%; border: 1px solid #999; margin-bottom: .5em; }
.gridbox { flex: 1; overflow-x: auto; }
table.grid { border-collapse: collapse; font-size: 12px; }
table.grid td, table.grid th { border: 1px solid #bbb; padding: 1px 4px; vertical-align: top; }
table.grid th { background: #f2f2f2; font-weight: normal; }
table.grid th.n { background: #fff; color: ${COLOURS.table}; font-weight: bold; font-size: 11px; border-color: #eee; }
table.grid td { text-align: right; white-space: nowrap; }
table.grid td:first-of-type { text-align: left; white-space: normal; }
.fail { background: ${COLOURS.fail} !important; outline: 2px solid red; }
.warn { background: ${COLOURS.warn} !important; outline: 2px solid orange; }
li.fail, li.warn { outline: none; margin: .2em 0; }
.muted { color: #777; }
`;

export interface ReportOptions {
  /** pixels per point of the page images (default 1.25) */
  scale?: number;
}

/** The HTML report of a document; `inspector` renders its pages (absent for inputs without pages: tables only). */
export async function htmlReport(out: Output, inspector: PdfInspector | undefined, options: ReportOptions = {}): Promise<string> {
  const marks = markedCells(out);
  const quoted = [...marks.quotes.keys()].sort((a, b) => a - b);
  const pages = [...new Set([...out.tables.flatMap((t) => t.cells.filter((c) => c.page && c.bbox).map((c) => c.page!)), ...quoted])].sort((a, b) => a - b);
  const images = new Map<number, { css: string; width: number; height: number }>();
  if (inspector) {
    for (const p of pages) {
      if (p > inspector.numPages) continue;
      // JPEG: a page of a table book as PNG is a few hundred kB, and a report holds hundreds of pages
      const page = await inspector.page(p, out, { scale: options.scale ?? 1.25, format: 'jpeg', quality: 82, text: false });
      images.set(p, { css: `.pg${p}{background-image:url(data:image/jpeg;base64,${page.image.toString('base64')})}`, width: page.width, height: page.height });
    }
  }
  const failing = out.checks.filter((c) => markOf(c.status));
  const tableIds = new Set(out.tables.map((t) => t.id));
  const refText = (r: Output['checks'][number]['refs'][number]) => {
    const page = r.page === undefined ? '' : !r.table && images.has(r.page) ? `<a href="#page-${r.page}">page ${r.page}</a>` : `page ${r.page}`;
    const where = [r.row !== undefined ? `row ${r.row}` : '', r.col !== undefined ? `col ${escape(r.col)}` : '', page].filter(Boolean).join(', ');
    const name = r.table && tableIds.has(r.table) ? `<a href="#${escape(r.table)}">${escape(r.table)}</a>` : r.table ? escape(r.table) : '';
    const text = r.text ? ` <span class="muted">${escape(r.text.length > 80 ? r.text.slice(0, 80) + '…' : r.text)}</span>` : '';
    return `${name}${name && where ? ' ' : ''}${where}${text}`;
  };
  const checks = failing.length
    ? `<ul>${failing.map((c) => `<li class="${markOf(c.status)}"><b>${escape(c.rule)}</b> ${escape(c.status)}: ${escape(c.message)}${c.refs.length ? `<br><small>${c.refs.map(refText).join('; ')}</small>` : ''}</li>`).join('\n')}</ul>`
    : '<p>No check failed or warned.</p>';
  const sections = out.tables.map((t) => {
    const tableMark = marks.tables.get(t.id);
    const tablePages = [...new Set(t.cells.filter((c) => c.page && c.bbox).map((c) => c.page!))].sort((a, b) => a - b);
    const imgs = tablePages.filter((p) => images.has(p)).map((p) => {
      const i = images.get(p)!;
      return `<div class="page pg${p}" style="aspect-ratio:${i.width}/${i.height}" title="page ${p}" role="img" aria-label="page ${p}"></div>`;
    });
    const heading = [t.id, t.kind, t.title || '(no title)', pageRange(t.pages), t.unit ?? ''].filter(Boolean).map(escape).join(' · ');
    const note = tableMark ? `<p class="${tableMark.mark}">${tableMark.checks.map((c) => `<b>${escape(c.rule)}</b> ${escape(c.status)}: ${escape(c.message)}`).join('<br>')}</p>` : '';
    const grid = `<div class="gridbox">${gridHtml(t, marks.cells)}</div>`;
    return `<section class="table" id="${escape(t.id)}" data-kind="${escape(t.kind)}"><h3>${heading}</h3>${note}<div class="pair">${imgs.length ? `<div class="pages">${imgs.join('')}</div>` : ''}${grid}</div></section>`;
  });
  // the pages of the narrative the checks quote, the quoted lines marked
  const quotePages = quoted.filter((p) => images.has(p)).map((p) => {
    const i = images.get(p)!;
    const rules = failing.filter((c) => c.refs.some((r) => !r.table && r.page === p && r.text)).map((c) => `<b>${escape(c.rule)}</b> ${escape(c.status)}`);
    return `<section class="quote" id="page-${p}"><h3>page ${p}: ${rules.join(', ')}</h3><div class="pair"><div class="pages"><div class="page pg${p}" style="aspect-ratio:${i.width}/${i.height}" title="page ${p}" role="img" aria-label="page ${p}"></div></div></div></section>`;
  });
  const doc = out.document;
  const counts = { fail: failing.filter((c) => markOf(c.status) === 'fail').length, warn: failing.filter((c) => markOf(c.status) === 'warn').length };
  const legend = [
    ['table', 'table box, id and kind; row numbers left, column numbers above'],
    ['cell', 'cell grid'],
    ['ruleUsed', 'ruling lines the lattice used'],
    ['ruleUnused', 'ruling lines no table used (dashed)'],
    ['detected', 'tables found on the page before recognition (dashed)'],
    ['fail', 'cells a failed check read'],
    ['warn', 'cells a warned check read'],
    ['text', 'text boxes (page pictures of extract inspect --page)'],
  ] as const;
  return `<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>extract inspect: ${escape(out.source.file)}</title>
<style>${STYLE}</style>
<style>${[...images.values()].map((i) => i.css).join('\n')}</style>
</head><body>
<h1>${escape(out.source.file)}</h1>
<p>${escape([doc.title, doc.organization, doc.year, doc.family, out.source.pages ? `${out.source.pages} pages` : ''].filter(Boolean).join(' · '))}<br>
${out.tables.length} tables, ${out.forms.length} forms; checks: ${counts.fail} failed, ${counts.warn} warned</p>
<p class="legend">${legend.map(([k, text]) => `<span><i style="background:${COLOURS[k]}"></i>${escape(text)}</span>`).join('')}</p>
<h2>Failed and warned checks</h2>
${checks}
${quotePages.length ? `<h2>Pages the checks quote</h2>\n${quotePages.join('\n')}` : ''}
<h2>Tables</h2>
<p>${out.tables.map((t) => `<a href="#${escape(t.id)}">${escape(t.id)}</a> ${escape(t.kind)}`).join(' · ')}</p>
${sections.join('\n')}
</body></html>
`;
}
