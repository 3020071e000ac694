import type { DeptForm } from '../../src/model/form.js';
import { amountOrNull } from '../../src/util/amount.js';
import { readIndicators } from './indicators.js';
import { joinWrappedLabels, labelKey, stripHtml, tokens, valueAfter } from './labels.js';
import { splitCode } from './project-form.js';

type Count = NonNullable<DeptForm['actualStaff']>;
type Source = keyof DeptForm['budget']['bySource'];
type Direction = keyof DeptForm['budget']['byDirection'];

const COUNTS: Record<string, 'internalDivisions' | 'subordinateUnits' | 'approvedStaff' | 'actualStaff' | 'onEstablishment' | 'otherStaff'> = {
  内设职能部门数: 'internalDivisions', 所属预算单位数: 'subordinateUnits', 核定的人员编制数: 'approvedStaff',
  实际在职人员总数: 'actualStaff', '其中:在编人员数': 'onEstablishment', 在编人员数: 'onEstablishment', 其他人员数: 'otherStaff',
};
const SOURCES: Record<string, Source> = {
  '其中:一般公共预算资金': 'gpb', 一般公共预算资金: 'gpb', 政府性基金预算资金: 'gov_fund', 国有资本经营预算资金: 'soe',
  社会保险基金预算资金: 'social_insurance', 专户管理资金: 'special_account', 财政专户管理资金: 'special_account', 单位资金: 'unit_funds',
};
const DIRECTIONS: Record<string, Direction> = { '其中:基本支出': 'basic', 基本支出: 'basic', 项目支出: 'project' };
const TEXTS: Record<string, 'duties' | 'strategicGoals' | 'annualGoal'> = { 部门职责: 'duties', 部门战略目标: 'strategicGoals', 年度绩效目标: 'annualGoal' };
const OTHER_LABELS = new Set(['部门基本信息', '部门名称', '年度预算情况', '按资金来源划分', '按资金方向划分', '资金总额(万元)', '合计', '年度重点任务', '核心职能', '重点任务']);

function isLabel(text: string): boolean {
  const k = labelKey(text);
  return k in COUNTS || k in SOURCES || k in DIRECTIONS || k in TEXTS || OTHER_LABELS.has(k);
}

/** 18人 → { raw: 18人, number: 18, unit: 人 } */
function count(raw: string | null): Count | null {
  if (raw === null) return null;
  const m = /^(\d+(?:\.\d+)?)\s*(\S*)$/.exec(raw.normalize('NFKC').trim());
  return { raw, number: m ? m[1] : null, unit: m && m[2] ? m[2] : null };
}

/** 部门(单位)整体支出绩效目标(申报)表 (BRIEF.md §4.1). */
export function parseDeptForm(rawRows: string[][], meta: { id: string; title: string; year: number | null }): DeptForm {
  const rows = joinWrappedLabels(rawRows);
  const form: DeptForm = {
    kind: 'perf.dept_overall', id: meta.id, title: meta.title, year: meta.year,
    departmentName: null, departmentCode: null,
    internalDivisions: null, subordinateUnits: null, approvedStaff: null, actualStaff: null, onEstablishment: null, otherStaff: null,
    duties: null, strategicGoals: null,
    budget: {
      unit: '万元',
      bySource: { total: null, gpb: null, gov_fund: null, soe: null, social_insurance: null, special_account: null, unit_funds: null },
      byDirection: { total: null, basic: null, project: null },
    },
    keyTasks: [], annualGoal: null, indicators: [],
  };
  let inTasks = false;
  let indicatorStart = -1;
  rows.forEach((fields, r) => {
    if (indicatorStart >= 0) return;
    const row = tokens(fields);
    const keys = row.map((t) => labelKey(t.text));
    if (keys.includes('一级指标')) {
      indicatorStart = r;
      return;
    }
    if (keys.includes('年度绩效目标') || keys.includes('年度预算情况')) inTasks = false;
    if (inTasks) {
      const texts = row.map((t) => stripHtml(t.text)).filter((t) => labelKey(t) !== '年度重点任务');
      if (texts.length >= 2) form.keyTasks.push({ function: texts[0], task: texts[1] });
      else if (texts.length === 1) form.keyTasks.push({ function: texts[0], task: '' });
      return;
    }
    let sawTotal = false;
    row.forEach((t, i) => {
      const k = keys[i];
      const value = () => valueAfter(row, i, isLabel);
      if (k === '部门名称') {
        const { code, name } = splitCode(value());
        form.departmentCode = code;
        form.departmentName = name;
      } else if (k in COUNTS) form[COUNTS[k]] = count(value());
      else if (k in TEXTS) {
        const v = value();
        form[TEXTS[k]] = v === null ? null : stripHtml(v);
      } else if (k === '合计') {
        const v = value();
        if (!sawTotal) form.budget.bySource.total = v === null ? null : amountOrNull(v);
        else form.budget.byDirection.total = v === null ? null : amountOrNull(v);
        sawTotal = true;
      } else if (k in SOURCES) {
        const v = value();
        form.budget.bySource[SOURCES[k]] = v === null ? null : amountOrNull(v);
      } else if (k in DIRECTIONS) {
        const v = value();
        form.budget.byDirection[DIRECTIONS[k]] = v === null ? null : amountOrNull(v);
      } else if (k === '核心职能') {
        inTasks = true;
      }
    });
  });
  if (indicatorStart >= 0) form.indicators = readIndicators(rows.slice(indicatorStart + 1), false);
  return form;
}
