import type { ColumnVocabulary, PanelVocabulary } from '../../src/recognise/columns.js';
import { COMMON_COLUMNS } from '../common/columns.js';

/** 部门决算 tables (the nine tables, BRIEF.md §1.4): canonical kind → title aliases. */
export const FINAL_TABLES: Record<string, string[]> = {
  'F.summary': ['收入支出决算总表', '部门收支决算总表', '收支决算总表', '部门收入支出决算总表'],
  'F.income': ['收入决算表', '部门收入决算表'],
  'F.expenditure': ['支出决算表', '部门支出决算表'],
  'F.fiscal_summary': ['财政拨款收入支出决算总表', '财政拨款收支决算总表'],
  'F.gpb_expenditure': ['一般公共预算财政拨款支出决算表', '一般公共预算财政拨款收入支出决算表'],
  'F.gpb_basic_econ': ['一般公共预算财政拨款基本支出决算表', '一般公共预算财政拨款基本支出决算明细表'],
  'F.three_public': ['一般公共预算财政拨款“三公”经费支出决算表', '财政拨款“三公”经费支出决算表', '“三公”经费支出决算表'],
  'F.gov_fund': ['政府性基金预算财政拨款收入支出决算表', '政府性基金预算财政拨款支出决算表'],
  'F.soe': ['国有资本经营预算财政拨款收入支出决算表', '国有资本经营预算财政拨款支出决算表'],
};

export const PANEL_KINDS = new Set(['F.summary', 'F.fiscal_summary', 'F.gpb_basic_econ']);

export const PANELS: PanelVocabulary = [
  [/收入/, 'income'],
  [/支出/, 'expenditure'],
  [/人员经费/, 'personnel'],
  [/公用经费/, 'public'],
];

export const FINAL_COLUMNS: ColumnVocabulary = [
  [/^本年(收入|支出)合计$/, 'total'],
  [/^一般公共预算(财政拨款)?$/, 'gpb'],
  [/^政府性基金预算(财政拨款)?$/, 'gov_fund'],
  [/^国有资本经营预算(财政拨款)?$/, 'soe'],
  [/^年初结转和结余$/, 'opening_balance'],
  [/^本年收入$/, 'income'],
  [/^本年支出$/, 'expenditure'],
  [/^年末结转和结余$/, 'closing_balance'],
  [/^预算数$/, 'budget'],
  [/^决算数$/, 'final'],
  [/^金额$/, 'amount'],
  ...COMMON_COLUMNS,
];
