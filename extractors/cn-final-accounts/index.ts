import type { DocumentContext, Family, TypedTable } from '../../src/recognise/family.js';
import { keyColumns } from '../../src/recognise/columns.js';
import type { HeadedGrid } from '../../src/tables/headers.js';
import { levelEconomic, levelFunctionCoded, levelSummary } from '../common/levels.js';
import { readRows } from '../common/rows.js';
import { assignRoles } from '../common/roles.js';
import { guessFinalKind } from './kinds.js';
import { FINAL_COLUMNS, FINAL_TABLES, PANEL_KINDS, PANELS } from './vocabulary.js';

function typeFinalTable(kind: string, headed: HeadedGrid, _ctx: DocumentContext): TypedTable {
  const warnings: string[] = [];
  const repeated = kind === 'F.gpb_basic_econ' ? ['personnel', 'public'] : undefined;
  const columns = keyColumns(headed.columns, FINAL_COLUMNS, PANEL_KINDS.has(kind) ? PANELS : undefined, repeated, (cols) => assignRoles(cols, headed));
  const rows = readRows(headed, columns, warnings, kind === 'F.gpb_basic_econ' ? 'economic' : 'function');
  switch (kind) {
    case 'F.summary':
    case 'F.fiscal_summary':
      levelSummary(rows);
      break;
    case 'F.gpb_basic_econ':
      for (const panel of new Set(rows.map((r) => r.panel))) levelEconomic(rows.filter((r) => r.panel === panel));
      break;
    case 'F.three_public':
      break;
    default:
      levelFunctionCoded(rows, 'function');
  }
  return { columns, rows, warnings };
}

/** 部门/单位决算公开: the nine tables. */
export const cnFinalAccounts: Family = {
  name: 'cn-final-accounts',
  tables: FINAL_TABLES,
  typeTable: typeFinalTable,
  guessKind: guessFinalKind,
};
