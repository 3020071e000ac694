import { z } from 'zod';

/**
 * A figure the narrative (情况说明) states: an amount, a share (占p%), a year-on-year change (增加Δ / 增长p%),
 * an execution rate (完成年初预算的r%), a count (人, 个, 辆) or an item list (主要包括：…), with the
 * label it is stated for and, where it restates a table, the cell.
 */
export const FactSchema = z.object({
  id: z.string(),
  kind: z.enum(['amount', 'share', 'change', 'change_pct', 'rate', 'count', 'list']),
  /** the section it stands in, as printed: 三、支出决算情况说明 */
  section: z.string(),
  /** what the section is about (收入, 支出, 一般公共预算 …), from its heading and its parents' */
  topic: z.string().nullable(),
  page: z.number().int().positive().optional(),
  /** the paragraph, counted over the whole narrative: facts of one paragraph share it */
  paragraph: z.number().int(),
  /** the sentence, without the spaces PDFs put between characters */
  sentence: z.string(),
  /** the label the figure is stated for, ordinals, year and organisation removed: 一般公共服务支出（类） */
  subject: z.string(),
  /** exact decimal as printed, thousands separators removed; for a list, the number of items */
  value: z.string(),
  unit: z.string(),
  /** 增加 | 减少 | 持平 for changes, 增长 | 下降 for percentages of change */
  direction: z.string().optional(),
  /** the amount fact a share, change or rate belongs to */
  of: z.string().optional(),
  /** the whole an amount is listed under (…合计X万元，其中：A万元、B万元 — A and B are parts of X) */
  partOf: z.string().optional(),
  items: z.array(z.string()).optional(),
  /** the table cell the figure restates */
  cell: z.object({ table: z.string(), row: z.number().int(), panel: z.string().optional(), col: z.string(), value: z.string().nullable(), unit: z.string().optional() }).optional(),
});
export type Fact = z.infer<typeof FactSchema>;
