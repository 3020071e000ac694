import { Decimal } from 'decimal.js';

/**
 * Statuses of rules.yaml, worst last (a rule reports the worst of its instances), and `missing`: a rule with
 * nothing to compare because rows or columns of a printed table were not recognised (`na`: not printed).
 */
export const STATUSES = ['na', 'missing', 'pass', 'hint', 'pass_rounding', 'warn_rounding', 'warn', 'fail'] as const;
export type Status = (typeof STATUSES)[number];

export function worst(statuses: Status[]): Status {
  return statuses.reduce<Status>((w, s) => (STATUSES.indexOf(s) > STATUSES.indexOf(w) ? s : w), 'na');
}

export const dec = (v: string | null | undefined): Decimal => (v ? new Decimal(v) : new Decimal(0));

/**
 * `sum` policy of rules.yaml: a printed total against n printed addends passes if the difference is at most
 * max(0.01, floor_to_cent(0.005·(n+1))) — every addend and the total are rounded to the cent on their own.
 * A difference inside that is pass_rounding; outside, fail.
 */
export function sumTolerance(addends: number, places = 2): Decimal {
  const step = new Decimal(10).pow(-places);
  const t = step.div(2).times(addends + 1).toDecimalPlaces(places, Decimal.ROUND_FLOOR);
  return Decimal.max(t, step);
}

/**
 * Figures are rounded to the last printed place: cents in 万元 tables, whole 元 in 元 tables, so the
 * tolerance follows the precision the compared figures are printed with.
 */
export function printedPlaces(values: (string | null | undefined)[]): number {
  return values.reduce((m, v) => Math.max(m, v && v.includes('.') ? v.length - v.indexOf('.') - 1 : 0), 0);
}

export function judgeSum(stated: Decimal, computed: Decimal, addends: number, places = 2): Status {
  const diff = stated.minus(computed).abs();
  if (diff.isZero()) return 'pass';
  return diff.lte(sumTolerance(addends, places)) ? 'pass_rounding' : 'fail';
}

/** `copy` policy: the same figure printed twice; exactly 0.01 apart is warn_rounding, more is fail. */
export function judgeCopy(a: Decimal, b: Decimal, places = 2): Status {
  const diff = a.minus(b).abs();
  if (diff.isZero()) return 'pass';
  return diff.eq(new Decimal(10).pow(-places)) ? 'warn_rounding' : 'fail';
}
