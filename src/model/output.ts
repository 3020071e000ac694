import { z } from 'zod';
import { TableSchema } from './table.js';
import { FormSchema } from './form.js';
import { FactSchema } from './fact.js';

export const SCHEMA_VERSION = '1';

export const SectionSchema = z.object({
  /** 1 = 第一部分, 2 = 一、, 3 = （一）, 4 = 1、 */
  level: z.number().int().min(1).max(4),
  number: z.string(),
  title: z.string(),
  paragraphs: z.array(z.string()),
  pages: z.array(z.number().int().positive()),
});
export type Section = z.infer<typeof SectionSchema>;

export const TocEntrySchema = z.object({ label: z.string().optional(), title: z.string(), page: z.number().int().nullable() });

export const WarningSchema = z.object({ code: z.string(), message: z.string(), page: z.number().int().optional() });

export const CheckSchema = z.object({
  rule: z.string(),
  /** na: the tables the rule reads are not printed (or printed empty); missing: they are, but rows or columns it reads were not recognised */
  status: z.enum(['pass', 'pass_rounding', 'warn_rounding', 'warn', 'hint', 'fail', 'na', 'missing']),
  message: z.string(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  refs: z.array(z.object({ table: z.string().optional(), row: z.number().int().optional(), col: z.string().optional(), page: z.number().int().optional(), text: z.string().optional() })),
});

export const OutputSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: z.object({
    file: z.string(),
    sha256: z.string(),
    format: z.enum(['pdf', 'text', 'html', 'image']),
    pages: z.number().int().nonnegative().nullable(),
    producer: z.string().optional(),
    ocr: z.boolean(),
  }),
  document: z.object({
    family: z.enum(['budget', 'final_accounts', 'unknown']),
    scope: z.enum(['department', 'unit']).nullable(),
    organization: z.string().nullable(),
    year: z.number().int().nullable(),
    title: z.string().nullable(),
  }),
  toc: z.array(TocEntrySchema),
  sections: z.array(SectionSchema),
  tables: z.array(TableSchema),
  forms: z.array(FormSchema),
  facts: z.array(FactSchema),
  checks: z.array(CheckSchema),
  warnings: z.array(WarningSchema),
});
export type Output = z.infer<typeof OutputSchema>;
