import { z } from 'zod';
import { AmountSchema, UnitSchema } from './table.js';

/** An amount of a form, or null when its cell is blank. */
const money = (what: string) => AmountSchema.nullable().describe(`${what}: a decimal string as printed, null when blank`);
const text = (what: string) => z.string().nullable().describe(`${what}, as printed; null when the form leaves it blank or does not print it`);

export const IndicatorSchema = z.object({
  period: z.enum(['实施期', '年度']).optional().describe('the 实施期 or 年度 block of a project form the indicator stands in; absent on the 部门整体 form'),
  level1: z.string().describe('一级指标 (产出指标, 效益指标, 满意度指标 …)'),
  level2: z.string().describe('二级指标 (数量指标, 质量指标 …)'),
  level3: z.string().describe('三级指标: what is measured'),
  valueRaw: z.string().describe('指标值 as printed (≥95%, 18人 …)'),
  op: z.enum(['≥', '≤', '=', '>', '<']).nullable().describe('the comparison the 指标值 states, null when it states none'),
  number: AmountSchema.nullable().describe('the number of the 指标值 as a decimal string, null when it has none'),
  unit: z.string().nullable().describe('unit of the 指标值 (%, 人, 元/人.月 …), null when none'),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

const MoneyBySource = z.object({
  total: money('all funds (合计)'),
  central: money('中央 funds'),
  provincial: money('省级 funds'),
  local: money('市县 funds'),
  self: money('自筹 funds'),
  other: money('other funds (其他资金)'),
  fiscal: money('财政资金 printed as one figure (其中：财政资金; 年度: 其中：当年财政拨款), not split by level of government').optional(),
  carryOver: money('上年结转资金 of the 年度 block').optional(),
});

/** A count printed with its unit, e.g. "18人" → { raw: "18人", number: "18", unit: "人" } */
export const CountSchema = z.object({
  raw: z.string().describe('the count as printed (18人)'),
  number: AmountSchema.nullable().describe('its number (18), null when it prints none'),
  unit: z.string().nullable().describe('its unit (人, 个), null when none'),
});
const count = (what: string) => CountSchema.nullable().describe(`${what}, null when not printed`);

export const ProjectFormSchema = z.object({
  kind: z.literal('perf.project').describe('项目支出绩效目标表: the form of one project'),
  id: z.string().describe('the form\'s id in this document (in the sequence of the tables\' ids)'),
  title: z.string().describe('the title printed above the form'),
  year: z.number().int().nullable().describe('the budget year, null when neither the form nor the document states it'),
  projectName: z.string().describe('项目名称 as printed'),
  department: text('主管部门'),
  departmentCode: text('主管部门编码'),
  implementer: text('实施单位'),
  attribute: text('项目属性'),
  period: text('项目期'),
  funds: z
    .object({
      unit: UnitSchema.describe('the unit its 项目资金 label states (项目资金（万元）); 元 when it states none, as the standard form prints'),
      implementation: MoneyBySource.describe('funds of the whole 实施期'),
      annual: MoneyBySource.describe('funds of the 年度'),
    })
    .describe('项目资金 by source'),
  overview: text('项目概况'),
  basis: text('立项依据'),
  necessity: text('项目设立的必要性'),
  measures: text('保障措施'),
  plan: text('实施进度计划'),
  goals: z.object({ implementation: text('实施期目标'), annual: text('年度目标') }).describe('总体目标 of the 实施期 and of the year'),
  indicators: z.array(IndicatorSchema).describe('the 绩效指标 rows'),
  footer: z
    .object({ responsible: text('项目负责人'), handler: text('经办人'), phone: text('联系电话'), filledAt: text('填报日期') })
    .describe('the lines under the form'),
  other: z
    .array(z.object({ label: z.string().describe('the label as printed'), value: z.string().describe('its value as printed') }))
    .optional()
    .describe('label–value pairs the form prints that no field above takes (项目类别, 其中：当年财政拨款 …): kept, not lost'),
});
export type ProjectForm = z.infer<typeof ProjectFormSchema>;

export const DeptFormSchema = z.object({
  kind: z.literal('perf.dept_overall').describe('部门整体支出绩效目标表: the form of the whole department'),
  id: z.string().describe('the form\'s id in this document (in the sequence of the tables\' ids)'),
  title: z.string().describe('the title printed above the form'),
  year: z.number().int().nullable().describe('the budget year, null when neither the form nor the document states it'),
  departmentName: text('部门名称'),
  departmentCode: text('部门编码'),
  internalDivisions: count('内设机构'),
  subordinateUnits: count('下属单位'),
  approvedStaff: count('编制人数'),
  actualStaff: count('实有人数'),
  onEstablishment: count('在编人数'),
  otherStaff: count('编外人数'),
  duties: text('部门职能'),
  strategicGoals: text('中长期目标'),
  budget: z
    .object({
      unit: z.literal('万元').describe('the unit of the form\'s amounts'),
      bySource: z
        .object({
          total: money('all funds (合计)'),
          gpb: money('一般公共预算'),
          gov_fund: money('政府性基金预算'),
          soe: money('国有资本经营预算'),
          social_insurance: money('社会保险基金预算'),
          special_account: money('财政专户管理资金'),
          unit_funds: money('单位资金'),
        })
        .describe('年度预算 by source of funds'),
      byDirection: z
        .object({ total: money('all expenditure (合计)'), basic: money('基本支出'), project: money('项目支出') })
        .describe('年度预算 by 基本 and 项目 expenditure'),
    })
    .describe('the 年度预算 the form states'),
  keyTasks: z
    .array(z.object({ function: z.string().describe('the duty (职能) a task serves'), task: z.string().describe('the 重点工作任务') }))
    .describe('重点工作任务 with the duty each serves'),
  annualGoal: text('年度总体目标'),
  indicators: z.array(IndicatorSchema).describe('the 绩效指标 rows'),
});
export type DeptForm = z.infer<typeof DeptFormSchema>;

export const FormSchema = z.discriminatedUnion('kind', [ProjectFormSchema, DeptFormSchema]);
export type Form = z.infer<typeof FormSchema>;
