import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { Block, SourceDocument } from '../model/blocks.js';
import type { Cell, Grid } from '../model/grid.js';

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'caption', 'pre', 'dt', 'dd', 'blockquote']);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head']);

function cellText($: cheerio.CheerioAPI, el: Element): string {
  const $el = $(el).clone();
  $el.find('br').replaceWith('\n');
  return $el.text().replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '').trim();
}

/** A <table> as a grid: rowspan/colspan become spans; positions a span covers get no cell of their own. */
export function tableToGrid($: cheerio.CheerioAPI, table: Element): Grid {
  const rows = $(table).find('tr').filter((_, tr) => $(tr).closest('table')[0] === table).toArray();
  const taken: boolean[][] = [];
  const cells: Cell[] = [];
  rows.forEach((tr, r) => {
    taken[r] ??= [];
    let c = 0;
    for (const td of $(tr).children('td,th').toArray()) {
      while (taken[r][c]) c++;
      const rowSpan = Math.max(1, Math.min(Number($(td).attr('rowspan')) || 1, rows.length - r));
      const colSpan = Math.max(1, Number($(td).attr('colspan')) || 1);
      cells.push({ row: r, col: c, rowSpan, colSpan, text: cellText($, td), header: false });
      for (let i = 0; i < rowSpan; i++) for (let k = 0; k < colSpan; k++) ((taken[r + i] ??= [])[c + k] = true);
      c += colSpan;
    }
  });
  const nCols = taken.reduce((m, row) => Math.max(m, row?.length ?? 0), 0);
  // rows shorter than the widest get blank cells, so every position is covered once
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < nCols; c++) if (!taken[r]?.[c]) cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, text: '', header: false });
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { nRows: rows.length, nCols, cells, columnNumberRows: [], spansKnown: true };
}

/** HTML pages: block elements become text lines, tables become grids, in document order. */
export function htmlToSource(html: string): SourceDocument {
  const $ = cheerio.load(html);
  const blocks: Block[] = [];
  let inline = '';
  const flushInline = () => {
    for (const line of inline.split('\n')) if (line.trim()) blocks.push({ type: 'text', text: line.trim() });
    inline = '';
  };
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      inline += (node as unknown as { data: string }).data.replace(/\s+/g, ' ');
      return;
    }
    if (node.type !== 'tag') return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'table') {
      flushInline();
      blocks.push({ type: 'grid', grid: tableToGrid($, el) });
      return;
    }
    if (tag === 'br') {
      inline += '\n';
      return;
    }
    const isBlock = BLOCK_TAGS.has(tag) || tag === 'div' || tag === 'section' || tag === 'tr';
    if (isBlock) flushInline();
    for (const child of el.children) walk(child);
    if (isBlock) flushInline();
  };
  const body = $('body')[0] ?? $.root()[0];
  for (const child of (body as Element).children) walk(child);
  flushInline();
  return { format: 'html', pages: null, ocr: false, blocks, warnings: [] };
}
