import { describe, expect, it } from 'vitest';
import { buildOutput } from '../../src/pipeline.js';
import { textToSource } from '../../src/ingest/text.js';

const doc = (body: string) => buildOutput(textToSource(body), { name: 't.txt', sha256: '' });

describe('cn-final-accounts', () => {
  it('reads split 类 | 款 | 项 code columns as one code (P-CZJ 收入决算表 layout)', () => {
    const out = doc(
      [
        '上海市普陀区财政局',
        '2024年度部门决算',
        '第二部分 2024年度部门决算表',
        '收入决算表',
        '单位：万元',
        '项目\t\t\t\t本年收入合计\t财政拨款收入\t上级补助收入\t事业收入\t经营收入\t附属单位上缴收入\t其他收入',
        '功能分类科目编码\t\t\t科目名称\t\t\t\t\t\t\t',
        '类\t款\t项\t\t\t\t\t\t\t\t',
        '\t\t\t合计\t2946.25\t2940.05\t\t\t\t\t6.20',
        '201\t\t\t一般公共服务支出\t2112.86\t2106.66\t\t\t\t\t6.20',
        '201\t06\t\t财政事务\t2112.86\t2106.66\t\t\t\t\t6.20',
        '201\t06\t01\t行政运行\t1503.52\t1503.52\t\t\t\t\t',
      ].join('\n'),
    );
    expect(out.document).toMatchObject({ family: 'final_accounts', year: 2024, organization: '上海市普陀区财政局' });
    const t = out.tables[0];
    expect(t.kind).toBe('F.income');
    expect(t.columns!.map((c) => c.key)).toEqual([
      'code', 'code', 'code', 'name', 'total', 'fiscal', 'superior_subsidy', 'business_income', 'operating_income', 'affiliate_income', 'other_income',
    ]);
    expect(t.rows!.map((r) => [r.code ?? null, r.level, r.parent ?? null, r.name])).toEqual([
      [null, 'total', null, '合计'],
      ['201', '类', null, '一般公共服务支出'],
      ['20106', '款', '201', '财政事务'],
      ['2010601', '项', '20106', '行政运行'],
    ]);
    expect(t.rows![3].values).toMatchObject({ total: '1503.52', fiscal: '1503.52', other_income: null });
  });

  it('keys the 预算数/决算数 pairs of the 三公 table by item', () => {
    const out = doc(
      [
        '2024年度部门决算',
        '第二部分 决算表',
        '财政拨款“三公”经费支出决算表',
        '财政拨款“三公”经费\t\t\t\t\t\t\t\t\t\t\t',
        '合计\t\t因公出国（境）费\t\t公务用车购置及运行费\t\t\t\t\t\t公务接待费\t',
        '\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行费\t\t\t',
        '预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数',
        '0.95\t\t\t\t\t\t\t\t\t\t0.95\t',
      ].join('\n'),
    );
    const t = out.tables[0];
    expect(t.kind).toBe('F.three_public');
    expect(t.columns!.map((c) => c.key)).toEqual([
      'total.budget', 'total.final', 'abroad.budget', 'abroad.final', 'total.budget', 'total.final',
      'vehicle_purchase.budget', 'vehicle_purchase.final', 'vehicle_operation.budget', 'vehicle_operation.final', 'reception.budget', 'reception.final',
    ].map((k, i) => (i === 4 || i === 5 ? k.replace('total', 'vehicle.total') : k)));
    expect(t.rows![0].values).toMatchObject({ 'total.budget': '0.95', 'reception.budget': '0.95', 'total.final': null });
  });
});
