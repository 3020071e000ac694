import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Decimal } from 'decimal.js';
import { assert, describe, expect, it } from 'vitest';
import { OutputSchema, type Output } from '../src/model/output.js';
import { extract } from '../src/pipeline.js';
import { audit } from '../extractors/cn-audit/rules.js';
import { figureInGolden, GOLDEN_SOURCES } from './golden-sources.js';
import { ROOT, sharedPath } from './helpers.js';
import { scoreAgainstTruth, type Truth } from './truth.js';

const golden = (name: string): Output => OutputSchema.parse(JSON.parse(readFileSync(join(ROOT, 'golden', `${name}.json`), 'utf8')));
const sources = Object.entries(GOLDEN_SOURCES);
const TRUTH = sources.flatMap(([name, s]) => (s.source === 'truth' ? [[name, s.truth] as const] : []));
const PAGES = sources.flatMap(([name, s]) => (s.source === 'identities+pages' ? [[name, s.figures] as const] : []));

describe('every golden states where its values come from (test/golden-sources.ts)', () => {
  it('one entry per golden, one golden per corpus document', () => {
    const goldens = readdirSync(join(ROOT, 'golden')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort();
    const corpus = readdirSync(join(ROOT, 'corpus')).filter((f) => !f.startsWith('.') && !/^README/i.test(f)).sort();
    expect(goldens).toEqual(corpus);
    expect(Object.keys(GOLDEN_SOURCES).sort()).toEqual(goldens);
  });

  it('a truth file describes the very document of its golden', () => {
    for (const [name, file] of TRUTH) expect(basename((JSON.parse(readFileSync(sharedPath(`truth/${file}`), 'utf8')) as Truth).doc), file).toBe(name);
  });

  it('a document without truth has its identities checked below and 3 to 5 figures read off its pages', () => {
    for (const [name, figures] of PAGES) {
      expect(IDENTITY_CHECKED.map(([g]) => g), name).toContain(name);
      expect(figures.length, name).toBeGreaterThanOrEqual(3);
      expect(figures.length, name).toBeLessThanOrEqual(5);
    }
  });
});

/** Hand-verified truth of ../shared/truth: every standard table found with its kind, unit and empty flag, ≥ 99.9 % of the values and ≥ 99.5 % of the row names right. */
describe('goldens of real PDFs restate the hand-verified truth', () => {
  it.each(TRUTH)('%s', (name, truthFile) => {
    const truth = JSON.parse(readFileSync(sharedPath(`truth/${truthFile}`), 'utf8')) as Truth;
    const s = scoreAgainstTruth(golden(name), truth);
    const pct = (n: { total: number }, k: number) => (n.total ? (100 * k) / n.total : 100);
    const summary =
      `${name} against ../shared/truth/${truthFile}: tables ${s.tables.found}/${s.tables.expected} found, unit ${s.tables.unit}, empty ${s.tables.empty}; ` +
      `values ${s.values.exact}/${s.values.total} (${pct(s.values, s.values.exact).toFixed(2)} %); row names ${s.names.right}/${s.names.total} (${pct(s.names, s.names.right).toFixed(2)} %); ` +
      `rows matched ${s.rows.matched}/${s.rows.total}; ${s.differences.length} differences (kind | row | column | expected | actual):\n` +
      s.differences.slice(0, 25).join('\n') +
      (s.differences.length > 25 ? `\n… ${s.differences.length - 25} more` : '');
    const ok =
      s.tables.found === s.tables.expected &&
      s.tables.unit === s.tables.expected &&
      s.tables.empty === s.tables.expected &&
      pct(s.values, s.values.exact) >= 99.9 &&
      pct(s.names, s.names.right) >= 99.5;
    if (!ok) assert.fail(summary);
  });
});

describe('goldens without truth: figures read off the page (test/golden-sources.ts)', () => {
  it.each(PAGES)('%s', (name, figures) => {
    const out = golden(name);
    const wrong = figures.flatMap((f) => {
      const got = figureInGolden(out, f);
      const where = `${f.kind} p.${f.page} | ${f.panel ? `${f.panel}:` : ''}${typeof f.row === 'string' ? f.row : Object.values(f.row).join(' ')} | ${f.column}`;
      if ('missing' in got) return [`${where} | expected ${f.value} | actual (${got.missing})`];
      return got.value === null || !new Decimal(got.value).eq(f.value.replace(/,/g, '')) ? [`${where} | expected ${f.value} | actual ${got.value}`] : [];
    });
    expect(wrong, `${name}: figures of the page the golden does not hold`).toEqual([]);
  });
});

describe('the seed PDF (rendered from the seed text) gives the typed rows and forms of the seed text', () => {
  it('is identical row by row', () => {
    const text = OutputSchema.parse(JSON.parse(readFileSync(join(ROOT, 'golden/seed-zezhou-xinfangju-2024-budget.txt.json'), 'utf8')));
    const pdf = OutputSchema.parse(JSON.parse(readFileSync(join(ROOT, 'golden/seed-zezhou-xinfangju-2024-budget.pdf.json'), 'utf8')));
    const strip = (rows: unknown[] | undefined) => (rows ?? []).map((r) => ({ ...(r as object), row: undefined }));
    expect(pdf.tables.map((t) => [t.kind, t.title, t.empty, t.note])).toEqual(text.tables.map((t) => [t.kind, t.title, t.empty, t.note]));
    pdf.tables.forEach((t, i) => expect(strip(t.rows), t.title).toEqual(strip(text.tables[i].rows)));
    expect(pdf.forms).toEqual(text.forms);
    expect(pdf.document).toEqual(text.document);
    expect(pdf.tables.every((t) => t.cells.every((c) => c.page !== undefined && c.bbox !== undefined))).toBe(true);
  });

  it('is audited as the text is, narrative included (its table of contents, printed with leader dots, is not read)', async () => {
    const [text, pdf] = await Promise.all(['txt', 'pdf'].map((ext) => extract(join(ROOT, `corpus/seed-zezhou-xinfangju-2024-budget.${ext}`))));
    const statuses = (o: typeof text) => o.checks.filter((c) => c.rule !== 'GEN-S-04').map((c) => [c.rule, c.status]);
    expect(statuses(pdf)).toEqual(statuses(text));
    expect(pdf.facts.filter((f) => f.cell).map((f) => [f.subject, f.value, f.cell!.value])).toEqual(text.facts.filter((f) => f.cell).map((f) => [f.subject, f.value, f.cell!.value]));
  }, 60_000);
});


/**
 * Goldens of real PDFs without hand-typed truth: every standard table of the document typed, and every
 * accounting identity holding (or within rounding) — the only failures being errors of the documents
 * themselves, checked on the page.
 */
const IDENTITY_CHECKED: [golden: string, tables: number, documentErrors: string[]][] = [
  // GEN-S-02: the table heading on page 7 names 上海市规划和自然资源局 (2024 年度部门决算表; 普陀区 missing) and
  // sections 八/九 (page 26) write 上海市普陀区规划与自然资源局, where the cover has 上海市普陀区规划和自然资源局
  // all recorded under realpdf in rules.yaml: 下降（增长）27.78% left from the template (p. 25), 增长 13.95。 without
  // its % (p. 21), 基本支出 5,377.64 万元 quoted from the all-funds 支出决算表 where the 一般公共预算 table
  // prints 5,364.75 (p. 24), 2080599 described as 机关事业单位退休人员活动费支出（项） (p. 22)
  ['sh-putuo-guihuaziyuan-2024-final.pdf', 9, ['GEN-S-02', 'GEN-N-05', 'GEN-N-08', 'FIN-N-07', 'FIN-N-09']],
  ['sh_czj_25_y_budget.pdf', 9, []],
  ['shanghai_0006_2026_unit-budget.pdf', 9, []],
  ['shanghai_0001_2026_unit-budget.pdf', 9, []],
  // 预算表12 项目支出绩效目标表 read as one form per project (16, p. 12 ff.): 指标值 printed as sentences and titles
  // of regulations (服务标准: 《首都绿化委员会关于深入开展首都全民义务植树工作的指导意见》), as pdftotext prints them
  ['beijing_0249_2026_budget-tables.pdf', 10, ['PERF-05']],
  ['js_rdbgt_js_rdbgt_2019_y_dept_ysgk-table.pdf', 10, []],
  // 委托业务费 1,391.68 万元, 比 2025 年预算增加 333.83 万元, 增长 31.35%: 333.83 / 1,057.85 is 31.56 % (page 9)
  // and the section on the 财政拨款收支总表 quotes 财政拨款收支总预算 18,728.91 万元 where the table prints
  // 18,728.94 (pdftotext of the PDF: both figures as printed)
  ['wuhan-nat_0134_2026_dept-budget.pdf', 9, ['GEN-N-01', 'BUD-N-04']],
  // its five 财政项目支出绩效目标填报表 (pp. 31–35): 公共服务设施运行经费 prints 其中：当年财政拨款 11,419,043.00 under a
  // 年度资金申请总额 of 10,903,043.00 (p. 35); 指标值 written as sentences, 补贴对象生活改善度不低于 80% (p. 32),
  // 至少1次矫正人员的集中活动 (p. 34)
  ['1770007475548-818404804.pdf', 9, ['PERF-02', 'PERF-05']],
  // the four with hand-typed truth too; the failures are the realpdf findings of rules.yaml (extractors/cn-audit/realpdf.test.ts):
  // 财政拨款收入支出总计 “0.3万元” against 2,961.68 (p. 21); 一般公共服务支出 2,106.66 / 2,940.05 stated as 71.73 %
  // (71.65 %), so the four shares come to 100.07 % (p. 21)
  ['sh-putuo-caizhengju-2024-final.pdf', 9, ['GEN-N-02', 'GEN-N-03', 'FIN-N-01', 'FIN-N-03']],
  // 完成年初预算的95.89% on a 年初预算 of 0; 住房公积金（项） “主要用于：事业单位医疗保险支出”; 21.07 万元 all reserved
  // for SMEs, yet 21.07 万元 awarded to SMEs in the other projects
  ['sh-putuo-shegongbu-2024-final.pdf', 8, ['FIN-N-04', 'FIN-N-10', 'FIN-N-11']],
  ['sh_putuo_gov_jiedao_25_y_budget.pdf', 9, []],
  ['hangzhou_0133_2026_dept-budget.pdf', 10, []],
  // its 国有资本经营预算支出表 is empty (no rows); of the 2,077 指标值 of its 228 project forms (pp. 35–171), five are
  // sentences (科学合理，依据相关国家和地方标准; 通过\延期\不达标), as pdftotext prints them
  ['beijing_0250_2026_budget-tables.pdf', 9, ['PERF-05']],
];

describe('performance forms captioned inside their ruling', () => {
  // 1770007475548 pp. 31–35: each page one 财政项目支出绩效目标填报表, its title in the grid's first row;
  // 项目名称 and 项目资金总额 / 年度资金申请总额 as pdftotext -layout prints them
  it('reads each page as its own project form with its funds', () => {
    const forms = golden('1770007475548-818404804.pdf').forms.filter((f) => f.kind === 'perf.project');
    expect(forms.map((f) => f.kind === 'perf.project' && [f.title, f.projectName, f.funds.implementation.total, f.funds.annual.total])).toEqual([
      ['财政项目支出绩效目标填报表', '新建万里街道社区公共服务中心', '4100000.00', '4100000.00'],
      ['财政项目支出绩效目标填报表', '就业援助基地补贴', '6351000.00', '6351000.00'],
      ['财政项目支出绩效目标填报表', '社区环境整治和建设经费', '4563800.00', '4563800.00'],
      ['财政项目支出绩效目标填报表', '各类工作经费', '7595500.00', '7595500.00'],
      ['财政项目支出绩效目标填报表', '公共服务设施运行经费', '10903043.00', '10903043.00'],
    ]);
    // p. 35: 其中：财政资金 10,903,043.00, 其中：当年财政拨款 11,419,043.00, 上年结转资金 0.00; what no field takes is
    // kept beside the fields
    const last = forms[4];
    expect(last.kind === 'perf.project' && [last.funds.implementation.fiscal, last.funds.annual.fiscal, last.funds.annual.carryOver]).toEqual(['10903043.00', '11419043.00', '0.00']);
    expect(last.kind === 'perf.project' && last.other).toEqual(expect.arrayContaining([{ label: '项目类别', value: '其他运转类' }, { label: '计划开始日期', value: '2023-01-01' }]));
  });
});

describe('goldens of real PDFs hold their accounting identities', () => {
  it.each(IDENTITY_CHECKED)('%s', (name, tables, documentErrors) => {
    const out = golden(name);
    expect(out.tables.filter((t) => t.kind !== 'generic' && t.rows?.length).length).toBe(tables);
    // the golden's own audit, and the audit of its tables by today's rules
    expect(out.checks.filter((c) => c.status === 'fail').map((c) => c.rule), `${name}: failing checks of the golden`).toEqual(documentErrors);
    expect(audit(out).filter((c) => c.status === 'fail').map((c) => c.rule), `${name}: failing checks of today's rules`).toEqual(documentErrors);
  });
});
