import type { Output } from '../model/output.js';
import type { Table } from '../model/table.js';
import type { Status } from './tolerance.js';

/** A cell (or a table, a page, a passage) a comparison points at. */
export interface Ref {
  table?: string;
  row?: number;
  col?: string;
  page?: number;
  text?: string;
}

/** One comparison a rule made. */
export interface Instance {
  status: Status;
  message: string;
  expected?: string;
  actual?: string;
  refs: Ref[];
}

/** What a rule compares on a document: its comparisons (null: nothing to compare there). */
export type DocumentEvaluator = (out: Output) => (Instance | null)[];
/** What a rule compares on one table. */
export type TableEvaluator = (t: Table, out: Output) => Instance[];

/**
 * A rule of a family's catalogue (ids of shared/domain/rules.yaml for the Chinese disclosures): what it
 * compares, as data. The engine (validate) runs the catalogue it is given; the tolerance policy lives in
 * tolerance.ts.
 */
export interface Rule {
  id: string;
  title: string;
  evaluate: DocumentEvaluator;
}
