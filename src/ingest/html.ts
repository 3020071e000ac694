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

/** A leading row that is no part of the table: the title, 表N label, 部门名称 and 单位 lines merged across it. */
const META_LINE = /^(?:(?:部门|单位)(?:名称)?[（(]?(?:单位)?[）)]?[：:]|(?:金额)?单位[：:]\s*(?:万元|元|亿元)|(?:预算|决算|部门|单位)?公开表\s*\d+|表\s*[\d一二三四五六七八九十]+|.*表(?:[（(].*[）)])?$|.*(?:年度|年)\s*(?:部门|单位)?(?:预算|决算))/;
/** A trailing row that is a note under the table. */
const NOTE_LINE = /^(?:注|备注|说明|附注|填表说明|数据来源)\s*[：:\d]/;

function rowCells(grid: Grid, r: number): Cell[] {
  return grid.cells.filter((c) => c.row === r);
}

/**
 * Office programs saving a sheet as a web page (and portals pasting one) put the title, the 部门名称 and 单位
 * lines into the table's first rows, merged across it, and the 注 under it: those rows become text lines
 * above and below the grid, as a PDF prints them.
 */
export function peelCaptionRows(grid: Grid): { above: string[]; grid: Grid; below: string[] } {
  const isLine = (r: number, re: RegExp, wideOk: boolean) => {
    const cells = rowCells(grid, r);
    if (cells.some((c) => c.rowSpan > 1 || c.row !== r)) return false;
    const filled = cells.filter((c) => c.text);
    if (!filled.length) return true; // a blank spacer row
    if (filled.length > 2) return false;
    if (filled.every((c) => re.test(c.text))) return true;
    return wideOk && filled.length === 1 && filled[0].colSpan >= Math.max(2, grid.nCols - 1) && !/^-?[\d,.]+%?$/.test(filled[0].text);
  };
  // rows covered by a span from above are not whole rows
  const spannedInto = (r: number) => grid.cells.some((c) => c.row < r && c.row + c.rowSpan > r);
  let top = 0;
  while (top < grid.nRows - 1 && !spannedInto(top) && isLine(top, META_LINE, true)) top++;
  let bottom = grid.nRows;
  while (bottom - 1 > top && !spannedInto(bottom - 1) && grid.cells.every((c) => c.row >= bottom - 1 || c.row + c.rowSpan <= bottom - 1) && isLine(bottom - 1, NOTE_LINE, false)) bottom--;
  if (top === 0 && bottom === grid.nRows) return { above: [], grid, below: [] };
  const texts = (from: number, to: number) => {
    const out: string[] = [];
    for (let r = from; r < to; r++) for (const c of rowCells(grid, r)) if (c.text) out.push(c.text);
    return out;
  };
  const cells = grid.cells.filter((c) => c.row >= top && c.row < bottom).map((c) => ({ ...c, row: c.row - top }));
  return { above: texts(0, top), grid: { ...grid, nRows: bottom - top, cells }, below: texts(bottom, grid.nRows) };
}

/** Whether an element is hidden by its inline style or attribute (portals keep unused templates in the page). */
function hidden($: cheerio.CheerioAPI, el: Element): boolean {
  const style = ($(el).attr('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || $(el).attr('hidden') !== undefined;
}

/** Files a page links as the document itself: PDF, Word, Excel, by the link's address or its text. */
const DOCUMENT_LINK = /\.(pdf|docx?|xlsx?|wps|et|ofd)(?:$|[?#\s])/i;

/** The documents a page links to: the link's text (the file name, as portals show it) and its address. */
export function linkedDocuments(html: string): { text: string; href: string }[] {
  const $ = cheerio.load(html);
  const seen = new Set<string>();
  const out: { text: string; href: string }[] = [];
  $('a[href]').each((_, a) => {
    const href = ($(a).attr('href') ?? '').trim();
    const text = $(a).text().replace(/\s+/g, ' ').trim();
    if (!DOCUMENT_LINK.test(href) && !DOCUMENT_LINK.test(`${text} `)) return;
    const key = `${text}\u0000${href}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ text, href });
  });
  return out;
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
    if (SKIP_TAGS.has(tag) || hidden($, el)) return;
    // a table holding tables lays out the page: its cells are read as blocks
    if (tag === 'table' && $(el).find('table').length === 0) {
      flushInline();
      const caption = $(el).children('caption').first();
      if (caption.length) {
        const text = caption.text().replace(/\s+/g, ' ').trim();
        if (text) blocks.push({ type: 'text', text });
      }
      const peeled = peelCaptionRows(tableToGrid($, el));
      for (const text of peeled.above) blocks.push({ type: 'text', text });
      if (peeled.grid.nRows > 0 && peeled.grid.cells.some((c) => c.text)) blocks.push({ type: 'grid', grid: peeled.grid });
      for (const text of peeled.below) blocks.push({ type: 'text', text });
      return;
    }
    if (tag === 'br') {
      inline += '\n';
      return;
    }
    const isBlock = BLOCK_TAGS.has(tag) || tag === 'div' || tag === 'section' || tag === 'tr' || tag === 'td' || tag === 'th' || tag === 'table';
    if (isBlock) flushInline();
    for (const child of el.children) walk(child);
    if (isBlock) flushInline();
  };
  const body = $('body')[0] ?? $.root()[0];
  for (const child of (body as Element).children) walk(child);
  flushInline();
  return { format: 'html', pages: null, ocr: false, blocks, warnings: [] };
}
