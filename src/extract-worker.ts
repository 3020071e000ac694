/** Runs one extraction for `extractWithin` (time-limit.ts) in a worker thread and posts back the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { ExtractError } from './errors.js';
import type { IngestOptions } from './ingest/index.js';
import { extract } from './pipeline.js';
import type { WorkerReply } from './time-limit.js';

const { file, options } = workerData as { file: string; options: IngestOptions };
let reply: WorkerReply;
try {
  reply = { output: await extract(file, options) };
} catch (e) {
  const error = e instanceof Error ? e : new Error(String(e));
  reply = { error: { message: error.message, stack: error.stack, ...(e instanceof ExtractError ? { code: e.code, file: e.file } : {}) } };
}
parentPort!.postMessage(reply);
