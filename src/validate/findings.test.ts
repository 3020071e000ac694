import { describe, expect, it } from 'vitest';
import type { Output } from '../model/output.js';
import { findingsOf } from './findings.js';
import type { Evaluation } from './index.js';
import type { Instance } from './types.js';

/** Grouping by cause on hand-made comparisons: what joins two rules' comparisons into one finding, and what does not. */
const out = { tables: [], forms: [] } as unknown as Output;
const evaluation = (id: string, instances: Instance[]): Evaluation => ({
  rule: { id, title: id, evaluate: () => instances },
  check: { rule: id, status: instances[0]?.status ?? 'na', message: '', refs: [] },
  instances,
});
const cell = (table: string, row: number, col: string) => ({ table, row, col, text: `row ${row}`, page: 3 });
const passage = 'P: 一般公共服务支出2106.66万元,占71.73%;社会保障和就业支出326.72万元,占11.11%';
const rulesOf = (evaluations: Evaluation[]) => findingsOf(out, evaluations).map((f) => f.rules);

describe('findings: comparisons grouped by the figure they are about', () => {
  it('two rules judging the same cell are one finding listing both', () => {
    const sum = (id: string) => evaluation(id, [{ status: 'pass_rounding', message: '', expected: '10.22', actual: '10.23', refs: [cell('t7', 3, 'final'), cell('t7', 4, 'final'), cell('t7', 5, 'final')] }]);
    expect(rulesOf([sum('GEN-T-02'), sum('FIN-T-11')])).toEqual([['GEN-T-02', 'FIN-T-11']]);
  });

  it('two copies sharing a cell join when they are off by as much, not otherwise', () => {
    const copy = (id: string, from: string, actual: string, expected: string) => evaluation(id, [{ status: 'warn_rounding', message: '', expected, actual, refs: [cell(from, 9, 'gpb'), cell('t6', 10, 'total')] }]);
    expect(rulesOf([copy('FIN-X-03', 't5', '236.63', '236.64'), copy('FIN-N-03', 't2', '236.63', '236.64')])).toEqual([['FIN-X-03', 'FIN-N-03']]);
    expect(rulesOf([copy('FIN-X-03', 't5', '236.63', '236.64'), copy('FIN-N-07', 't2', '249.53', '236.64')])).toHaveLength(2);
    // a sum reading the cell among many does not pull it in
    const sum = evaluation('GEN-T-01', [{ status: 'pass_rounding', message: '', expected: '1', actual: '1.01', refs: [cell('t6', 1, 'total'), cell('t6', 10, 'total'), cell('t6', 11, 'total')] }]);
    expect(rulesOf([copy('FIN-X-03', 't5', '236.63', '236.64'), sum])).toHaveLength(2);
  });

  it('a figure derived from a passage (shares add up to 100.07 %) joins the misprinted figure printed there', () => {
    const share = (id: string) => evaluation(id, [{ status: 'fail', message: '', expected: '71.65', actual: '71.73', refs: [{ text: passage, page: 21 }] }]);
    const sum = evaluation('GEN-N-03', [{ status: 'fail', message: '', expected: '100', actual: '100.07', refs: [{ text: passage, page: 21 }] }]);
    const findings = findingsOf(out, [share('GEN-N-02'), sum, share('FIN-N-03')]);
    expect(findings.map((f) => f.rules)).toEqual([['GEN-N-02', 'GEN-N-03', 'FIN-N-03']]);
    expect(findings[0]).toMatchObject({ stated: '71.73', expected: '71.65', difference: '0.08', where: { page: 21, section: 'P' } });
    // alone, it is a finding of its own
    expect(rulesOf([sum])).toEqual([['GEN-N-03']]);
  });

  it('the same figures of another passage are another finding; statements without a judged figure join on the figures they quote', () => {
    const other = evaluation('GEN-N-02', [{ status: 'fail', message: '', expected: '71.65', actual: '71.73', refs: [{ text: 'Q: 占71.73%', page: 22 }] }]);
    const share = evaluation('FIN-N-03', [{ status: 'fail', message: '', expected: '71.65', actual: '71.73', refs: [{ text: passage, page: 21 }] }]);
    expect(rulesOf([other, share])).toHaveLength(2);
    const zeroBase = (text: string) => ({ status: 'warn' as const, message: '', refs: [{ text, page: 17 }] });
    const growth = evaluation('FIN-N-13', [zeroBase('一、收入: 与2023年度相比,收入支出总计增加307.82万元,增长100.00%'), zeroBase('四、财政拨款: 与2023年度相比,财政拨款收入支出总计增加307.82万元,增长100.00%'), zeroBase('五、机关运行经费: 机关运行经费增加10.23万元,增长100.00%')]);
    expect(findingsOf(out, [growth]).map((f) => f.comparisons.length)).toEqual([2, 1]);
  });

  it('orders findings most severe first, a hint before a cent within tolerance', () => {
    const one = (id: string, status: Instance['status'], row: number) => evaluation(id, [{ status, message: '', expected: '1', actual: '2', refs: [cell('t1', row, 'total')] }]);
    expect(findingsOf(out, [one('A', 'pass_rounding', 1), one('B', 'hint', 2), one('C', 'fail', 3), one('D', 'pass', 4)]).map((f) => f.status)).toEqual(['fail', 'hint', 'pass_rounding']);
  });
});
