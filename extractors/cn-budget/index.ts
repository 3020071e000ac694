import type { DocumentContext, Family, TypedTable } from '../../src/recognise/family.js';
import { keyColumns } from '../../src/recognise/columns.js';
import type { HeadedGrid } from '../../src/tables/headers.js';
import { levelEconomic, levelFunctionCoded, levelSummary, levelThreePublic, levelUnitsAndProjects } from '../common/levels.js';
import { readRows } from '../common/rows.js';
import { assignRoles } from '../common/roles.js';
import { guessBudgetKind } from './kinds.js';
import { BUDGET_COLUMNS, BUDGET_TABLES, PANEL_KINDS, PANELS } from './vocabulary.js';

/** Tables whose rows are economic classes (30x / 50x), not function classes. */
const ECONOMIC_KINDS = new Set(['B.gpb_basic_econ', 'B.gpb_econ_gov', 'B.admin_operating']);

function typeBudgetTable(kind: string, headed: HeadedGrid, ctx: DocumentContext): TypedTable {
  const warnings: string[] = [];
  const columns = keyColumns(headed.columns, BUDGET_COLUMNS, PANEL_KINDS.has(kind) ? PANELS : undefined, undefined, (cols) => assignRoles(cols, headed));
  const rows = readRows(headed, columns, warnings, ECONOMIC_KINDS.has(kind) ? 'economic' : 'function');
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
  guessKind: guessBudgetKind,
};
