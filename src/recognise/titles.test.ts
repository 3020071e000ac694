import { describe, expect, it } from 'vitest';
import { BUDGET_TABLES } from '../../extractors/cn-budget/vocabulary.js';
import { matchTitle, titleKey } from './titles.js';

describe('table titles', () => {
  it('strips labels, years and qualifiers', () => {
    expect(titleKey('表五2024年一般公共预算支出预算表（不含上年结转）')).toEqual({ key: '一般公共预算支出预算表', qualifier: '不含上年结转' });
    expect(titleKey('预算公开表10 2024年财政拨款安排“三公”经费支出预算表').key).toBe('财政拨款安排三公经费支出预算表');
    expect(titleKey('表1：收入总表').key).toBe('收入总表');
  });

  it.each([
    ['2024年预算收支总表', 'B.summary'],
    ['2024年财政拨款收支总表', 'B.fiscal_summary'],
    ['2024年预算收入总表', 'B.income'],
    ['2024年一般公共预算安排基本支出分经济科目表（不含上年结转）', 'B.gpb_basic_econ'],
    ['2024年国有资本经营预算收支预算表（不含上年结转）', 'B.soe'],
    ['2024年财政拨款安排"三公"经费支出预算表', 'B.three_public'],
    ['泽州县2024年项目支出预算表（上年结转）', 'B.projects'],
    ['2025年部门财务收支预算总表', 'B.summary'],
  ])('%s → %s', (title, kind) => {
    expect(matchTitle(title, BUDGET_TABLES)?.kind).toBe(kind);
  });

  it('does not take a table of another meaning for a known one', () => {
    expect(matchTitle('基本支出总表', BUDGET_TABLES)).toBeNull();
    expect(matchTitle('项目支出总表', BUDGET_TABLES)).toBeNull();
    expect(matchTitle('一般公共预算支出表（按经济分类）', BUDGET_TABLES)?.kind).toBe('B.gpb_econ_gov');
    expect(matchTitle('一般公共预算支出表（按功能分类）', BUDGET_TABLES)?.kind).toBe('B.gpb_expenditure');
  });

  it('recognises nothing in an unrelated title', () => {
    expect(matchTitle('Statement of Revenue', BUDGET_TABLES)).toBeNull();
  });
});
