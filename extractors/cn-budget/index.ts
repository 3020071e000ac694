import type { DocumentContext, Family, TypedTable } from '../../src/recognise/family.js';
import { keyColumns } from '../../src/recognise/columns.js';
import type { HeadedGrid } from '../../src/tables/headers.js';
import { levelEconomic, levelFunctionCoded, levelSummary, levelThreePublic, levelUnitsAndProjects } from '../common/levels.js';
import { readRows } from '../common/rows.js';
import { BUDGET_COLUMNS, BUDGET_TABLES, PANEL_KINDS, PANELS } from './vocabulary.js';

function typeBudgetTable(kind: string, headed: HeadedGrid, ctx: DocumentContext): TypedTable {
  const warnings: string[] = [];
  const columns = keyColumns(headed.columns, BUDGET_COLUMNS, PANEL_KINDS.has(kind) ? PANELS : undefined);
  const rows = readRows(headed, columns, warnings);
  switch (kind) {
    case 'B.summary':
    case 'B.fiscal_summary':
      levelSummary(rows);
      break;
    case 'B.gpb_basic_econ':
      levelEconomic(rows);
      break;
    case 'B.three_public':
      levelThreePublic(rows);
      break;
    case 'B.admin_operating':
      levelUnitsAndProjects(rows, ctx.organization, false);
      break;
    case 'B.projects':
      levelUnitsAndProjects(rows, ctx.organization, true);
      break;
    case 'B.gov_fund_income':
      levelFunctionCoded(rows, 'revenue');
      break;
    case 'B.soe':
      levelFunctionCoded(rows.filter((r) => r.panel === 'income'), 'revenue');
      levelFunctionCoded(rows.filter((r) => r.panel !== 'income'), 'function');
      break;
    default:
      levelFunctionCoded(rows, 'function');
  }
  return { columns, rows, warnings };
}

export const cnBudget: Family = {
  name: 'cn-budget',
  tables: BUDGET_TABLES,
  typeTable: typeBudgetTable,
};
