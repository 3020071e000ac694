import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareOutputs } from '../src/golden/compare.js';
import { formatDifference, formatResult } from '../src/golden/report.js';
import { OutputSchema, type Output } from '../src/model/output.js';
import { ROOT } from './helpers.js';

const seed = (): Output => OutputSchema.parse(JSON.parse(readFileSync(join(ROOT, 'golden/seed-zezhou-xinfangju-2024-budget.txt.json'), 'utf8')));
/** a copy of the seed golden whose check of `rule` has another status */
function withStatus(out: Output, rule: string, status: string): Output {
  const copy = structuredClone(out);
  copy.checks.find((c) => c.rule === rule)!.status = status as Output['checks'][number]['status'];
  return copy;
}

describe('extract verify compares the audits too: check statuses, rule by rule', () => {
  it('an identical output: every check the same, none missing, no difference', () => {
    const golden = seed();
    const { figures, differences } = compareOutputs(golden, structuredClone(golden));
    expect(differences).toEqual([]);
    expect(figures.checks).toEqual({ same: golden.checks.length, total: golden.checks.length, missing: 0 });
  });

  it('a changed status is a difference, reported as checks | RULE | expected | actual', () => {
    const golden = seed();
    const rule = golden.checks.find((c) => c.status === 'fail')!.rule;
    const { figures, differences } = compareOutputs(golden, withStatus(golden, rule, 'pass'));
    expect(differences).toEqual([{ table: 'checks', row: rule, expected: 'fail', actual: 'pass' }]);
    expect(figures.checks.same).toBe(golden.checks.length - 1);
    expect(formatDifference(differences[0])).toBe(`checks | ${rule} | expected fail | actual pass`);
  });

  it('a rule that appears or vanishes is a difference', () => {
    const golden = seed();
    const fewer = structuredClone(golden);
    const [dropped] = fewer.checks.splice(0, 1);
    expect(compareOutputs(golden, fewer).differences).toEqual([{ table: 'checks', row: dropped.rule, expected: dropped.status, actual: '(no check)' }]);
    expect(compareOutputs(fewer, golden).differences).toEqual([{ table: 'checks', row: dropped.rule, expected: '(no check)', actual: dropped.status }]);
    expect(compareOutputs(golden, fewer).figures.checks).toMatchObject({ same: golden.checks.length - 1, total: golden.checks.length });
  });

  it('counts the checks of the output that could not be evaluated (missing)', () => {
    const golden = seed();
    const rules = golden.checks.filter((c) => c.status === 'na').slice(0, 2).map((c) => c.rule);
    const actual = withStatus(withStatus(golden, rules[0], 'missing'), rules[1], 'missing');
    const { figures, differences } = compareOutputs(golden, actual);
    expect(figures.checks.missing).toBe(2);
    expect(differences.map(formatDifference)).toEqual(rules.map((r) => `checks | ${r} | expected na | actual missing`));
  });

  it('prints the checks figures on the document line, the other figures as before', () => {
    const golden = seed();
    const rule = golden.checks.find((c) => c.status === 'na')!.rule;
    const text = formatResult({ name: 'seed.txt', comparison: compareOutputs(golden, withStatus(golden, rule, 'missing')) });
    const [line, diff] = text.trimEnd().split('\n');
    expect(line).toMatch(/^seed\.txt: tables 13\/13 · cells exact \d+\/\d+ \(100\.00%\) · numeric cells exact .* · typed rows exact .* · forms exact .*/);
    expect(line).toContain(` · checks same ${golden.checks.length - 1}/${golden.checks.length} · missing 1 · 1 differences`);
    expect(diff).toBe(`  checks | ${rule} | expected na | actual missing`);
    expect(formatResult({ name: 'seed.txt', comparison: compareOutputs(golden, golden) })).toMatch(/ · checks same (\d+)\/\1 · missing 0 · OK\n$/);
  });

  it('other differences keep their format: table | row | column | expected | actual', () => {
    expect(formatDifference({ table: 't01 收支总表', row: '201 一般公共服务支出', column: 'total', expected: '"1.00"', actual: '"2.00"' })).toBe(
      't01 收支总表 | row 201 一般公共服务支出 | column total | expected "1.00" | actual "2.00"',
    );
  });
});
