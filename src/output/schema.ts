import { z } from 'zod';
import { FAMILIES } from '../../extractors/index.js';
import type { Family } from '../recognise/family.js';
import { FormSchema } from '../model/form.js';
import { OutputSchema, SCHEMA_VERSION } from '../model/output.js';
import { TableSchema } from '../model/table.js';

/** A URN, not a URL: the schema is printed by `extract schema`, not served anywhere. */
export const SCHEMA_ID = `urn:extract:output:v${SCHEMA_VERSION}`;

/** The table kinds the families declare (their alias tables are the one list of kinds), then generic. */
export function tableKinds(families: Family[] = FAMILIES): string[] {
  return [...new Set(families.flatMap((f) => Object.keys(f.tables ?? {}))), 'generic'];
}

/** The form kinds the families declare. */
export function formKinds(families: Family[] = FAMILIES): string[] {
  return [...new Set(families.flatMap((f) => Object.keys(f.forms ?? {})))];
}

/**
 * The output's zod schema with the families' kinds closed into enums: the model keeps `kind` a string
 * because extractors/ import the model and the model must not import them back.
 */
export function outputSchemaOf(families: Family[] = FAMILIES) {
  const kinds = tableKinds(families) as [string, ...string[]];
  const table = TableSchema.extend({
    kind: z.enum(kinds).describe(`canonical kind of a standard table (${kinds.slice(0, 2).join(', ')} …), or generic`),
    // every table the pipeline outputs has its columns (generic ones keyed col0, col1 …)
    columns: TableSchema.shape.columns.unwrap().describe(TableSchema.shape.columns.description ?? ''),
  });
  return OutputSchema.extend({ tables: z.array(table).describe(OutputSchema.shape.tables.description ?? '') }).meta(OutputSchema.meta() ?? {});
}

/** The JSON Schema of the output (draft 2020-12), as `extract schema` prints it. */
export function toJsonSchema(families: Family[] = FAMILIES): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(outputSchemaOf(families), { io: 'output' }) as Record<string, unknown>;
  const forms = formKinds(families);
  const modelled = FormSchema.options.map((o) => o.shape.kind.value as string);
  // a family declaring a form kind no zod schema reads would print forms the schema refuses
  const unread = forms.filter((k) => !modelled.includes(k));
  if (unread.length) throw new Error(`form kinds without a schema in src/model/form.ts: ${unread.join(', ')}`);
  return { $schema, $id: SCHEMA_ID, ...rest };
}
