import { z } from 'zod';

/** [x0, y0, x1, y1] in PDF points, origin top-left of the displayed page. */
export const BBoxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]).describe('[x0, y0, x1, y1] in PDF points, origin top-left of the displayed page');
export type BBox = z.infer<typeof BBoxSchema>;

export const CellSchema = z.object({
  row: z.number().int().nonnegative().describe('grid row of the cell\'s top-left corner, 0-based'),
  col: z.number().int().nonnegative().describe('grid column of the cell\'s top-left corner, 0-based'),
  rowSpan: z.number().int().positive().describe('number of grid rows the cell covers (merged cells span more than one)'),
  colSpan: z.number().int().positive().describe('number of grid columns the cell covers'),
  text: z.string().describe('the text printed in the cell, lines of wrapped text joined'),
  header: z.boolean().describe('true for a cell of the table\'s header rows'),
  page: z.number().int().positive().optional().describe('page the cell is printed on, 1-based; absent for inputs without pages (text, HTML)'),
  bbox: BBoxSchema.optional().describe('where the cell is printed: [x0, y0, x1, y1] in PDF points, origin top-left of the displayed page'),
  confidence: z.number().min(0).max(1).optional().describe('OCR confidence of the cell\'s text, 0 to 1; only for text read by OCR'),
});
export type Cell = z.infer<typeof CellSchema>;

/** A table as a grid of cells: every position is covered by exactly one cell (blank cells included). */
export interface Grid {
  nRows: number;
  nCols: number;
  cells: Cell[];
  /** rows that carry the column-number line (栏次 1 2 3 …): neither header nor data */
  columnNumberRows: number[];
  /** true when spans come from the source (ruled PDF grid, HTML rowspan/colspan); false for text rows */
  spansKnown: boolean;
}

export const ColumnSchema = z.object({
  key: z.string().describe('the column\'s key in rows[].values: canonical per family (total, gpb, basic, project …); colN on generic tables'),
  path: z.array(z.string()).describe('the column\'s header texts from the top header row down (a multi-row header gives several)'),
  panel: z.string().optional().describe('side-by-side panel the column belongs to (income, expenditure …)'),
  col: z.number().int().nonnegative().describe('grid column the values are read from, 0-based'),
  type: z.enum(['percent']).optional().describe('what the cells hold when not amounts: percent (values without the % sign)'),
});
export type Column = z.infer<typeof ColumnSchema>;

/** Keys of the columns that code or name a row (several are read together) or number it: never amounts. */
export const LABEL_KEYS = new Set(['code', 'name', 'code_name', 'label', 'seq']);
