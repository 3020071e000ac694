import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../../test/helpers.js';
import type { Output } from '../../src/model/output.js';
import { extract } from '../../src/pipeline.js';

/**
 * The seed's 情况说明 read as facts, checked against the seed text itself: every amount and percentage it
 * prints becomes one fact, and every amount that names a table figure points at the cell holding it.
 */
describe('cn-narrative on the seed', () => {
  let out: Output;
  let narrative: string[];
  beforeAll(async () => {
    out = await extract(SEED);
    const lines = readFileSync(SEED, 'utf8').split('\n');
    const start = lines.findIndex((l) => /^第三部分.*情况说明$/.test(l.trim()));
    const end = lines.findIndex((l, i) => i > start && /^第四部分/.test(l.trim()));
    // the narrative lines of part three (the performance forms in it are tab-separated tables)
    narrative = lines.slice(start, end).filter((l) => !l.includes('\t'));
  });

  const count = (re: RegExp) => narrative.reduce((n, l) => n + (l.match(re)?.length ?? 0), 0);

  it('every 万元 figure and every percentage of the narrative is a fact', () => {
    expect(out.facts.filter((f) => f.unit === '万元')).toHaveLength(count(/\d+(?:\.\d+)?\s*万元/g));
    expect(out.facts.filter((f) => f.unit === '%')).toHaveLength(count(/\d+(?:\.\d+)?\s*%/g));
  });

  it('amounts are read with their label, shares and changes with the amount they belong to', () => {
    const byId = new Map(out.facts.map((f) => [f.id, f]));
    expect(out.facts).toContainEqual(expect.objectContaining({ kind: 'amount', topic: 'expenditure', subject: '基本支出', value: '274.82' }));
    const share = out.facts.find((f) => f.kind === 'share' && f.value === '53.03')!;
    expect(byId.get(share.of!)).toMatchObject({ subject: '基本支出', value: '274.82' });
    const change = out.facts.find((f) => f.kind === 'change_pct' && f.value === '1.79')!;
    expect(change.direction).toBe('下降');
    expect(byId.get(change.of!)).toMatchObject({ topic: 'admin', value: '27.9' });
    const list = out.facts.find((f) => f.kind === 'list' && f.subject === '公用经费')!;
    expect(list.items).toContain('其他交通费');
  });

  it('amounts that restate the tables point at their cells, and the cells hold the same figure', () => {
    const restated = out.facts.filter((f) => f.cell);
    expect(restated.length).toBeGreaterThanOrEqual(35);
    for (const f of restated) {
      const t = out.tables.find((x) => x.id === f.cell!.table)!;
      const row = t.rows!.find((r) => r.row === f.cell!.row && r.panel === f.cell!.panel)!;
      expect(row.values[f.cell!.col] ?? null).toBe(f.cell!.value);
    }
    // the one figure the narrative gets differently from the tables: 基本支出 274.83 in the 绩效 section
    const differing = restated.filter((f) => Number(f.value) !== Number(f.cell!.value ?? 0));
    expect(differing.map((f) => [f.subject, f.value, f.cell!.value])).toEqual([['基本支出', '274.83', '274.82']]);
  });
});
