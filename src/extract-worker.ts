/**
 * One extraction in a worker thread of the pool (time-limit.ts): the task names the file; the reply is plain
 * data (class instances do not survive the copy between threads). With `render`, the worker renders the
 * outputs and the batch summary here, so that only strings cross back, not the whole document.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ExtractError } from './errors.js';
// the writers (csv-stringify…) load with the first batch file: a single-file run returns the document itself
import type { BatchFigures, Format, Rendered } from './batch/render.js';
import type { IngestOptions } from './ingest/options.js';
import type { Output } from './model/output.js';
import { extract } from './pipeline.js';

export interface WorkerTask {
  /** a path, or the document's bytes with `name` */
  file?: string;
  bytes?: Uint8Array;
  name?: string;
  options: IngestOptions;
  /** render these formats and the batch figures instead of returning the document */
  render?: { formats: Format[]; document: string };
  /**
   * told when the work starts: the time limit counts from then (time-limit.ts). A worker_threads MessagePort,
   * typed by what is used of it: these types reach the library's, which must compile without @types/node.
   */
  started?: { postMessage(message: unknown): void; close(): void };
  /** told [pages done, pages] after each page of a PDF (a port, as `started`): --progress on a long book */
  progress?: { postMessage(message: unknown): void; close(): void };
}

export interface WorkerError {
  message: string;
  stack?: string;
  code?: ExtractError['code'];
  file?: string;
}

export type WorkerReply =
  | { output: Output; heapMB: number }
  | { rendered: Rendered; figures: BatchFigures; heapMB: number }
  | { error: WorkerError; heapMB: number };

/**
 * A full garbage collection, so that a worker does not carry the garbage of one file after another (V8
 * collects lazily below its heap limit) and the heap in use after a file, which decides recycling, is what it
 * keeps.
 */
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Past this heap in use after a file, the worker collects before the next one (a full collection costs tens of ms). */
const COLLECT_ABOVE_MB = 160;

/** The worker's heap as the file leaves it (before collecting): an estimate of the file's peak. */
function heapMB(): number {
  const { heapTotal, heapUsed } = process.memoryUsage();
  if (heapUsed > COLLECT_ABOVE_MB * 2 ** 20) collect();
  return Math.round(heapTotal / 2 ** 20);
}

export default async function run(task: WorkerTask): Promise<WorkerReply> {
  task.started?.postMessage('started');
  task.started?.close();
  const progress = task.progress;
  const options = progress ? { ...task.options, onPage: (done: number, pages: number) => progress.postMessage([done, pages]) } : task.options;
  try {
    const output = task.bytes ? await extract(task.bytes, { ...options, name: task.name }) : await extract(task.file!, options);
    if (!task.render) return { output, heapMB: heapMB() };
    const { batchFigures, renderOutputs } = await import('./batch/render.js');
    return { rendered: renderOutputs(output, task.render.formats), figures: batchFigures(output, task.render.document), heapMB: heapMB() };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    return { error: { message: error.message, stack: error.stack, ...(e instanceof ExtractError ? { code: e.code, file: e.file } : {}) }, heapMB: heapMB() };
  } finally {
    progress?.close();
  }
}
