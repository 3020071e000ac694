/**
 * 项目支出绩效目标表 printed as one list of all projects (BRIEF.md §4.2, "other regions"): a header row with
 * 项目名称 beside 一级指标, then per project a block of rows — the project's name, amounts and goal in cells
 * spanning the block, one indicator per row. Each block is read into a perf.project form of its own, as the
 * one-form-per-project layout gives, so that the project checks see the same forms either way.
 */
import type { Grid } from '../../src/model/grid.js';
import type { Indicator, ProjectForm } from '../../src/model/form.js';
import type { Unit } from '../../src/model/table.js';
import { amountOrNull } from '../../src/util/amount.js';
import { labelKey, stripHtml } from './labels.js';
import { parseIndicatorValue } from './indicators.js';

type Role = 'name' | 'total' | 'fiscal' | 'other' | 'goal' | 'level1' | 'level2' | 'level3' | 'op' | 'value' | 'unit';

/** A column's role from its header words (the header's rows joined, 其中 dropped). */
const ROLES: [RegExp, Role][] = [
  [/项目名称|^项目$/, 'name'],
  [/一级指标/, 'level1'],
  [/二级指标/, 'level2'],
  [/三级指标|指标名称/, 'level3'],
  [/指标性质|指标方向|运算符|符号/, 'op'],
  [/度量单位|计量单位|指标单位/, 'unit'],
  [/指标值/, 'value'],
  [/财政(资金|拨款)/, 'fiscal'],
  [/其他资金|自筹/, 'other'],
  [/(项目)?总额|预算(金额|数)|资金(总额|合计)|^金额|合计/, 'total'],
  [/绩效目标|年度目标|目标$/, 'goal'],
];

const OPERATOR = /^(≥|≤|=|＝|>|<|＞|＜|大于等于|小于等于|等于|大于|小于|不低于|不高于|不少于|不超过)$/;

export interface ListMeta {
  title: string;
  year: number | null;
  unit: Unit | null;
}

/** The header: the first rows down to (not including) the first row that prints a figure. */
function headerRows(grid: Grid): number {
  for (let r = 0; r < Math.min(grid.nRows, 6); r++) {
    if (grid.cells.some((c) => c.row === r && amountOrNull(c.text) !== null)) return r;
  }
  return 0;
}

function columnRoles(grid: Grid, header: number): Map<number, Role> {
  const roles = new Map<number, Role>();
  for (let col = 0; col < grid.nCols; col++) {
    const words = grid.cells
      .filter((c) => c.row < header && c.col <= col && col < c.col + c.colSpan)
      .sort((a, b) => a.row - b.row)
      .map((c) => labelKey(c.text).replace(/^其中:?/, ''))
      .join('/');
    // the most specific word wins: the last header row's (财政资金 under 其中 under 项目总额)
    const last = words.split('/').filter(Boolean).pop() ?? '';
    const role = ROLES.find(([re]) => re.test(last))?.[1];
    if (role && ![...roles.values()].includes(role)) roles.set(col, role);
  }
  return roles;
}

/** Whether a grid is such a list: its header names the project and the indicator levels in one table. */
export function isProjectList(grid: Grid): boolean {
  const header = headerRows(grid);
  if (header === 0) return false;
  const roles = new Set(columnRoles(grid, header).values());
  return roles.has('name') && roles.has('level1') && roles.has('level3');
}

/** 11000022T000000434658-北昆乐器购置及配件 → its code and its name */
function splitProject(text: string): { code: string | null; name: string } {
  const m = /^([0-9A-Za-z]{4,})\s*[-－—]\s*(.+)$/s.exec(text.trim());
  return m ? { code: m[1], name: m[2].trim() } : { code: null, name: text.trim() };
}

/** One form per project block; null when the grid is no project list. */
export function parseProjectList(grid: Grid, meta: ListMeta): ProjectForm[] | null {
  const header = headerRows(grid);
  if (header === 0) return null;
  const roles = columnRoles(grid, header);
  const colOf = (role: Role) => [...roles.entries()].find(([, r]) => r === role)?.[0];
  const nameCol = colOf('name');
  if (nameCol === undefined || colOf('level1') === undefined || colOf('level3') === undefined) return null;
  // a block opens where a cell of the name column opens (stitching joined a name split by a page break)
  const starts = grid.cells.filter((c) => c.col <= nameCol && nameCol < c.col + c.colSpan && c.row >= header).map((c) => c.row);
  const opens = [...new Set(starts)].sort((a, b) => a - b);
  const text = (row: number, role: Role) => {
    const col = colOf(role);
    if (col === undefined) return '';
    const cell = grid.cells.find((c) => c.row <= row && row < c.row + c.rowSpan && c.col <= col && col < c.col + c.colSpan);
    return cell?.text.trim() ?? '';
  };
  const forms: ProjectForm[] = [];
  opens.forEach((start, i) => {
    const end = opens[i + 1] ?? grid.nRows;
    const { code, name } = splitProject(text(start, 'name'));
    const money = (role: Role) => {
      const t = text(start, role);
      return t ? amountOrNull(t) : null;
    };
    const indicators: Indicator[] = [];
    let level1 = '';
    let level2 = '';
    for (let r = start; r < end; r++) {
      level1 = text(r, 'level1') || level1;
      level2 = text(r, 'level2') || level2;
      const level3 = text(r, 'level3');
      const op = text(r, 'op');
      const value = text(r, 'value');
      const unit = text(r, 'unit');
      if (!level3 && !value) continue;
      // 指标性质 is an operator (≥, ＝) or a word (定性): only an operator belongs to the value
      const valueRaw = `${OPERATOR.test(op) ? op : ''}${value}${unit && !value.endsWith(unit) ? unit : ''}`;
      indicators.push({ level1, level2, level3, valueRaw, ...parseIndicatorValue(valueRaw) });
    }
    if (!name && !indicators.length) return;
    // a block without name, code or amounts goes on with the project above it: its name cell was cut by a
    // rule drawn across the page (a project's rows running over two pages), not opened by a new project
    const previous = forms[forms.length - 1];
    if (!name && !code && previous && ['total', 'fiscal', 'other'].every((role) => money(role as Role) === null)) {
      previous.indicators.push(...indicators);
      const goal = stripHtml(text(start, 'goal'));
      if (goal && !previous.goals.annual?.includes(goal)) previous.goals.annual = `${previous.goals.annual ?? ''}${goal}`;
      return;
    }
    const form: ProjectForm = {
      kind: 'perf.project', id: '', title: meta.title, year: meta.year,
      projectName: name, department: null, departmentCode: null, implementer: null, attribute: null, period: null,
      funds: {
        unit: meta.unit ?? '元',
        implementation: { total: null, central: null, provincial: null, local: null, self: null, other: null },
        annual: { total: money('total'), central: null, provincial: null, local: null, self: null, other: money('other'), fiscal: money('fiscal') },
      },
      overview: null, basis: null, necessity: null, measures: null, plan: null,
      goals: { implementation: null, annual: stripHtml(text(start, 'goal')) || null },
      indicators,
      footer: { responsible: null, handler: null, phone: null, filledAt: null },
    };
    if (code) form.other = [{ label: '项目代码', value: code }];
    forms.push(form);
  });
  return forms.length ? forms : null;
}
