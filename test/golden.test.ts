import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDifference } from '../src/golden/report.js';
import { verifyCorpus } from '../src/golden/verify.js';
import { OutputSchema } from '../src/model/output.js';
import { CLI, ROOT, SEED } from './helpers.js';

const CORPUS = join(ROOT, 'corpus');
const GOLDEN = join(ROOT, 'golden');
const SEED_GOLDEN = join(GOLDEN, `${basename(SEED)}.json`);

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '', ...env } });
}

/** Every golden as stored (not parsed by today's schema, so a status the schema does not know yet is still seen). */
interface RawGolden {
  tables: { id: string; kind: string; columns?: { key: string }[]; rows?: { name?: string }[] }[];
  checks: { rule: string; status: string; message?: string }[];
}
const GOLDENS: [string, RawGolden][] = readdirSync(GOLDEN)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(join(GOLDEN, f), 'utf8')) as RawGolden]);
const typedTables = () => GOLDENS.flatMap(([file, g]) => g.tables.filter((t) => t.kind !== 'generic').map((t) => ({ file, t })));

describe('goldens hold no half-typed table and no unchecked rule', () => {
  it('no typed table of 2 rows or more has a row without a name', () => {
    const nameless = typedTables().flatMap(({ file, t }) => {
      const rows = t.rows ?? [];
      const n = rows.filter((r) => !(r.name ?? '').trim()).length;
      return rows.length >= 2 && n ? [`${file} ${t.id} ${t.kind}: ${n} of ${rows.length} rows without a name`] : [];
    });
    expect(nameless, 'typed tables with nameless rows (golden, table id, kind)').toEqual([]);
  });

  it('no typed table has a column keyed colN (a column whose role was not recognised)', () => {
    const unkeyed = typedTables().flatMap(({ file, t }) => {
      const keys = (t.columns ?? []).map((c) => c.key).filter((k) => /^col\d+$/.test(k));
      return keys.length ? [`${file} ${t.id} ${t.kind}: ${keys.join(', ')}`] : [];
    });
    expect(unkeyed, 'typed tables with colN column keys (golden, table id, kind: keys)').toEqual([]);
  });

  it('no check has the status missing (a rule whose rows or columns were not recognised)', () => {
    const missing = GOLDENS.flatMap(([file, g]) => g.checks.filter((c) => c.status === 'missing').map((c) => `${file} ${c.rule}: ${c.message ?? ''}`));
    expect(missing, 'checks that could not be evaluated (golden, rule: message)').toEqual([]);
  });
});

describe('golden regression', () => {
  it('every corpus document matches its golden, 100 %, audit statuses included', async () => {
    const results = await verifyCorpus({ corpus: CORPUS, golden: GOLDEN });
    expect(results.length).toBeGreaterThan(0);
    // every document that differs, with its first differences as `extract verify` prints them
    const differing = results.flatMap((r) => {
      if (r.error) return [`${r.name}: ERROR ${r.error}`];
      const { differences } = r.comparison!;
      return differences.length ? [`${r.name}: ${differences.length} differences\n${differences.slice(0, 5).map((d) => `  ${formatDifference(d)}`).join('\n')}`] : [];
    });
    expect(differing, 'documents that differ from their goldens').toEqual([]);
    for (const r of results) {
      const f = r.comparison!.figures;
      expect(f.tablesFound).toBe(f.tablesExpected);
      expect(f.numericCells.exact).toBe(f.numericCells.total);
      expect(f.checks.same).toBe(f.checks.total);
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

  it('fails when an audit status differs: the rule with both statuses, and the checks figures', () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-golden-'));
    cpSync(GOLDEN, dir, { recursive: true });
    const file = join(dir, basename(SEED_GOLDEN));
    const golden = JSON.parse(readFileSync(file, 'utf8'));
    const check = golden.checks.find((c: { status: string }) => c.status === 'fail');
    check.status = 'pass';
    writeFileSync(file, JSON.stringify(golden, null, 2));

    const r = cli(['verify', '--golden', dir, '--filter', basename(SEED)]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/ · checks same \d+\/\d+ · missing \d+ · /);
    expect(r.stdout).toContain(`checks | ${check.rule} | expected pass | actual fail`);
  });

  it('refuses to regenerate goldens when CI is set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-golden-'));
    const r = cli(['verify', '--update', '--golden', dir], { CI: 'true' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('refusing to regenerate goldens while CI is set');
  });
});
