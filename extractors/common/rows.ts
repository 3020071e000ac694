import type { Column } from '../../src/model/grid.js';
import type { TypedRow } from '../../src/model/table.js';
import type { HeadedGrid } from '../../src/tables/headers.js';
import { gridToRows } from '../../src/tables/fromRows.js';
import { amountOrNull, parseAmount } from '../../src/util/amount.js';
import { compact } from '../../src/util/text.js';
import { GLUED_CODE, PERCENT, schemeDigit } from './roles.js';

const SUBTOTAL_WORD = /^(小计|合计)$/;
const SPACED_CODE = /^\d{3}(?:[\s\-.]+\d{2}){0,3}$/;

/** Columns that name or code a row, and the amount columns, of one panel. */
interface PanelColumns {
  panel?: string;
  /** one column, or split 类 | 款 | 项 columns read together */
  codes: Column[];
  /** the row's name columns: the last one names the row (项目名称 after 单位名称), the others are labels */
  names: Column[];
  govName?: Column;
  /** columns printing code and name in one cell (2050803-培训支出): the first names the row, the others are labels */
  codeNames: Column[];
  /** text columns that describe the row (采购组织形式): kept as labels */
  labels: Column[];
  amounts: Column[];
}

const NOT_AMOUNTS = new Set(['code', 'name', 'gov_name', 'code_name', 'label', 'seq']);

/**
 * The code_name column whose codes belong to the scheme the table is about comes first: function codes
 * (2…) in function tables, 部门 economic codes (3…) before 政府 ones (5…) in economic tables.
 */
function byScheme(columns: Column[], texts: string[][], firstData: number, scheme: 'function' | 'economic'): Column[] {
  const order = scheme === 'function' ? ['2', '1'] : ['3', '5'];
  const rank = (c: Column) => {
    const i = order.indexOf(schemeDigit(texts, c.col, firstData) ?? '');
    return i < 0 ? order.length : i;
  };
  return [...columns].sort((a, b) => rank(a) - rank(b) || a.col - b.col);
}

/**
 * A panel printing two lists side by side (支出: 功能科目名称 | 金额 | 项目名称 | 金额) is read as one group
 * of columns per list: a new group starts where a name or code column comes again after amount columns.
 */
function groupsOf(own: Column[]): Column[][] {
  const groups: Column[][] = [[]];
  let seenAmount = false;
  for (const c of [...own].sort((a, b) => a.col - b.col)) {
    const label = NOT_AMOUNTS.has(c.key) && c.key !== 'label';
    if (label && seenAmount) {
      groups.push([]);
      seenAmount = false;
    }
    if (!NOT_AMOUNTS.has(c.key)) seenAmount = true;
    groups[groups.length - 1].push(c);
  }
  const complete = groups.every((g) => g.some((c) => c.key === 'name' || c.key === 'code_name') && g.some((c) => !NOT_AMOUNTS.has(c.key)));
  return complete ? groups : [own];
}

function panelColumns(columns: Column[], texts: string[][], firstData: number, scheme: 'function' | 'economic'): PanelColumns[] {
  const panels = [...new Set(columns.map((c) => c.panel))];
  return panels.flatMap((panel) => groupsOf(columns.filter((c) => c.panel === panel))).map((own) => {
    const panel = own[0]?.panel;
    const pc: PanelColumns = {
      codes: own.filter((c) => c.key === 'code'),
      names: own.filter((c) => c.key === 'name'),
      govName: own.find((c) => c.key === 'gov_name'),
      codeNames: byScheme(own.filter((c) => c.key === 'code_name'), texts, firstData, scheme),
      labels: own.filter((c) => c.key === 'label'),
      amounts: own.filter((c) => !NOT_AMOUNTS.has(c.key)),
    };
    if (panel !== undefined) pc.panel = panel;
    return pc;
  });
}

/** A percentage column's value: the number without its sign (-60.86% → -60.86). */
function percentValue(printed: string): string | null {
  const s = printed.normalize('NFKC').replace(/\s+/g, '');
  return PERCENT.test(s) ? s.slice(0, -1) : amountOrNull(s);
}

/**
 * One typed row per data row and panel: code and name as printed (a code glued to the name or printed
 * with spaces is split off), amounts under their column keys. Rows with nothing printed are skipped;
 * rows with a name but no amounts are kept (empty classes are printed on purpose).
 */
export function readRows(headed: HeadedGrid, columns: Column[], warnings: string[], scheme: 'function' | 'economic' = 'function'): TypedRow[] {
  const texts = gridToRows(headed.grid);
  const firstData = Math.max(headed.headerRows, ...headed.grid.columnNumberRows.map((r) => r + 1));
  const out: TypedRow[] = [];
  const panels = panelColumns(columns, texts, firstData, scheme);
  /** the last 类 code each list printed */
  const lastClass = new Map<PanelColumns, string>();
  const spanEnd = new Map(headed.grid.cells.filter((c) => c.colSpan > 1).map((c) => [`${c.row}|${c.col}`, c.col + c.colSpan]));
  // split 类 | 款 | 项 columns that print only a row's own part (201 / 40 / 01): the parts above carry down
  const carried = new Map<string | undefined, string[]>();
  for (let r = firstData; r < texts.length; r++) {
    const inRow: { pc: PanelColumns; row: TypedRow; nameCol?: number }[] = [];
    for (const pc of panels) {
      const parts = pc.codes.map((c) => compact(texts[r][c.col]));
      let code = parts.join('');
      if (parts.length >= 2 && parts.every((p) => /^\d*$/.test(p)) && code) {
        const above = carried.get(pc.panel) ?? [];
        const first = parts.findIndex((p) => p !== '');
        const own = parts.map((p, i) => (i < first ? above[i] ?? '' : p));
        if (first > 0 && own.slice(0, first).every((p) => p !== '') && parts.slice(first).filter((p) => p !== '').length === 1) code = own.join('');
        const last = parts.reduce((k, p, i) => (p !== '' ? i : k), -1);
        carried.set(pc.panel, own.slice(0, last + 1));
      }
      const nameTexts = pc.names.map((c) => texts[r][c.col].trim());
      // the most specific name printed (合计 spans both name columns and sits in the first); a bare 小计
      // under a group name (一般公共预算资金 | 小计) is that group's subtotal and takes the group's name
      const printed = nameTexts.map((t, i) => (t ? i : -1)).filter((i) => i >= 0);
      const last = printed[printed.length - 1];
      const nameIndex = last === undefined ? -1 : printed.length > 1 && SUBTOTAL_WORD.test(compact(nameTexts[last])) ? printed[printed.length - 2] : last;
      let name = nameIndex >= 0 ? nameTexts[nameIndex] : '';
      const labels = nameTexts.filter((_, i) => i !== (nameIndex >= 0 ? nameIndex : nameTexts.length - 1));
      // code and name glued in one cell: the first printed of the table's own scheme names the row
      const glued = pc.codeNames.map((c) => texts[r][c.col].trim());
      const primary = glued.findIndex((t) => t !== '');
      if (primary >= 0) {
        if (!name) name = glued[primary];
        else labels.push(glued[primary]);
        labels.push(...glued.filter((t, i) => i !== primary && t !== ''));
      }
      const described = pc.labels.map((c) => texts[r][c.col].trim()).filter((t) => t !== '');
      // a row named only in a describing column (合计 printed under 项目编号) takes that text as its name
      if (!name && !glued.some((t) => t !== '') && described.length && !/^\d+$/.test(compact(described[0]))) name = described.shift()!;
      labels.push(...described);
      if (!code) {
        const glued = GLUED_CODE.exec(compact(name));
        if (glued) [code, name] = [glued[1], glued[2]];
      }
      if (SPACED_CODE.test(code)) code = code.replace(/[\s\-.]/g, '');
      if (code && !/^\d+$/.test(code)) {
        // a label printed in the code column (合计 spanning code and name)
        name = name || pc.codes.map((c) => texts[r][c.col].trim()).join('');
        code = '';
      }
      // one code column printing a 款 by its own two digits (201 | 10 人力资源事务 | 2011007 …): under the last 类
      let partial = false;
      if (pc.codes.length === 1 && /^\d{2}$/.test(code) && lastClass.get(pc)) {
        code = lastClass.get(pc)! + code;
        partial = true;
      }
      if (/^\d{3}$/.test(code)) lastClass.set(pc, code);
      const values: Record<string, string | null> = {};
      for (const c of pc.amounts) {
        const printed = texts[r][c.col];
        if (c.type === 'percent') {
          values[c.key] = percentValue(printed);
          continue;
        }
        const parsed = parseAmount(printed);
        values[c.key] = parsed.kind === 'amount' ? parsed.value : null;
        if (parsed.kind === 'text') warnings.push(`row ${r}, column ${c.path.join('/')}: "${printed}" is not an amount`);
      }
      const hasValue = Object.values(values).some((v) => v !== null);
      if (!code && !name && !hasValue) continue;
      const row: TypedRow = { row: r, name, values };
      if (pc.panel) row.panel = pc.panel;
      if (code) row.code = code;
      if (partial) row.codeInferred = true;
      if (labels.length) row.labels = labels;
      const govName = pc.govName ? texts[r][pc.govName.col].trim() : '';
      if (govName) row.govName = govName;
      inRow.push({ pc, row, nameCol: pc.names.find((c) => texts[r][c.col].trim() !== '')?.col });
    }
    out.push(...claimSpanningNames(inRow, spanEnd, r));
  }
  return out;
}

/**
 * A name cell merged across the next list of its panel (当年支出小计 over 功能分类 and 支出用途, its figure in
 * the last column) names the row of the list whose figure it is: that row takes the name, the empty one goes.
 */
function claimSpanningNames(inRow: { pc: PanelColumns; row: TypedRow; nameCol?: number }[], spanEnd: Map<string, number>, r: number): TypedRow[] {
  const hasValue = (row: TypedRow) => Object.values(row.values).some((v) => v !== null);
  const dropped = new Set<TypedRow>();
  for (const a of inRow) {
    if (a.nameCol === undefined || a.row.code || hasValue(a.row)) continue;
    const end = spanEnd.get(`${r}|${a.nameCol}`);
    const b = end && inRow.find((x) => x !== a && x.pc.panel === a.pc.panel && !x.row.name && !x.row.code && hasValue(x.row) && x.pc.names.some((c) => c.col < end));
    if (!b) continue;
    b.row.name = a.row.name;
    dropped.add(a.row);
  }
  return inRow.map((x) => x.row).filter((row) => !dropped.has(row));
}
