import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { ExtractError } from '../errors.js';
import type { SourceDocument } from '../model/blocks.js';
import { decodeBytes, looksLikeHtml } from './decode.js';
import { textToSource } from './text.js';
import { imageKind } from './ocr/kind.js';
import type { IngestOptions } from './options.js';

export type { IngestOptions } from './options.js';

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.tsv']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.xht', '.shtml', '.mht']);
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.tif', '.tiff', '.gif', '.webp', '.bmp']);

/**
 * A web page: its tables and text. A page without a table that links the document (a portal's page around a
 * PDF to download) is no disclosure itself: the error names the linked file.
 */
async function htmlSource(file: string, html: string): Promise<SourceDocument> {
  // loaded here: cheerio (and the undici it brings) costs start-up and memory that a PDF never needs
  const { htmlToSource, linkedDocuments } = await import('./html.js');
  const source = htmlToSource(html);
  if (!source.blocks.some((b) => b.type === 'grid')) {
    const links = linkedDocuments(html);
    if (links.length) {
      const first = links[0];
      const name = first.text && first.href.includes(first.text) ? first.href : first.text ? `${first.text} (${first.href})` : first.href;
      const more = links.length > 1 ? ` and ${links.length - 1} more` : '';
      throw new ExtractError('E_LINKED_DOCUMENT', file, `is a web page without tables that links the document: ${name}${more}`);
    }
  }
  return source;
}

function decodeText(file: string, bytes: Buffer, html = false): string {
  return decodeBytes(file, bytes, { html }).text;
}

/** Extensions of the documents extract reads (besides content that starts with %PDF-): what `extract batch` takes from a folder. */
export const DOCUMENT_EXTENSIONS = new Set(['.pdf', ...TEXT_EXTENSIONS, ...HTML_EXTENSIONS, ...IMAGE_EXTENSIONS]);

/** Reads a file into the common block model, choosing the loader by content and extension. */
export async function loadSource(file: string, options: IngestOptions = {}): Promise<{ bytes: Buffer; source: SourceDocument }> {
  const info = await stat(file).catch((e: NodeJS.ErrnoException) => {
    throw new ExtractError('E_NOT_FOUND', file, e.code === 'ENOENT' ? 'no such file' : `cannot be read (${e.code})`);
  });
  if (info.isDirectory()) throw new ExtractError('E_IS_DIRECTORY', file, 'is a directory, not a file');
  const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
    throw new ExtractError('E_READ', file, `cannot be read (${e.code})`);
  });
  return { bytes, source: await sourceFromBytes(file, bytes, options) };
}

/** The common block model of a document held in memory; `file` names it in errors and gives the extension. */
export async function sourceFromBytes(file: string, bytes: Buffer, options: IngestOptions = {}): Promise<SourceDocument> {
  if (bytes.length === 0) throw new ExtractError('E_EMPTY', file, 'is empty');
  const ext = extname(file).toLowerCase();
  const isPdf = bytes.subarray(0, 1024).includes('%PDF-');
  if (isPdf || ext === '.pdf') {
    if (!isPdf) throw new ExtractError('E_NOT_PDF', file, 'has a .pdf name but is not a PDF (no %PDF- header)');
    const { pdfToSource } = await import('./pdf/index.js');
    return pdfToSource(file, { password: options.password, data: bytes, ocr: options.ocr, onPage: options.onPage });
  }
  if (IMAGE_EXTENSIONS.has(ext) || imageKind(bytes)) {
    const { imageToSource } = await import('./ocr/index.js');
    return imageToSource(file, bytes, options.ocr);
  }
  if (TEXT_EXTENSIONS.has(ext)) return textToSource(decodeText(file, bytes));
  if (HTML_EXTENSIONS.has(ext) || looksLikeHtml(bytes)) return htmlSource(file, decodeText(file, bytes, true));
  throw new ExtractError('E_UNKNOWN_FORMAT', file, `unknown file type "${ext || '(no extension)'}" (expected .pdf, .txt, .html or a page image: .png, .jpg)`);
}
