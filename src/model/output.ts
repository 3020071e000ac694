import { z } from 'zod';
import { TableSchema } from './table.js';
import { FormSchema } from './form.js';
import { FactSchema } from './fact.js';

export const SCHEMA_VERSION = '1';

export const SectionSchema = z.object({
  level: z.number().int().min(1).max(4).describe('depth of the heading: 1 = 第一部分, 2 = 一、, 3 = （一）, 4 = 1、'),
  number: z.string().describe('the heading\'s number as printed (第一部分, 一、 …)'),
  title: z.string().describe('the heading\'s text after its number'),
  paragraphs: z.array(z.string()).describe('the paragraphs under the heading, up to the next heading'),
  pages: z.array(z.number().int().positive()).describe('pages the section is printed on, 1-based'),
});
export type Section = z.infer<typeof SectionSchema>;

export const TocEntrySchema = z.object({
  label: z.string().optional().describe('the label the contents give the entry (公开表一 …)'),
  title: z.string().describe('the title the contents list'),
  page: z.number().int().nullable().describe('the page number the contents print, null when none'),
});

export const WarningSchema = z.object({
  code: z.string().describe('what kind of problem (W_UNRECOGNISED, W_CELL …)'),
  message: z.string().describe('what was seen, naming the table and row'),
  page: z.number().int().optional().describe('the page it concerns, 1-based'),
});

export const CheckSchema = z.object({
  rule: z.string().describe('the rule\'s id (GEN-T-01, FIN-X-03 …)'),
  status: z
    .enum(['pass', 'pass_rounding', 'warn_rounding', 'warn', 'hint', 'fail', 'na', 'missing'])
    .describe('the worst result of the rule; na: the tables it reads are not printed (or printed empty); missing: they are, but rows or columns it reads were not recognised'),
  message: z.string().describe('what the rule found, in words'),
  expected: z.string().optional().describe('the figure the rule expected (exact decimal)'),
  actual: z.string().optional().describe('the figure printed (exact decimal)'),
  refs: z
    .array(
      z.object({
        table: z.string().optional().describe('id of the table'),
        row: z.number().int().optional().describe('grid row, 0-based'),
        col: z.string().optional().describe('key of the column'),
        page: z.number().int().optional().describe('page, 1-based'),
        text: z.string().optional().describe('the row\'s name or the text quoted'),
      }),
    )
    .describe('the cells and sentences the rule read'),
});

export const OutputSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION).describe('version of this contract: a change that breaks readers gets a new one'),
    source: z
      .object({
        file: z.string().describe('the input\'s file name'),
        sha256: z.string().describe('SHA-256 of the input\'s bytes, hex'),
        format: z.enum(['pdf', 'text', 'html', 'image']).describe('the input\'s format, read from its content'),
        pages: z.number().int().nonnegative().nullable().describe('number of pages, null for inputs without pages'),
        producer: z.string().optional().describe('the PDF\'s Producer, as recorded in the file'),
        ocr: z.boolean().describe('true when some text was read by OCR'),
      })
      .describe('the input document'),
    document: z
      .object({
        family: z.enum(['budget', 'final_accounts', 'unknown']).describe('budget (预算公开), final_accounts (决算公开), or unknown'),
        scope: z.enum(['department', 'unit']).nullable().describe('department (部门) or unit (单位) disclosure, null when not stated'),
        organization: z.string().nullable().describe('the organisation the document is about, null when not found'),
        year: z.number().int().nullable().describe('the budget year, null when not found'),
        title: z.string().nullable().describe('the document\'s title, null when not found'),
      })
      .describe('what the document is'),
    toc: z.array(TocEntrySchema).describe('the table of contents as printed (empty when none)'),
    sections: z.array(SectionSchema).describe('the narrative\'s headings and paragraphs'),
    tables: z.array(TableSchema).describe('every table, in reading order'),
    forms: z.array(FormSchema).describe('the performance-target forms (绩效目标表), read field by field'),
    facts: z.array(FactSchema).describe('the figures the narrative states'),
    checks: z.array(CheckSchema).describe('the audit: one result per rule'),
    warnings: z.array(WarningSchema).describe('what the extraction noticed and could not settle'),
  })
  .meta({ title: 'extract output', description: 'A disclosure document (预算 / 决算公开) as typed tables, forms, narrative facts and audit results' });
export type Output = z.infer<typeof OutputSchema>;
