/**
 * `extract batch`: many documents through a pool of workers, each output written atomically into a tree that
 * mirrors the inputs, one summary line per input, resumable after a kill.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, appendFile, mkdir, open, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { ExtractError, type ErrorCode } from '../errors.js';
import type { WorkerReply } from '../extract-worker.js';
import type { IngestOptions } from '../ingest/options.js';
import type { Output } from '../model/output.js';
import { ExtractPool, type PoolOptions } from '../time-limit.js';
import { VERSION } from '../version.js';
import { expandInputs, type BatchInput, type Shard } from './inputs.js';
import { batchFigures, FORMATS, TABLE_ROW_HEADER, type BatchFigures, type Format, type Rendered } from './render.js';

export { expandInputs, shardOf, type BatchInput, type Shard } from './inputs.js';
export { FORMATS, type Format } from './render.js';

export type BatchStatus = 'ok' | 'failed' | 'timeout' | 'too_large' | 'skipped';

/** One line of summary.jsonl. */
export interface BatchRecord {
  /** the document: its path below the common folder of the inputs */
  input: string;
  status: BatchStatus;
  /** error code (E_…) when not ok */
  code?: string;
  message?: string;
  sha256: string | null;
  /** version of extract that made the outputs */
  version: string;
  pages?: number | null;
  organization?: string | null;
  year?: number | null;
  family?: string;
  /** number of tables of each kind */
  tables?: Record<string, number>;
  /** rules whose status is `fail` */
  failingChecks?: string[];
  warnings?: number;
  /** wall-clock seconds of the file, worker start included when it needed a new worker */
  seconds: number;
  /** heap of the worker when the file was done, MB (it grows to the file's peak and is seldom given back) */
  memoryMB?: number;
  /** output files, relative to the output folder */
  outputs?: string[];
  /** true when --resume kept this line from an earlier run instead of extracting again */
  resumed?: true;
}

/** A record as the library's iterator yields it: without an output folder it carries the document. */
export type BatchItem = BatchRecord & { document?: Output };

export interface BatchOptions extends PoolOptions {
  /** output folder; without it nothing is written and each item carries its document */
  out?: string;
  formats?: Format[];
  /** skip inputs whose outputs exist for the same sha256 and version; keep recorded failures */
  resume?: boolean;
  /** with resume: extract recorded failures again */
  retryFailed?: boolean;
  /** seconds per file (0: no limit; default 120) */
  timeout?: number;
  shard?: Shard;
  password?: string;
  /** OCR of scanned pages and images (auto: pages without text) */
  ocr?: IngestOptions['ocr'];
  signal?: AbortSignal;
}

export interface BatchPlan {
  inputs: BatchInput[];
  options: BatchOptions;
}

/** Names of the summary files of a run (a shard has its own). */
export function summaryNames(shard?: Shard) {
  const s = shard ? `-${shard.index}-of-${shard.count}` : '';
  return { jsonl: `summary${s}.jsonl`, csv: `summary${s}.csv`, tables: `tables${s}.csv`, journal: `.extract-batch${s}.jsonl` };
}

/** Output files of a document, relative to the output folder: the input's relative path plus the format's suffix. */
export function outputNames(rel: string, formats: Format[]): string[] {
  return formats.map((f) => (f === 'csv' ? `${rel}_csv` : `${rel}.${f}`));
}

let tmpCounter = 0;
function tmpName(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${++tmpCounter}`);
}

/** Writes a file whole or not at all: a temporary file beside it, then a rename. */
export async function writeAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tmpName(path);
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
}

/** A folder of CSV files, written as a temporary folder and renamed into place. */
async function writeFolderAtomic(path: string, files: { name: string; content: string }[]): Promise<void> {
  const tmp = tmpName(path);
  await mkdir(tmp, { recursive: true });
  try {
    for (const f of files) await writeFile(join(tmp, f.name), f.content);
    await rm(path, { recursive: true, force: true });
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Refuses an output folder that cannot be created or written, before any work is done. */
export async function checkWritableFolder(dir: string): Promise<void> {
  const fail = (e: NodeJS.ErrnoException) => {
    throw new ExtractError('E_OUTPUT', dir, `cannot be written (${e.code ?? e.message})`);
  };
  const info = await stat(dir).catch(() => null);
  if (info && !info.isDirectory()) throw new ExtractError('E_OUTPUT', dir, 'is a file, not a folder');
  await mkdir(dir, { recursive: true }).catch(fail);
  const probe = join(dir, `.extract-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  await writeFile(probe, '').catch(fail);
  await unlink(probe).catch(() => {});
}

async function sha256Of(path: string): Promise<string | null> {
  try {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return null;
  }
}

const exists = (path: string) => access(path).then(() => true, () => false);

function statusOf(code: string): BatchStatus {
  return code === 'E_TIMEOUT' ? 'timeout' : code === 'E_TOO_LARGE' ? 'too_large' : 'failed';
}

/** A journal line: the record and, for a document done, its lines of tables.csv. */
type JournalEntry = BatchRecord & { rows?: string[][] };

/** Where a document's last journal line is, and its record (without the rows, which stay on disk). */
interface JournalLine {
  record: BatchRecord;
  start: number;
  end: number;
}

/**
 * Reads the journal line by line, never whole (a batch of thousands of documents has a large one): the last
 * record of each input and the byte range of its line. A line cut short by a kill is passed over.
 */
async function indexJournal(path: string): Promise<Map<string, JournalLine>> {
  const index = new Map<string, JournalLine>();
  if (!(await exists(path))) return index;
  let pending: Buffer[] = [];
  let lineStart = 0;
  let offset = 0;
  const take = (line: Buffer, start: number) => {
    if (!line.length) return;
    try {
      const { rows: _rows, ...record } = JSON.parse(line.toString('utf8')) as JournalEntry;
      if (record && typeof record.input === 'string') index.set(record.input, { record, start, end: start + line.length });
    } catch {
      // the last line of a killed run may be cut short: that document is done again
    }
  };
  for await (const chunk of createReadStream(path)) {
    const buf = chunk as Buffer;
    let from = 0;
    for (let nl = buf.indexOf(10, from); nl >= 0; nl = buf.indexOf(10, from)) {
      pending.push(buf.subarray(from, nl));
      take(Buffer.concat(pending), lineStart);
      pending = [];
      lineStart = offset + nl + 1;
      from = nl + 1;
    }
    pending.push(buf.subarray(from));
    offset += buf.length;
  }
  take(Buffer.concat(pending), lineStart);
  return index;
}

/** The journal lines of the given ranges, one at a time. */
async function* journalLines(path: string, ranges: { start: number; end: number }[]): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  try {
    for (const { start, end } of ranges) {
      const buf = Buffer.alloc(end - start);
      await file.read(buf, 0, buf.length, start);
      yield buf;
    }
  } finally {
    await file.close();
  }
}

/** Expands the inputs and checks the options; refuses an output folder that cannot be written. */
export async function planBatch(args: string[], options: BatchOptions = {}): Promise<BatchPlan> {
  if (options.shard && !(options.shard.count >= 1 && options.shard.index >= 0 && options.shard.index < options.shard.count)) {
    throw new ExtractError('E_USAGE', String(options.shard.index), `shard ${options.shard.index}/${options.shard.count} is not one of 0/N … (N-1)/N`);
  }
  if (options.out) await checkWritableFolder(options.out);
  const inputs = await expandInputs(args, { outDir: options.out, shard: options.shard });
  return { inputs, options };
}

function summaryCsv(records: BatchRecord[]): string {
  const head = ['input', 'status', 'code', 'message', 'pages', 'tables', 'tables_by_kind', 'failing_checks', 'warnings', 'seconds', 'memory_mb', 'organization', 'year', 'family', 'sha256', 'version', 'resumed'];
  const rows = records.map((r) => [
    r.input, r.status, r.code ?? '', r.message ?? '', r.pages ?? '',
    r.tables ? Object.values(r.tables).reduce((a, b) => a + b, 0) : '',
    r.tables ? Object.entries(r.tables).map(([k, n]) => `${k}:${n}`).join(';') : '',
    (r.failingChecks ?? []).join(';'), r.warnings ?? '', r.seconds, r.memoryMB ?? '',
    r.organization ?? '', r.year ?? '', r.family ?? '', r.sha256 ?? '', r.version, r.resumed ? 'true' : '',
  ]);
  return '\uFEFF' + stringify([head, ...rows]);
}

/**
 * Runs a planned batch and yields one record per input as it finishes (inputs kept by --resume first). With
 * an output folder it writes each document's outputs, a journal line per document (what --resume reads), and
 * at the end summary.jsonl, summary.csv and tables.csv in input order.
 */
export async function* runBatch(plan: BatchPlan): AsyncGenerator<BatchItem, BatchRecord[]> {
  const o = plan.options;
  const formats = o.formats?.length ? o.formats : (['json'] as Format[]);
  const timeout = o.timeout ?? 120;
  const names = summaryNames(o.shard);
  const journalPath = o.out ? join(o.out, names.journal) : '';
  const records = new Map<string, BatchRecord>();
  const pending: BatchItem[] = [];
  let wake: (() => void) | undefined;
  const emit = (item: BatchItem) => {
    pending.push(item);
    wake?.();
    wake = undefined;
  };
  const remember = async (record: BatchRecord, rows?: string[][]) => {
    records.set(record.input, record);
    if (journalPath) await appendFile(journalPath, JSON.stringify(rows ? { ...record, rows } : record) + '\n');
  };

  // what an earlier run finished, kept when --resume
  const previous = o.resume && journalPath ? await indexJournal(journalPath) : new Map<string, JournalLine>();
  const todo: BatchInput[] = [];
  const kept: JournalLine[] = [];
  for (const input of plan.inputs) {
    const before = previous.get(input.rel)?.record;
    if (before && before.version === VERSION) {
      const sha256 = await sha256Of(input.path);
      const done = before.status === 'ok' && (await Promise.all(outputNames(input.rel, formats).map((n) => exists(join(o.out!, n))))).every(Boolean);
      const failedBefore = before.status === 'skipped' || (before.status !== 'ok' && !o.retryFailed);
      if (sha256 === before.sha256 && (done || failedBefore)) {
        kept.push(previous.get(input.rel)!);
        continue;
      }
    }
    todo.push(input);
  }
  if (journalPath) {
    // the journal starts again with the lines kept, copied as they are (rows included), then grows
    const tmp = tmpName(journalPath);
    const fresh = await open(tmp, 'w');
    try {
      if (kept.length) for await (const line of journalLines(journalPath, kept)) await fresh.write(Buffer.concat([line, Buffer.from('\n')]));
    } finally {
      await fresh.close();
    }
    await rename(tmp, journalPath);
  }
  for (const { record } of kept) {
    const r: BatchRecord = { ...record, resumed: true };
    records.set(r.input, r);
    emit(r);
  }

  const pool = todo.some((i) => !i.unsupported) ? new ExtractPool({ jobs: o.jobs, maxMemoryMb: o.maxMemoryMb, recycleAfter: o.recycleAfter, recycleHeapMb: o.recycleHeapMb }) : undefined;
  let next = 0;
  let stopped = false;

  const runOne = async (input: BatchInput): Promise<void> => {
    const started = performance.now();
    const sha256 = await sha256Of(input.path);
    const base: BatchRecord = { input: input.rel, status: 'ok', sha256, version: VERSION, seconds: 0 };
    const seconds = () => Math.round((performance.now() - started) / 10) / 100;
    if (input.unsupported) {
      const r: BatchRecord = { ...base, status: 'skipped', code: 'E_UNKNOWN_FORMAT', message: 'not a type extract reads (.pdf, .txt, .html, page images)', seconds: 0 };
      await remember(r);
      return emit(r);
    }
    let reply: WorkerReply;
    try {
      reply = await pool!.run(
        { file: input.path, options: { password: o.password, ...(o.ocr ? { ocr: o.ocr } : {}) }, render: o.out ? { formats, document: input.rel } : undefined },
        input.path, timeout, o.signal,
      );
    } catch (e) {
      if (stopped) return;
      const code: ErrorCode = e instanceof ExtractError ? e.code : 'E_INTERNAL';
      const r: BatchRecord = { ...base, status: statusOf(code), code, message: (e as Error).message, seconds: seconds() };
      await remember(r);
      return emit(r);
    }
    if ('error' in reply) {
      const code = reply.error.code ?? 'E_INTERNAL';
      const r: BatchRecord = { ...base, status: statusOf(code), code, message: reply.error.message, seconds: seconds(), memoryMB: reply.heapMB };
      await remember(r);
      return emit(r);
    }
    let figures: BatchFigures;
    let document: Output | undefined;
    if ('output' in reply) {
      document = reply.output;
      figures = batchFigures(document, input.rel);
    } else figures = reply.figures;
    const { rows, sha256: _sha, ...rest } = figures;
    const record: BatchRecord = { ...base, sha256: figures.sha256, ...rest, seconds: 0, memoryMB: reply.heapMB };
    if (o.out && 'rendered' in reply) {
      try {
        record.outputs = await writeOutputs(o.out, input.rel, reply.rendered);
      } catch (e) {
        const r: BatchRecord = { ...base, status: 'failed', code: 'E_OUTPUT', message: `output not written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, seconds: seconds() };
        await remember(r);
        return emit(r);
      }
    }
    record.seconds = seconds();
    await remember(record, rows);
    emit(document ? { ...record, document } : record);
  };

  const lane = async () => {
    while (!stopped && next < todo.length) await runOne(todo[next++]);
  };
  let finished = false;
  let failure: unknown;
  const lanes = Promise.all(Array.from({ length: Math.min(pool?.jobs ?? 1, Math.max(todo.length, 1)) }, lane))
    .catch((e) => {
      failure = e;
    })
    .finally(() => {
      finished = true;
      wake?.();
    });
  try {
    for (;;) {
      if (pending.length) {
        yield pending.shift()!;
        continue;
      }
      if (finished) break;
      await new Promise<void>((r) => (wake = r));
    }
    await lanes;
    if (failure) throw failure;
  } finally {
    stopped = true;
    await pool?.close();
  }

  const summary = plan.inputs.map((i) => records.get(i.rel)).filter((r): r is BatchRecord => !!r);
  if (o.out) {
    await writeAtomic(join(o.out, names.jsonl), summary.map((r) => JSON.stringify(r) + '\n').join(''));
    await writeAtomic(join(o.out, names.csv), summaryCsv(summary));
    // tables.csv in input order, from the journal one document at a time: the rows are never all in memory
    const index = await indexJournal(journalPath);
    const ranges = summary.filter((r) => r.status === 'ok').map((r) => index.get(r.input)).filter((l): l is JournalLine => !!l);
    const path = join(o.out, names.tables);
    const tmp = tmpName(path);
    const csv = await open(tmp, 'w');
    try {
      await csv.write('\uFEFF' + stringify([[...TABLE_ROW_HEADER]]));
      for await (const line of journalLines(journalPath, ranges)) {
        const rows = (JSON.parse(line.toString('utf8')) as JournalEntry).rows ?? [];
        if (rows.length) await csv.write(stringify(rows));
      }
    } finally {
      await csv.close();
    }
    await rename(tmp, path);
  }
  return summary;
}

async function writeOutputs(out: string, rel: string, rendered: Rendered): Promise<string[]> {
  const written: string[] = [];
  for (const format of FORMATS) {
    const value = rendered[format];
    if (value === undefined) continue;
    const [name] = outputNames(rel, [format]);
    if (typeof value === 'string') await writeAtomic(join(out, name), value);
    else await writeFolderAtomic(join(out, name), value);
    written.push(name);
  }
  return written;
}

/** The library's batch: `for await (const item of extractBatch(['archive/'], { out: 'json/', jobs: 2 })) …`. */
export async function* extractBatch(args: string[], options: BatchOptions = {}): AsyncGenerator<BatchItem, BatchRecord[]> {
  return yield* runBatch(await planBatch(args, options));
}
