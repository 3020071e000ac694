/**
 * Web pages and text as portals publish them: office "save as web page" output of workbooks holding the seed's
 * tables and a real PDF's tables (test/fixtures/html, made by scripts/make-html-fixtures.ts with LibreOffice),
 * saved in UTF-8 and in GBK. Expected rows come from the seed golden (itself checked against the seed text)
 * and from the hand-verified truth of ../shared/truth, never from this extractor's output.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractError } from '../src/errors.js';
import { decodeBytes, declaredEncoding, looksLikeHtml } from '../src/ingest/decode.js';
import { htmlToSource } from '../src/ingest/html.js';
import type { Output } from '../src/model/output.js';
import { extract } from '../src/pipeline.js';
import { CLI, ROOT, sharedPath } from './helpers.js';
import { scoreAgainstTruth, type Truth } from './truth.js';

const FIXTURES = resolve(ROOT, 'test/fixtures');
const seedGolden = JSON.parse(readFileSync(resolve(ROOT, 'golden/seed-zezhou-xinfangju-2024-budget.txt.json'), 'utf8')) as Output;
const tmp = mkdtempSync(join(tmpdir(), 'extract-html-'));

/** What a table's typing says: kind, title, unit, note, empty flag, and every typed row but its grid row number. */
const typed = (out: Output) =>
  out.tables.map((t) => ({ kind: t.kind, title: t.title, unit: t.unit, empty: t.empty, note: t.note, rows: (t.rows ?? []).map(({ row: _row, ...r }) => r) }));
const formsOf = (out: Output) => out.forms.map((f) => JSON.stringify({ ...f, id: undefined, table: undefined, pages: undefined }));

describe('the seed saved as a web page by an office program', () => {
  it.each(['seed-zezhou-2024.calc.html', 'seed-zezhou-2024.calc.gbk.html'])('%s gives the typed rows and forms of the seed text', async (name) => {
    const out = await extract(join(FIXTURES, 'html', name));
    expect(out.source.format).toBe('html');
    expect(out.document).toMatchObject({ organization: '泽州县信访局', year: 2024, family: 'budget' });
    expect(typed(out)).toEqual(typed(seedGolden));
    expect(formsOf(out)).toEqual(formsOf(seedGolden));
  });

  it('the seed text saved in GB18030 reads like the UTF-8 one', async () => {
    const out = await extract(join(FIXTURES, 'text', 'seed-zezhou-2024.gb18030.txt'));
    expect(typed(out)).toEqual(typed(seedGolden));
  });
});

describe('a real PDF\'s tables (hangzhou_0133, hand-verified truth) saved as a web page', () => {
  const truth = JSON.parse(readFileSync(sharedPath('truth/hangzhou_0133_2026_dept-budget.json'), 'utf8')) as Truth;
  it.each(['hangzhou-0133-2026.calc.html', 'hangzhou-0133-2026.calc.gbk.html'])('%s: every table typed, every value and row name exact', async (name) => {
    const out = await extract(join(FIXTURES, 'html', name));
    expect(out.document.organization).toBe('杭州市气象局');
    // a web page has no pages: the n-th table stands where the truth's n-th table is printed
    expect(out.tables).toHaveLength(truth.tables.length);
    out.tables.forEach((t, i) => (t.pages = truth.tables[i].pages));
    const s = scoreAgainstTruth(out, truth);
    expect(s.differences).toEqual([]);
    expect(s.tables).toEqual({ expected: 10, found: 10, empty: 10, unit: 10 });
    expect(s.values.exact).toBe(s.values.total);
    expect(s.rows.exact).toBe(s.rows.total);
    expect(s.names.right).toBe(s.names.total);
  });
});

describe('encodings', () => {
  // "单位：万元" in GBK
  const gbk = Buffer.from('b5a5cebba3bacdf2d4aa', 'hex');
  it('reads the declared charset, http-equiv and XML declarations', () => {
    expect(declaredEncoding(Buffer.from('<html><head><meta charset="gb2312">'))).toBe('gb18030');
    expect(declaredEncoding(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=GBK" />'))).toBe('gb18030');
    expect(declaredEncoding(Buffer.from('<?xml version="1.0" encoding="gb18030"?><html>'))).toBe('gb18030');
    expect(declaredEncoding(Buffer.from('<meta charset=utf-8>'))).toBe('utf-8');
    expect(declaredEncoding(Buffer.from('<p>no declaration</p>'))).toBeUndefined();
  });

  it('decodes GBK by the bytes when nothing is declared, and when the declaration is wrong', () => {
    expect(decodeBytes('x.txt', gbk)).toEqual({ text: '单位：万元', encoding: 'gb18030' });
    const lying = Buffer.concat([Buffer.from('<meta charset="utf-8"><p>'), gbk]);
    expect(decodeBytes('x.html', lying, { html: true }).text).toContain('单位：万元');
    expect(decodeBytes('x.txt', Buffer.from('\ufeff单位：万元'))).toEqual({ text: '单位：万元', encoding: 'utf-8' });
    expect(decodeBytes('x.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('单位：万元', 'utf16le')])).text).toBe('单位：万元');
  });

  it('refuses binary data and text with nothing in it', () => {
    expect(() => decodeBytes('x.txt', Buffer.from([0, 1, 2, 3, 0, 0, 5, 6]))).toThrow(ExtractError);
    expect(() => decodeBytes('x.txt', Buffer.from(' \n\t '))).toThrow(/no text/);
  });

  it('recognises web pages by their content', () => {
    expect(looksLikeHtml(Buffer.from('\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">'))).toBe(true);
    expect(looksLikeHtml(Buffer.from('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'))).toBe(true);
    expect(looksLikeHtml(Buffer.from('2024年预算收支总表\t\t\n收入\t支出'))).toBe(false);
  });

  it('reads a GBK page without extension and an .xhtml page', async () => {
    const page = Buffer.concat([
      Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><table><caption>'),
      Buffer.from('cac2d2b5b5a5cebbd6a7b3f6d4a4cbe3b1ed', 'hex'), // 事业单位支出预算表
      Buffer.from('</caption><tr><td>'),
      gbk,
      Buffer.from('</td><td>1.00</td></tr><tr><td>a</td><td>2.00</td></tr></table></body></html>'),
    ]);
    for (const name of ['page', 'page.xhtml']) {
      writeFileSync(join(tmp, name), page);
      const out = await extract(join(tmp, name));
      expect(out.source.format).toBe('html');
      expect(out.tables[0].title).toBe('事业单位支出预算表');
    }
  });
});

describe('HTML layout', () => {
  it('takes title, 部门名称 and 单位 rows out of the table, and the note under it', () => {
    const src = htmlToSource(`<table>
      <tr><td colspan="3">表3：2024年支出预算总表</td></tr>
      <tr><td colspan="2">部门名称：某局</td><td>单位：万元</td></tr>
      <tr><td>项目</td><td>基本支出</td><td>项目支出</td></tr>
      <tr><td>合计</td><td>1.00</td><td>2.00</td></tr>
      <tr><td colspan="3">注：本表无数据的项目不列示。</td></tr></table>`);
    expect(src.blocks.map((b) => (b.type === 'text' ? b.text : `grid ${b.grid.nRows}x${b.grid.nCols}`))).toEqual([
      '表3：2024年支出预算总表', '部门名称：某局', '单位：万元', 'grid 2x3', '注：本表无数据的项目不列示。',
    ]);
  });

  it('reads a table nested in a layout table as the table, and skips hidden elements', () => {
    const src = htmlToSource(`<table><tr><td><p>2024年收入预算表</p><table><tr><td>项目</td><td>金额</td></tr>
      <tr><td>合计</td><td>3.00</td></tr></table></td></tr></table><div style="display: none"><table><tr><td>x</td><td>y</td></tr></table></div>`);
    expect(src.blocks.map((b) => b.type)).toEqual(['text', 'grid']);
  });

  it('the swu-univ portal page (a wrapper around a linked PDF) is refused in one line naming the file', () => {
    const file = sharedPath('corpus/real/swu-univ/20_swu_2023_department_budget.html');
    const r = spawnSync(process.execPath, [CLI, file], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('西南大学2023年度部门预算.pdf');
    expect(r.stderr).toContain('[E_LINKED_DOCUMENT]');
  });
});
