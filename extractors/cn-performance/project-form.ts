import type { ProjectForm } from '../../src/model/form.js';
import { amountOrNull } from '../../src/util/amount.js';
import { readIndicators } from './indicators.js';
import { joinWrappedLabels, labelKey, stripHtml, tokens, valueAfter } from './labels.js';

type Money = ProjectForm['funds']['implementation'];

/** 项目资金 rows: label → source key; a label's first occurrence in a row is 实施期, the second 年度. */
const FUND_LABELS: Record<string, keyof Money> = {
  实施期资金总额: 'total', 年度资金总额: 'total', 项目资金总额: 'total', 年度资金申请总额: 'total', '其中:中央财政资金': 'central', 中央财政资金: 'central',
  省级财政资金: 'provincial', '市县(区)财政资金': 'local', 市县财政资金: 'local', 单位自筹: 'self', 其他资金: 'other',
  '其中:财政资金': 'fiscal', '其中:当年财政拨款': 'fiscal', '其中:财政拨款': 'fiscal', 上年结转资金: 'carryOver', 年度预算资金总额: 'total',
};
const TEXT_FIELDS: Record<string, 'overview' | 'basis' | 'necessity' | 'measures' | 'plan'> = {
  项目概况: 'overview', 立项依据: 'basis', 项目设立必要性: 'necessity', '保证项目实施的制度、措施': 'measures', 项目实施计划: 'plan',
};
const SIMPLE_FIELDS: Record<string, 'projectName' | 'implementer' | 'attribute' | 'period'> = {
  项目名称: 'projectName', 实施单位: 'implementer', 项目属性: 'attribute', 项目性质: 'attribute', 项目期: 'period',
};
const FOOTER: Record<string, keyof ProjectForm['footer']> = { 负责人: 'responsible', 经办人: 'handler', 联系电话: 'phone', 填报日期: 'filledAt' };
const OTHER_LABELS = new Set(['主管部门及代码', '项目资金(元)', '项目资金(万元)', '项目资金', '总体目标', '实施期目标', '年度目标', '绩效指标', '项目绩效目标']);
/** goal headings printed over the goal texts of the next row (项目总目标 | 年度总体目标) */
const GOAL_HEADINGS: Record<string, 'implementation' | 'annual'> = { 项目总目标: 'implementation', 实施期总目标: 'implementation', 年度总体目标: 'annual' };

/** A fund label, also when printed cut short (市县(区)财政资 without its wrapped 金). */
function fundLabel(k: string): keyof Money | null {
  if (k in FUND_LABELS) return FUND_LABELS[k];
  const full = k.length >= 5 ? Object.keys(FUND_LABELS).find((label) => label.startsWith(k)) : undefined;
  return full ? FUND_LABELS[full] : null;
}

function isLabel(text: string): boolean {
  const k = labelKey(text);
  return fundLabel(k) !== null || k in TEXT_FIELDS || k in SIMPLE_FIELDS || k in FOOTER || OTHER_LABELS.has(k);
}

const emptyMoney = (): Money => ({ total: null, central: null, provincial: null, local: null, self: null, other: null });

/** 020-泽州县信访局 → code 020, name 泽州县信访局 */
export function splitCode(s: string | null): { code: string | null; name: string | null } {
  if (!s) return { code: null, name: null };
  const m = /^\s*(\d+)\s*[-－—_ ]\s*(.+)$/.exec(s);
  return m ? { code: m[1], name: m[2].trim() } : { code: null, name: s.trim() };
}

/** 项目支出绩效目标(申报)表 (BRIEF.md §4.2). */
export function parseProjectForm(rawRows: string[][], meta: { id: string; title: string; year: number | null }): ProjectForm {
  const rows = joinWrappedLabels(rawRows);
  const form: ProjectForm = {
    kind: 'perf.project', id: meta.id, title: meta.title, year: meta.year,
    projectName: '', department: null, departmentCode: null, implementer: null, attribute: null, period: null,
    funds: { unit: '元', implementation: emptyMoney(), annual: emptyMoney() },
    overview: null, basis: null, necessity: null, measures: null, plan: null,
    goals: { implementation: null, annual: null },
    indicators: [],
    footer: { responsible: null, handler: null, phone: null, filledAt: null },
  };
  let annualGoalCol: number | null = null;
  let indicatorStart = -1;
  let indicatorEnd = rows.length;

  // the unit the 项目资金 label states (项目资金（万元）), and whether the form prints one 年度 block only
  // (年度预算资金总额 with no 实施期 total): then every source figure is that block's
  const keysOf = (fields: string[]) => tokens(fields).map((t) => labelKey(t.text));
  const allKeys = rows.flatMap(keysOf);
  const fundsUnit = allKeys.map((k) => /^项目资金\((万元|元|亿元)\)$/.exec(k)?.[1]).find((u) => u !== undefined);
  if (fundsUnit) form.funds.unit = fundsUnit as ProjectForm['funds']['unit'];
  const totals = allKeys.filter((k) => fundLabel(k) === 'total');
  const annualBlockOnly = totals.length > 0 && totals.every((k) => /^年度/.test(k));
  const other: { label: string; value: string }[] = [];
  let goalHeadings: { col: number; goal: 'implementation' | 'annual' }[] = [];
  rows.forEach((fields, r) => {
    const row = tokens(fields);
    const keys = row.map((t) => labelKey(t.text));
    if (goalHeadings.length) {
      // the texts under 项目总目标 | 年度总体目标: each under the nearest heading at or left of it
      for (const t of row) {
        const heading = [...goalHeadings].reverse().find((h) => h.col <= t.col);
        if (heading && form.goals[heading.goal] === null) form.goals[heading.goal] = stripHtml(t.text);
      }
      goalHeadings = [];
      return;
    }
    if (keys.some((k) => k in GOAL_HEADINGS)) {
      goalHeadings = row.filter((_, i) => keys[i] in GOAL_HEADINGS).map((t) => ({ col: t.col, goal: GOAL_HEADINGS[labelKey(t.text)] }));
      return;
    }
    if (indicatorStart >= 0 && r > indicatorStart && !keys.some((k) => k in FOOTER)) return;
    /** tokens a field took, as its label or its value */
    const taken = new Set<number>();
    row.forEach((t, i) => {
      const k = keys[i];
      const value = () => {
        const v = valueAfter(row, i, isLabel);
        taken.add(i);
        if (v !== null) taken.add(i + 1);
        return v;
      };
      if (k === '主管部门' && form.department === null) {
        form.department = value();
        return;
      }
      if (k in SIMPLE_FIELDS) {
        const field = SIMPLE_FIELDS[k];
        if (field === 'projectName') form.projectName = value() ?? '';
        else form[field] = value();
      } else if (k === '主管部门及代码') {
        const { code, name } = splitCode(value());
        form.departmentCode = code;
        form.department = name;
      } else if (fundLabel(k)) {
        // the second fund label of a row is the 年度 block's, and so is a label only the 年度 block prints
        const annualOnly = fundLabel(k) === 'carryOver' || k === '其中:当年财政拨款' || /^年度.*总额$/.test(k);
        const side = annualOnly || annualBlockOnly || keys.slice(0, i).some((p) => fundLabel(p)) ? form.funds.annual : form.funds.implementation;
        const v = value();
        side[fundLabel(k)!] = v === null ? null : amountOrNull(v);
      } else if (k in TEXT_FIELDS) {
        const v = value();
        form[TEXT_FIELDS[k]] = v === null ? null : stripHtml(v);
      } else if (k === '年度目标') {
        annualGoalCol = t.col;
        taken.add(i);
      } else if (k === '总体目标') {
        for (let j = i; j < row.length; j++) taken.add(j);
        for (const g of row.slice(i + 1)) {
          const text = stripHtml(g.text);
          if (annualGoalCol !== null && g.col >= annualGoalCol && form.goals.implementation !== null) form.goals.annual = text;
          else if (form.goals.implementation === null) form.goals.implementation = text;
          else form.goals.annual = text;
        }
      } else if (k === '一级指标' && indicatorStart < 0) {
        indicatorStart = r;
      } else if (k in FOOTER) {
        if (indicatorStart >= 0 && indicatorEnd === rows.length) indicatorEnd = r;
        form.footer[FOOTER[k]] = value();
      } else if (OTHER_LABELS.has(k) || k === '一级指标') taken.add(i);
    });
    // before the indicators: a label no field knows, followed by its value, is kept as it is printed
    if (indicatorStart < 0) {
      for (let i = 0; i + 1 < row.length; i++) {
        if (taken.has(i) || taken.has(i + 1) || amountOrNull(row[i].text) !== null || isLabel(row[i + 1].text)) continue;
        other.push({ label: row[i].text, value: row[i + 1].text });
        i++;
      }
    }
  });
  if (other.length) form.other = other;
  if (indicatorStart >= 0) {
    // the standard form prints 实施期 and 年度 indicator grids side by side; a form with one 指标值 column prints one
    const header = tokens(rows[indicatorStart]).map((t) => labelKey(t.text));
    const twoPeriods = header.filter((k) => k === '二级指标').length >= 2 || header.filter((k) => /指标值$/.test(k)).length >= 2;
    form.indicators = readIndicators(rows.slice(indicatorStart + 1, indicatorEnd), twoPeriods);
  }
  return form;
}
