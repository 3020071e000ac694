import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { OutputSchema, type Output } from '../../src/model/output.js';
import type { TypedRow } from '../../src/model/table.js';
import { ROOT } from '../../test/helpers.js';
import type { Instance } from '../../src/validate/types.js';
import { FINAL_RULES } from './final-rules.js';
import { audit } from './rules.js';
import { worst, type Status } from '../../src/validate/tolerance.js';

/** The three Shanghai 2024 部门决算 of rules.yaml's `documents`, by their goldens. */
const DOCS = {
  'P-CZJ': 'sh-putuo-caizhengju-2024-final.pdf',
  'P-GH': 'sh-putuo-guihuaziyuan-2024-final.pdf',
  'P-SHJ': 'sh-putuo-shegongbu-2024-final.pdf',
} as const;
type Doc = keyof typeof DOCS;

const load = (doc: Doc): Output => OutputSchema.parse(JSON.parse(readFileSync(join(ROOT, 'golden', `${DOCS[doc]}.json`), 'utf8')));
const clone = (out: Output): Output => JSON.parse(JSON.stringify(out));

/**
 * Status of every 决算 rule on each document. Where rules.yaml records a `realpdf` result for the document,
 * the pin is the worst status it records (checked below); the others (marked *) are what the figures give:
 * - FIN-T-12 P-SHJ, FIN-T-13 / FIN-X-10 all, FIN-X-07 P-CZJ / P-SHJ: tables empty or every compared cell blank
 * - FIN-X-05 / FIN-X-06 P-SHJ: no carry-over at all, 0 = 307.82 − 307.82
 * - FIN-X-09 P-CZJ: 30302 退休费 69.10 vs 2080501 行政单位离退休 84.65 (a hint, as P-GH's 67.96 vs 82.64)
 */
const PINNED: Record<string, Record<Doc, Status>> = {
  'FIN-T-01': { 'P-CZJ': 'pass', 'P-GH': 'pass', 'P-SHJ': 'pass' },
  'FIN-T-02': { 'P-CZJ': 'pass', 'P-GH': 'pass', 'P-SHJ': 'pass' },
  'FIN-T-03': { 'P-CZJ': 'pass', 'P-GH': 'pass', 'P-SHJ': 'pass' },
  'FIN-T-04': { 'P-CZJ': 'pass', 'P-GH': 'pass', 'P-SHJ': 'pass' },
  'FIN-T-05': { 'P-CZJ': 'pass', 'P-GH': 'pass', 'P-SHJ': 'pass' },
  // P-GH: 本年支出合计 9746.50 vs Σ类 9746.49
  'FIN-T-08': { 'P-CZJ': 'pass', 'P-GH': 'pass_rounding', 'P-SHJ': 'pass' },
  // P-GH: 人员经费合计 4884.09 vs 301 4816.14 + 303 67.96 = 4884.10
  'FIN-T-10': { 'P-CZJ': 'pass', 'P-GH': 'pass_rounding', 'P-SHJ': 'pass' },
  // P-CZJ 301 2082.85 vs 2082.86, 302 171.07 vs 171.09; P-GH 302 440.90 vs 440.88; P-SHJ 302 10.23 vs 10.22
  'FIN-T-11': { 'P-CZJ': 'pass_rounding', 'P-GH': 'pass_rounding', 'P-SHJ': 'pass_rounding' },
  'FIN-T-12': { 'P-CZJ': 'pass', 'P-GH': 'pass', 'P-SHJ': 'na' }, // * P-SHJ
  'FIN-T-13': { 'P-CZJ': 'na', 'P-GH': 'na', 'P-SHJ': 'na' },
  // P-CZJ 208 326.71 vs 326.72; P-GH 210 236.63 vs 236.64, 212 3845.25 vs 3845.24
  'FIN-X-01': { 'P-CZJ': 'warn_rounding', 'P-GH': 'warn_rounding', 'P-SHJ': 'pass' },
  'FIN-X-02': { 'P-CZJ': 'pass', 'P-GH': 'pass', 'P-SHJ': 'pass' },
  // P-CZJ 208 326.71 vs 326.72; P-GH 210 236.63 vs 236.64
  'FIN-X-03': { 'P-CZJ': 'warn_rounding', 'P-GH': 'warn_rounding', 'P-SHJ': 'pass' },
  // P-SHJ: 基本支出 105.58 vs 95.36 + 10.23 = 105.59
  'FIN-X-04': { 'P-CZJ': 'pass', 'P-GH': 'pass', 'P-SHJ': 'pass_rounding' },
  'FIN-X-05': { 'P-CZJ': 'pass', 'P-GH': 'pass', 'P-SHJ': 'pass' }, // * P-SHJ
  'FIN-X-06': { 'P-CZJ': 'pass', 'P-GH': 'pass', 'P-SHJ': 'pass' }, // * P-GH, P-SHJ
  'FIN-X-07': { 'P-CZJ': 'na', 'P-GH': 'pass', 'P-SHJ': 'na' }, // * P-CZJ, P-SHJ
  // P-GH: 142.80 below 480.66 (the department has 事业 units)
  'FIN-X-08': { 'P-CZJ': 'pass', 'P-GH': 'pass', 'P-SHJ': 'pass' },
  // P-GH: 30110 236.63 vs 2101101 + 2101102 236.64; 30302 67.96 vs 2080501 + 2080502 82.64
  'FIN-X-09': { 'P-CZJ': 'hint', 'P-GH': 'hint', 'P-SHJ': 'pass' }, // * P-CZJ, P-SHJ
  'FIN-X-10': { 'P-CZJ': 'na', 'P-GH': 'na', 'P-SHJ': 'na' },
};

const RULES_YAML = join(ROOT, '../shared/domain/rules.yaml');

describe('决算 rules on the three Shanghai 2024 部门决算', () => {
  const outs = Object.fromEntries((Object.keys(DOCS) as Doc[]).map((d) => [d, load(d)])) as Record<Doc, Output>;

  it('pins a status for every rule of final-rules.ts, and rule ids are kept', () => {
    expect(Object.keys(PINNED)).toEqual(FINAL_RULES.map((r) => r.id));
  });

  it.skipIf(!existsSync(RULES_YAML))('the pins are the realpdf statuses rules.yaml records (worst per document), titles its titles', () => {
    const rules = parse(readFileSync(RULES_YAML, 'utf8')).rules as { id: string; title: string; realpdf?: { doc: string; status: string }[] }[];
    for (const r of FINAL_RULES) {
      const recorded = rules.find((x) => x.id === r.id)!;
      expect(r.title).toBe(recorded.title);
      for (const doc of Object.keys(DOCS) as Doc[]) {
        const statuses = (recorded.realpdf ?? []).filter((x) => x.doc === doc).map((x) => x.status.toLowerCase() as Status);
        if (statuses.length) expect([r.id, doc, PINNED[r.id][doc]]).toEqual([r.id, doc, worst(statuses)]);
      }
    }
  });

  describe.each(Object.keys(DOCS) as Doc[])('%s', (doc) => {
    it.each(FINAL_RULES.map((r) => r.id))('%s', (id) => {
      const check = audit(outs[doc]).find((c) => c.rule === id)!;
      expect(check.status).toBe(PINNED[id][doc]);
    });
  });

  it('every comparison points at the cells it read, with expected and actual figures', () => {
    for (const doc of Object.keys(DOCS) as Doc[]) {
      for (const rule of FINAL_RULES) {
        for (const i of rule.evaluate(outs[doc]).filter((x): x is Instance => x !== null)) {
          expect(i.refs.length, `${doc} ${rule.id} ${i.message}`).toBeGreaterThan(0);
          expect(i.expected, `${doc} ${rule.id}`).toBeDefined();
          expect(i.actual, `${doc} ${rule.id}`).toBeDefined();
          for (const r of i.refs.filter((x) => x.table)) expect(r.page).toBeDefined();
        }
      }
    }
  });

  it('reports the rounding splits with their figures and cells', () => {
    const checks = audit(outs['P-GH']);
    expect(checks.find((c) => c.rule === 'FIN-X-03')).toMatchObject({ status: 'warn_rounding', expected: '236.64', actual: '236.63' });
    const x01 = checks.find((c) => c.rule === 'FIN-X-01')!;
    expect(x01.refs).toContainEqual(expect.objectContaining({ table: 't02', col: 'final', text: '210 九、卫生健康支出', page: 7 }));
    expect(checks.find((c) => c.rule === 'FIN-T-10')).toMatchObject({ status: 'pass_rounding', expected: '4884.10', actual: '4884.09' });
  });

  it('a changed figure makes the rules that read it fail, with expected and actual', () => {
    const out = clone(outs['P-SHJ']);
    const summary = out.tables.find((t) => t.kind === 'F.summary')!;
    summary.rows!.find((r) => r.panel === 'expenditure' && r.code === '208')!.values.final = '11.82';
    const checks = audit(out);
    // 本年支出合计 307.82 against Σ类 308.82, and the class against 支出决算表 208 10.82
    expect(checks.find((c) => c.rule === 'FIN-T-02')).toMatchObject({ status: 'fail', expected: '308.82', actual: '307.82' });
    const x01 = checks.find((c) => c.rule === 'FIN-X-01')!;
    expect(x01).toMatchObject({ status: 'fail', expected: '10.82', actual: '11.82' });
    expect(x01.refs[0]).toMatchObject({ table: summary.id, col: 'final', text: '208 八、社会保障和就业支出', page: 5 });

    const czj = clone(outs['P-CZJ']);
    const econ = czj.tables.find((t) => t.kind === 'F.gpb_basic_econ')!;
    econ.rows!.find((r) => r.name === '公用经费合计')!.values.final = '185.65';
    const byRule = new Map(audit(czj).map((c) => [c.rule, c]));
    expect(byRule.get('FIN-T-10')).toMatchObject({ status: 'fail', expected: '184.65', actual: '185.65' });
    // 2336.91 基本支出 against 2152.26 + 185.65
    expect(byRule.get('FIN-X-04')).toMatchObject({ status: 'fail', expected: '2337.91', actual: '2336.91' });
    // the narrative's 184.65 below the table's 185.65 is allowed (事业 units); above it would not be
    expect(byRule.get('FIN-X-08')!.status).toBe('pass');
    econ.rows!.find((r) => r.name === '公用经费合计')!.values.final = '183.65';
    expect(audit(czj).find((c) => c.rule === 'FIN-X-08')).toMatchObject({ status: 'fail', expected: '183.65', actual: '184.65' });
  });

  it('三公: a basic-expense item above the 三公 决算 warns', () => {
    const out = clone(outs['P-GH']);
    const econ = out.tables.find((t) => t.kind === 'F.gpb_basic_econ')!;
    econ.rows!.find((r) => r.code === '30217')!.values.final = '0.50';
    expect(audit(out).find((c) => c.rule === 'FIN-X-07')).toMatchObject({ status: 'warn', actual: '0.50', expected: '≤ 0.39' });
    econ.rows!.find((r) => r.code === '30217')!.values.final = '0.40';
    expect(audit(out).find((c) => c.rule === 'FIN-X-07')!.status).toBe('pass_rounding');
  });

  it('政府性基金 table with figures: roll-forward and agreement with the 财政拨款总表', () => {
    const out = clone(outs['P-CZJ']);
    const fund = out.tables.find((t) => t.kind === 'F.gov_fund')!;
    fund.empty = false;
    fund.rows = [
      { row: 11, level: 'total', name: '合计', values: { opening_balance: '10.00', income: '100.00', total: '90.00', basic: '30.00', project: '60.00', closing_balance: '20.00' } },
      { row: 12, code: '212', level: '类', name: '城乡社区支出', values: { opening_balance: '10.00', income: '100.00', total: '90.00', basic: '30.00', project: '60.00', closing_balance: '20.00' } },
    ];
    const fs = out.tables.find((t) => t.kind === 'F.fiscal_summary')!;
    const set = (test: (r: TypedRow) => boolean, col: string, v: string) => (fs.rows!.find(test)!.values[col] = v);
    set((r) => r.panel === 'income' && !r.parent && r.name.startsWith('二、'), 'final', '100.00');
    set((r) => r.panel === 'income' && r.parent !== undefined && r.name.startsWith('二、'), 'final', '10.00');
    set((r) => r.panel === 'expenditure' && r.name === '本年支出合计', 'gov_fund', '90.00');
    set((r) => r.panel === 'expenditure' && r.code === '212', 'gov_fund', '90.00');
    set((r) => r.panel === 'expenditure' && r.name === '年末财政拨款结转和结余', 'gov_fund', '20.00');
    let byRule = new Map(audit(out).map((c) => [c.rule, c]));
    expect(byRule.get('FIN-T-13')!.status).toBe('pass');
    expect(byRule.get('FIN-X-10')!.status).toBe('pass');
    expect(byRule.get('FIN-X-06')!.status).toBe('pass');

    fund.rows[0].values.closing_balance = '25.00';
    byRule = new Map(audit(out).map((c) => [c.rule, c]));
    expect(byRule.get('FIN-T-13')).toMatchObject({ status: 'fail', expected: '20.00', actual: '25.00' });
    expect(byRule.get('FIN-X-10')).toMatchObject({ status: 'fail', expected: '20.00', actual: '25.00' });
  });
});
