import { beforeAll, describe, expect, it } from 'vitest';
import type { DeptForm, ProjectForm } from '../../src/model/form.js';
import type { Output } from '../../src/model/output.js';
import { extract } from '../../src/pipeline.js';
import { SEED } from '../../test/helpers.js';
import { audit } from './rules.js';

/** The seed output, changed by hand: each performance-form rule must catch the change it is about. */
let seed: Output;
beforeAll(async () => {
  seed = await extract(SEED);
});

const clone = (): Output => JSON.parse(JSON.stringify(seed));
const check = (out: Output, rule: string) => audit(out).find((c) => c.rule === rule)!;
const dept = (out: Output) => out.forms.find((f): f is DeptForm => f.kind === 'perf.dept_overall')!;
const project = (out: Output, name: string) => out.forms.find((f): f is ProjectForm => f.kind === 'perf.project' && f.projectName === name)!;
const indicator = (out: Output, level3: string) => out.forms.flatMap((f) => f.indicators).find((i) => i.level3 === level3)!;

describe('performance-form rules on a changed seed', () => {
  it('PERF-01 整体绩效目标表 合计 that is not 基本 + 项目', () => {
    expect(check(seed, 'PERF-01').status).toBe('pass_rounding');
    const out = clone();
    dept(out).budget.byDirection.total = '520.00';
    expect(check(out, 'PERF-01')).toMatchObject({ status: 'fail', expected: '518.24', actual: '520.00' });
  });

  it('PERF-02 资金总额 that is not the sum of its sources', () => {
    const out = clone();
    project(out, '信访案件办理业务费').funds.implementation.local = '500000';
    expect(check(out, 'PERF-02')).toMatchObject({ status: 'fail', expected: '500000', actual: '600000' });
  });

  it('PERF-03 年度资金总额 against this year’s appropriation', () => {
    const out = clone();
    const amounts: Record<string, string> = { 信访案件办理业务费: '600000', 信访案件化解专项资金: '1500000', 遗属补助: '32200', 农校遗留问题经费: '91000', 县访调对接人民调解委员会工作经费: '100000' };
    for (const f of out.forms.filter((x): x is ProjectForm => x.kind === 'perf.project')) f.funds.annual.total = amounts[f.projectName] ?? '111000';
    expect(check(out, 'PERF-03').status).toBe('pass');
    project(out, '遗属补助').funds.annual.total = '32208';
    expect(check(out, 'PERF-03').status).toBe('pass'); // 3.2208 万元 rounds to the table's 3.22
    project(out, '农校遗留问题经费').funds.annual.total = '79000';
    expect(check(out, 'PERF-03')).toMatchObject({ status: 'fail', expected: '9.10', actual: '7.90' });
  });

  it('PERF-04 a 二级 under the wrong 一级, a 三级 without value', () => {
    const out = clone();
    indicator(out, '机关人员满意度').level2 = '质量指标';
    expect(check(out, 'PERF-04').status).toBe('fail');
    const again = clone();
    indicator(again, '信访积案化解率').valueRaw = '';
    expect(check(again, 'PERF-04').status).toBe('fail');
  });

  it('PERF-05 a value that is neither quantity nor word', () => {
    const out = clone();
    indicator(out, '接访件交办率').valueRaw = '≥≥90%';
    expect(check(out, 'PERF-05').status).toBe('fail');
    indicator(out, '接访件交办率').valueRaw = '不低于90%';
    expect(check(out, 'PERF-05').status).toBe('pass');
  });

  it('PERF-06 a cost cap that is not the table amount', () => {
    const out = clone();
    Object.assign(indicator(out, '项目支出成本'), { valueRaw: '≤250.00万元', number: '250.00' });
    expect(check(out, 'PERF-06')).toMatchObject({ status: 'fail', expected: '243.42', actual: '250.00' });
    // a part of a project costing more than the project
    const again = clone();
    Object.assign(indicator(again, '档案整理费用'), { valueRaw: '≤70万元', number: '70' });
    expect(check(again, 'PERF-06').status).toBe('fail');
  });

  it('PERF-07 a cost floor', () => {
    expect(check(seed, 'PERF-07').status).toBe('fail');
    const out = clone();
    indicator(out, '信访智能化分析系统费用').op = '≤';
    expect(check(out, 'PERF-07').status).toBe('pass');
  });

  it('PERF-08 项目概况 arithmetic that does not reproduce the amount', () => {
    const out = clone();
    const f = project(out, '遗属补助');
    Object.assign(f.funds.implementation, { total: '33000', local: '33000' });
    const c = check(out, 'PERF-08');
    expect(c).toMatchObject({ status: 'fail', expected: '33000' });
    // the components of 信访案件办理业务费: 30万 + 10万 + 20万
    const again = clone();
    project(again, '信访案件办理业务费').overview = project(again, '信访案件办理业务费').overview!.replace('20万。', '25万。');
    expect(check(again, 'PERF-08')).toMatchObject({ status: 'fail', expected: '600000', actual: '650000' });
  });

  it('PERF-09 staffing that does not add up', () => {
    const out = clone();
    dept(out).actualStaff = { raw: '19人', number: '19', unit: '人' };
    expect(check(out, 'PERF-09')).toMatchObject({ status: 'fail', expected: '18', actual: '19' });
    const again = clone();
    dept(again).approvedStaff = { raw: '17人', number: '17', unit: '人' };
    expect(check(again, 'PERF-09').status).toBe('fail');
  });

  it('PERF-10 satisfaction targets (info: warns)', () => {
    expect(check(seed, 'PERF-10').status).toBe('warn');
    const out = clone();
    for (const i of out.forms.flatMap((f) => f.indicators).filter((x) => x.valueRaw === '满意')) Object.assign(i, { valueRaw: '≥90%', op: '≥', number: '90', unit: '%' });
    expect(check(out, 'PERF-10').status).toBe('pass');
  });

  it('PERF-11 form year and filling date', () => {
    const out = clone();
    project(out, '遗属补助').year = 2023;
    expect(check(out, 'PERF-11')).toMatchObject({ status: 'fail', expected: '2024', actual: '2023' });
    const late = clone();
    project(late, '遗属补助').footer.filledAt = '20240315101010';
    expect(check(late, 'PERF-11').status).toBe('warn');
    project(late, '遗属补助').footer.filledAt = '20250105101010';
    expect(check(late, 'PERF-11').status).toBe('fail');
  });
});
