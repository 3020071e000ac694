import type { Block, TextBlock } from '../model/blocks.js';
import type { Grid } from '../model/grid.js';
import type { Section } from '../model/output.js';
import type { Unit } from '../model/table.js';
import { captionRow } from '../tables/stitch.js';
import { compact } from '../util/text.js';
import { headingOf, inlineLabel, isExplanation, isLabelLine, isMetaLine, isNoteLine, orgOf, splitUnit, TOC_START, tocEntryOf, unitOf, yearLineOf } from './lines.js';

/** A grid with what is printed around it: title, label, organisation and unit lines, the note below. */
export interface PlacedGrid {
  grid: Grid;
  title: string;
  /** the title joined with the line printed just above it, for a title wrapped over two lines */
  wrappedTitle?: string;
  /** no title is printed with the grid: it was taken from the table of contents */
  titleFromToc?: boolean;
  label?: string;
  organization?: string;
  unit: Unit | null;
  /** year printed on its own line under a form title: (2024)年度 */
  year?: number;
  note?: string;
  pages: number[];
}

export interface TocEntry {
  label?: string;
  title: string;
  page: number | null;
}

export interface DocumentStructure {
  cover: string[];
  toc: TocEntry[];
  sections: Section[];
  grids: PlacedGrid[];
}

const SENTENCE_END = /[。；;：:？?！!）)]\s*$/;
const LIST_START = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|[①-⑳]|注[：:]|说明[：:])/;

function joinLines(a: string, b: string): string {
  return /[A-Za-z0-9%]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}


/** How far above a table its title may be printed (meta lines not counted). */
const TITLE_LOOKBACK = 3;

function gridPages(grid: Grid): number[] {
  return [...new Set(grid.cells.map((c) => c.page).filter((p): p is number => p !== undefined))].sort((a, b) => a - b);
}


/**
 * Whether `above` may be the first half of a title wrapped onto `line`: same page, same type size when
 * the sizes are known, and a short line that neither ends a sentence nor is a heading, label or meta line.
 */
function continuesInto(above: TextBlock, line: TextBlock): boolean {
  const text = above.text.trim();
  if (above.page !== line.page || text.length > 40 || /[。；;：:，,]$/.test(text)) return false;
  if (above.fontSize !== undefined && line.fontSize !== undefined && Math.abs(above.fontSize - line.fontSize) > 0.5) return false;
  return !isMetaLine(text) && !isLabelLine(text) && !isNoteLine(text) && yearLineOf(text) === null && headingOf(text) === null;
}

/** A grid without its caption row: the rows below it, moved up one. */
function withoutFirstRow(grid: Grid): Grid {
  const cells = grid.cells.filter((c) => c.row > 0).map((c) => ({ ...c, row: c.row - 1 }));
  return { ...grid, nRows: grid.nRows - 1, cells, columnNumberRows: grid.columnNumberRows.map((r) => r - 1).filter((r) => r >= 0) };
}

/** Takes title, label and meta lines printed just above a grid off the end of `pending`. */
function takeCaption(pending: TextBlock[], grid: Grid): PlacedGrid {
  const placed = takeCaptionAbove(pending, grid);
  // a first row spanning every column is the caption printed inside the ruling, not a header
  const inside = captionRow(grid);
  if (inside && !placed.title) {
    placed.grid = withoutFirstRow(grid);
    const inline = inlineLabel(inside);
    placed.title = inline ? inline.title : inside;
    if (inline) placed.label = inline.label;
  }
  return placed;
}

function takeCaptionAbove(pending: TextBlock[], grid: Grid): PlacedGrid {
  const placed: PlacedGrid = { grid, title: '', unit: null, pages: gridPages(grid) };
  let i = pending.length - 1;
  let seen = 0;
  for (; i >= 0 && seen < TITLE_LOOKBACK; i--) {
    const text = pending[i].text;
    if (isMetaLine(text)) {
      placed.unit ??= unitOf(text);
      placed.organization ??= orgOf(text) ?? undefined;
      continue;
    }
    const year = yearLineOf(text);
    if (year !== null && placed.year === undefined) {
      placed.year = year;
      continue;
    }
    seen++;
    // a label printed between title and table (or alone above it: the contents may name the table)
    if (isLabelLine(text)) {
      placed.label ??= compact(text);
      continue;
    }
    // a part heading (第二部分 公开表) opens the tables, it names none of them
    if (text.includes('表') && !isNoteLine(text) && !isExplanation(text) && headingOf(text)?.level !== 1) {
      const { title, unit } = splitUnit(text.trim());
      placed.title = title;
      placed.unit ??= unit;
      // a label printed on the title's own line: 预算01表 收支总表, 表1：收入总表
      const inline = inlineLabel(placed.title);
      if (inline) {
        placed.label = inline.label;
        placed.title = inline.title;
      }
      if (i > 0 && isLabelLine(pending[i - 1].text)) {
        placed.label = compact(pending[i - 1].text);
        i--;
      } else if (i > 0 && continuesInto(pending[i - 1], pending[i])) {
        // kept apart: only recognition can tell whether the line above is the title's first half
        placed.wrappedTitle = pending[i - 1].text.trim() + placed.title;
      }
      pending.splice(i);
      return placed;
    }
  }
  // no title: keep only the meta and label lines directly above
  let j = pending.length;
  while (j > 0 && (isMetaLine(pending[j - 1].text) || isLabelLine(pending[j - 1].text) || yearLineOf(pending[j - 1].text) !== null)) j--;
  pending.splice(j);
  return placed;
}

/**
 * Reads the document's outline from its blocks: cover lines, table of contents, numbered sections with
 * their paragraphs, and every grid with its caption and note.
 */
export function readStructure(blocks: Block[]): DocumentStructure {
  const out: DocumentStructure = { cover: [], toc: [], sections: [], grids: [] };
  let pending: TextBlock[] = [];
  let phase: 'cover' | 'toc' | 'body' = 'cover';
  let lastGrid: PlacedGrid | null = null;
  /** lines read since the last grid: its notes may follow a line or two of other text (template residue) */
  let sinceGrid = 0;

  const flush = () => {
    for (const line of pending) {
      const heading = headingOf(line.text);
      if (heading) {
        out.sections.push({ ...heading, paragraphs: [], pages: line.page ? [line.page] : [] });
        continue;
      }
      const section = out.sections[out.sections.length - 1];
      if (!section) {
        out.cover.push(line.text);
        continue;
      }
      // a PDF breaks a paragraph into its printed lines: a line that does not end a sentence goes on
      const last = section.paragraphs.length - 1;
      if (last >= 0 && line.page !== undefined && !SENTENCE_END.test(section.paragraphs[last]) && !LIST_START.test(line.text)) {
        section.paragraphs[last] = joinLines(section.paragraphs[last], line.text);
      } else section.paragraphs.push(line.text);
      if (line.page && !section.pages.includes(line.page)) section.pages.push(line.page);
    }
    pending = [];
  };

  for (const block of blocks) {
    if (block.type === 'grid') {
      lastGrid = takeCaption(pending, block.grid);
      flush();
      out.grids.push(lastGrid);
      sinceGrid = 0;
      continue;
    }
    const text = block.text.trim();
    if (phase !== 'body' && TOC_START.test(text)) {
      flush();
      phase = 'toc';
      continue;
    }
    if (phase === 'toc') {
      const entry = tocEntryOf(text);
      if (entry) {
        out.toc.push(entry);
        continue;
      }
      phase = 'body';
    }
    if (phase === 'cover' && headingOf(text)?.level === 1) phase = 'body';
    // cover lines wait in `pending` like any other: a document that opens with a table takes its title from them
    if (lastGrid && sinceGrid < 3 && isNoteLine(text)) {
      lastGrid.note = lastGrid.note ? `${lastGrid.note}\n${text}` : text;
      sinceGrid++;
      continue;
    }
    sinceGrid++;
    if (headingOf(text) || sinceGrid >= 3) lastGrid = null;
    pending.push(block);
  }
  flush();
  titlesFromToc(out.grids, out.toc);
  return out;
}

/**
 * Grids printed without a title take it from the table of contents: by their label when they have one,
 * else by their page — once the titled grids show how printed page numbers map to PDF pages (two or more
 * agreeing on the same offset), and only for an entry no titled grid took.
 */
function titlesFromToc(grids: PlacedGrid[], toc: TocEntry[]): void {
  const entries = toc.filter((e) => /表/.test(e.title));
  if (!entries.length) return;
  const key = (s: string) => compact(s).replace(/^\d{4}年度?/, '');
  const taken = new Set<TocEntry>();
  const offsets = new Map<number, number>();
  for (const g of grids.filter((x) => x.title)) {
    const entry = entries.find((e) => key(e.title) === key(g.title) || (g.label !== undefined && e.label === g.label));
    if (!entry) continue;
    taken.add(entry);
    if (entry.page !== null && g.pages.length) offsets.set(g.pages[0] - entry.page, (offsets.get(g.pages[0] - entry.page) ?? 0) + 1);
  }
  const [offset, agreeing] = [...offsets].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  for (const g of grids.filter((x) => !x.title)) {
    const byLabel = g.label !== undefined ? entries.find((e) => e.label === g.label && !taken.has(e)) : undefined;
    const byPage = agreeing >= 2 && g.pages.length ? entries.find((e) => e.page !== null && e.page + offset === g.pages[0] && !taken.has(e)) : undefined;
    const entry = byLabel ?? byPage;
    if (!entry) continue;
    taken.add(entry);
    g.title = entry.title;
    g.titleFromToc = true;
    if (entry.label && !g.label) g.label = entry.label;
  }
}
