import { z } from 'zod';
import { AmountSchema, UnitSchema } from './table.js';

export const IndicatorSchema = z.object({
  /** 实施期 or 年度 block of a project form; absent on the 部门整体 form */
  period: z.enum(['实施期', '年度']).optional(),
  level1: z.string(),
  level2: z.string(),
  level3: z.string(),
  valueRaw: z.string(),
  op: z.enum(['≥', '≤', '=', '>', '<']).nullable(),
  number: AmountSchema.nullable(),
  unit: z.string().nullable(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

const MoneyBySource = z.object({
  total: AmountSchema.nullable(),
  central: AmountSchema.nullable(),
  provincial: AmountSchema.nullable(),
  local: AmountSchema.nullable(),
  self: AmountSchema.nullable(),
  other: AmountSchema.nullable(),
  /** 财政资金 printed as one figure (其中：财政资金; 年度: 其中：当年财政拨款), not split by level of government */
  fiscal: AmountSchema.nullable().optional(),
  /** 上年结转资金 of the 年度 block */
  carryOver: AmountSchema.nullable().optional(),
});

/** A count printed with its unit, e.g. "18人" → { raw: "18人", number: "18", unit: "人" } */
export const CountSchema = z.object({ raw: z.string(), number: AmountSchema.nullable(), unit: z.string().nullable() });

export const ProjectFormSchema = z.object({
  kind: z.literal('perf.project'),
  id: z.string(),
  title: z.string(),
  year: z.number().int().nullable(),
  projectName: z.string(),
  department: z.string().nullable(),
  departmentCode: z.string().nullable(),
  implementer: z.string().nullable(),
  attribute: z.string().nullable(),
  period: z.string().nullable(),
  /** the unit its 项目资金 label states (项目资金（万元）); 元 when it states none, as the standard form prints */
  funds: z.object({ unit: UnitSchema, implementation: MoneyBySource, annual: MoneyBySource }),
  overview: z.string().nullable(),
  basis: z.string().nullable(),
  necessity: z.string().nullable(),
  measures: z.string().nullable(),
  plan: z.string().nullable(),
  goals: z.object({ implementation: z.string().nullable(), annual: z.string().nullable() }),
  indicators: z.array(IndicatorSchema),
  footer: z.object({
    responsible: z.string().nullable(),
    handler: z.string().nullable(),
    phone: z.string().nullable(),
    filledAt: z.string().nullable(),
  }),
  /** label–value pairs the form prints that no field above takes (项目类别, 其中：当年财政拨款 …): kept, not lost */
  other: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
});
export type ProjectForm = z.infer<typeof ProjectFormSchema>;

export const DeptFormSchema = z.object({
  kind: z.literal('perf.dept_overall'),
  id: z.string(),
  title: z.string(),
  year: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  departmentCode: z.string().nullable(),
  internalDivisions: CountSchema.nullable(),
  subordinateUnits: CountSchema.nullable(),
  approvedStaff: CountSchema.nullable(),
  actualStaff: CountSchema.nullable(),
  onEstablishment: CountSchema.nullable(),
  otherStaff: CountSchema.nullable(),
  duties: z.string().nullable(),
  strategicGoals: z.string().nullable(),
  budget: z.object({
    unit: z.literal('万元'),
    bySource: z.object({
      total: AmountSchema.nullable(),
      gpb: AmountSchema.nullable(),
      gov_fund: AmountSchema.nullable(),
      soe: AmountSchema.nullable(),
      social_insurance: AmountSchema.nullable(),
      special_account: AmountSchema.nullable(),
      unit_funds: AmountSchema.nullable(),
    }),
    byDirection: z.object({ total: AmountSchema.nullable(), basic: AmountSchema.nullable(), project: AmountSchema.nullable() }),
  }),
  keyTasks: z.array(z.object({ function: z.string(), task: z.string() })),
  annualGoal: z.string().nullable(),
  indicators: z.array(IndicatorSchema),
});
export type DeptForm = z.infer<typeof DeptFormSchema>;

export const FormSchema = z.discriminatedUnion('kind', [ProjectFormSchema, DeptFormSchema]);
export type Form = z.infer<typeof FormSchema>;
