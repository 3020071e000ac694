import type { ColumnVocabulary, PanelVocabulary } from '../../src/recognise/columns.js';
import { COMMON_COLUMNS } from '../common/columns.js';

/** 部门预算 tables: canonical kind → title aliases (BRIEF.md §1.3, rules.yaml `tables`). */
export const BUDGET_TABLES: Record<string, string[]> = {
  'B.summary': ['收支总表', '部门收支总表', '预算收支总表', '收支预算总表', '部门收支预算总表', '部门财务收支预算总表', '财务收支预算总表'],
  'B.income': ['收入总表', '部门收入总表', '预算收入总表', '收入预算总表', '部门收入预算总表'],
  'B.expenditure': ['支出总表', '部门支出总表', '预算支出总表', '支出预算总表', '部门支出预算总表'],
  'B.fiscal_summary': ['财政拨款收支总表', '财政拨款收支预算总表', '部门财政拨款收支预算总表', '财政拨款收支预算总表'],
  'B.gpb_expenditure': ['一般公共预算支出表', '一般公共预算支出预算表', '一般公共预算财政拨款支出表', '一般公共预算财政拨款支出预算表', '一般公共预算支出功能分类预算表', '一般公共预算当年拨款支出预算表'],
  'B.gpb_basic_econ': [
    '一般公共预算基本支出表', '一般公共预算安排基本支出分经济科目表', '一般公共预算财政拨款基本支出表',
    '一般公共预算基本支出预算表', '一般公共预算财政拨款基本支出预算表', '一般公共预算基本支出部门预算经济分类预算表',
    '一般公共预算基本支出经济分类预算表',
  ],
  'B.gpb_econ_gov': ['一般公共预算支出表（按政府经济分类）', '一般公共预算支出表（按经济分类）', '政府预算支出经济分类表'],
  'B.gov_fund_income': ['政府性基金预算收入表'],
  'B.gov_fund_expenditure': ['政府性基金预算支出表', '政府性基金预算支出预算表', '政府性基金预算财政拨款支出表', '政府性基金预算支出功能分类预算表'],
  'B.soe': ['国有资本经营预算支出表', '国有资本经营预算收支预算表', '国有资本经营预算支出预算表', '国有资本经营预算财政拨款支出表', '国有资本经营预算支出功能分类预算表'],
  'B.three_public': ['一般公共预算“三公”经费支出表', '财政拨款安排“三公”经费支出预算表', '“三公”经费支出预算表', '“三公”经费支出表', '一般公共预算“三公”经费支出预算表', '“三公”经费预算表', '“三公”经费和机关运行经费预算表'],
  'B.admin_operating': ['机关运行经费预算表', '财政拨款安排机关运行经费预算表', '机关运行经费表'],
  'B.projects': ['项目支出预算表', '项目支出表', '项目支出预算明细表'],
  'B.procurement': ['政府采购预算表', '政府采购预算明细表'],
};

/** Kinds printed as side-by-side panels. */
export const PANEL_KINDS = new Set(['B.summary', 'B.fiscal_summary', 'B.soe']);

export const PANELS: PanelVocabulary = [
  [/收入/, 'income'],
  [/支出/, 'expenditure'],
];

export const BUDGET_COLUMNS: ColumnVocabulary = [
  [/^(本年收入合计|本年支出合计)$/, 'total'],
  [/^一般公共预算(拨款|资金|财政拨款)?(收入)?$/, 'gpb'],
  [/^政府性基金(预算)?(拨款|资金|财政拨款)?(收入)?$/, 'gov_fund'],
  [/^国有资本经营(预算)?(拨款|资金|财政拨款)?(收入)?$/, 'soe'],
  [/^财政专户管理资金(收入)?$/, 'special_account'],
  [/^单位资金$/, 'unit_funds'],
  [/^上年结转(结余|安排)?$/, 'carry_over'],
  [/^当年预算(安排)?$/, 'current'],
  [/^(金额|预算数|(本年)?预算|政府性基金收入预算|国有资本经营收入预算|)$/, 'amount'],
  [/^政府预算支出经济(分类)?科目名称$/, 'gov_name'],
  ...COMMON_COLUMNS,
];
