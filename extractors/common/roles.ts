import { LABEL_KEYS, type Column } from '../../src/model/grid.js';
import type { HeadedGrid } from '../../src/tables/headers.js';
import { gridToRows } from '../../src/tables/fromRows.js';
import { parseAmount } from '../../src/util/amount.js';
import { compact } from '../../src/util/text.js';

/**
 * Column roles from what the cells hold, for headers the vocabulary does not know. Publishers name the
 * same column in many ways (功能科目名称, 部门经济分类科目名称, 支出功能分类科目, 采购类别 …) but print the
 * same kinds of cells under it: classification codes, codes glued to names, names, amounts, percentages.
 */

/** 2050803-培训支出, [301]工资福利支出, 50101 工资奖金津补贴 */
export const GLUED_CODE = /^\[?(\d{3}(?:\d{2}){0,3})\]?[\s\-.、:：]*([^\d\s.,%\-].*)$/;
const CODE = /^\d{3}(?:\d{2}){0,3}$/;
/** 类 | 款 | 项 printed in columns of their own: 201 | 01 | 02 */
const CODE_PART = /^\d{2,3}$/;
export const PERCENT = /^[-+]?\d+(?:\.\d+)?%$/;
const PERCENT_HEADER = /%|百分比|比例|比率|增长率|增幅|增减率|占比/;
/** text columns that name what a row is about (the others, 采购组织形式, 备注 …, describe it) */
const NAME_HEADER = /(名称|科目|项目|品目|单位|内容|用途|摘要)$/;

interface Stats {
  filled: number;
  glued: number;
  code: number;
  amount: number;
  percent: number;
  /** cells whose first three digits another cell shares: codes of one department repeat their 类, amounts do not */
  sharedPrefix: number;
  longest: number;
}

function statsOf(texts: string[][], col: number, firstData: number): Stats {
  const s: Stats = { filled: 0, glued: 0, code: 0, amount: 0, percent: 0, sharedPrefix: 0, longest: 0 };
  const prefixes = new Map<string, number>();
  for (let r = firstData; r < texts.length; r++) {
    const t = compact(texts[r][col] ?? '');
    if (t === '') continue;
    s.filled++;
    if (CODE.test(t) || CODE_PART.test(t)) {
      s.code++;
      s.longest = Math.max(s.longest, t.length);
      prefixes.set(t.slice(0, 3), (prefixes.get(t.slice(0, 3)) ?? 0) + 1);
    } else if (GLUED_CODE.test(t)) s.glued++;
    else if (PERCENT.test(t)) s.percent++;
    if (parseAmount(t).kind === 'amount') s.amount++;
  }
  s.sharedPrefix = [...prefixes.values()].filter((n) => n > 1).reduce((a, n) => a + n, 0);
  return s;
}

/** Mostly codes: 3/5/7 digits sharing their 类 (or 2–3 digit parts); whole-元 amounts have varied prefixes. */
function codeLike(s: Stats): boolean {
  return s.filled > 0 && s.code / s.filled >= 0.8 && (s.longest <= 3 || s.sharedPrefix / s.filled >= 0.5);
}

/** A column the vocabulary did not know: keyed by its position until a role is found for it. */
const isUnknown = (c: Column) => /^col\d+$/.test(c.key);
/** A column's own header text (the last of its path), compacted. */
const ownHeader = (c: Column) => compact(c.path[c.path.length - 1] ?? '');

/** The key an amount column with a new header keeps: its own header text (ancestors are prefixed later where needed). */
function headerKey(column: Column): string | null {
  return ownHeader(column).replace(/^\d{4}(?:年度?)?/, '') || null;
}

/**
 * Gives every column keyed `colN` (header unknown) a role from its cells, and turns code or name columns
 * whose cells glue a code to a name into `code_name` columns: codes where most cells are codes and the
 * column stands left of the amounts; percentages (type `percent`); amounts under their own header text;
 * text as the row's name when its panel has none, as another name column when the header names
 * something or is blank, else as a label.
 */
export function assignRoles(columns: Column[], headed: HeadedGrid): void {
  const texts = gridToRows(headed.grid);
  const firstData = Math.max(headed.headerRows, ...headed.grid.columnNumberRows.map((r) => r + 1));
  const stats = new Map(columns.map((c) => [c, statsOf(texts, c.col, firstData)]));
  const isAmountColumn = (c: Column) => {
    const s = stats.get(c)!;
    if (isUnknown(c)) return s.filled > 0 && s.amount / s.filled >= 0.5 && !codeLike(s);
    return !LABEL_KEYS.has(c.key);
  };
  const firstAmount = (panel: string | undefined) =>
    Math.min(...columns.filter((c) => c.panel === panel && isAmountColumn(c)).map((c) => c.col), Infinity);

  for (const c of columns) {
    const s = stats.get(c)!;
    const unknown = isUnknown(c);
    if ((unknown || c.key === 'name' || c.key === 'code') && s.filled > 0 && s.glued / s.filled >= 0.6) {
      c.key = 'code_name';
      continue;
    }
    if (!unknown) continue;
    const header = compact(c.path.join('/'));
    if (codeLike(s) && c.col < firstAmount(c.panel)) c.key = 'code';
    else if ((s.filled > 0 && s.percent / s.filled >= 0.5) || (PERCENT_HEADER.test(header) && s.amount + s.percent >= s.filled)) {
      c.key = headerKey(c) ?? 'percent';
      c.type = 'percent';
    } else if (s.filled === 0 ? !NAME_HEADER.test(ownHeader(c)) : s.amount / s.filled >= 0.5) {
      // an empty table tells nothing by its cells: a header that names something (功能科目) is a name column
      c.key = headerKey(c) ?? 'amount';
    }
  }
  // what is left of the unknown columns holds text
  for (const c of columns.filter(isUnknown)) {
    const hasName = columns.some((o) => o !== c && o.panel === c.panel && (o.key === 'name' || o.key === 'code_name'));
    // a text column without a header of its own continues the names beside it (一般公共预算资金 | 小计)
    c.key = !hasName || ownHeader(c) === '' || NAME_HEADER.test(ownHeader(c)) ? 'name' : 'label';
  }
}

/** The first digit of most codes a `code_name` column prints: 2 function, 3 / 5 economic (部门 / 政府), 1 revenue. */
export function schemeDigit(texts: string[][], col: number, firstData: number): string | null {
  const digits = new Map<string, number>();
  for (let r = firstData; r < texts.length; r++) {
    const m = GLUED_CODE.exec(compact(texts[r][col] ?? ''));
    if (m) digits.set(m[1][0], (digits.get(m[1][0]) ?? 0) + 1);
  }
  return [...digits].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
