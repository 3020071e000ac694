import type { Form } from '../model/form.js';
import type { Table, TypedRow } from '../model/table.js';
import type { DocumentStructure, PlacedGrid } from '../document/structure.js';
import { gridToRows } from '../tables/fromRows.js';
import { headGrid, type HeadedGrid } from '../tables/headers.js';
import { isAmount } from '../util/amount.js';
import type { DocumentContext, Family } from './family.js';
import { matchTitle } from './titles.js';

export interface Recognised {
  tables: Table[];
  forms: Form[];
  warnings: { code: string; message: string; page?: number }[];
}

const ROW_FIELDS = ['row', 'panel', 'code', 'codeScheme', 'codeInferred', 'level', 'parent', 'name', 'govName', 'govCode', 'labels', 'values'] as const;

/** Rows in one field order whatever stage set a field, so the JSON reads the same for every table. */
function canonicalRow(row: TypedRow): TypedRow {
  const out: Record<string, unknown> = {};
  for (const k of ROW_FIELDS) if (row[k] !== undefined) out[k] = row[k];
  return out as TypedRow;
}

interface KindMatch {
  family: Family;
  kind: string;
  qualifier?: string;
  by?: Table['recognisedBy'];
}

function findKind(
  title: string,
  families: Family[],
  pick: (f: Family) => Record<string, string[]> | undefined,
): KindMatch | null {
  for (const family of families) {
    const aliases = pick(family);
    const match = aliases && matchTitle(title, aliases);
    if (match) return { family, ...match };
  }
  return null;
}

function buildTable(placed: PlacedGrid, id: string, families: Family[], ctx: DocumentContext, warnings: Recognised['warnings']): Table {
  const headed = headGrid(placed.grid);
  const { grid } = headed;
  const firstData = Math.max(headed.headerRows, ...grid.columnNumberRows.map((r) => r + 1));
  const empty = !grid.cells.some((c) => c.row >= firstData && isAmount(c.text));
  const table: Table = {
    id,
    kind: 'generic',
    title: placed.title,
    unit: placed.unit,
    pages: placed.pages,
    empty,
    nRows: grid.nRows,
    nCols: grid.nCols,
    cells: grid.cells,
  };
  if (placed.label) table.label = placed.label;
  if (placed.organization) table.organization = placed.organization;
  if (placed.note) table.note = placed.note;
  let match = findKind(placed.title, families, (f) => f.tables) ?? guessKind(placed.title, headed, families);
  // a title wrapped over two lines names its table only when read whole
  const wrapped = placed.wrappedTitle;
  if (!match && wrapped) {
    match = findKind(wrapped, families, (f) => f.tables) ?? guessKind(wrapped, headed, families);
    if (match) table.title = wrapped;
  }
  if (match?.family.typeTable) {
    table.kind = match.kind;
    table.recognisedBy = placed.titleFromToc && match.by !== 'header' ? 'toc' : (match.by ?? 'title');
    if (match.qualifier) table.qualifier = match.qualifier;
    const typed = match.family.typeTable(match.kind, headed, ctx);
    table.columns = typed.columns;
    table.rows = typed.rows.map(canonicalRow);
    for (const message of typed.warnings) warnings.push({ code: 'W_CELL', message: `${id} ${placed.title}: ${message}`, page: placed.pages[0] });
  } else {
    table.columns = headed.columns.map(({ col, path }) => ({ key: `col${col}`, path, col }));
    if (looksStandard(headed)) {
      const why = placed.title ? `its title "${placed.title}" names no standard table` : 'no title was found above it';
      warnings.push({ code: 'W_UNRECOGNISED', message: `${id}: classification codes and amounts like a standard table, but ${why}: left generic`, page: placed.pages[0] });
    }
  }
  return table;
}

/**
 * The forms a grid prints as a list (one per block of rows), by the family its title names, or by any family
 * whose list the grid's header shows when the title names no form.
 */
function formList(placed: PlacedGrid, form: KindMatch | null, families: Family[], ctx: DocumentContext): Form[] | null {
  const meta = { title: placed.title || placed.wrappedTitle || '', year: placed.year ?? ctx.year, unit: placed.unit };
  if (form) return form.family.parseFormList?.(form.kind, placed.grid, meta) ?? null;
  for (const family of families) {
    const list = family.parseFormList?.(null, placed.grid, meta);
    if (list) return list;
  }
  return null;
}

/** The form kind a title's key words name, when it is no known alias of any family. */
function guessFormKind(title: string, families: Family[]): KindMatch | null {
  for (const family of families) {
    const kind = family.guessForm?.(title);
    if (kind) return { family, kind, by: 'keywords' };
  }
  return null;
}

/** The kind the families read from a table's evidence when its title is no known alias. */
function guessKind(title: string, headed: HeadedGrid, families: Family[]): KindMatch | null {
  const rows = gridToRows(headed.grid).slice(headed.headerRows);
  const evidence = { title, header: headed.columns.map((c) => c.path.join('/')), rows };
  for (const family of families) {
    const guess = family.guessKind?.(evidence);
    if (guess) return { family, ...guess };
  }
  return null;
}

/** Classification codes beside amounts, or a 合计 row: what a standard table prints. */
function looksStandard(headed: HeadedGrid): boolean {
  const rows = gridToRows(headed.grid).slice(headed.headerRows);
  const amounts = rows.flat().filter((t) => isAmount(t)).length;
  const coded = rows.filter((r) => r.some((t) => /^\d{3}(\d{2}){0,2}(\D|$)/.test(t.trim()) && !isAmount(t))).length;
  const total = rows.some((r) => r.some((t) => /^(合计|总计)$/.test(t.replace(/\s+/g, ''))));
  return amounts >= 5 && (coded >= 2 || total);
}

/** Gives every grid its kind: a form of some family, a table of some family, or a generic table. */
export function recognise(structure: DocumentStructure, families: Family[], ctx: DocumentContext): Recognised {
  const out: Recognised = { tables: [], forms: [], warnings: [] };
  /** each table's grid and caption, by index */
  const placedOf: PlacedGrid[] = [];
  for (const placed of structure.grids) {
    const wrappedForm = placed.wrappedTitle ? findKind(placed.wrappedTitle, families, (f) => f.forms) : null;
    const guessedForm = guessFormKind(placed.title, families);
    const form = findKind(placed.title, families, (f) => f.forms) ?? wrappedForm ?? guessedForm;
    const list = formList(placed, form, families, ctx);
    if (list) {
      for (const f of list) out.forms.push({ ...f, id: `f${String(out.forms.length + 1).padStart(2, '0')}` });
      continue;
    }
    if (form?.family.parseForm) {
      const id = `f${String(out.forms.length + 1).padStart(2, '0')}`;
      const title = form === wrappedForm ? placed.wrappedTitle! : placed.title;
      const parsed = form.family.parseForm(form.kind, gridToRows(placed.grid), { id, title, year: placed.year ?? ctx.year });
      // a form read on key words alone that found none of its fields stays a table, its cells kept
      if (form !== guessedForm || form.family.formRead?.(parsed) !== false) {
        out.forms.push(parsed);
        continue;
      }
    }
    const id = `t${String(out.tables.length + 1).padStart(2, '0')}`;
    out.tables.push(buildTable(placed, id, families, ctx, out.warnings));
    placedOf.push(placed);
  }
  keepStandardKindsOnce(out, placedOf, ctx);
  return out;
}

/**
 * A standard table is printed once per organisation: a kind read from weaker evidence (key words, the
 * contents, the header) that a table of the same organisation already has by its full title is a
 * different table after all (基本支出预算情况表 beside the 一般公共预算基本支出情况表), left generic and said so.
 */
function keepStandardKindsOnce(out: Recognised, placedOf: PlacedGrid[], ctx: DocumentContext): void {
  const byTitle = new Set(out.tables.filter((t) => t.recognisedBy === 'title').map((t) => `${t.organization ?? ''}|${t.kind}`));
  out.tables.forEach((t, i) => {
    if (t.recognisedBy === undefined || t.recognisedBy === 'title' || !byTitle.has(`${t.organization ?? ''}|${t.kind}`)) return;
    const holder = out.tables.find((o) => o.recognisedBy === 'title' && o.kind === t.kind && (o.organization ?? '') === (t.organization ?? ''))!;
    out.tables[i] = buildTable(placedOf[i], t.id, [], ctx, []);
    out.warnings.push({ code: 'W_UNRECOGNISED', message: `${t.id}: "${t.title}" reads like ${t.kind}, but ${holder.id} is that table by its title: left generic`, page: t.pages[0] });
  });
}
