import { z } from 'zod';

/** [x0, y0, x1, y1] in PDF points, origin top-left of the displayed page. */
export const BBoxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type BBox = z.infer<typeof BBoxSchema>;

export const CellSchema = z.object({
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  rowSpan: z.number().int().positive(),
  colSpan: z.number().int().positive(),
  text: z.string(),
  header: z.boolean(),
  /** 1-based; absent for inputs without pages (plain text). */
  page: z.number().int().positive().optional(),
  bbox: BBoxSchema.optional(),
  confidence: z.number().min(0).max(1).optional(),
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
  key: z.string(),
  path: z.array(z.string()),
  /** side-by-side panel the column belongs to (income / expenditure …) */
  panel: z.string().optional(),
  col: z.number().int().nonnegative(),
  /** what the column's cells hold, when not amounts: percentages (values without the % sign) */
  type: z.enum(['percent']).optional(),
});
export type Column = z.infer<typeof ColumnSchema>;

/** Keys of the columns that code or name a row (several are read together) or number it: never amounts. */
export const LABEL_KEYS = new Set(['code', 'name', 'code_name', 'label', 'seq']);
