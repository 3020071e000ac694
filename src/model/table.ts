import { z } from 'zod';
import { CellSchema, ColumnSchema } from './grid.js';

/** An amount exactly as printed, thousands separators removed: "518.25", "600000", "-12.30". */
export const AmountSchema = z.string().regex(/^-?\d+(\.\d+)?$/);

export const RowLevelSchema = z.enum(['类', '款', '项', 'total', 'subtotal', 'item', 'department', 'unit', 'project']);
export type RowLevel = z.infer<typeof RowLevelSchema>;

export const CodeSchemeSchema = z.enum(['function', 'economic_dept', 'economic_gov', 'revenue']);

export const TypedRowSchema = z.object({
  /** grid row the values were read from */
  row: z.number().int().nonnegative(),
  panel: z.string().optional(),
  code: z.string().optional(),
  codeScheme: CodeSchemeSchema.optional(),
  /** true when the code is not printed but looked up from the catalogue by name */
  codeInferred: z.boolean().optional(),
  level: RowLevelSchema.optional(),
  /** code (or name, when the table has no codes) of the row one level up */
  parent: z.string().optional(),
  name: z.string(),
  /** second name column (政府预算支出经济科目名称 beside the 部门 name) */
  govName: z.string().optional(),
  govCode: z.string().optional(),
  /** texts of further name columns (the 单位名称 beside a 项目名称), in column order */
  labels: z.array(z.string()).optional(),
  /** blank cell → null; printed 0.00 → "0.00" */
  values: z.record(z.string(), AmountSchema.nullable()),
});
export type TypedRow = z.infer<typeof TypedRowSchema>;

export const UnitSchema = z.enum(['万元', '元', '亿元']);
export type Unit = z.infer<typeof UnitSchema>;

export const TableSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /**
   * how the kind was recognised: a known title, the title's key words, a title found only in the table of
   * contents, the header, or the rows
   */
  recognisedBy: z.enum(['title', 'keywords', 'toc', 'header', 'rows']).optional(),
  title: z.string(),
  label: z.string().optional(),
  qualifier: z.string().optional(),
  organization: z.string().optional(),
  unit: UnitSchema.nullable(),
  pages: z.array(z.number().int().positive()),
  empty: z.boolean(),
  note: z.string().optional(),
  nRows: z.number().int().nonnegative(),
  nCols: z.number().int().nonnegative(),
  cells: z.array(CellSchema),
  columns: z.array(ColumnSchema).optional(),
  rows: z.array(TypedRowSchema).optional(),
});
export type Table = z.infer<typeof TableSchema>;
