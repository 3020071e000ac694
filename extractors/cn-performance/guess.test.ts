import { describe, expect, it } from 'vitest';
import { buildOutput } from '../../src/pipeline.js';
import { textToSource } from '../../src/ingest/text.js';
import type { ProjectForm } from '../../src/model/form.js';

const doc = (lines: string[]) => buildOutput(textToSource(['烟台市信访局', '2026年部门预算', ...lines].join('\n')), { name: 't.txt', sha256: '' });

/** A project form as Yantai prints it (公开表13): one 年度 block in 万元, one indicator grid, 成本指标 as 一级. */
const YANTAI_FORM = [
  '政策和项目预算绩效目标表',
  '项目名称\t实施公车统管费用\t\t',
  '主管部门及代码\t229_烟台市信访局\t实施单位\t烟台市信访局',
  '项目资金（万元）\t年度预算资金总额：\t15.00\t',
  '\t其中：财政拨款\t15.00\t',
  '\t其他资金\t0.00\t',
  '总体目标\t通过对公务用车实行统一管理，实现机关事业单位出行方式改革。\t\t',
  '一级指标\t二级指标\t三级指标\t指标值',
  '成本指标\t经济成本\t实施公车统管费用\t≤15万元',
  '产出指标\t数量指标\t实施公车统管费用支出率\t≤100%',
];

describe('performance forms recognised by their key words', () => {
  it('reads a 绩效目标表 no alias lists as a project form, in the unit its 项目资金 label states', () => {
    const out = doc(YANTAI_FORM);
    expect(out.tables).toEqual([]);
    const f = out.forms[0] as ProjectForm;
    expect([f.kind, f.title, f.projectName, f.department, f.departmentCode]).toEqual(['perf.project', '政策和项目预算绩效目标表', '实施公车统管费用', '烟台市信访局', '229']);
    // one 年度 block: its total and sources together, in 万元
    expect(f.funds.unit).toBe('万元');
    expect(f.funds.annual).toMatchObject({ total: '15.00', fiscal: '15.00', other: '0.00' });
    expect(f.funds.implementation.total).toBeNull();
    // one indicator grid (one 指标值 column): no 实施期/年度 split; 成本指标 with its 二级 经济成本
    expect(f.indicators.map((i) => [i.period, i.level1, i.level2, i.level3, i.op, i.number, i.unit])).toEqual([
      [undefined, '成本指标', '经济成本', '实施公车统管费用', '≤', '15', '万元'],
      [undefined, '产出指标', '数量指标', '实施公车统管费用支出率', '≤', '100', '%'],
    ]);
  });

  it('a 绩效目标表 whose fields are not found stays a table, its cells kept', () => {
    const out = doc(['专项资金绩效目标表', '序号\t目标\t金额', '1\t完成培训\t10.00', '2\t完成检查\t20.00']);
    expect(out.forms).toEqual([]);
    expect(out.tables[0].cells.some((c) => c.text === '完成培训')).toBe(true);
  });
});
