import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { judgeCopy, judgeSum, sumTolerance } from './tolerance.js';

describe('tolerance policy of rules.yaml', () => {
  it.each([[2, '0.01'], [4, '0.02'], [8, '0.04'], [12, '0.06'], [1, '0.01']])('%i addends: %s', (n, tol) => {
    expect(sumTolerance(n).toFixed(2)).toBe(tol);
  });
  it('judges sums and copies', () => {
    expect(judgeSum(new Decimal('518.25'), new Decimal('274.82').plus('243.42'), 2)).toBe('pass_rounding');
    expect(judgeSum(new Decimal('518.25'), new Decimal('518.22'), 2)).toBe('fail');
    expect(judgeSum(new Decimal('9746.50'), new Decimal('9746.50'), 2)).toBe('pass');
    // 元 tables are printed whole: a 1 元 difference over 4 addends is rounding
    expect(judgeSum(new Decimal('154369326'), new Decimal('154369327'), 4, 0)).toBe('pass_rounding');
    expect(judgeCopy(new Decimal('274.83'), new Decimal('274.82'))).toBe('warn_rounding');
    expect(judgeCopy(new Decimal('0.3'), new Decimal('2961.68'))).toBe('fail');
  });
});
