import type { Family } from '../../src/recognise/family.js';
import { parseDeptForm } from './dept-form.js';
import { parseProjectForm } from './project-form.js';

/** 绩效目标表 forms: grids of labels and values, typed as forms rather than tables (BRIEF.md §4). */
export const cnPerformance: Family = {
  name: 'cn-performance',
  forms: {
    'perf.dept_overall': ['部门整体支出绩效目标表', '部门(单位)整体支出绩效目标申报表', '部门整体支出绩效目标申报表', '单位整体支出绩效目标表'],
    'perf.project': ['项目支出绩效目标表', '项目支出绩效目标申报表', '项目支出绩效目标填报表'],
  },
  parseForm(kind, rows, meta) {
    return kind === 'perf.dept_overall' ? parseDeptForm(rows, meta) : parseProjectForm(rows, meta);
  },
};
