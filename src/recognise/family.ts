import type { Column, Grid } from '../model/grid.js';
import type { Form } from '../model/form.js';
import type { TypedRow, Unit } from '../model/table.js';
import type { HeadedGrid } from '../tables/headers.js';

export interface DocumentContext {
  organization: string | null;
  year: number | null;
}

export interface KindEvidence {
  title: string;
  /** every column's header path, joined with / */
  header: string[];
  /** the body rows' texts */
  rows: string[][];
}

export interface TypedTable {
  columns: Column[];
  rows: TypedRow[];
  warnings: string[];
}

/**
 * A document family (cn-budget, cn-final-accounts, cn-performance …) declares, as data, the titles it
 * recognises, and types what it recognised. Families live in extractors/; src/ names none of them.
 */
export interface Family {
  name: string;
  /** canonical table kind → title aliases */
  tables?: Record<string, string[]>;
  typeTable?(kind: string, headed: HeadedGrid, ctx: DocumentContext): TypedTable;
  /**
   * For a table whose title is no known alias: the kind its evidence points to (the title's key words,
   * the header's words, the rows' codes), or null when the evidence is not enough to tell.
   */
  guessKind?(evidence: KindEvidence): { kind: string; by: 'keywords' | 'header' | 'rows' } | null;
  /** canonical form kind → title aliases */
  forms?: Record<string, string[]>;
  parseForm?(kind: string, rows: string[][], meta: { id: string; title: string; year: number | null }): Form;
  /** the form kind a title's key words name when it is no known alias (…项目绩效目标表), or null */
  guessForm?(title: string): string | null;
  /** whether a form parsed on a guess found what such a form prints (else its grid stays a table: nothing lost) */
  formRead?(form: Form): boolean;
  /**
   * Forms printed as one list table (a 项目支出绩效目标表 with a block of rows per project): one form each, ids
   * left to the caller. `kind` is the form kind the title named, or null when the title named none (then the
   * grid's header alone must show such a list). Null when the grid is no such list.
   */
  parseFormList?(kind: string | null, grid: Grid, meta: { title: string; year: number | null; unit: Unit | null }): Form[] | null;
}
