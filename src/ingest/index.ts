import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { ExtractError } from '../errors.js';
import type { SourceDocument } from '../model/blocks.js';
import { htmlToSource } from './html.js';
import { textToSource } from './text.js';

export interface IngestOptions {
  password?: string;
}

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.tsv']);

/** Share of bytes that plain text never contains (NUL and other C0 controls but tab/CR/LF/FF). */
function controlShare(bytes: Buffer): number {
  const sample = bytes.subarray(0, 64 * 1024);
  let bad = 0;
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) bad++;
  return sample.length ? bad / sample.length : 0;
}

function decodeText(file: string, bytes: Buffer): string {
  if (controlShare(bytes) > 0.01) throw new ExtractError('E_BINARY', file, 'looks like binary data, not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ExtractError('E_BINARY', file, 'is not valid UTF-8 text');
  }
  if (!text.trim()) throw new ExtractError('E_EMPTY', file, 'contains no text');
  return text;
}

/** Reads a file into the common block model, choosing the loader by content and extension. */
export async function loadSource(file: string, options: IngestOptions = {}): Promise<{ bytes: Buffer; source: SourceDocument }> {
  const info = await stat(file).catch((e: NodeJS.ErrnoException) => {
    throw new ExtractError('E_NOT_FOUND', file, e.code === 'ENOENT' ? 'no such file' : `cannot be read (${e.code})`);
  });
  if (info.isDirectory()) throw new ExtractError('E_IS_DIRECTORY', file, 'is a directory, not a file');
  const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
    throw new ExtractError('E_READ', file, `cannot be read (${e.code})`);
  });
  if (bytes.length === 0) throw new ExtractError('E_EMPTY', file, 'is empty');
  const ext = extname(file).toLowerCase();
  const isPdf = bytes.subarray(0, 1024).includes('%PDF-');
  if (isPdf || ext === '.pdf') {
    if (!isPdf) throw new ExtractError('E_NOT_PDF', file, 'has a .pdf name but is not a PDF (no %PDF- header)');
    const { pdfToSource } = await import('./pdf/index.js');
    return { bytes, source: await pdfToSource(file, { password: options.password, data: bytes }) };
  }
  if (TEXT_EXTENSIONS.has(ext)) return { bytes, source: textToSource(decodeText(file, bytes)) };
  if (ext === '.html' || ext === '.htm') return { bytes, source: htmlToSource(decodeText(file, bytes)) };
  throw new ExtractError('E_UNKNOWN_FORMAT', file, `unknown file type "${ext || '(no extension)'}" (expected .pdf, .txt or .html)`);
}
