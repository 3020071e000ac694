import { z } from 'zod';

/**
 * A figure the narrative (情况说明) states: an amount, a share (占p%), a year-on-year change (增加Δ / 增长p%),
 * an execution rate (完成年初预算的r%), a count (人, 个, 辆) or an item list (主要包括：…), with the
 * label it is stated for and, where it restates a table, the cell.
 */
export const FactSchema = z.object({
  id: z.string().describe('the fact\'s id in this document'),
  kind: z
    .enum(['amount', 'share', 'change', 'change_pct', 'rate', 'count', 'list'])
    .describe('amount, share (占p%), change (增加Δ), change_pct (增长p%), rate (完成年初预算的r%), count (人, 个, 辆) or list (主要包括：…)'),
  section: z.string().describe('the section it stands in, as printed (三、支出决算情况说明)'),
  topic: z.string().nullable().describe('what the section is about (收入, 支出, 一般公共预算 …), from its heading and its parents\'; null when none says'),
  page: z.number().int().positive().optional().describe('page of the sentence, 1-based; absent for inputs without pages'),
  paragraph: z.number().int().describe('the paragraph, counted over the whole narrative: facts of one paragraph share it'),
  sentence: z.string().describe('the sentence, without the spaces PDFs put between characters'),
  subject: z.string().describe('the label the figure is stated for, ordinals, year and organisation removed (一般公共服务支出（类）)'),
  value: z.string().describe('exact decimal as printed, thousands separators removed; for a list, the number of items'),
  unit: z.string().describe('unit of the value as printed (万元, 元, %, 人 …)'),
  direction: z.string().optional().describe('增加 | 减少 | 持平 for changes, 增长 | 下降 for percentages of change'),
  of: z.string().optional().describe('id of the amount fact a share, change or rate belongs to'),
  partOf: z.string().optional().describe('id of the whole an amount is listed under (…合计X万元，其中：A万元、B万元 — A and B are parts of X)'),
  items: z.array(z.string()).optional().describe('the items of a list'),
  cell: z
    .object({
      table: z.string().describe('id of the table'),
      row: z.number().int().describe('grid row of the cell, 0-based'),
      panel: z.string().optional().describe('panel of the row, when the table has two'),
      col: z.string().describe('key of the column'),
      value: z.string().nullable().describe('the amount the cell prints, null when blank'),
      unit: z.string().optional().describe('unit of the table the cell is in'),
    })
    .optional()
    .describe('the table cell the figure restates'),
});
export type Fact = z.infer<typeof FactSchema>;
