/**
 * The one place that talks to pdf.js (pdfjs-dist 5.6, legacy build for Node). It reads a document page by
 * page into our page model (text runs and ruling segments in displayed-page coordinates) and frees each page.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ExtractError } from '../../errors.js';
import { multiply, type Matrix, type PageContent, type TextRun } from '../../layout/geometry.js';
import { readSegments, type Ops } from './graphics.js';
import { fixRadicals } from '../../layout/text.js';

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
 * pdf.js keeps fonts and parsed objects of every page read so far until the document is destroyed, so a
 * long document grows without bound (a 392-page budget: 800 MB). Past this much heap the document is
 * reopened, which frees those caches for the price of parsing shared fonts again.
 */
const RECYCLE_HEAP_BYTES = 160 * 1024 * 1024;
/** …but not more often than this: a document whose fonts alone fill the heap would be parsed again and again */
const RECYCLE_MIN_PAGES = 16;

type PdfDocument = Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;

export async function openPdf(file: string, data: Uint8Array, password?: string): Promise<OpenDocument> {
  // pdf.js takes the buffer over (it is detached afterwards): keep our own copy to reopen from, and look at it first
  const bytes = data.slice();
  const ended = hasEndMarker(bytes);
  const open = () => pdfjs.getDocument(documentOptions(bytes.slice(), password)).promise;
  let doc: PdfDocument;
  try {
    doc = await open();
  } catch (e) {
    throw classify(file, e, ended);
  }
  const meta = await doc.getMetadata().catch(() => null);
  const info = meta?.info as { Producer?: string } | undefined;
  const ops = pdfjs.OPS as unknown as Ops;
  let pagesSinceOpen = 0;
  return {
    numPages: doc.numPages,
    producer: info?.Producer || undefined,
    async readPage(pageNumber: number): Promise<PageContent> {
      if (pagesSinceOpen >= RECYCLE_MIN_PAGES && process.memoryUsage().heapUsed > RECYCLE_HEAP_BYTES) {
        await doc.destroy();
        doc = await open();
        pagesSinceOpen = 0;
      }
      pagesSinceOpen++;
      const page = await doc.getPage(pageNumber);
      try {
        const viewport = page.getViewport({ scale: 1 });
        const view = viewport.transform as Matrix;
        const [text, operators] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
        return {
          page: pageNumber,
          width: viewport.width,
          height: viewport.height,
          runs: toRuns(text.items, view ?? IDENTITY),
          segments: readSegments(operators.fnArray, operators.argsArray as unknown[][], ops, view),
        };
      } finally {
        page.cleanup();
      }
    },
    async close() {
      await doc.destroy();
    },
  };
}
