import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline.js';
import type { Output } from '../../src/model/output.js';
import { CLI, ROOT, SEED } from '../../test/helpers.js';
import { audit, RULES } from './rules.js';

const RULES_YAML = join(ROOT, '../shared/domain/rules.yaml');

describe('rules on the seed', () => {
  let out: Output;
  beforeAll(async () => {
    out = await extract(SEED);
  });

  it.skipIf(!existsSync(RULES_YAML))('every implemented rule gives the status rules.yaml records for the seed', () => {
    const recorded = new Map<string, string>((parse(readFileSync(RULES_YAML, 'utf8')).rules as { id: string; seed: { status: string } }[]).map((r) => [r.id, r.seed.status.toLowerCase()]));
    const got = out.checks.map((c) => [c.rule, c.status]);
    expect(got).toEqual(RULES.map((r) => [r.id, recorded.get(r.id)]));
  });

  it('finds a changed figure and points at its cell', () => {
    const changed: Output = JSON.parse(JSON.stringify(out));
    const income = changed.tables.find((t) => t.kind === 'B.income')!;
    income.rows!.find((r) => r.code === '201')!.values.total = '433.76';
    const checks = audit(changed);
    const hierarchy = checks.find((c) => c.rule === 'GEN-T-01')!;
    expect(hierarchy.status).toBe('fail');
    expect(hierarchy.refs).toContainEqual(expect.objectContaining({ table: income.id, col: 'total', text: '201 一般公共服务支出' }));
    expect(checks.find((c) => c.rule === 'BUD-T-07')).toMatchObject({ status: 'fail', expected: '432.76', actual: '433.76' });
  });
});

describe('extract check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'extract-check-'));
  const broken = join(dir, 'broken.txt');
  writeFileSync(broken, readFileSync(SEED, 'utf8').replace('201\t一般公共服务支出\t432.76\t432.76', '201\t一般公共服务支出\t433.76\t432.76'));
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'check', ...args], { cwd: ROOT, encoding: 'utf8' });

  it.skipIf(!existsSync(RULES_YAML))('reports the seed by severity: its real errors fail, rounding is listed apart', () => {
    const r = run(SEED);
    expect(r.status).toBe(1);
    // as many FAILs as rules.yaml records for the seed among the implemented rules
    const recorded = (parse(readFileSync(RULES_YAML, 'utf8')).rules as { id: string; seed: { status: string } }[]).filter((x) => RULES.some((rule) => rule.id === x.id));
    const count = (status: string) => recorded.filter((x) => x.seed.status === status).length;
    expect(r.stdout).toContain(`FAIL (${count('FAIL')})`);
    expect(r.stdout).toContain('八、机关运行经费增减变动原因说明: 减少0.56万元 from 28.46 is 1.97%, stated 1.79%');
    expect(r.stdout).toContain('农校遗留问题经费: 实施期资金总额 79000元 = 7.90万元 vs 项目支出表 9.10');
    expect(r.stdout).toContain(`PASS_ROUNDING (${count('PASS_ROUNDING')})`);
    expect(r.stdout).toContain('expected 518.24 · actual 518.25');
    expect(run(SEED, '--fail-on', 'never').status).toBe(0);
  });

  it('exits 1 when a changed figure breaks an identity', () => {
    const r = run(broken, '--fail-on', 'fail');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/FAIL \(\d+\)/);
    expect(r.stdout).toContain('BUD-T-07');
    expect(r.stdout).toContain('GEN-T-01');
  });
});
