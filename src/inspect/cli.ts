/** The `extract inspect` command: arguments checked, outputs refused before any work, then the pictures. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { ExtractError } from '../errors.js';
import { checkWritableFolder } from '../batch/index.js';
import { extractWithin } from '../time-limit.js';
import type { OcrMode } from '../ingest/ocr/kind.js';
import type { Output } from '../model/output.js';
import { PdfInspector } from './index.js';
import { htmlReport } from './report.js';

export interface InspectOptions {
  page?: number;
  output?: string;
  html?: string;
  scale: number;
  password?: string;
  ocr: string;
  timeout: number;
  maxMemory: number;
}

const usage = (message: string) => new ExtractError('E_USAGE', '', message);

async function checkOutput(path: string, ext: string[], what: string): Promise<void> {
  if (!ext.includes(extname(path).toLowerCase())) throw usage(`${what} ${path}: expected a ${ext.join(' or ')} file`);
  const info = await stat(path).catch(() => null);
  if (info?.isDirectory()) throw new ExtractError('E_OUTPUT', path, 'is a folder, not a file');
  await checkWritableFolder(dirname(path));
}

/** Writes the picture or report; returns the line for stderr saying what was written. */
export async function runInspect(file: string, opts: InspectOptions): Promise<string> {
  if (opts.page === undefined && opts.output !== undefined) throw usage('inspect -o needs --page N: the page to draw');
  if (opts.page !== undefined && opts.output === undefined) throw usage('inspect --page N needs -o page.png: where to write the picture');
  if (opts.page === undefined && opts.html === undefined) throw usage('inspect needs --page N -o page.png (one page) or --html report.html (the whole document)');
  if (opts.output !== undefined) await checkOutput(opts.output, ['.png'], '-o');
  if (opts.html !== undefined) await checkOutput(opts.html, ['.html', '.htm'], '--html');
  const data = await readFile(file).catch((e: NodeJS.ErrnoException) => {
    throw new ExtractError(e.code === 'ENOENT' ? 'E_NOT_FOUND' : e.code === 'EISDIR' ? 'E_IS_DIRECTORY' : 'E_READ', file, e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${e.code})`);
  });
  const isPdf = data.subarray(0, 1024).includes('%PDF-');
  // a page is drawn from a PDF only; a report of a web page or text shows its tables without page images
  if (opts.page !== undefined && !isPdf) throw new ExtractError('E_NOT_PDF', file, 'is not a PDF: --page draws PDF pages (use --html for the tables of other documents)');
  const said: string[] = [];
  const inspector = isPdf ? await PdfInspector.open(file, data, opts.password) : undefined;
  try {
    if (opts.page !== undefined) inspector!.checkPage(opts.page);
    const out: Output = await extractWithin(file, { password: opts.password, ocr: opts.ocr as OcrMode, maxMemoryMb: opts.maxMemory }, opts.timeout);
    if (opts.page !== undefined && opts.output !== undefined) {
      const page = await inspector!.page(opts.page, out, { scale: opts.scale });
      await writeFile(opts.output, page.image);
      const tables = page.overlay.tables.map((t) => t.id).join(', ') || 'no table of the output';
      said.push(`extract: wrote page ${opts.page} (${page.width}×${page.height} px; ${tables}; ${page.overlay.detected.length} detected on the page) to ${opts.output}\n`);
    }
    if (opts.html !== undefined) {
      const html = await htmlReport(out, inspector, { scale: Math.min(opts.scale, 1.5) });
      await writeFile(opts.html, html);
      said.push(`extract: wrote the report of ${out.tables.length} tables to ${opts.html}\n`);
    }
  } finally {
    await inspector?.close();
  }
  return said.join('');
}
