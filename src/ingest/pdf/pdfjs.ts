/**
 * The one place that talks to pdf.js (pdfjs-dist 5.6, legacy build for Node). It reads a document page by
 * page into our page model (text runs and ruling segments in displayed-page coordinates) and frees each page.
 */
import { restoreNatives } from './natives.js'; // first: before pdf.js replaces them
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
// pdf.js runs its worker in this thread in Node; loaded here (it sets globalThis.pdfjsWorker, which pdf.js
// uses) rather than when the first document opens, so that the functions core-js replaces are restored once
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { ExtractError } from '../../errors.js';
import { multiply, type Matrix, type PageContent, type Segment, type TextRun } from '../../layout/geometry.js';
import { segmentReader, type Ops } from './graphics.js';
import { findInflationBomb } from './inflation.js';
import { collectGarbage } from './memory.js';
import { getHeapStatistics } from 'node:v8';
import { fixRadicals } from '../../layout/text.js';

restoreNatives();

const require = createRequire(import.meta.url);
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));

/** Options every document is opened with: no eval, local CMaps and standard fonts, bounded images. */
export function documentOptions(data: Uint8Array, password?: string) {
  return {
    data,
    password,
    isEvalSupported: false,
    cMapUrl: join(PDFJS_ROOT, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(PDFJS_ROOT, 'standard_fonts') + '/',
    // tables need no pictures: images above this many pixels are skipped, not decoded (speed, memory, bombs)
    maxImageSize: 1024,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  };
}

export interface OpenDocument {
  numPages: number;
  producer?: string;
  readPage(pageNumber: number): Promise<PageContent>;
  close(): Promise<void>;
}

function hasEndMarker(data: Uint8Array): boolean {
  return Buffer.from(data.subarray(Math.max(0, data.length - 2048))).includes('%%EOF');
}

function classify(file: string, e: unknown, ended: boolean): ExtractError {
  const err = e as { name?: string; code?: number; message?: string };
  if (err?.name === 'PasswordException') {
    return err.code === 2
      ? new ExtractError('E_BAD_PASSWORD', file, 'the password is wrong', { cause: e })
      : new ExtractError('E_ENCRYPTED', file, 'is encrypted: give its password with --password', { cause: e });
  }
  if (err?.name === 'InvalidPDFException') {
    return ended
      ? new ExtractError('E_READ', file, `is a damaged PDF (${err.message})`, { cause: e })
      : new ExtractError('E_TRUNCATED', file, `is truncated: the PDF ends before its end-of-file marker (${err.message})`, { cause: e });
  }
  return new ExtractError('E_READ', file, `cannot be read as a PDF (${err?.message ?? String(e)})`, { cause: e });
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** Text items → runs: horizontal text only, box from the baseline, font size and the item's advance width. */
function toRuns(items: unknown[], view: Matrix): TextRun[] {
  const runs: TextRun[] = [];
  for (const raw of items) {
    const item = raw as { str?: string; transform?: number[]; width?: number; height?: number };
    if (!item.str || !item.transform || !item.str.trim()) continue;
    const m = multiply(view, item.transform as Matrix);
    const size = Math.hypot(m[2], m[3]);
    if (size <= 0 || Math.abs(m[1]) > 0.01 * Math.abs(m[0]) || m[0] <= 0) continue; // not left-to-right horizontal
    const x0 = m[4];
    const width = (item.width ?? 0) * Math.abs(view[0] || view[1] || 1);
    const baseline = m[5];
    runs.push({ text: fixRadicals(item.str), x0, x1: x0 + Math.max(width, 0), top: baseline - size * 0.88, bottom: baseline + size * 0.12, fontSize: size });
  }
  return runs;
}

/**
 * Memory, page by page. V8 collects lazily below its heap limit (2 GB in our workers), so each page's garbage
 * (pdf.js parses fonts and content streams into large short-lived arrays) piled up to several times what is
 * alive, and pdf.js keeps the fonts and parsed objects of every page read so far until told to let go, so a
 * long document grows without bound (a 392-page budget: 800 MB). Before a page, past COLLECT_ABOVE_BYTES of
 * heap the garbage is collected; if pdf.js's caches still hold more than CACHES_ABOVE_BYTES, they are
 * dropped (`cleanup()`: the fonts are parsed again when the next pages use them).
 */
const COLLECT_ABOVE_BYTES = 96 * 2 ** 20;
const CACHES_ABOVE_BYTES = 64 * 2 ** 20;
/** …but caches are dropped no more often than this: a document whose fonts alone fill the heap would parse them again and again */
const RECYCLE_MIN_PAGES = 16;

/**
 * Work allowed per page. The busiest real budget pages seen need 42,000 operators, 2,000 text items and
 * 3 form XObjects (corpus and ../shared/corpus/real). Far past that a page is hostile: forms nested to an
 * exponential fan-out draw 2^30 times, and pdf.js (~15,000 form draws, ~100,000 operators a second)
 * would work on it until memory runs out. A page over budget is skipped with a warning.
 */
export const PAGE_BUDGET = { operators: 250_000, forms: 10_000, textItems: 100_000 };

/** A stream that inflates beyond this is refused (pdf.js would hold it whole in memory, twice). */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

class OverBudget extends Error {}

type PdfDocument = Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/**
 * The page's text items, stopped at the budget. The stream is cancelled, and the cancel awaited, before giving
 * up: leaving a `for await` over it by a throw left pdf.js's text task unfinished, and the document's
 * destroy() (the reopen after a page over budget) then waited for it forever: a page of 100,000 words hung.
 */
async function readText(page: PdfPage): Promise<unknown[]> {
  const items: unknown[] = [];
  const reader = (page.streamTextContent() as unknown as ReadableStream<{ items: unknown[] }>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return items;
    for (const item of value.items) items.push(item);
    if (items.length > PAGE_BUDGET.textItems) {
      const over = new OverBudget(`it has more than ${PAGE_BUDGET.textItems} text items`);
      await reader.cancel(over);
      throw over;
    }
  }
}

/**
 * The page's ruling segments, read from its operator list chunk by chunk and stopped at the budget. pdf.js
 * has no public way to do either: pdf.js 5.6 hands each chunk of the list, as its evaluator produces it, to
 * the page's `_renderPageChunk`, so we read and count there and pass pdf.js only the chunk's end mark, so
 * that the list is never held whole (a million operators take a gigabyte).
 */
function readSegmentsOf(page: PdfPage, ops: Ops, view: Matrix): Promise<Segment[]> {
  type Chunk = { fnArray: number[]; argsArray: unknown[][]; length: number };
  const proxy = page as unknown as { _renderPageChunk(chunk: Chunk, state: unknown): void };
  const ownRenderPageChunk = proxy._renderPageChunk;
  const reader = segmentReader(ops, view);
  let operators = 0;
  let forms = 0;
  return new Promise((resolve, reject) => {
    proxy._renderPageChunk = function (chunk, state) {
      operators += chunk.length;
      for (const fn of chunk.fnArray) if (fn === ops.paintFormXObjectBegin) forms++;
      if (operators > PAGE_BUDGET.operators) return reject(new OverBudget(`it draws more than ${PAGE_BUDGET.operators} operators`));
      if (forms > PAGE_BUDGET.forms) return reject(new OverBudget(`it draws more than ${PAGE_BUDGET.forms} forms (nested forms?)`));
      reader.read(chunk.fnArray, chunk.argsArray);
      ownRenderPageChunk.call(this, { ...chunk, fnArray: [], argsArray: [], length: 0 }, state);
    };
    page.getOperatorList().then(() => resolve(reader.segments), reject);
  });
}

export async function openPdf(file: string, data: Uint8Array, password?: string): Promise<OpenDocument> {
  // pdf.js takes the buffer over (it is detached afterwards): keep our own copy to reopen from, and look at it first
  const bytes = data.slice();
  const ended = hasEndMarker(bytes);
  const bomb = findInflationBomb(bytes, MAX_INFLATED_BYTES);
  if (bomb) throw new ExtractError('E_TOO_LARGE', file, `has a compressed stream (${bomb}) that inflates to more than ${MAX_INFLATED_BYTES / 2 ** 20} MB`);
  let open = () => pdfjs.getDocument(documentOptions(bytes.slice(), password)).promise;
  let doc: PdfDocument;
  try {
    doc = await open();
  } catch (e) {
    if ((e as { name?: string; code?: number })?.name !== 'PasswordException' || (e as { code?: number }).code !== 2) throw classify(file, e, ended);
    // a password that is neither of the document's, for a document that needs none (an owner password only,
    // common in published PDFs; `extract batch --password` over a mixed archive): pdf.js refuses it where
    // other readers open the document, and so do we
    open = () => pdfjs.getDocument(documentOptions(bytes.slice())).promise;
    try {
      doc = await open();
    } catch {
      throw classify(file, e, ended);
    }
  }
  const meta = await doc.getMetadata().catch(() => null);
  const info = meta?.info as { Producer?: string } | undefined;
  const ops = pdfjs.OPS as unknown as Ops;
  let pagesSinceOpen = 0;
  let collectAbove = COLLECT_ABOVE_BYTES;
  const reopen = async () => {
    await doc.destroy();
    doc = await open();
    pagesSinceOpen = 0;
  };
  return {
    numPages: doc.numPages,
    producer: info?.Producer || undefined,
    async readPage(pageNumber: number): Promise<PageContent> {
      if (getHeapStatistics().used_heap_size > collectAbove) {
        collectGarbage();
        if (pagesSinceOpen >= RECYCLE_MIN_PAGES && getHeapStatistics().used_heap_size > CACHES_ABOVE_BYTES) {
          await doc.cleanup();
          pagesSinceOpen = 0;
          collectGarbage();
        }
        // what is alive may stay above the mark (a huge document's blocks): collect again only after as much garbage again
        collectAbove = Math.max(COLLECT_ABOVE_BYTES, getHeapStatistics().used_heap_size + COLLECT_ABOVE_BYTES / 2);
      }
      pagesSinceOpen++;
      const page = await doc.getPage(pageNumber);
      try {
        const viewport = page.getViewport({ scale: 1 });
        const view = viewport.transform as Matrix;
        const [items, segments] = await Promise.all([readText(page), readSegmentsOf(page, ops, view)]);
        return { page: pageNumber, width: viewport.width, height: viewport.height, runs: toRuns(items, view ?? IDENTITY), segments };
      } catch (e) {
        // pdf.js goes on working on a page we gave up on until its document is destroyed
        if (e instanceof OverBudget) await reopen();
        throw e;
      } finally {
        page.cleanup();
      }
    },
    async close() {
      await doc.destroy();
    },
  };
}

/** Largest page image rendered for OCR (pixels): a page up to A2 at 300 dpi. */
const MAX_RENDER_PIXELS = 40_000_000;

export interface PageRenderer {
  /** The page as displayed (rotation applied), `dpi` pixels an inch, RGBA; the scale is lowered for huge pages. */
  render(pageNumber: number, dpi: number): Promise<{ width: number; height: number; rgba: Uint8ClampedArray; pointsPerPixel: number }>;
  close(): Promise<void>;
}

/**
 * Opens a document for rendering its pages to images (OCR of scanned pages): unlike reading, images are
 * decoded here (up to MAX_RENDER_PIXELS), with the canvas pdf.js provides in Node (@napi-rs/canvas).
 */
export async function openRenderer(file: string, data: Uint8Array, password?: string): Promise<PageRenderer> {
  let doc: PdfDocument;
  try {
    doc = await pdfjs.getDocument({ ...documentOptions(data.slice(), password), maxImageSize: MAX_RENDER_PIXELS }).promise;
  } catch (e) {
    throw classify(file, e, true);
  }
  const factory = (doc as unknown as { canvasFactory?: { create(w: number, h: number): { canvas: unknown; context: unknown }; destroy(c: unknown): void } }).canvasFactory;
  if (!factory) throw new ExtractError('E_NEEDS_OCR', file, 'has pages without text, and pages cannot be rendered here for OCR (@napi-rs/canvas is not installed)');
  return {
    async render(pageNumber, dpi) {
      const page = await doc.getPage(pageNumber);
      try {
        let scale = dpi / 72;
        const base = page.getViewport({ scale: 1 });
        if (base.width * base.height * scale * scale > MAX_RENDER_PIXELS) scale = Math.sqrt(MAX_RENDER_PIXELS / (base.width * base.height));
        const viewport = page.getViewport({ scale });
        const width = Math.max(1, Math.round(viewport.width));
        const height = Math.max(1, Math.round(viewport.height));
        const pair = factory.create(width, height);
        try {
          const context = pair.context as { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
          context.fillStyle = '#fff';
          context.fillRect(0, 0, width, height);
          await page.render({ canvasContext: context, canvas: pair.canvas, viewport } as unknown as Parameters<PdfPage['render']>[0]).promise;
          return { width, height, rgba: context.getImageData(0, 0, width, height).data, pointsPerPixel: 1 / scale };
        } finally {
          factory.destroy(pair);
        }
      } finally {
        page.cleanup();
      }
    },
    async close() {
      await doc.destroy();
    },
  };
}
