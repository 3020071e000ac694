import type { Cell, Grid } from '../model/grid.js';

/**
 * A grid of 1×1 cells from rows of field texts (tab-separated text, HTML rows after span expansion).
 * Rows are padded to the widest row. Spans are not known yet: the header stage infers them.
 */
export function gridFromRows(rows: string[][], page?: number): Grid {
  const nCols = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const cells: Cell[] = [];
  rows.forEach((fields, row) => {
    for (let col = 0; col < nCols; col++) {
      const cell: Cell = { row, col, rowSpan: 1, colSpan: 1, text: (fields[col] ?? '').trim(), header: false };
      if (page !== undefined) cell.page = page;
      cells.push(cell);
    }
  });
  return { nRows: rows.length, nCols, cells, columnNumberRows: [], spansKnown: false };
}

/** The grid's texts as rows of fields, a merged cell's text at its top-left position. */
export function gridToRows(grid: Pick<Grid, 'nRows' | 'nCols' | 'cells'>): string[][] {
  const rows = Array.from({ length: grid.nRows }, () => Array<string>(grid.nCols).fill(''));
  for (const c of grid.cells) rows[c.row][c.col] = c.text;
  return rows;
}
