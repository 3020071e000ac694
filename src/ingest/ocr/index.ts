/**
 * Scanned pages and page images → the page model the PDF path builds (text runs and ruling segments in
 * points), so that the same table stage finds the same tables: the raster is deskewed, its ruling lines are
 * found and become the segments, they are erased, the page is read once by tesseract.js, and each word
 * becomes a text run at its place. Every cell of a table read this way carries `confidence`.
 */
import { round2, type PageContent, type Segment, type TextRun } from '../../layout/geometry.js';
import { ExtractError } from '../../errors.js';
import type { Block, SourceDocument } from '../../model/blocks.js';
import type { Cell } from '../../model/grid.js';
import { imageKind, type OcrMode } from './kind.js';
import { OCR_DPI, recognise, type OcrWord } from './engine.js';
import { decodeImage, eraseRules, estimateSkew, findRules, rotate, toPng, type Gray } from './raster.js';


export { OCR_DPI } from './engine.js';
export { imageKind, type OcrMode } from './kind.js';

export interface OcrPage {
  content: PageContent;
  /** the page image after deskewing and erasing the rules, and the size of its pixel in points */
  erased: Gray;
  pointsPerPixel: number;
  words: OcrWord[];
  skew: number;
}

/** One page image read into the page model. `pointsPerPixel` is 72 / the image's resolution. */
export async function ocrRaster(image: Gray, page: number, pointsPerPixel = 72 / OCR_DPI): Promise<OcrPage> {
  const skew = estimateSkew(image);
  const straight = Math.abs(skew) >= 0.05 ? rotate(image, skew) : image;
  const dpi = 72 / pointsPerPixel;
  const rules = findRules(straight, Math.round(0.25 * dpi), Math.round(0.17 * dpi));
  const erased = eraseRules(straight, rules);
  const words = await recognise(toPng(erased));
  const pt = (v: number) => v * pointsPerPixel;
  const runs: TextRun[] = words.map((w) => {
    // the line's height, not the glyphs' (一 is a few pixels high): what groups runs into lines
    const top = Math.min(w.line[1], w.bbox[1]);
    const bottom = Math.max(w.line[3], w.bbox[3]);
    return { text: normaliseWord(w.text), x0: pt(w.bbox[0]), x1: pt(w.bbox[2]), top: pt(top), bottom: pt(bottom), fontSize: Math.max(1, pt(bottom - top)) };
  });
  const segments: Segment[] = rules.map((r) => ({ x0: pt(r.x0), y0: pt(r.y0), x1: pt(r.x1), y1: pt(r.y1) }));
  return {
    content: { page, width: pt(image.width), height: pt(image.height), runs, segments },
    erased,
    pointsPerPixel,
    words,
    skew,
  };
}

/** What OCR gets wrong in a way that is always wrong here: full-width digits and punctuation inside figures. */
export function normaliseWord(text: string): string {
  let t = text.normalize('NFKC');
  // figures: a comma read for the decimal point before the last two digits, spaces inside
  if (/^-?[\d,.，。]+$/.test(t)) t = t.replace(/[，]/g, ',').replace(/。/g, '.').replace(/,(\d{2})$/, '.$1');
  return t;
}

/**
 * A cell's text as OCR joined it: words of one figure split at its separators (`3, 745. 07`) joined again,
 * spaces between CJK characters dropped, full-width brackets as the PDF path prints them.
 */
export function cellText(text: string): string {
  const t = text.trim();
  const bare = t.replace(/\s+/g, '');
  if (/^[-−]?[\d,.]+%?$/.test(bare)) return bare.replace(/−/g, '-');
  return t.replace(/(?<=[\u3000-\u9fff\uff00-\uffef])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef])/g, '');
}

/** A figure as tables print it. */
const FIGURE = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
/** Text that is meant to be a figure: digits with at most two other characters misread among them. */
const figureLike = (t: string) => /\d/.test(t) && t.replace(/[\d,.\s\-−]/g, '').length <= 2 && t.replace(/\D/g, '').length >= Math.max(1, t.replace(/\s/g, '').length - 2);

/**
 * The figures of the page's tables read a second time, by the eng model restricted to digits, on an image
 * holding nothing but those cells: chi_sim reads 5 for 3 and 0 for 6 in figures far more often. One more
 * read of the page, not one per cell. The second reading wins when it is a well-formed figure.
 */
export async function rereadFigures(blocks: Block[], page: OcrPage): Promise<number> {
  const ppp = page.pointsPerPixel;
  // the figure cells, and in a column of figures every cell that holds something (`|` read for 67.81)
  const cells: Cell[] = [];
  for (const b of blocks) {
    if (b.type !== 'grid') continue;
    const own = (b.grid.cells as Cell[]).filter((c) => c.page === page.content.page && c.bbox);
    const figureCols = new Set<number>();
    for (let col = 0; col < b.grid.nCols; col++) {
      const filled = own.filter((c) => c.col === col && c.colSpan === 1 && c.text);
      if (filled.length >= 3 && filled.filter((c) => figureLike(c.text)).length >= 0.6 * filled.length) figureCols.add(col);
    }
    for (const c of own) {
      // also a blank cell with ink in it (chi_sim's page layout drops lone figures): kept below only as an amount
      if (figureLike(c.text) || (figureCols.has(c.col) && c.colSpan === 1 && c.text) || (!c.text && c.confidence === 0)) cells.push(c);
    }
  }
  if (!cells.length) return 0;
  const { width, height } = page.erased;
  const data = new Uint8Array(width * height).fill(255);
  const boxes = cells.map((c) => c.bbox!.map((v) => Math.round(v / ppp)) as [number, number, number, number]);
  for (const [x0, y0, x1, y1] of boxes) {
    for (let y = Math.max(0, y0 + 2); y < Math.min(height, y1 - 1); y++) {
      const row = y * width;
      data.set(page.erased.data.subarray(row + Math.max(0, x0 + 2), row + Math.min(width, x1 - 1)), row + Math.max(0, x0 + 2));
    }
  }
  const words = await recognise(toPng({ width, height, data }), { digits: true });
  let changed = 0;
  cells.forEach((cell, i) => {
    const [x0, y0, x1, y1] = boxes[i];
    const inside = words
      .filter((w) => {
        const cx = (w.bbox[0] + w.bbox[2]) / 2;
        const cy = (w.bbox[1] + w.bbox[3]) / 2;
        return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
      })
      .sort((a, b) => a.bbox[0] - b.bbox[0]);
    if (!inside.length) return;
    // a decimal point too small to survive the noise: "3,745" "07" is 3,745.07
    const parts = inside.map((w) => w.text.replace(/,$/, ''));
    let text = parts.join('');
    if (parts.length === 2 && /^\d{2}$/.test(parts[1]) && !parts[0].includes('.')) text = `${parts[0]}.${parts[1]}`;
    text = text.replace(/^\.+|\.+$/g, '');
    if (!FIGURE.test(text) || (!cell.text && !text.includes('.'))) return;
    if (text !== cell.text) changed++;
    cell.text = text;
    cell.confidence = round2(Math.min(...inside.map((w) => w.confidence)));
  });
  return changed;
}

/** Share of dark pixels inside a box (points), its border left out. */
function inkShare(g: Gray, bbox: [number, number, number, number], ppp: number): number {
  const margin = 4;
  const x0 = Math.max(0, Math.round(bbox[0] / ppp) + margin);
  const y0 = Math.max(0, Math.round(bbox[1] / ppp) + margin);
  const x1 = Math.min(g.width, Math.round(bbox[2] / ppp) - margin);
  const y1 = Math.min(g.height, Math.round(bbox[3] / ppp) - margin);
  if (x1 <= x0 || y1 <= y0) return 0;
  let dark = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (g.data[y * g.width + x] < 128) dark++;
  return dark / ((x1 - x0) * (y1 - y0));
}

/**
 * Confidence of each cell of the page's tables: the lowest of the words read inside it; a blank cell is 1 when
 * the image is blank there too, 0 when something is printed there that was not read.
 */
export function setConfidence(blocks: Block[], page: OcrPage): void {
  const ppp = page.pointsPerPixel;
  for (const block of blocks) {
    if (block.type !== 'grid') continue;
    for (const cell of block.grid.cells as Cell[]) {
      if (cell.page !== page.content.page || !cell.bbox) continue;
      const [x0, y0, x1, y1] = cell.bbox;
      const inside = page.words.filter((w) => {
        const cx = ((w.bbox[0] + w.bbox[2]) / 2) * ppp;
        const cy = ((w.bbox[1] + w.bbox[3]) / 2) * ppp;
        return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
      });
      cell.text = cellText(cell.text);
      if (inside.length) cell.confidence = round2(Math.min(...inside.map((w) => w.confidence)));
      else cell.confidence = cell.text ? 0.5 : inkShare(page.erased, cell.bbox, ppp) < 0.002 ? 1 : 0;
    }
  }
}

/** An image file → the page model of its one page. */
export async function ocrImage(bytes: Uint8Array): Promise<OcrPage> {
  const gray = await decodeImage(bytes);
  return ocrRaster(gray, 1, 72 / OCR_DPI);
}

/** A page image (scan or photo of a page) → the block model, its tables' cells with confidence. */
export async function imageToSource(file: string, bytes: Uint8Array, mode: OcrMode = 'auto'): Promise<SourceDocument> {
  const kind = imageKind(bytes);
  if (!kind) throw new ExtractError('E_UNKNOWN_FORMAT', file, 'has an image name but is no PNG, JPEG, GIF, WebP or BMP image');
  if (kind === 'tiff') throw new ExtractError('E_UNKNOWN_FORMAT', file, 'is a TIFF image: not decoded yet (convert it to PNG or to a PDF)');
  if (mode === 'off') throw new ExtractError('E_NEEDS_OCR', file, 'is an image: it needs OCR (--ocr auto or on)');
  let read: OcrPage;
  try {
    read = await ocrImage(bytes);
  } catch (e) {
    throw new ExtractError('E_READ', file, `cannot be read as an image (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  const { pageBlocks, stitchPages } = await import('../../tables/pages.js');
  const page = pageBlocks(read.content);
  setConfidence(page.blocks, read);
  await rereadFigures(page.blocks, read);
  const warnings: SourceDocument['warnings'] = [];
  if (!read.content.runs.length) warnings.push({ code: 'W_EMPTY_PAGE', message: 'OCR found no text on the image', page: 1 });
  return { format: 'image', pages: 1, ocr: true, blocks: stitchPages([page]), warnings };
}
