import { LABEL_KEYS, type Column } from '../model/grid.js';
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
 * its panel from the top header, and makes keys unique within a panel by prefixing ancestors' keys
 * (三公决算: 合计 › 预算数 → total.budget; 公务用车购置及运行费 › 小计 › 预算数 → vehicle.total.budget).
 */
/** How many top header levels all these columns share. */
function sharedTop(columns: Column[]): number {
  let n = 0;
  while (columns.every((c) => c.path.length > n + 1 && c.path[n] === columns[0].path[n])) n++;
  return n;
}

/**
 * Side-by-side panels printed without a top header naming them (编码 | 名称 | 决算数 | 编码 | 名称 | 决算数):
 * a new panel starts where a name or code column comes again after amount columns.
 */
function repeatedGroups(columns: Column[], names: string[]): void {
  let group = 0;
  let seenAmount = false;
  for (const c of columns) {
    const labelColumn = LABEL_KEYS.has(c.key);
    if (labelColumn && seenAmount) {
      group++;
      seenAmount = false;
    }
    if (!labelColumn) seenAmount = true;
    c.panel = names[Math.min(group, names.length - 1)];
  }
  if (group === 0) for (const c of columns) delete c.panel;
}

export function keyColumns(
  paths: { col: number; path: string[] }[],
  vocabulary: ColumnVocabulary,
  panels?: PanelVocabulary,
  /** panel names by position, for panels whose header does not name them */
  repeatedPanels?: string[],
  /** gives columns whose header the vocabulary does not know (key `colN`) a role from their cells */
  refine?: (columns: Column[]) => void,
): Column[] {
  const columns = paths.map(({ col, path }) => {
    const panel = panels && path.length ? panels.find(([re]) => re.test(compact(path[0])))?.[1] : undefined;
    const own = path.length ? columnKey(path[path.length - 1], vocabulary) : null;
    const column: Column = { key: own ?? `col${col}`, path, col };
    if (panel) column.panel = panel;
    return column;
  });
  // one panel named alone (支出总计 over the amounts, the names outside it) is no side-by-side panel
  if (new Set(columns.map((c) => c.panel).filter((p) => p !== undefined)).size < 2) for (const c of columns) delete c.panel;
  // a column whose own header names no panel (收入项目 | 金额 | 支出项目 | 金额) belongs to the panel on its left
  let current: string | undefined;
  for (const c of columns) {
    if (c.panel !== undefined) current = c.panel;
    else if (current !== undefined) c.panel = current;
  }
  refine?.(columns);
  if (repeatedPanels && columns.every((c) => c.panel === undefined)) repeatedGroups(columns, repeatedPanels);
  // prefix ancestors' keys, one level at a time, until every amount key is unique in its panel
  // (a top header over every column of the panel, like 财政拨款“三公”经费, tells columns nothing apart)
  const depth = new Map(columns.map((c) => [c, 0]));
  const shared = new Map(columns.map((c) => [c, sharedTop(columns.filter((o) => o.panel === c.panel))]));
  const keyOf = (c: Column) => {
    const own = c.key.split('.').pop()!;
    const n = depth.get(c)!;
    const ancestors = c.path.slice(Math.max(shared.get(c)!, c.path.length - 1 - n), c.path.length - 1);
    return [...ancestors.map((a) => columnKey(a, vocabulary) ?? compact(a)), own].join('.');
  };
  for (let round = 0; round < 4; round++) {
    const groups = new Map<string, Column[]>();
    for (const c of columns) groups.set(`${c.panel}|${c.key}`, [...(groups.get(`${c.panel}|${c.key}`) ?? []), c]);
    let changed = false;
    for (const group of groups.values()) {
      // several code columns (类 | 款 | 项) are read together; only amount columns need unique keys
      if (group.length < 2 || LABEL_KEYS.has(group[0].key)) continue;
      for (const c of group) {
        if (depth.get(c)! >= c.path.length - 1 - shared.get(c)!) continue;
        depth.set(c, depth.get(c)! + 1);
        c.key = keyOf(c);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return columns;
}
