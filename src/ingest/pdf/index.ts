import { ExtractError } from '../../errors.js';
import type { SourceDocument } from '../../model/blocks.js';

export interface PdfOptions {
  password?: string;
  data?: Uint8Array;
}

/** Born-digital PDF ingest is being built (issue 3); until then PDFs are refused with a clear message. */
export async function pdfToSource(file: string, _options: PdfOptions = {}): Promise<SourceDocument> {
  throw new ExtractError('E_UNKNOWN_FORMAT', file, 'PDF input is not supported yet');
}
