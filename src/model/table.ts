import { z } from 'zod';
import { CellSchema, ColumnSchema } from './grid.js';

/** An amount exactly as printed, thousands separators removed: "518.25", "600000", "-12.30". */
export const AmountSchema = z.string().regex(/^-?\d+(\.\d+)?$/).describe('an amount exactly as printed, thousands separators removed ("518.25", "600000", "-12.30"): a decimal string, never a float');

export const RowLevelSchema = z.enum(['类', '款', '项', 'total', 'subtotal', 'item', 'department', 'unit', 'project']);
export type RowLevel = z.infer<typeof RowLevelSchema>;

export const CodeSchemeSchema = z.enum(['function', 'economic_dept', 'economic_gov', 'revenue']);

export const TypedRowSchema = z.object({
  row: z.number().int().nonnegative().describe('grid row the values were read from, 0-based'),
  panel: z.string().optional().describe('side-by-side panel the row belongs to (income, expenditure …)'),
  code: z.string().optional().describe('classification code as printed (2010101), or looked up when codeInferred'),
  codeScheme: CodeSchemeSchema.optional().describe('which classification the code belongs to: function (支出功能分类), economic_dept / economic_gov (部门 / 政府预算经济分类), revenue (收入分类)'),
  codeInferred: z.boolean().optional().describe('true when the code is not printed but looked up from the catalogue by name'),
  level: RowLevelSchema.optional().describe('the row\'s place in the table: 类 款 项 (3/5/7-digit function codes), total, subtotal, item, department, unit, project'),
  parent: z.string().optional().describe('code (or name, when the table has no codes) of the row one level up'),
  name: z.string().describe('the row\'s name as printed, indentation and ordinals kept as the table prints them'),
  govName: z.string().optional().describe('second name column (政府预算支出经济科目名称 beside the 部门 name)'),
  govCode: z.string().optional().describe('code of the second name column'),
  labels: z.array(z.string()).optional().describe('texts of further name columns (the 单位名称 beside a 项目名称), in column order'),
  values: z.record(z.string(), AmountSchema.nullable()).describe('amount of each column by its key (columns[].key): a blank cell is null, a printed 0.00 is "0.00"'),
});
export type TypedRow = z.infer<typeof TypedRowSchema>;

export const UnitSchema = z.enum(['万元', '元', '亿元']);
export type Unit = z.infer<typeof UnitSchema>;

/**
 * `kind` is a string here so that the model knows no family (extractors/ import the model); the JSON Schema
 * of src/output/schema.ts closes it to the kinds the families declare.
 */
export const TableSchema = z.object({
  id: z.string().describe('the table\'s id in this document (t1, t2 … in reading order)'),
  kind: z.string().describe('canonical kind of a standard table (B.summary, F.income …), or generic'),
  recognisedBy: z
    .enum(['title', 'keywords', 'toc', 'header', 'rows'])
    .optional()
    .describe('how the kind was recognised: a known title, the title\'s key words, a title found only in the table of contents, the header, or the rows; absent on generic tables'),
  title: z.string().describe('the title printed above the table (empty when none was found)'),
  label: z.string().optional().describe('the table\'s label as printed (公开表一, 预算11表 …)'),
  qualifier: z.string().optional().describe('what the title adds to the standard one (a fund, a sub-unit …)'),
  organization: z.string().optional().describe('the organisation the table is about, when it names one of its own (a unit in a department\'s document)'),
  unit: UnitSchema.nullable().describe('the unit of its amounts (单位：万元), null when none is printed'),
  pages: z.array(z.number().int().positive()).describe('pages the table is printed on, 1-based (a table continued over pages lists each)'),
  empty: z.boolean().describe('true when the table is printed without data (本表无数据 or no body rows)'),
  note: z.string().optional().describe('the note printed with the table (注：…)'),
  nRows: z.number().int().nonnegative().describe('rows of the grid'),
  nCols: z.number().int().nonnegative().describe('columns of the grid'),
  cells: z.array(CellSchema).describe('every cell of the grid, blank ones included: each grid position is covered by exactly one cell'),
  // optional for tables built in code (test fixtures); every table the pipeline outputs has it, and the
  // JSON Schema (src/output/schema.ts) requires it
  columns: z.array(ColumnSchema).optional().describe('the columns with their keys and header paths (generic tables: col0, col1 …)'),
  rows: z.array(TypedRowSchema).optional().describe('the typed body rows of a recognised table; absent on generic tables'),
});
export type Table = z.infer<typeof TableSchema>;
