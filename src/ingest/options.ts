import type { OcrMode } from './ocr/kind.js';

/**
 * Options of every loader. Apart from ingest/index.ts because the library's public types name them, and
 * that module's types name Node's Buffer: a consumer compiling without @types/node must not reach it.
 */
export interface IngestOptions {
  password?: string;
  /** OCR of scanned pages and images: pages without text (auto, the default), every page (on), none (off) */
  ocr?: OcrMode;
  /** told after each page of a PDF is read: a long book shows it is moving (`extract --progress`) */
  onPage?: (done: number, pages: number) => void;
}
