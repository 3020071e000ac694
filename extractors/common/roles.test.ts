import { describe, expect, it } from 'vitest';
import { buildOutput } from '../../src/pipeline.js';
import { textToSource } from '../../src/ingest/text.js';

/** A one-table 预算 document in the text format (tab-separated rows), as a publisher we have not seen might print it. */
const table = (title: string, rows: string[]) =>
  buildOutput(textToSource(['某某局', '2026年部门预算', '第二部分 2026年部门预算表', title, '单位：万元', ...rows].join('\n')), { name: 't.txt', sha256: '' }).tables[0];

describe('column roles from the cells when the header is new', () => {
  it('splits code-name cells and takes the row code from the scheme of the table (function first, economic columns as labels)', () => {
    const t = table('支出总表', [
      '支出功能分类科目\t政府支出经济分类科目\t部门支出经济分类科目\t合计\t基本支出\t项目支出',
      '2050803-培训支出\t50203-培训费\t30216-培训费\t25.000000\t25.000000\t',
      '2070101-行政运行\t50101-工资奖金津补贴\t30101-基本工资\t1,248.079200\t1,248.079200\t',
      '2070108-文化活动\t50502-商品和服务支出\t30227-委托业务费\t849.020000\t\t849.020000',
    ]);
    expect(t.kind).toBe('B.expenditure');
    expect(t.columns!.map((c) => c.key)).toEqual(['code_name', 'code_name', 'code_name', 'total', 'basic', 'project']);
    expect(t.rows!.map((r) => [r.code, r.name, r.labels])).toEqual([
      ['2050803', '培训支出', ['50203-培训费', '30216-培训费']],
      ['2070101', '行政运行', ['50101-工资奖金津补贴', '30101-基本工资']],
      ['2070108', '文化活动', ['50502-商品和服务支出', '30227-委托业务费']],
    ]);
    expect(t.rows![1].values).toEqual({ total: '1248.079200', basic: '1248.079200', project: null });
  });

  it('in an economic table the 部门 economic column names the row', () => {
    const t = table('一般公共预算基本支出表', [
      '政府支出经济分类科目\t部门支出经济分类科目\t合计\t人员经费\t公用经费',
      '50101-工资奖金津补贴\t30101-基本工资\t1,248.079200\t1,248.079200\t',
      '50101-工资奖金津补贴\t30102-津贴补贴\t2,601.740400\t2,601.740400\t',
    ]);
    expect(t.rows!.map((r) => [r.code, r.name, r.labels])).toEqual([
      ['30101', '基本工资', ['50101-工资奖金津补贴']],
      ['30102', '津贴补贴', ['50101-工资奖金津补贴']],
    ]);
  });

  it('reads codes, names and percentages by their cells; an amount column with a new header keeps the header as key', () => {
    const t = table('一般公共预算支出表', [
      '功能科目代号\t功能科目称谓\t执行数\t预算数\t增减(%)',
      '201\t一般公共服务支出\t33586.67\t13144.37\t-60.86%',
      '20140\t信访事务\t33586.67\t13144.37\t-60.86%',
      '2014001\t行政运行\t3000.00\t3300.00\t10.00%',
    ]);
    expect(t.columns!.map((c) => [c.key, c.type ?? null])).toEqual([
      ['code', null], ['name', null], ['执行数', null], ['amount', null], ['增减(%)', 'percent'],
    ]);
    expect(t.rows!.map((r) => [r.code, r.name, r.values['增减(%)']])).toEqual([
      ['201', '一般公共服务支出', '-60.86'],
      ['20140', '信访事务', '-60.86'],
      ['2014001', '行政运行', '10.00'],
    ]);
  });

  it('does not take whole-元 amounts for codes', () => {
    const t = table('一般公共预算支出表', [
      '科目编码\t科目名称\t本年拨付',
      '201\t一般公共服务支出\t3115000',
      '20101\t人大事务\t2922800',
      '2010101\t行政运行\t189767',
    ]);
    expect(t.columns!.map((c) => c.key)).toEqual(['code', 'name', '本年拨付']);
    expect(t.rows![0].values).toEqual({ 本年拨付: '3115000' });
  });

  it('never leaves a colN key or a nameless row on a typed table: text columns become name or label', () => {
    const t = table('政府采购预算表', [
      '采购类别\t采购组织形式\t金额',
      '合计\t\t100.00',
      'A-货物\t分散采购\t60.00',
      'C-服务\t集中采购\t40.00',
    ]);
    expect(t.columns!.map((c) => c.key)).toEqual(['name', 'label', 'amount']);
    expect(t.rows!.map((r) => [r.name, r.labels ?? []])).toEqual([
      ['合计', []],
      ['A-货物', ['分散采购']],
      ['C-服务', ['集中采购']],
    ]);
  });
});

describe('column vocabulary', () => {
  it('reads 人员经费支出 / 公用经费支出 / 专项业务经费支出 (Xi\'an), 预算金额 and a 备注 column by role', () => {
    const t = table('一般公共预算支出表', [
      '功能科目编码\t功能科目名称\t合计\t人员经费支出\t公用经费支出\t专项业务经费支出\t备注',
      '201\t一般公共服务支出\t10.00\t4.00\t1.00\t5.00\t',
    ]);
    expect(t.columns!.map((c) => c.key)).toEqual(['code', 'name', 'total', 'personnel', 'public', 'project', 'label']);
    expect(table('政府采购预算表', ['采购项目\t预算金额', '办公设备\t3.00', '印刷服务\t2.00']).columns!.map((c) => c.key)).toEqual(['name', 'amount']);
  });
});

describe('codes printed in part', () => {
  it('a 款 printed by its own two digits in a one-column code list is read under the last 类 (Xi\'an)', () => {
    const t = table('一般公共预算支出表', [
      '功能科目编码\t功能科目名称\t合计',
      '201\t一般公共服务支出\t56.52',
      '10\t人力资源事务\t56.52',
      '2011007\t博士后日常经费\t56.52',
    ]);
    expect(t.rows!.map((r) => [r.code, r.level, r.parent ?? null, r.codeInferred ?? false])).toEqual([
      ['201', '类', null, false], ['20110', '款', '201', true], ['2011007', '项', '20110', false],
    ]);
  });
});

describe('三公 tables listing units', () => {
  it('rows naming units are units, not 三公 items to add up', () => {
    const t = table('2026年一般公共预算“三公”经费预算表', [
      '单位名称\t合计\t因公出国（境）费\t公务接待费',
      '合计\t10.00\t4.00\t6.00',
      '某某局\t10.00\t4.00\t6.00',
      '某某局（本级）\t10.00\t4.00\t6.00',
    ]);
    expect(t.rows!.map((r) => [r.name, r.level])).toEqual([['合计', 'total'], ['某某局', 'unit'], ['某某局（本级）', 'unit']]);
  });
});

describe('empty tables', () => {
  it('a header that names something (功能科目) is a name column even with no cells to read', () => {
    const t = table('政府性基金预算支出情况表', ['科目编码\t功能科目\t总计\t基本支出\t项目支出', '\t\t\t\t']);
    expect(t.columns!.map((c) => c.key)).toEqual(['code', 'name', 'total', 'basic', 'project']);
  });
});

describe('rows', () => {
  it('a bare 小计 under a group name takes the group name; 序号 is neither name nor amount', () => {
    const t = table('收入预算总表', [
      '序号\t项目名称\t\t金额',
      '1\t收入总计\t\t18330.37',
      '2\t一般公共预算资金\t小计\t18330.37',
      '3\t\t公共财政拨款(补助)资金\t18330.37',
    ]);
    expect(t.columns!.map((c) => c.key)).toEqual(['seq', 'name', 'name', 'amount']);
    expect(t.rows!.map((r) => r.name)).toEqual(['收入总计', '一般公共预算资金', '公共财政拨款(补助)资金']);
  });
});

describe('panels', () => {
  it('a column whose header names no panel belongs to the panel on its left (收入项目 | 金额 | 支出项目 | 金额)', () => {
    const t = table('部门收支总表', [
      '收入项目\t金额\t支出项目\t金额',
      '一、一般公共预算拨款收入\t100.00\t一、一般公共服务支出\t80.00',
      '二、政府性基金预算拨款收入\t\t二、教育支出\t20.00',
      '收入总计\t100.00\t支出总计\t100.00',
    ]);
    expect(t.columns!.map((c) => [c.key, c.panel])).toEqual([['name', 'income'], ['amount', 'income'], ['name', 'expenditure'], ['amount', 'expenditure']]);
    expect(t.rows!.filter((r) => r.panel === 'expenditure').map((r) => [r.name, r.values.amount])).toEqual([
      ['一、一般公共服务支出', '80.00'], ['二、教育支出', '20.00'], ['支出总计', '100.00'],
    ]);
  });
});

describe('kinds by evidence', () => {
  it.each([
    ['部门综合预算一般公共预算支出明细表（按支出功能分类科目）', 'B.gpb_expenditure'],
    ['部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）', 'B.gpb_basic_econ'],
    ['2026年度一般公共预算支出经济分类情况表', 'B.gpb_econ_gov'],
    ['西南大学收入预算表', 'B.income'],
    ['部门综合预算专项业务经费支出表', 'B.projects'],
    ['部门综合预算政府采购（资产配置、购买服务）预算表', 'B.procurement'],
  ])('%s → %s (recognisedBy keywords)', (title, kind) => {
    const t = table(title, ['科目编码\t科目名称\t金额', '201\t一般公共服务支出\t10.00', '20101\t人大事务\t10.00']);
    expect([t.kind, t.recognisedBy]).toEqual([kind, 'keywords']);
  });

  it.each([
    ['部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）'],
    ['财政拨款支出预算表（功能科目）'],
    ['财政拨款基本支出预算表（经济科目）'],
    ['基本支出总表'],
  ])('%s names no standard table: generic, with a warning', (title) => {
    const out = buildOutput(
      textToSource(['某某局', '2026年部门预算', title, '单位：万元', '科目编码\t科目名称\t金额', '合计\t\t30.00', '201\t一般公共服务支出\t10.00', '20101\t人大事务\t10.00', '20102\t政协事务\t10.00'].join('\n')),
      { name: 't.txt', sha256: '' },
    );
    expect(out.tables[0].kind).toBe('generic');
    expect(out.warnings.map((w) => w.code)).toContain('W_UNRECOGNISED');
  });

  it('a title wrapped over two lines is read whole', () => {
    const out = buildOutput(
      textToSource(['某某局', '2026年部门预算', '2026年某某局一般公共预算财政拨款基本支', '出经济分类预算表', '单位：万元', '科目编码\t科目名称\t金额', '301\t工资福利支出\t10.00', '30101\t基本工资\t10.00'].join('\n')),
      { name: 't.txt', sha256: '' },
    );
    expect([out.tables[0].kind, out.tables[0].title]).toEqual(['B.gpb_basic_econ', '2026年某某局一般公共预算财政拨款基本支出经济分类预算表']);
  });

  it.each([
    ['2023年度部门收支决算总体情况表', 'F.summary'],
    ['2023年度财政拨款收支决算总体情况表', 'F.fiscal_summary'],
    ['一般公共预算财政拨款支出决算明细表', 'F.gpb_expenditure'],
    ['一般公共预算财政拨款基本支出决算经济分类明细表', 'F.gpb_basic_econ'],
    ['部门收入决算情况表', 'F.income'],
    ['政府性基金预算财政拨款收入支出决算明细表', 'F.gov_fund'],
  ])('决算: %s → %s', (title, kind) => {
    const out = buildOutput(
      textToSource(['某某局', '2023年度部门决算', title, '单位：万元', '科目编码\t科目名称\t决算数', '201\t一般公共服务支出\t10.00', '20101\t人大事务\t10.00'].join('\n')),
      { name: 't.txt', sha256: '' },
    );
    expect([out.tables[0].kind, out.tables[0].recognisedBy]).toEqual([kind, 'keywords']);
  });

  it('a known title is recognised by title', () => {
    const t = table('一般公共预算支出表', ['科目编码\t科目名称\t金额', '201\t一般公共服务支出\t10.00']);
    expect([t.kind, t.recognisedBy]).toEqual(['B.gpb_expenditure', 'title']);
  });
});
