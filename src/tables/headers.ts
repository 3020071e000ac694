import type { Cell, Grid } from '../model/grid.js';
import { isAmount, parseAmount } from '../util/amount.js';
import { compact } from '../util/text.js';
import { gridToRows } from './fromRows.js';

/** A grid whose header rows are known, with each column's header path (top level first). */
export interface HeadedGrid {
  grid: Grid;
  headerRows: number;
  columns: { col: number; path: string[] }[];
}

/** First-column texts that open a header row (exact, after whitespace removal). */
const HEADER_WORDS = new Set([
  '项目', '项目名称', '科目', '科目编码', '科目名称', '单位名称', '单位编码', '单位', '收入', '支出', '序号', '编码',
  '类', '款', '项', '行次', '栏次', '预算数', '决算数', '执行数', '金额', '功能分类', '经济分类', '预算科目', '一级指标', '二级指标', '三级指标',
]);
const ORDINAL_START = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/;
const HEADER_SUFFIX = /(编码|名称|科目|预算收入|预算支出)$/;

/** 栏次 row: the column numbers 1 2 3 … printed under the header (or a row labelled 栏次). */
export function isColumnNumberRow(fields: string[]): boolean {
  const filled = fields.map((f) => compact(f)).filter((f) => f !== '');
  if (filled[0] === '栏次') return true;
  // label columns of a 栏次 row carry marks instead of numbers: **, 甲, 乙, 栏次
  const numbers = filled.filter((f) => !/^(\*+|[甲乙丙丁]|栏次)$/.test(f));
  const marked = numbers.length < filled.length;
  if (numbers.length < (marked ? 1 : 3)) return false;
  return numbers.every((f, i) => f === String(i + 1));
}

/**
 * A header row has no amounts, and either prints text over a column that holds amounts further down
 * (财政拨款“三公”经费 over the 12 amount columns), starts blank (the lower rows of a multi-row header), or
 * opens with a header word (项目, 科目编码, 收入 …) — the last rule is all empty tables can offer.
 */
function isHeaderRow(fields: string[], valueColumns: Set<number>): boolean {
  if (fields.some((f) => isAmount(f))) return false;
  const first = fields.findIndex((f) => f.trim() !== '');
  if (first < 0) return false;
  if (first > 0) return true;
  const word = compact(fields[first]);
  // a row opening with an ordinal (一、一般公共预算收入, （一）…) is a row of the table even without amounts
  if (ORDINAL_START.test(word)) return false;
  if (fields.some((f, c) => valueColumns.has(c) && parseAmount(f).kind === 'text')) return true;
  return HEADER_WORDS.has(word) || HEADER_SUFFIX.test(word);
}

const DATA_LABEL = /^(合计|总计|小计|部门合计|单位合计)$|^[一二三四五六七八九十]+、|^\d{3}/;

/** A title printed across several columns at the top of a ruled table (财政拨款“三公”经费 over 12 columns). */
function spansColumns(grid: Grid, row: number): boolean {
  return grid.cells.some((c) => c.row === row && c.colSpan > 1 && c.text.trim() !== '' && !isAmount(c.text) && !DATA_LABEL.test(compact(c.text)));
}

/** Number of header rows at the top, and the 栏次 rows directly below them. */
export function findHeaderRows(grid: Grid): { headerRows: number; columnNumberRows: number[] } {
  const rows = gridToRows(grid);
  const valueColumns = new Set(grid.cells.filter((c) => isAmount(c.text)).map((c) => c.col));
  const blank = (r: number) => rows[r].every((f) => f.trim() === '');
  const isHeader = (r: number): boolean =>
    !isColumnNumberRow(rows[r]) &&
    (isHeaderRow(rows[r], valueColumns) ||
      (grid.spansKnown && spansColumns(grid, r) && rows[r].every((f) => !isAmount(f))) ||
      // a ruled header can hold a blank band (cells spanning past a rule): it goes on if a header row follows
      (blank(r) && r + 1 < rows.length && !blank(r + 1) && isHeader(r + 1)));
  let r = 0;
  while (r < rows.length && isHeader(r)) r++;
  const columnNumberRows: number[] = [];
  while (r + columnNumberRows.length < rows.length && isColumnNumberRow(rows[r + columnNumberRows.length])) {
    columnNumberRows.push(r + columnNumberRows.length);
  }
  return { headerRows: r, columnNumberRows };
}

/**
 * Text grids print a merged header cell once and leave the positions it covers blank. A blank header
 * position belongs to the cell on its left when the parent above spans it and something is printed
 * below it; otherwise to the cell above it.
 */
function inferHeaderSpans(grid: Grid, headerRows: number): Grid {
  const rows = gridToRows(grid);
  const owner: (Cell | null)[][] = Array.from({ length: headerRows }, () => Array(grid.nCols).fill(null));
  const headerCells: Cell[] = [];
  const printedBelow = (r: number, c: number) => rows.slice(r + 1, headerRows).some((f) => f[c].trim() !== '');

  for (let r = 0; r < headerRows; r++) {
    for (let c = 0; c < grid.nCols; c++) {
      if (owner[r][c] || rows[r][c].trim() === '') continue;
      const parent = r > 0 ? owner[r - 1][c] : null;
      const parentEnd = parent ? parent.col + parent.colSpan : grid.nCols;
      let colSpan = 1;
      while (
        c + colSpan < parentEnd &&
        !owner[r][c + colSpan] &&
        rows[r][c + colSpan].trim() === '' &&
        printedBelow(r, c + colSpan)
      ) colSpan++;
      let rowSpan = 1;
      while (
        r + rowSpan < headerRows &&
        rows[r + rowSpan].slice(c, c + colSpan).every((f, k) => f.trim() === '' && !owner[r + rowSpan][c + k])
      ) rowSpan++;
      const cell: Cell = { ...cellAt(grid, r, c), rowSpan, colSpan };
      headerCells.push(cell);
      for (let i = 0; i < rowSpan; i++) for (let k = 0; k < colSpan; k++) owner[r + i][c + k] = cell;
    }
  }
  // positions no printed header reaches stay as blank 1×1 cells
  for (let r = 0; r < headerRows; r++) {
    for (let c = 0; c < grid.nCols; c++) if (!owner[r][c]) headerCells.push({ ...cellAt(grid, r, c) });
  }
  const body = grid.cells.filter((c) => c.row >= headerRows);
  return { ...grid, cells: sortCells([...headerCells, ...body]) };
}

function cellAt(grid: Grid, row: number, col: number): Cell {
  const cell = grid.cells.find((c) => c.row === row && c.col === col);
  if (!cell) throw new Error(`grid has no cell at ${row},${col}`);
  return cell;
}

function sortCells(cells: Cell[]): Cell[] {
  return cells.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** Printed header text without the spaces PDFs and text exports put inside CJK words. */
function headerText(s: string): string {
  return s.replace(/\s+/g, ' ').trim().replace(/(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])/g, '');
}

export function columnPaths(grid: Grid, headerRows: number): { col: number; path: string[] }[] {
  const header = grid.cells.filter((c) => c.row < headerRows);
  return Array.from({ length: grid.nCols }, (_, col) => {
    const covering = header
      .filter((c) => c.col <= col && col < c.col + c.colSpan && c.text.trim() !== '')
      .sort((a, b) => a.row - b.row);
    return { col, path: covering.map((c) => headerText(c.text)) };
  });
}

/** Marks header and 栏次 cells, infers header spans of text grids, and gives every column its path. */
export function headGrid(grid: Grid): HeadedGrid {
  const { headerRows, columnNumberRows } = findHeaderRows(grid);
  const spanned = grid.spansKnown ? grid : inferHeaderSpans(grid, headerRows);
  const lastHeaderRow = columnNumberRows.length ? columnNumberRows[columnNumberRows.length - 1] + 1 : headerRows;
  const cells = spanned.cells.map((c) => ({ ...c, header: c.row < lastHeaderRow }));
  const headed: Grid = { ...spanned, cells, columnNumberRows };
  return { grid: headed, headerRows, columns: columnPaths(headed, headerRows) };
}
