/**
 * Finding tables on pages: the stage after the loaders that read a page model (text runs and ruling
 * segments: the PDF loader, the OCR of a scanned page). Ruled tables first, borderless ones in the text they
 * leave, the rest as lines in reading order; then tables that run on from one page onto the next are joined.
 */
import type { Block, GridBlock, TextBlock } from '../model/blocks.js';
import type { Cell } from '../model/grid.js';
import { round2, type PageContent } from '../layout/geometry.js';
import { groupLines, type Line } from '../layout/text.js';
import { compact } from '../util/text.js';
import { headingOf } from '../document/lines.js';
import { findStreamTables } from './stream.js';
import { findLatticeTables } from './lattice.js';
import { columnEdges, continues, repeatsHeader, stitch } from './stitch.js';
import { returnSpill, spillOf, spillPieces } from './spill.js';

/** Page numbers printed in the margins: "- 3 -", "— 1 0 —", "3", "第 3 页". */
const PAGE_NUMBER = /^(?:[-—–\s]*\d(?:\s?\d){0,3}[-—–\s]*|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;

/**
 * Lines that continue the line above into one paragraph: the line above runs to the right margin, the
 * font matches and the gap is a normal line gap.
 */
const LEADERS = /[.…·]{3,}\s*\d*\s*$/;

function paragraphs(lines: Line[], rightMargin: number): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (
      prev &&
      !LEADERS.test(prev.text) &&
      !LEADERS.test(line.text) &&
      // a heading starts its own line even right under a full line (…项目。| 二、收入预算情况说明)
      !headingOf(line.text) &&
      prev.x1 >= rightMargin - 1.5 * prev.fontSize &&
      Math.abs(prev.fontSize - line.fontSize) < 0.6 &&
      line.top - prev.bottom < 0.9 * line.fontSize &&
      line.x0 <= prev.x0 + 0.5 * line.fontSize
    ) {
      out[out.length - 1] = { ...prev, text: prev.text + line.text, x1: Math.max(prev.x1, line.x1), bottom: line.bottom, runs: [...prev.runs, ...line.runs] };
      continue;
    }
    out.push(line);
  }
  return out;
}

export interface PageBlocks {
  page: number;
  blocks: Block[];
}

/** One page in reading order: ruled tables as grids, other text as lines (page numbers dropped). */
export function pageBlocks(content: PageContent): PageBlocks {
  const ruled = findLatticeTables(content.segments, content.runs, content.page);
  // text the ruled tables left: borderless tables laid out in columns
  const stream = findStreamTables(ruled.rest, content.page);
  const tables = [...ruled.tables, ...stream.tables];
  const rest = stream.rest;
  const lines = groupLines(rest).filter((l) => !PAGE_NUMBER.test(l.text));
  // lines that may be cell text of a row split by the page break (spill.ts): a paragraph of such lines only
  const spillOfRun = new Map(lines.flatMap((l) => {
    const spill = spillOf(l, ruled.tables, content.runs);
    return spill ? l.runs.map((r) => [r, spill.edge] as const) : [];
  }));
  const firstTop = Math.min(...ruled.tables.map((t) => t.bbox[1]));
  const rightMargin = Math.max(...lines.map((l) => l.x1), 0);
  const texts = paragraphs(lines, rightMargin).map<[number, TextBlock]>((l) => {
    const block: TextBlock = { type: 'text', text: l.text, page: content.page, bbox: [round2(l.x0), round2(l.top), round2(l.x1), round2(l.bottom)], fontSize: round2(l.fontSize) };
    const edge = spillOfRun.get(l.runs[0]);
    if (!edge || l.runs.some((r) => spillOfRun.get(r) !== edge)) return [l.top, block];
    // text beside the first table, of cells going on from the page before, reads before it
    return [edge === 'above' ? Math.min(l.top, firstTop - 0.01) : l.top, { ...block, spill: { edge, runs: l.runs } }];
  });
  const grids = tables.map<[number, GridBlock]>((t) => [t.bbox[1], { type: 'grid', grid: t.grid, page: content.page, bbox: t.bbox }]);
  const blocks = [...texts, ...grids].sort((a, b) => a[0] - b[0]).map(([, b]) => b);
  return { page: content.page, blocks };
}

/** Text that may stand between a table's two parts: a repeated 单位 line or a 续表 mark. */
const CONTINUATION_TEXT = /^(续表|续|单位[：:]\s*(万元|元)|金额单位[：:]\s*(万元|元))/;

/**
 * A line the page before printed right above its table, printed again above this page's: a table that
 * repeats its title (and 单位名称 line) on every page (Shenzhen). It continues only if its header row is
 * printed again too: forms that share a title (项目支出绩效目标表, one per project) are not one table.
 */
function repeated(out: Block[], text: string): boolean {
  const key = compact(text);
  // performance-target forms repeat title and layout for each project: never one table
  if (/绩效目标/.test(key)) return false;
  for (let i = out.length - 2; i >= 0 && i >= out.length - 6; i--) {
    const b = out[i];
    if (b.type !== 'text') return false;
    if (compact(b.text) === key) return true;
  }
  return false;
}

/** Joins a table that runs on from the bottom of one page onto the top of the next. */
export function stitchPages(pages: PageBlocks[]): Block[] {
  const out: Block[] = [];
  // a running head: the same line opening three pages or more (苏州市…2026 年度单位预算公开)
  const openings = new Map<string, number>();
  for (const { blocks } of pages) {
    const first = blocks[0];
    if (first?.type === 'text') openings.set(compact(first.text), (openings.get(compact(first.text)) ?? 0) + 1);
  }
  // (a table's title repeated over its pages is no running head: forms that share one are separate tables)
  const runningHead = (text: string) => (openings.get(compact(text)) ?? 0) >= 3 && !/表$/.test(compact(text));
  let previous = 0;
  for (const { page, blocks } of pages) {
    const firstGrid = blocks.findIndex((b) => b.type === 'grid');
    const before = firstGrid < 0 ? [] : blocks.slice(0, firstGrid);
    const adjacent = page === previous + 1; // not across a page that could not be read
    previous = page;
    // the previous page's last grid, and the text printed below it (cell text clipped at the break, if any)
    let lastGrid = out.length - 1;
    while (lastGrid >= 0 && out[lastGrid].type === 'text' && out[lastGrid].page === page - 1) lastGrid--;
    const last = lastGrid >= 0 ? out[lastGrid] : null;
    const next = firstGrid >= 0 ? (blocks[firstGrid] as GridBlock) : null;
    if (adjacent && last?.type === 'grid' && next && continues(last.grid, next.grid)) {
      // text below the first part and above the second that is cell text of the table (spill.ts)
      const edges = columnEdges(last.grid);
      const spilt = (b: Block, edge: 'above' | 'below') => {
        const pieces = b.type === 'text' && b.spill?.edge === edge ? spillPieces(b, edges) : null;
        return pieces ? { block: b as TextBlock, pieces } : null;
      };
      const after = out.slice(lastGrid + 1).map((b) => spilt(b, 'below'));
      // a line the page before printed above its part (a title, a 单位 line repeated on every page) is none
      const above = before.map((b) => (b.type === 'text' && (CONTINUATION_TEXT.test(b.text) || runningHead(b.text) || repeated(out.slice(0, lastGrid + 1), b.text)) ? null : spilt(b, 'above')));
      if (
        after.every((s) => s !== null) &&
        before.every((b, i) => above[i] || (b.type === 'text' && (CONTINUATION_TEXT.test(b.text) || runningHead(b.text) || (repeated(out, b.text) && repeatsHeader(last.grid, next.grid)))))
      ) {
        // cell text printed past the break goes back into its cells; 续表 marks and running heads are dropped
        const split = new Set<Cell>();
        const left = returnSpill(last.grid, next.grid, after.filter((s) => s !== null), above.filter((s) => s !== null), split);
        out.length = lastGrid;
        out.push({ ...last, grid: stitch(last.grid, next.grid, undefined, split) }, ...left);
        out.push(...blocks.slice(firstGrid + 1));
        continue;
      }
    }
    out.push(...blocks);
  }
  return out;
}

