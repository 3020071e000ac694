import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyCorpus } from '../src/golden/verify.js';
import { OutputSchema } from '../src/model/output.js';
import { CLI, ROOT, SEED } from './helpers.js';

const CORPUS = join(ROOT, 'corpus');
const GOLDEN = join(ROOT, 'golden');
const SEED_GOLDEN = join(GOLDEN, `${basename(SEED)}.json`);

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '', ...env } });
}

describe('golden regression', () => {
  it('every corpus document matches its golden, 100 %', async () => {
    const results = await verifyCorpus({ corpus: CORPUS, golden: GOLDEN });
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.error, r.name).toBeUndefined();
      expect(r.comparison!.differences, r.name).toEqual([]);
      const f = r.comparison!.figures;
      expect(f.tablesFound).toBe(f.tablesExpected);
      expect(f.numericCells.exact).toBe(f.numericCells.total);
    }
  });

  it('the seed golden restates the seed text: its typed amounts are exactly the amounts printed in the seed tables', () => {
    const golden = OutputSchema.parse(JSON.parse(readFileSync(SEED_GOLDEN, 'utf8')));
    const text = readFileSync(SEED, 'utf8');
    // the tables section of the seed body: from the first table title to the 情况说明 part
    const body = text.slice(text.indexOf('预算公开表1'), text.lastIndexOf('第三部分'));
    const printed = body.split('\n').filter((l) => l.includes('\t')).flatMap((l) => l.split('\t')).map((f) => f.trim()).filter((f) => /^\d+\.\d{2}$/.test(f));
    const typed = golden.tables.flatMap((t) => (t.rows ?? []).flatMap((r) => Object.values(r.values))).filter((v): v is string => v !== null);
    expect(printed).toHaveLength(245);
    expect([...typed].sort()).toEqual([...printed].sort());
  });

  it('fails loudly, with the cell, when a golden value is changed by hand', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-golden-'));
    cpSync(GOLDEN, dir, { recursive: true });
    const file = join(dir, basename(SEED_GOLDEN));
    const golden = JSON.parse(readFileSync(file, 'utf8'));
    const income = golden.tables.find((t: { kind: string }) => t.kind === 'B.income');
    const row = income.rows.find((r: { code?: string }) => r.code === '201');
    row.values.total = '432.67';
    writeFileSync(file, JSON.stringify(golden, null, 2));

    const [result] = await verifyCorpus({ corpus: CORPUS, golden: dir, filter: basename(SEED) });
    expect(result.comparison!.differences).toContainEqual(
      expect.objectContaining({ row: '201 一般公共服务支出', column: 'total', expected: '"432.67"', actual: '"432.76"' }),
    );
    const r = cli(['verify', '--golden', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/typed rows exact \d+\/\d+/);
    expect(r.stdout).toContain('row 201 一般公共服务支出 | column total | expected "432.67" | actual "432.76"');
  });

  it('refuses to regenerate goldens when CI is set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-golden-'));
    const r = cli(['verify', '--update', '--golden', dir], { CI: 'true' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('refusing to regenerate goldens while CI is set');
  });
});
