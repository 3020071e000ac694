import type { ColumnVocabulary } from '../../src/recognise/columns.js';

/** Column headings shared by 预算 and 决算 tables → canonical keys (tried after a family's own entries). */
export const COMMON_COLUMNS: ColumnVocabulary = [
  [/^(收入|支出)?(合计|小计|总计)$|.(总数|总额)$/, 'total'],
  // row numbers (序号 1 2 3, 行次) say nothing about the row: read as neither amount nor name
  [/^(序号|行次|栏次)$/, 'seq'],
  [/^财政拨款(收入)?$/, 'fiscal'],
  [/^上级补助收入$/, 'superior_subsidy'],
  [/^事业收入$/, 'business_income'],
  [/^(事业单位)?经营收入$/, 'operating_income'],
  [/^附属单位上缴收入$/, 'affiliate_income'],
  [/^其他收入$/, 'other_income'],
  [/^用事业基金弥补收支差额$/, 'fund_offset'],
  [/^基本支出$/, 'basic'],
  [/^项目支出$/, 'project'],
  [/^上缴上级支出$/, 'paid_to_superior'],
  [/^(事业单位)?经营支出$/, 'operating_expenditure'],
  [/^对附属单位补助支出$/, 'subsidy_to_affiliates'],
  [/^结转下年$/, 'carry_forward'],
  [/^人员(经费|支出|类|经费支出)$/, 'personnel'],
  [/^(日常)?公用(经费|支出|类|经费支出)$/, 'public'],
  // Xi'an's name for project spending
  [/^专项业务经费(支出)?$/, 'project'],
  // a remark column holds text, whatever its cells
  [/^(备注|说明)$/, 'label'],
  [/^因公出国[(（]境[)）]费(用)?$/, 'abroad'],
  [/^公务用车购置及运行(维护)?费$/, 'vehicle'],
  [/^(公务用车)?购置费$/, 'vehicle_purchase'],
  [/^(公务用车)?运行(维护)?费$/, 'vehicle_operation'],
  [/^公务接待费$/, 'reception'],
  [/(编码|代码)$|^(类|款|项)$/, 'code'],
  [/^(科目名称|项目|项目名称|单位名称|预算单位|年度|(功能|经济)分类科目名称|部门预算支出经济(分类)?科目名称)$/, 'name'],
];
