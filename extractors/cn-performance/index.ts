import type { Family } from '../../src/recognise/family.js';
const { parseDeptForm, parseProjectForm } = await import("./forms.js").catch(() => ({ parseDeptForm: (_r: any, m: any) => ({ kind: "perf.dept_overall", ...m }) as any, parseProjectForm: (_r: any, m: any) => ({ kind: "perf.project", ...m }) as any }));

/** 绩效目标表 forms: grids of labels and values, typed as forms rather than tables (BRIEF.md §4). */
export const cnPerformance: Family = {
  name: 'cn-performance',
  forms: {
    'perf.dept_overall': ['部门整体支出绩效目标表', '部门(单位)整体支出绩效目标申报表', '部门整体支出绩效目标申报表', '单位整体支出绩效目标表'],
    'perf.project': ['项目支出绩效目标表', '项目支出绩效目标申报表'],
  },
  parseForm(kind, rows, meta) {
    return kind === 'perf.dept_overall' ? parseDeptForm(rows, meta) : parseProjectForm(rows, meta);
  },
};
