import type { Family } from '../../src/recognise/family.js';
import { parseDeptForm } from './dept-form.js';
import { parseProjectForm } from './project-form.js';
import { isProjectList, parseProjectList } from './project-list.js';
import { labelKey } from '../../src/util/text.js';

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
  // 部门整体绩效目标表 / 政策和项目预算绩效目标表, 专项业务经费绩效目标表, 信息化运行维护绩效目标表 …
  guessForm(title) {
    const t = labelKey(title);
    if (!/绩效目标(申报|填报)?表/.test(t) || /自评|评价/.test(t)) return null;
    return /整体/.test(t) ? 'perf.dept_overall' : 'perf.project';
  },
  parseFormList(kind, grid, meta) {
    // a list read by its header alone must name the project and the indicator levels (isProjectList)
    if (kind === 'perf.dept_overall' || (kind === null && !isProjectList(grid))) return null;
    return parseProjectList(grid, meta);
  },
  formRead(form) {
    return form.kind === 'perf.project' ? form.projectName !== '' && form.indicators.length > 0 : form.indicators.length > 0;
  },
};
