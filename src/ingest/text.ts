import type { Block, SourceDocument } from '../model/blocks.js';
import { gridFromRows } from '../tables/fromRows.js';
import { TOC_LINE, TOC_START } from '../document/lines.js';


/**
 * Plain text like the seed: tables as tab-separated lines (an empty leading field keeps its column
 * position), everything else one line per paragraph. Consecutive table lines form one table even across
 * blank lines (page breaks in the source); any other text line ends it.
 */
export function textToSource(text: string): SourceDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const blocks: Block[] = [];
  let rows: string[][] = [];
  let inToc = false;

  const flushTable = () => {
    if (rows.length) blocks.push({ type: 'grid', grid: gridFromRows(rows) });
    rows = [];
  };

  for (const raw of lines) {
    const line = raw.replace(/\s+$/, (m) => m.replace(/[^\t]/g, ''));
    if (!line.trim()) continue;
    if (TOC_START.test(line.trim())) {
      flushTable();
      inToc = true;
      blocks.push({ type: 'text', text: line.trim() });
      continue;
    }
    if (inToc) {
      if (TOC_LINE.test(line.trim())) {
        blocks.push({ type: 'text', text: line.trim() });
        continue;
      }
      inToc = false;
    }
    if (line.includes('\t')) {
      rows.push(line.split('\t'));
      continue;
    }
    flushTable();
    blocks.push({ type: 'text', text: line.trim() });
  }
  flushTable();
  return { format: 'text', pages: null, ocr: false, blocks, warnings: [] };
}
