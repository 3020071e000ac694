import { columnSums, emptyNote, hierarchy, nonNegative, type TableEvaluator } from './evaluators.js';

/**
 * The rules of shared/domain/rules.yaml (same ids) implemented so far, as data: which tables each reads and
 * which evaluator compares their figures. The tolerance policy lives in tolerance.ts.
 */
export interface TableRule {
  id: string;
  title: string;
  tables: string[] | '*';
  evaluate: TableEvaluator;
}

const FUNCTION_TABLES = ['B.income', 'B.expenditure', 'B.gpb_expenditure', 'B.gov_fund_expenditure', 'B.soe', 'F.income', 'F.expenditure', 'F.gpb_expenditure', 'F.gov_fund', 'F.soe'];

export const TABLE_RULES: TableRule[] = [
  { id: 'GEN-T-01', title: 'Function-classification hierarchy and 合计', tables: FUNCTION_TABLES, evaluate: hierarchy },
  { id: 'GEN-T-02', title: 'Economic-classification hierarchy', tables: ['B.gpb_basic_econ', 'F.gpb_basic_econ'], evaluate: hierarchy },
  { id: 'GEN-T-03', title: 'Empty table must carry a no-data note', tables: '*', evaluate: emptyNote },
  { id: 'GEN-T-04', title: 'No negative amounts', tables: '*', evaluate: nonNegative },
  { id: 'BUD-T-06', title: '收支总表 row: 合计 = 当年预算安排 + 上年结转安排', tables: ['B.summary'], evaluate: columnSums },
  { id: 'BUD-T-07', title: '收入总表 row: 合计 = Σ sources', tables: ['B.income'], evaluate: columnSums },
  { id: 'BUD-T-08', title: 'Expenditure row: 合计 = 基本支出 + 项目支出 (+ others)', tables: ['B.expenditure', 'B.gpb_expenditure', 'B.gov_fund_expenditure', 'B.soe'], evaluate: columnSums },
  { id: 'BUD-T-09', title: '财政拨款收支总表 row: 小计 = 一般公共预算 + 政府性基金 + 国有资本经营', tables: ['B.fiscal_summary'], evaluate: columnSums },
  { id: 'BUD-T-11', title: '基本支出表 row: 合计 = 人员经费 + 公用经费', tables: ['B.gpb_basic_econ'], evaluate: columnSums },
  { id: 'BUD-T-16', title: '机关运行经费表 sums', tables: ['B.admin_operating'], evaluate: columnSums },
  { id: 'BUD-T-17', title: '项目支出表 sums', tables: ['B.projects'], evaluate: columnSums },
  { id: 'FIN-T-06', title: '收入决算表 row: 本年收入合计 = Σ source columns', tables: ['F.income'], evaluate: columnSums },
  { id: 'FIN-T-07', title: '支出决算表 row: 本年支出合计 = Σ expenditure types', tables: ['F.expenditure'], evaluate: columnSums },
  { id: 'FIN-T-09', title: '一般公共预算财政拨款支出决算表 row: 合计 = 基本 + 项目', tables: ['F.gpb_expenditure'], evaluate: columnSums },
];
