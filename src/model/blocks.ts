import type { BBox, Grid } from './grid.js';
import type { TextRun } from '../layout/geometry.js';

/**
 * What every loader (text, pdf, html, ocr) hands to the document stage: the document's content in
 * reading order, as lines of text and table grids. Geometry is optional (plain text has none).
 */
export type Block = TextBlock | GridBlock;

export interface TextBlock {
  type: 'text';
  text: string;
  page?: number;
  bbox?: BBox;
  /** font size in points, when known: helps to tell titles from body text */
  fontSize?: number;
  /**
   * A line printed past the top or bottom border of the page's first or last ruled table, in no larger a font:
   * maybe cell text of a row the page break split (tables/spill.ts); its runs, to cut at that table's columns
   */
  spill?: { edge: 'above' | 'below'; runs: TextRun[] };
}

export interface GridBlock {
  type: 'grid';
  grid: Grid;
  /** first page the grid is printed on (cells carry their own page) */
  page?: number;
  bbox?: BBox;
}

export interface SourceDocument {
  format: 'pdf' | 'text' | 'html' | 'image';
  pages: number | null;
  producer?: string;
  ocr: boolean;
  blocks: Block[];
  warnings: { code: string; message: string; page?: number }[];
}
