import type { Output } from '../model/output.js';
import type { Table } from '../model/table.js';
import type { CheckReport } from './findings.js';

/** Characters Excel refuses in a sheet name; names are at most 31 characters and unique in a workbook. */
const SHEET_FORBIDDEN = /[\\/?*[\]:]/g;

function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(SHEET_FORBIDDEN, '_').slice(0, 31) || 'sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The findings of `extract check` (the audit grouped by cause, in words), from the rule catalogue shipped with the package. */
async function findingsOf(out: Output): Promise<CheckReport['findings']> {
  const { RULES, RULE_CATALOGUE } = await import('../../extractors/index.js');
  const { evaluate } = await import('../validate/index.js');
  const { findingsOf } = await import('../validate/findings.js');
  const { checkReport } = await import('./findings.js');
  const byId = new Map(RULE_CATALOGUE.map((r) => [r.id, r]));
  const titles = { title: (id: string) => ({ en: byId.get(id)?.title ?? id, zh: byId.get(id)?.titleZh ?? id }) };
  const evaluations = evaluate(out, RULES);
  return checkReport(out, evaluations, findingsOf(out, evaluations), titles).findings;
}

/**
 * The document as an XLSX workbook (exceljs): a sheet `document` (what it is), one sheet per table — its title,
 * unit and kind above the grid as printed, merged cells merged, header rows bold — a sheet `findings` (what
 * `extract check` reports: the audit by cause, in Chinese and English) and a sheet `checks` (every rule's
 * result). Cell texts are kept as printed (strings): an amount stays the exact decimal the page shows.
 * exceljs is loaded here, not at start-up: only this output needs it.
 */
export async function toXlsx(out: Output): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'extract';
  // a fixed date: the same document gives the same workbook contents
  wb.created = wb.modified = new Date(0);
  const taken = new Set<string>();

  const docSheet = wb.addWorksheet(sheetName('document', taken));
  const d = out.document;
  docSheet.addRows([
    ['file', out.source.file], ['sha256', out.source.sha256], ['format', out.source.format], ['pages', out.source.pages ?? ''],
    ['family', d.family], ['scope', d.scope ?? ''], ['organization', d.organization ?? ''], ['year', d.year ?? ''], ['title', d.title ?? ''],
    ['tables', out.tables.length], ['forms', out.forms.length], ['warnings', out.warnings.length],
  ]);
  docSheet.getColumn(1).font = { bold: true };

  for (const table of out.tables) addTableSheet(wb.addWorksheet(sheetName(`${table.id} ${table.kind}`, taken)), table);

  const findings = wb.addWorksheet(sheetName('findings', taken));
  findings.addRow(['status', 'rules', '说明', 'finding', 'table', 'title', 'row', 'column', 'page', 'stated', 'expected', 'difference']).font = { bold: true };
  for (const f of await findingsOf(out)) {
    const w = f.where;
    findings.addRow([f.status, f.rules.join(' '), f.message.zh, f.message.en, w.table ?? '', w.title ?? '', w.row ?? w.section ?? '', w.column ?? '', w.page ?? '', f.stated ?? '', f.expected ?? '', f.difference ?? '']);
  }
  findings.views = [{ state: 'frozen', ySplit: 1 }];

  const checks = wb.addWorksheet(sheetName('checks', taken));
  checks.addRow(['rule', 'status', 'message', 'expected', 'actual', 'where']).font = { bold: true };
  for (const c of out.checks) {
    const where = c.refs.map((r) => [r.table, r.text, r.col, r.page ? `p.${r.page}` : ''].filter(Boolean).join(' ')).join('; ');
    checks.addRow([c.rule, c.status, c.message, c.expected ?? '', c.actual ?? '', where]);
  }
  checks.views = [{ state: 'frozen', ySplit: 1 }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

type Sheet = import('exceljs').Worksheet;

function addTableSheet(sheet: Sheet, table: Table): void {
  const meta = [table.kind, table.unit ? `单位：${table.unit}` : '', table.pages.length ? `p. ${table.pages.join(', ')}` : ''].filter(Boolean).join(' · ');
  sheet.addRow([table.title || table.id]).font = { bold: true };
  sheet.addRow([meta]);
  // the grid starts on the third row; exceljs counts from 1
  const top = 3;
  for (const c of table.cells) {
    const cell = sheet.getCell(top + c.row, 1 + c.col);
    cell.value = c.text;
    if (c.header) cell.font = { bold: true };
    if (c.rowSpan > 1 || c.colSpan > 1) sheet.mergeCells(top + c.row, 1 + c.col, top + c.row + c.rowSpan - 1, 1 + c.col + c.colSpan - 1);
  }
  if (table.note) sheet.addRows([[], [table.note]]);
}
