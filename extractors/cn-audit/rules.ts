import type { Output } from '../../src/model/output.js';
import { validate } from '../../src/validate/index.js';
import * as budget from './budget-rules.js';
import { yoyDirection, yoyPercent } from './narrative-rules.js';
import { FINAL_RULES } from './final-rules.js';
import { PERF_RULES } from './perf-rules.js';
import { STRUCTURE_RULES } from './structure-rules.js';
import { NARRATIVE_RULES } from './narrative-rules.js';
import type { Rule } from '../../src/validate/types.js';
import { hierarchy, onTables } from '../../src/validate/evaluators.js';
import { columnSums, emptyNote, nonNegative, onMoney } from './evaluators.js';

/**
 * The audit of the Chinese disclosures: the rules of shared/domain/rules.yaml (same ids), as data — what each
 * compares and with which evaluator. src/validate runs them (validate(out, RULES)) with its tolerance policy;
 * rules not listed here are not run.
 */

const FUNCTION_TABLES = ['B.income', 'B.expenditure', 'B.gpb_expenditure', 'B.gov_fund_expenditure', 'B.soe', 'F.income', 'F.expenditure', 'F.gpb_expenditure', 'F.gov_fund', 'F.soe'];

export const RULES: Rule[] = [
  onTables('GEN-T-01', 'Function-classification hierarchy and 合计', FUNCTION_TABLES, hierarchy),
  onTables('GEN-T-02', 'Economic-classification hierarchy', ['B.gpb_basic_econ', 'F.gpb_basic_econ'], hierarchy),
  onTables('GEN-T-03', 'Empty table must carry a no-data note', '*', onMoney(emptyNote)),
  onTables('GEN-T-04', 'No negative amounts', '*', onMoney(nonNegative)),
  { id: 'BUD-T-01', title: '收支总表: 本年收入合计 = Σ income items', evaluate: budget.summaryIncome },
  { id: 'BUD-T-02', title: '收支总表: 本年支出合计 = Σ 类', evaluate: budget.summarySpending },
  { id: 'BUD-T-03', title: '收支总表: 收入总计 = 本年收入合计 + 上年结转', evaluate: budget.summaryIncomeTotal },
  { id: 'BUD-T-04', title: '收支总表: 支出总计 = 本年支出合计 + 年终结转', evaluate: budget.summarySpendingTotal },
  { id: 'BUD-T-05', title: '收支总表: 收入总计 = 支出总计', evaluate: budget.summaryBalance },
  onTables('BUD-T-06', '收支总表 row: 合计 = 当年预算安排 + 上年结转安排', ['B.summary'], columnSums),
  onTables('BUD-T-07', '收入总表 row: 合计 = Σ sources', ['B.income'], columnSums),
  onTables('BUD-T-08', 'Expenditure row: 合计 = 基本支出 + 项目支出 (+ others)', ['B.expenditure', 'B.gpb_expenditure', 'B.gov_fund_expenditure', 'B.soe'], columnSums),
  onTables('BUD-T-09', '财政拨款收支总表 row: 小计 = 一般公共预算 + 政府性基金 + 国有资本经营', ['B.fiscal_summary'], columnSums),
  onTables('BUD-T-11', '基本支出表 row: 合计 = 人员经费 + 公用经费', ['B.gpb_basic_econ'], columnSums),
  { id: 'BUD-T-12', title: '基本支出表: 人员经费 = 301 + 303; 公用经费 = 302 + 307 + 310 + 399', evaluate: budget.personnelAndPublic },
  { id: 'BUD-T-13', title: '基本支出表 column discipline', evaluate: budget.columnDiscipline },
  { id: 'BUD-T-15', title: '三公 table internal sums', evaluate: budget.threePublic },
  onTables('BUD-T-16', '机关运行经费表 sums', ['B.admin_operating'], columnSums),
  onTables('BUD-T-17', '项目支出表 sums', ['B.projects'], columnSums),
  { id: 'BUD-X-01', title: '收支总表 本年收入合计 = 收入总表 合计', evaluate: budget.incomeTotals },
  { id: 'BUD-X-02', title: '收支总表 本年支出合计 = 支出总表 合计', evaluate: budget.spendingTotals },
  { id: 'BUD-X-03', title: '收支总表 类 rows = 支出总表 类 rows', evaluate: budget.classesAgree },
  { id: 'BUD-X-04', title: '收支总表 income by source = 收入总表 合计 row', evaluate: budget.sourcesAgree },
  { id: 'BUD-X-05', title: 'Function-coded 收入总表 = 支出总表 code by code', evaluate: budget.incomeMatchesSpending },
  { id: 'BUD-X-08', title: '一般公共预算支出表 基本支出 = 基本支出表 合计', evaluate: budget.basicAgrees },
  { id: 'BUD-X-09', title: '基本支出表 公用经费 vs 机关运行经费', evaluate: budget.adminOperating },
  { id: 'BUD-X-10', title: '支出总表 项目支出 = 项目支出表(本年 + 上年结转)', evaluate: budget.projectsAgree },
  { id: 'BUD-X-14', title: 'Project names: 项目支出表 = 项目绩效目标表', evaluate: budget.projectNames },
  { id: 'BUD-X-15', title: 'Project amounts: form (元) = 项目支出表 (万元)', evaluate: budget.projectAmounts },
  { id: 'BUD-X-16', title: '整体绩效目标表 funding = tables', evaluate: budget.deptFormFunding },
  { id: 'BUD-X-17', title: 'Project counts agree', evaluate: budget.projectCounts },
  { id: 'GEN-N-01', title: 'Year-on-year change: amount, percentage, direction', evaluate: yoyPercent },
  { id: 'GEN-N-06', title: 'Direction words agree with sign', evaluate: yoyDirection },
  onTables('FIN-T-06', '收入决算表 row: 本年收入合计 = Σ source columns', ['F.income'], columnSums),
  onTables('FIN-T-07', '支出决算表 row: 本年支出合计 = Σ expenditure types', ['F.expenditure'], columnSums),
  onTables('FIN-T-09', '一般公共预算财政拨款支出决算表 row: 合计 = 基本 + 项目', ['F.gpb_expenditure'], columnSums),
  // other areas, each in its own module
  ...STRUCTURE_RULES,
  ...PERF_RULES,
  ...FINAL_RULES,
  ...NARRATIVE_RULES,
];

/** The checks of a document under this catalogue (what the pipeline puts in `checks`). */
export const audit = (out: Output) => validate(out, RULES);
