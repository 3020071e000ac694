import type { BBox, Grid } from './grid.js';

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
