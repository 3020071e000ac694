import type { Output } from '../model/output.js';
import type { Cell } from '../model/grid.js';
import type { Table } from '../model/table.js';
import { isAmount } from '../util/amount.js';

export interface Difference {
  table: string;
  row?: number | string;
  column?: string;
  expected: string;
  actual: string;
}

export interface Figures {
  tablesExpected: number;
  tablesFound: number;
  cells: { exact: number; total: number };
  numericCells: { exact: number; total: number };
  rows: { exact: number; total: number };
  forms: { exact: number; total: number };
  /** audit: rules whose status is the golden's, over the rules of either; `missing` counts the output's checks that could not be evaluated */
  checks: { same: number; total: number; missing: number };
}

export interface Comparison {
  figures: Figures;
  differences: Difference[];
}

const show = (v: unknown) => (v === undefined ? '(missing)' : JSON.stringify(v));

function cellKey(c: { row: number; col: number }) {
  return `${c.row},${c.col}`;
}

/** Amount cells: classification codes and header numbers (栏次) are numerals, not amounts. */
function numericCells(table: Table): Set<Cell> {
  const codeCols = new Set((table.columns ?? []).filter((c) => c.key === 'code').map((c) => c.col));
  return new Set(table.cells.filter((c) => !c.header && !codeCols.has(c.col) && isAmount(c.text)));
}

/** An actual table answers an expected one when kind, title and qualifier agree. */
function sameTable(a: Table, b: Table): boolean {
  return a.kind === b.kind && a.title === b.title && a.qualifier === b.qualifier;
}

function compareTable(expected: Table, actual: Table, figures: Figures, diffs: Difference[]): void {
  const where = `${expected.id} ${expected.title}`;
  for (const field of ['unit', 'empty', 'note', 'label'] as const) {
    if (expected[field] !== actual[field]) diffs.push({ table: where, column: field, expected: show(expected[field]), actual: show(actual[field]) });
  }
  const actualCells = new Map(actual.cells.map((c) => [cellKey(c), c]));
  const amounts = numericCells(expected);
  for (const e of expected.cells) {
    const a = actualCells.get(cellKey(e));
    const numeric = amounts.has(e);
    const exact = !!a && a.text === e.text && a.rowSpan === e.rowSpan && a.colSpan === e.colSpan && a.header === e.header;
    figures.cells.total++;
    if (numeric) figures.numericCells.total++;
    if (exact) {
      figures.cells.exact++;
      if (numeric) figures.numericCells.exact++;
    } else {
      const fmt = (c?: typeof e) => (c ? `${JSON.stringify(c.text)} ${c.rowSpan}×${c.colSpan}${c.header ? ' header' : ''}` : '(no cell)');
      diffs.push({ table: where, row: e.row, column: String(e.col), expected: fmt(e), actual: fmt(a) });
    }
  }
  const actualRows = actual.rows ?? [];
  (expected.rows ?? []).forEach((e, i) => {
    figures.rows.total++;
    const a = actualRows[i];
    if (JSON.stringify(a) === JSON.stringify(e)) {
      figures.rows.exact++;
      return;
    }
    const label = `${e.panel ? `${e.panel}:` : ''}${e.code ?? ''} ${e.name}`.trim();
    if (!a) {
      diffs.push({ table: where, row: label, expected: show(e), actual: '(no row)' });
      return;
    }
    const keys = new Set([...Object.keys(e), ...Object.keys(a)].filter((k) => k !== 'values'));
    for (const k of keys) {
      const ev = (e as Record<string, unknown>)[k];
      const av = (a as Record<string, unknown>)[k];
      if (JSON.stringify(ev) !== JSON.stringify(av)) diffs.push({ table: where, row: label, column: k, expected: show(ev), actual: show(av) });
    }
    for (const k of new Set([...Object.keys(e.values), ...Object.keys(a.values)])) {
      if (e.values[k] !== a.values[k]) diffs.push({ table: where, row: label, column: k, expected: show(e.values[k]), actual: show(a.values[k]) });
    }
  });
  if (actualRows.length > (expected.rows ?? []).length) {
    diffs.push({ table: where, column: 'rows', expected: String(expected.rows?.length ?? 0), actual: String(actualRows.length) });
  }
}

/** Audit statuses, rule by rule: a rule whose status changed (or that appeared or vanished) is a difference. */
function compareChecks(expected: Output, actual: Output, figures: Figures, diffs: Difference[]): void {
  const statuses = (o: Output) => new Map(o.checks.map((c) => [c.rule, c.status as string]));
  const e = statuses(expected);
  const a = statuses(actual);
  for (const rule of new Set([...e.keys(), ...a.keys()])) {
    figures.checks.total++;
    if (e.get(rule) === a.get(rule)) figures.checks.same++;
    else diffs.push({ table: 'checks', row: rule, expected: e.get(rule) ?? '(no check)', actual: a.get(rule) ?? '(no check)' });
  }
  figures.checks.missing = [...a.values()].filter((s) => s === 'missing').length;
}

/** Cell-level, numeric and typed-row comparison of an output with its golden, and of their audits. */
export function compareOutputs(expected: Output, actual: Output): Comparison {
  const figures: Figures = {
    tablesExpected: expected.tables.length,
    tablesFound: 0,
    cells: { exact: 0, total: 0 },
    numericCells: { exact: 0, total: 0 },
    rows: { exact: 0, total: 0 },
    forms: { exact: 0, total: 0 },
    checks: { same: 0, total: 0, missing: 0 },
  };
  const differences: Difference[] = [];
  for (const field of ['family', 'scope', 'organization', 'year', 'title'] as const) {
    if (expected.document[field] !== actual.document[field]) {
      differences.push({ table: '(document)', column: field, expected: show(expected.document[field]), actual: show(actual.document[field]) });
    }
  }
  const unused = [...actual.tables];
  for (const e of expected.tables) {
    const i = unused.findIndex((a) => sameTable(a, e));
    if (i < 0) {
      differences.push({ table: `${e.id} ${e.title}`, expected: `table ${e.kind}`, actual: '(not found)' });
      figures.cells.total += e.cells.length;
      figures.numericCells.total += numericCells(e).size;
      figures.rows.total += e.rows?.length ?? 0;
      continue;
    }
    figures.tablesFound++;
    compareTable(e, unused.splice(i, 1)[0], figures, differences);
  }
  for (const a of unused) differences.push({ table: `${a.id} ${a.title}`, expected: '(no table)', actual: `table ${a.kind}` });
  expected.forms.forEach((e, i) => {
    figures.forms.total++;
    const a = actual.forms[i];
    if (JSON.stringify(a) === JSON.stringify(e)) figures.forms.exact++;
    else {
      const keys = new Set([...Object.keys(e), ...Object.keys(a ?? {})]);
      for (const k of keys) {
        const ev = (e as Record<string, unknown>)[k];
        const av = a ? (a as Record<string, unknown>)[k] : undefined;
        if (JSON.stringify(ev) !== JSON.stringify(av)) differences.push({ table: `${e.id} ${e.kind}`, column: k, expected: show(ev), actual: show(av) });
      }
    }
  });
  if (actual.forms.length > expected.forms.length) {
    differences.push({ table: '(forms)', expected: String(expected.forms.length), actual: String(actual.forms.length) });
  }
  compareChecks(expected, actual, figures, differences);
  return { figures, differences };
}
