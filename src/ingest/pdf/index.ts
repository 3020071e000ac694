import { readFile } from 'node:fs/promises';
import { ExtractError } from '../../errors.js';
import type { SourceDocument } from '../../model/blocks.js';
import type { PageContent } from '../../layout/geometry.js';
import { pageBlocks, stitchPages, type PageBlocks } from '../../tables/pages.js';
import { openPdf, openRenderer } from './pdfjs.js';
import type { OcrMode } from '../ocr/kind.js';

export interface PdfOptions {
  password?: string;
  /** the file's bytes, when the caller has read them already */
  data?: Uint8Array;
  /** 1-based page numbers to read (default: all) */
  pages?: number[];
  /** OCR of pages: those without text (auto, the default), every page (on), none (off) */
  ocr?: OcrMode;
  /** told after each page is read (pages done, pages in all) */
  onPage?: (done: number, pages: number) => void;
}

/** PDF → blocks, one page at a time; pages of pictures without text (scans) are read by OCR unless `ocr` is off. */
export async function pdfToSource(file: string, options: PdfOptions = {}): Promise<SourceDocument> {
  const data = options.data ? new Uint8Array(options.data) : new Uint8Array(await readFile(file));
  const mode = options.ocr ?? 'auto';
  const doc = await openPdf(file, data.slice(), options.password);
  const warnings: SourceDocument['warnings'] = [];
  const pages: PageBlocks[] = [];
  const toOcr: number[] = [];
  const textless: PageContent[] = [];
  let textPages = 0;
  let pagesRead = 0;
  const addPage = (content: PageContent) => {
    // pdf.js quietly reads a damaged page (contents missing or not a stream, garbage operators) as blank;
    // left out, it also keeps a table from being stitched across it
    if (!content.runs.length && !content.segments.length) {
      warnings.push({ code: 'W_EMPTY_PAGE', message: `page ${content.page} is empty: no text and no lines (a blank page, a picture, or damaged content; --ocr on reads pictures)`, page: content.page });
      return;
    }
    pages.push(pageBlocks(content));
  };
  try {
    if (doc.numPages === 0) throw new ExtractError('E_NO_PAGES', file, 'has no pages');
    const wanted = options.pages ?? Array.from({ length: doc.numPages }, (_, i) => i + 1);
    for (const n of wanted) {
      try {
        const content = await doc.readPage(n);
        if (content.runs.length) textPages++;
        if (mode === 'on') {
          toOcr.push(n);
          continue;
        }
        if (mode === 'auto' && !content.runs.length) {
          // decided once every page is read: a scan if most pages have no text (pdf.js drops large pictures
          // unseen, so a scanned page cannot be told from a blank one by itself)
          textless.push(content);
          continue;
        }
        addPage(content);
      } catch (e) {
        warnings.push({ code: 'W_PAGE', message: `page ${n} could not be read: ${e instanceof Error ? e.message : String(e)}`, page: n });
      } finally {
        options.onPage?.(++pagesRead, wanted.length);
      }
    }
  } finally {
    await doc.close();
  }
  // auto: the pages without text of a document that is mostly without text are its scans; in a born-digital
  // document they are blank pages or pictures, said so page by page
  if (textless.length && textPages <= textless.length) toOcr.push(...textless.map((c) => c.page));
  else for (const content of textless) addPage(content);
  if (textPages === 0 && !toOcr.length) {
    throw new ExtractError('E_NEEDS_OCR', file, 'has no text layer (a scanned document): it needs OCR (--ocr auto or on)');
  }
  if (toOcr.length) pages.push(...(await ocrPages(file, data, options.password, toOcr, warnings)));
  pages.sort((a, b) => a.page - b.page);
  const source: SourceDocument = { format: 'pdf', pages: doc.numPages, ocr: toOcr.length > 0, blocks: stitchPages(pages), warnings };
  if (doc.producer) source.producer = doc.producer;
  return source;
}

/** Pages rendered at OCR_DPI and read by OCR into blocks, their table cells with confidence. */
async function ocrPages(file: string, data: Uint8Array, password: string | undefined, numbers: number[], warnings: SourceDocument['warnings']): Promise<PageBlocks[]> {
  const { OCR_DPI, ocrRaster, rereadFigures, setConfidence } = await import('../ocr/index.js');
  const { toGray } = await import('../ocr/raster.js');
  const renderer = await openRenderer(file, data, password);
  const out: PageBlocks[] = [];
  try {
    for (const n of numbers) {
      try {
        const image = await renderer.render(n, OCR_DPI);
        const read = await ocrRaster(toGray(image.rgba, image.width, image.height), n, image.pointsPerPixel);
        if (!read.content.runs.length && !read.content.segments.length) {
          warnings.push({ code: 'W_EMPTY_PAGE', message: `page ${n} is empty: OCR found no text and no lines on it`, page: n });
          continue;
        }
        const page = pageBlocks(read.content);
        setConfidence(page.blocks, read);
        await rereadFigures(page.blocks, read);
        out.push(page);
      } catch (e) {
        warnings.push({ code: 'W_PAGE', message: `page ${n} could not be read by OCR: ${e instanceof Error ? e.message : String(e)}`, page: n });
      }
    }
  } finally {
    await renderer.close();
  }
  return out;
}
