/**
 * `extract inspect`: pictures of what was detected. A PDF page rendered by pdf.js with the ruling lines, the
 * tables, their cell grid with row and column numbers, and the text boxes drawn over it (`pagePng`); a whole
 * document as one HTML page, each table beside the images of its pages (report.ts).
 */
import { ExtractError } from '../errors.js';
import type { Output } from '../model/output.js';
import { openPdf, openRenderer, type OpenDocument, type PageRenderer } from '../ingest/pdf/pdfjs.js';
import { drawPage, type DrawOptions } from './draw.js';
import { markedCells, pageOverlay, type Marks, type PageOverlay } from './overlay.js';

export { COLOURS, rgbOf } from './draw.js';
export { columnsOf, markedCells, pageOverlay, quotedRuns, tablesOnPage } from './overlay.js';
export type { PageOverlay } from './overlay.js';

export interface InspectedPage {
  overlay: PageOverlay;
  width: number;
  height: number;
  /** PDF points per pixel */
  pointsPerPixel: number;
  image: Buffer;
}

/** A PDF opened twice: for its page model (what the extraction reads) and for rendering. */
export class PdfInspector {
  private marks?: Marks;

  private constructor(
    readonly file: string,
    private readonly reader: OpenDocument,
    private readonly renderer: PageRenderer,
  ) {}

  static async open(file: string, bytes: Uint8Array, password?: string): Promise<PdfInspector> {
    // pdf.js refuses a Buffer: a plain copy
    const data = new Uint8Array(bytes);
    if (!Buffer.from(data.subarray(0, 1024)).includes('%PDF-')) throw new ExtractError('E_NOT_PDF', file, 'is not a PDF: only PDF pages can be drawn');
    const reader = await openPdf(file, data.slice(), password);
    try {
      const renderer = await openRenderer(file, data.slice(), password);
      return new PdfInspector(file, reader, renderer);
    } catch (e) {
      await reader.close();
      throw e;
    }
  }

  get numPages(): number {
    return this.reader.numPages;
  }

  /** Refuses a page number the document does not have (a usage error: exit 64). */
  checkPage(page: number): void {
    if (!Number.isInteger(page) || page < 1 || page > this.numPages) {
      throw new ExtractError('E_USAGE', this.file, `--page ${page}: ${this.file} has ${this.numPages} page${this.numPages === 1 ? '' : 's'} (1 to ${this.numPages})`);
    }
  }

  /**
   * One page with its overlay, as PNG (or JPEG/WebP for reports), `scale` pixels per point. `out` is the
   * document's output: its tables (with ids and kinds) and checks; without it only the page's own detection shows.
   */
  async page(page: number, out: Output | undefined, options: DrawOptions & { scale?: number; format?: 'png' | 'jpeg' | 'webp'; quality?: number } = {}): Promise<InspectedPage> {
    this.checkPage(page);
    if (out && !this.marks) this.marks = markedCells(out);
    const content = await this.reader.readPage(page);
    const overlay = pageOverlay(content, out, this.marks);
    const rendered = await this.renderer.render(page, 72 * (options.scale ?? 2));
    const canvas = drawPage(rendered, overlay, options);
    const format = options.format ?? 'png';
    const image = format === 'png' ? await canvas.encode('png') : await canvas.encode(format, options.quality ?? 80);
    return { overlay, width: rendered.width, height: rendered.height, pointsPerPixel: rendered.pointsPerPixel, image };
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.reader.close(), this.renderer.close()]);
  }
}
