import { Worker } from 'node:worker_threads';
import { ExtractError, type ErrorCode } from './errors.js';
import type { IngestOptions } from './ingest/index.js';
import type { Output } from './model/output.js';

/** What the worker posts back. Errors cross as plain data: class instances do not survive the copy. */
export type WorkerReply = { output: Output } | { error: { message: string; stack?: string; code?: ErrorCode; file?: string } };

/** A heap cap for the worker, so that running out of memory is one line about the file, not a crashed process. */
const HEAP_MB = 2048;

/**
 * Extracts one file in a worker thread that is terminated after `seconds` (0: no limit, in this thread).
 * A timer in this thread could not stop the work: pdf.js reads a page in one chain of promise jobs
 * that never yields to the event loop.
 */
export async function extractWithin(file: string, options: IngestOptions, seconds: number): Promise<Output> {
  if (!seconds) return (await import('./pipeline.js')).extract(file, options);
  const worker = new Worker(new URL('./extract-worker.js', import.meta.url), {
    workerData: { file, options },
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    // setTimeout fires at once past 2^31 - 1 ms (24.8 days): no file gets that long anyway
    timer = setTimeout(() => reject(new ExtractError('E_TIMEOUT', file, `took longer than ${seconds} s`)), Math.min(seconds * 1000, 2 ** 31 - 1));
  });
  const finished = new Promise<Output>((resolve, reject) => {
    worker.once('message', (reply: WorkerReply) => {
      if ('output' in reply) return resolve(reply.output);
      const { code, message, stack } = reply.error;
      const error = code ? new ExtractError(code, reply.error.file ?? file, message) : new Error(message);
      error.stack = stack;
      reject(error);
    });
    worker.once('error', (e: NodeJS.ErrnoException) => {
      reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ExtractError('E_TOO_LARGE', file, `needs more than ${HEAP_MB} MB of memory`, { cause: e }) : e);
    });
    worker.once('exit', (code) => reject(new Error(`the extraction stopped (exit code ${code})`)));
  });
  try {
    return await Promise.race([finished, timedOut]);
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}
