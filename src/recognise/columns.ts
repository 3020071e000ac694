import type { Column } from '../model/grid.js';
import { compact } from '../util/text.js';

/** Header text → canonical column key, tried in order; the first match wins. */
export type ColumnVocabulary = [RegExp, string][];
/** Top-level header text → panel name, for side-by-side panels (收入 | 支出). */
export type PanelVocabulary = [RegExp, string][];

/** 2024年合计 → 合计, 2024预算数 → 预算数, 2024年 → '' (a bare year heads the amount column). */
function stripYear(s: string): string {
  return s.replace(/^\d{4}(?:年度?)?/, '');
}

export function columnKey(text: string, vocabulary: ColumnVocabulary): string | null {
  const t = stripYear(compact(text));
  for (const [re, key] of vocabulary) if (re.test(t)) return key;
  return null;
}

/**
 * Gives each column its canonical key from the most specific header text that the vocabulary knows,
 * its panel from the top header, and makes keys unique within a panel by prefixing the parent's key
 * (三公决算: 合计 › 预算数 and 合计 › 决算数 → total.budget, total.final).
 */
export function keyColumns(
  paths: { col: number; path: string[] }[],
  vocabulary: ColumnVocabulary,
  panels?: PanelVocabulary,
): Column[] {
  const columns = paths.map(({ col, path }) => {
    const panel = panels && path.length ? panels.find(([re]) => re.test(compact(path[0])))?.[1] : undefined;
    const own = path.length ? columnKey(path[path.length - 1], vocabulary) : null;
    const column: Column = { key: own ?? `col${col}`, path, col };
    if (panel) column.panel = panel;
    return column;
  });
  const seen = new Map<string, Column[]>();
  for (const c of columns) seen.set(`${c.panel}|${c.key}`, [...(seen.get(`${c.panel}|${c.key}`) ?? []), c]);
  for (const group of seen.values()) {
    // several code columns (类 | 款 | 项) are read together; only amount columns need unique keys
    if (group.length < 2 || group[0].key === 'code' || group[0].key === 'name') continue;
    for (const c of group) {
      const parent = c.path.length > 1 ? c.path[c.path.length - 2] : null;
      const parentKey = parent ? columnKey(parent, vocabulary) ?? compact(parent) : null;
      if (parentKey) c.key = `${parentKey}.${c.key}`;
    }
  }
  return columns;
}
