import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline.js';
import { FormSchema, type DeptForm, type ProjectForm } from '../../src/model/form.js';
import { parseIndicatorValue } from './indicators.js';
import { joinWrappedLabels } from './labels.js';
import { SEED } from '../../test/helpers.js';

describe('indicator values (BRIEF.md §4.4)', () => {
  it.each([
    ['≥3万元', '≥', '3', '万元'],
    ['≤180元/天人', '≤', '180', '元/天人'],
    ['568元/月人', null, '568', '元/月人'],
    ['100%', null, '100', '%'],
    ['≥20批次', '≥', '20', '批次'],
    ['不低于90%', '≥', '90', '%'],
    ['2024年底', null, null, null],
    ['及时', null, null, null],
    ['全县', null, null, null],
  ])('%s', (raw, op, number, unit) => {
    expect(parseIndicatorValue(raw)).toEqual({ op, number, unit });
  });
});

describe('wrapped labels', () => {
  it('joins a label tail printed on its own row', () => {
    expect(joinWrappedLabels([['', '市县(区)财政资', '600,000'], ['', '金', ''], ['', '单位自筹', '0']])).toEqual([
      ['', '市县(区)财政资金', '600,000'],
      ['', '单位自筹', '0'],
    ]);
  });
});

describe('the seed performance forms', () => {
  let dept: DeptForm;
  let projects: ProjectForm[];
  beforeAll(async () => {
    const out = await extract(SEED);
    expect(out.forms).toHaveLength(7);
    for (const f of out.forms) FormSchema.parse(f);
    dept = out.forms[0] as DeptForm;
    projects = out.forms.slice(1) as ProjectForm[];
  });
  const project = (name: string) => projects.find((p) => p.projectName === name)!;

  it('reads the 部门整体 form', () => {
    expect(dept.kind).toBe('perf.dept_overall');
    expect([dept.departmentCode, dept.departmentName, dept.year]).toEqual(['020', '泽州县信访局', 2024]);
    expect(dept.actualStaff).toEqual({ raw: '18人', number: '18', unit: '人' });
    expect(dept.internalDivisions?.number).toBe('4');
    expect(dept.subordinateUnits?.number).toBe('0');
    expect(dept.otherStaff?.number).toBe('0');
    expect(dept.budget.bySource).toEqual({ total: '518.25', gpb: '518.25', gov_fund: '0.00', soe: '0.00', social_insurance: '0.00', special_account: '0.00', unit_funds: '0.00' });
    expect(dept.budget.byDirection).toEqual({ total: '518.25', basic: '274.82', project: '243.42' });
    expect(dept.keyTasks).toHaveLength(1);
    expect(dept.annualGoal).toMatch(/^2024年,县信访局总体工作思路是/);
    // 4 数量 + 14 质量 + 1 时效 + 2 成本 + 3 社会效益 + 2 可持续 + 2 满意度, counted on the seed text
    expect(dept.indicators).toHaveLength(28);
    // 产出指标 is printed in the middle of its merged cell: the rows above it belong to it too
    expect(dept.indicators[0]).toEqual({ level1: '产出指标', level2: '数量指标', level3: '本级政策制定情况', valueRaw: '100%', op: null, number: '100', unit: '%' });
    expect(dept.indicators.find((i) => i.level3 === '基本支出成本')).toMatchObject({ level2: '成本指标', op: '≤', number: '274.83', unit: '万元' });
    expect(dept.indicators.find((i) => i.level3 === '应急响应机制有效性')).toMatchObject({ level1: '效益指标', level2: '可持续影响指标', valueRaw: '有效' });
  });

  it('reads the six project forms with their funds in 元', () => {
    expect(projects.map((p) => [p.projectName, p.funds.implementation.total])).toEqual([
      ['信访案件办理业务费', '600000'],
      ['信访案件化解专项资金', '1500000'],
      ['遗属补助', '32208'],
      ['农校遗留问题经费', '79000'],
      ['提前下达2024年中央及省级解决特殊疑难信访问题资金', '111000'],
      ['县访调对接人民调解委员会工作经费', '100000'],
    ]);
    // 市县(区)财政资 / 金 wraps in the first form, and is cut short (no 金 row) in 遗属补助
    expect(project('信访案件办理业务费').funds.implementation.local).toBe('600000');
    expect(project('遗属补助').funds.implementation.local).toBe('32208');
    expect(project('遗属补助').funds.annual).toEqual({ total: '0', central: '0', provincial: '0', local: '0', self: '0', other: null });
    expect(project('提前下达2024年中央及省级解决特殊疑难信访问题资金').funds.annual).toEqual({ total: null, central: null, provincial: null, local: null, self: null, other: null });
    const first = project('信访案件办理业务费');
    expect([first.departmentCode, first.department, first.implementer, first.attribute, first.period]).toEqual(['020', '泽州县信访局', '泽州县信访局', '经常性项目(长期开展)', '99年']);
    expect(first.overview).toMatch(/^为使我县赴省进京/);
    expect(first.overview).not.toContain('<p>');
    expect(first.footer.filledAt).toBe('20231214114621');
  });

  it('reads every indicator of every project form', () => {
    // counted on the seed text: 实施期 indicators, and the 年度 side only where it is filled
    expect(projects.map((p) => p.indicators.length)).toEqual([12, 8, 9, 7, 12, 7]);
    expect(project('信访案件办理业务费').indicators.find((i) => i.level3 === '信访智能化分析系统费用')).toEqual({
      period: '实施期', level1: '成本指标', level2: '成本指标', level3: '信访智能化分析系统费用', valueRaw: '≥3万元', op: '≥', number: '3', unit: '万元',
    });
    expect(project('遗属补助').indicators.find((i) => i.level3 === '遗属补助发放标准')).toMatchObject({ level1: '产出指标', level2: '成本指标', number: '568', unit: '元/月人' });
    const early = project('提前下达2024年中央及省级解决特殊疑难信访问题资金');
    expect(early.indicators.filter((i) => i.period === '年度').map((i) => i.level3)).toEqual([
      '解决特殊疑难信访案件数', '息诉罢访率', '案件化解及时性', '特殊疑难问题化解率', '解决特殊疑难复杂信访案件中是否起到杠杆作用', '群众满意度',
    ]);
    expect(early.goals.annual).toMatch(/^1、化解源头治理/);
    // truncated labels are kept as printed
    expect(early.indicators.find((i) => i.period === '实施期' && i.level3 === '群众满意度')?.level2).toBe('服务对象满意');
    expect(project('县访调对接人民调解委员会工作经费').indicators.find((i) => i.level3 === '缓解信访矛盾')?.level2).toBe('生态效益指标');
  });
});
