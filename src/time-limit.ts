import { availableParallelism } from 'node:os';
import { MessageChannel, type Worker } from 'node:worker_threads';
import Tinypool from 'tinypool';
import { ExtractError } from './errors.js';
import type { WorkerReply, WorkerTask } from './extract-worker.js';
import type { IngestOptions } from './ingest/options.js';
import type { Output } from './model/output.js';

/** Default heap cap of a worker, so that running out of memory is one line about the file, not a crashed process. */
export const DEFAULT_MAX_MEMORY_MB = 2048;

export interface PoolOptions {
  /** worker threads (default: the cores) */
  jobs?: number;
  /** heap cap of each worker in MB: a file that needs more stops with E_TOO_LARGE and kills only its worker */
  maxMemoryMb?: number;
  /** replace a worker after this many files (pdf.js keeps caches); 0: never */
  recycleAfter?: number;
  /** replace a worker whose heap in use after a file exceeds this many MB */
  recycleHeapMb?: number;
}

/**
 * A pool of extraction workers (tinypool). A file runs in a worker thread that is terminated when its time
 * is up or its signal aborts; a timer in the calling thread could not stop the work, since pdf.js reads a page
 * in one chain of promise jobs that never yields to the event loop. A file that crashes its worker, hangs or
 * runs out of memory costs only that worker, which the pool replaces.
 */
export class ExtractPool {
  readonly jobs: number;
  readonly maxMemoryMb: number;
  private readonly pool: Tinypool;
  private readonly recycleAfter: number;
  private done = 0;

  constructor(options: PoolOptions = {}) {
    this.jobs = Math.max(1, options.jobs ?? availableParallelism());
    this.maxMemoryMb = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
    this.recycleAfter = options.recycleAfter ?? 100;
    this.pool = new Tinypool({
      filename: new URL('./extract-worker.js', import.meta.url).href,
      minThreads: this.jobs,
      maxThreads: this.jobs,
      // a worker is held by its one file until it is done: the pool's atomics wait loop would hold it too
      useAtomics: false,
      resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb },
      maxMemoryLimitBeforeRecycle: (options.recycleHeapMb ?? Math.min(512, this.maxMemoryMb / 2)) * 2 ** 20,
    });
    // a worker that fails outside any task (it cannot start) must not bring the process down
    this.pool.on('error', () => {});
    // tinypool waits for a worker's exit with events.once() on its wrapper of the thread, which has no
    // removeListener: a worker failing (say, out of memory as it starts) while the pool closes would throw
    // out of an event handler. The wrapper gets the method, delegating to its thread.
    const wrapper = Object.getPrototypeOf(this.pool.threads[0] ?? {}) as { removeListener?: unknown; thread?: Worker };
    if (wrapper && wrapper !== Object.prototype && !wrapper.removeListener) {
      wrapper.removeListener = function (this: { thread: Worker }, event: string, listener: (...a: unknown[]) => void) {
        this.thread.removeListener(event, listener);
        return this;
      };
    }
  }

  /**
   * Runs one task; `file` names the input in errors. Times out after `seconds` (0: no limit) with E_TIMEOUT;
   * E_TOO_LARGE when the worker's heap outgrows maxMemoryMb. Errors of the extraction itself come back as
   * `{ error }` in the reply.
   */
  async run(task: WorkerTask, file: string, seconds: number, signal?: AbortSignal, onPage?: (done: number, pages: number) => void): Promise<WorkerReply> {
    const controller = new AbortController();
    let timedOut = false;
    const limit = (s: number) =>
      // setTimeout fires at once past 2^31 - 1 ms (24.8 days): no file gets that long anyway
      setTimeout(() => ((timedOut = true), controller.abort()), Math.min(s * 1000, 2 ** 31 - 1));
    // the time limit counts from the moment the worker starts on the file, not while a new worker loads;
    // a worker that does not even start in a minute (or the limit, if longer) is given up too
    const { port1, port2 } = new MessageChannel();
    let timer = seconds > 0 ? limit(Math.max(60, seconds)) : undefined;
    port1.once('message', () => {
      clearTimeout(timer);
      if (seconds > 0) timer = limit(seconds);
      port1.close();
    });
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    // pages done come back on a port of their own: the reply comes only at the end
    const pages = onPage ? new MessageChannel() : undefined;
    pages?.port1.on('message', ([done, total]: [number, number]) => onPage!(done, total));
    try {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      const ports = pages ? { started: port2, progress: pages.port2 } : { started: port2 };
      return (await this.pool.run({ ...task, ...ports }, { signal: controller.signal, transferList: pages ? [port2, pages.port2] : [port2] })) as WorkerReply;
    } catch (e) {
      if (timedOut) throw new ExtractError('E_TIMEOUT', file, `took longer than ${seconds} s`);
      if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('aborted', { cause: signal.reason });
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ERR_WORKER_OUT_OF_MEMORY') throw new ExtractError('E_TOO_LARGE', file, `needs more than ${this.maxMemoryMb} MB of memory`, { cause: e });
      throw new Error(`the extraction stopped: ${(e as Error).message ?? e}`, { cause: e });
    } finally {
      clearTimeout(timer);
      port1.close();
      pages?.port1.close();
      signal?.removeEventListener('abort', onAbort);
      if (this.recycleAfter && ++this.done % (this.recycleAfter * this.jobs) === 0) void this.pool.recycleWorkers();
    }
  }

  async close(): Promise<void> {
    // tinypool waits for each worker's 'exit' with events.once(), which rejects when the worker emits 'error'
    // first: a replacement worker that runs out of memory as it starts (a tiny --max-memory) would turn a
    // finished batch into an internal error. Such a worker is gone either way, and no file was in it.
    await this.pool.destroy().catch(() => {});
  }
}

/** Rebuilds the error a worker reported, or returns the reply. */
export function unwrap<T extends WorkerReply>(reply: T, file: string): Exclude<T, { error: unknown }> {
  if (!('error' in reply)) return reply as Exclude<T, { error: unknown }>;
  const { code, message, stack } = reply.error;
  const error = code ? new ExtractError(code, reply.error.file ?? file, message) : new Error(message);
  error.stack = stack;
  throw error;
}

/**
 * Extracts one document (a path, or bytes with `name`) in a worker thread that is stopped after `seconds`
 * (0 and no signal: in this thread).
 */
export async function extractWithin(
  input: string | Uint8Array,
  options: IngestOptions & { name?: string; maxMemoryMb?: number },
  seconds: number,
  signal?: AbortSignal,
): Promise<Output> {
  // a callback cannot cross to a worker thread: the pool relays the pages over a port
  const { name, maxMemoryMb, onPage, ...ingest } = options;
  if (!seconds && !signal) return (await import('./pipeline.js')).extract(input, { ...ingest, onPage, name });
  const pool = new ExtractPool({ jobs: 1, maxMemoryMb, recycleAfter: 0 });
  const file = typeof input === 'string' ? input : (name ?? 'document');
  try {
    const task: WorkerTask = typeof input === 'string' ? { file: input, options: ingest } : { bytes: input, name, options: ingest };
    const reply = unwrap(await pool.run(task, file, seconds, signal, onPage), file);
    return (reply as { output: Output }).output;
  } finally {
    await pool.close();
  }
}
