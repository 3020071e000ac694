import { extractWithin } from './time-limit.js';
import type { ExtractOptions } from './pipeline.js';
import type { Output } from './model/output.js';

export { buildOutput, type ExtractOptions } from './pipeline.js';
export { ExtractError, type ErrorCode } from './errors.js';
export * from './model/index.js';
// the writers of the command's formats, for outputs the caller holds
export { toCsv, ROWS_CSV_LEAD, type CsvFile } from './output/csv.js';
export { toJson } from './output/json.js';
export { toMarkdown } from './output/markdown.js';
export { toXlsx } from './output/xlsx.js';
export { toJsonSchema, SCHEMA_ID } from './output/schema.js';
export {
  extractBatch, planBatch, runBatch, outputNames, summaryNames,
  type BatchItem, type BatchOptions, type BatchPlan, type BatchRecord, type BatchStatus, type Format,
} from './batch/index.js';

export interface ExtractCallOptions extends ExtractOptions {
  /** file name of a document given as bytes: recorded in the output, and its extension tells text from HTML */
  name?: string;
  /** stop after this many milliseconds with ExtractError E_TIMEOUT (the work runs in a worker thread) */
  timeoutMs?: number;
  /** stop when this signal aborts (the work runs in a worker thread) */
  signal?: AbortSignal;
  /** heap limit of that worker in MB (past it: E_TOO_LARGE; default 2048) */
  maxMemoryMb?: number;
}

/**
 * Extracts one document from its path or its bytes. With `timeoutMs` or `signal` the extraction runs in a
 * worker thread that is terminated when time is up or the signal aborts; `families` and `rules` (functions)
 * cannot cross into a worker, so they are for the in-thread call only.
 */
export async function extract(input: string | Uint8Array, options: ExtractCallOptions = {}): Promise<Output> {
  const { timeoutMs, signal, maxMemoryMb, ...rest } = options;
  if (!timeoutMs && !signal) return (await import('./pipeline.js')).extract(input, rest);
  if (rest.families || rest.rules) throw new TypeError('extract: families and rules cannot be combined with timeoutMs or signal');
  return extractWithin(input, { password: rest.password, ocr: rest.ocr, name: rest.name, maxMemoryMb }, (timeoutMs ?? 0) / 1000, signal);
}
