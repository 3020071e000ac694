#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ExtractError } from '../errors.js';
import { toCsv } from '../output/csv.js';
import { toJson } from '../output/json.js';
import { toMarkdown } from '../output/markdown.js';
import { toXlsx } from '../output/xlsx.js';
import { fileTarget, outputTarget, writeCsvFolder } from './targets.js';
import type { DocumentResult } from '../golden/verify.js';
import { formatResult } from '../golden/report.js';
import { checkWritableFolder, FORMATS, planBatch, runBatch, summaryNames, type Format } from '../batch/index.js';
import { DEFAULT_MAX_MEMORY_MB, extractWithin } from '../time-limit.js';
import type { OcrMode } from '../ingest/ocr/kind.js';
import { VERSION } from '../version.js';
import { Progress } from './progress.js';
// the audit's modules (zod, decimal.js, the rule catalogue) load with `check` and `rules` only: start-up of the other commands
import type { CheckOptions } from './check.js';
import { withPageProgress } from './page-progress.js';
import { COMMAND_EXAMPLES, DESCRIPTION, EXAMPLES, SUMMARIES } from './help.js';

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, checkFailed: 1, unusable: 2, batchFailures: 3, usage: 64, internal: 70 } as const;

class Failure extends Error {
  constructor(readonly exitCode: number, message: string) {
    super(message);
  }
}

async function runExtract(file: string, opts: { output?: string; format: string; xlsx?: string; pretty?: boolean; password?: string; ocr: string; timeout: number; maxMemory: number; progress?: boolean }) {
  // an output of the wrong kind or that cannot be written is refused before the work
  const target = await outputTarget(file, opts.format, opts.output);
  const workbook = opts.xlsx === undefined ? undefined : await fileTarget(opts.xlsx, 'xlsx');
  if (target.kind === 'folder') await checkWritableFolder(target.dir);
  if (target.kind === 'file') await checkWritableFolder(dirname(target.path));
  if (workbook) await checkWritableFolder(dirname(workbook));
  const out = await withPageProgress(file, opts.progress, (onPage) => extractWithin(file, { password: opts.password, ocr: opts.ocr as OcrMode, maxMemoryMb: opts.maxMemory, onPage }, opts.timeout));
  if (workbook) await writeFile(workbook, await toXlsx(out));
  if (target.kind === 'folder') {
    const files = await writeCsvFolder(target.dir, toCsv(out));
    process.stderr.write(`extract: wrote ${files} CSV files to ${target.dir}\n`);
    return;
  }
  const content = opts.format === 'xlsx' ? await toXlsx(out) : opts.format === 'md' ? toMarkdown(out) : toJson(out, opts.pretty ?? false);
  if (target.kind === 'file') await writeFile(target.path, content);
  else process.stdout.write(content);
}

function reportDocument(r: DocumentResult): void {
  process.stdout.write(formatResult(r));
}

async function runCheck(file: string | undefined, opts: CheckOptions & { explain?: string; password?: string; ocr: string; timeout: number; maxMemory: number; progress?: boolean }) {
  const { printCheck, printExplain, readOutputJson } = await import('./check.js');
  if (opts.explain) return printExplain(opts.explain, opts);
  if (!file) throw new ExtractError('E_USAGE', '', 'check needs a file (a document, or the JSON extract wrote for it), or --explain RULE');
  // an output JSON is audited as it is: no extraction
  const out = (await readOutputJson(file)) ?? (await withPageProgress(file, opts.progress, (onPage) => extractWithin(file, { password: opts.password, ocr: opts.ocr as OcrMode, maxMemoryMb: opts.maxMemory, onPage }, opts.timeout)));
  if (await printCheck(out, opts)) throw new Failure(EXIT.checkFailed, '');
}

async function runVerify(opts: { corpus: string; golden: string; update?: boolean; filter?: string }) {
  // loaded here: the other commands extract in a worker thread and need none of the pipeline in this one
  const { verifyCorpus } = await import('../golden/verify.js');
  const results = await verifyCorpus(opts, reportDocument);
  if (results.length === 0) throw new Failure(EXIT.unusable, `no documents in ${opts.corpus}`);
  const failed = results.filter((r) => r.error || r.comparison?.differences.length);
  if (!opts.update) process.stdout.write(`verify: ${results.length - failed.length} of ${results.length} documents match their goldens\n`);
  if (failed.length && !opts.update) throw new Failure(EXIT.checkFailed, '');
}

interface BatchCliOptions {
  out: string;
  jobs: number;
  format: Format[];
  resume?: boolean;
  retryFailed?: boolean;
  timeout: number;
  maxMemory: number;
  recycleAfter: number;
  shard?: { index: number; count: number };
  quiet?: boolean;
  password?: string;
  ocr: string;
  progressSeconds: number;
}

async function runBatchCommand(inputs: string[], opts: BatchCliOptions) {
  const started = performance.now();
  const plan = await planBatch(inputs, {
    out: opts.out, jobs: opts.jobs, formats: opts.format, resume: opts.resume, retryFailed: opts.retryFailed, timeout: opts.timeout,
    maxMemoryMb: opts.maxMemory, recycleAfter: opts.recycleAfter, shard: opts.shard, password: opts.password, ocr: opts.ocr as OcrMode,
  });
  // a shard may be empty (few inputs, many tasks): that is no error, and its summaries are written empty
  if (!plan.inputs.length && !opts.shard) throw new Failure(EXIT.unusable, `no documents in ${inputs.join(' ')}`);
  const progress = new Progress(plan.inputs.length, process.stderr, !!opts.quiet, opts.progressSeconds);
  const count: Record<string, number> = { ok: 0, failed: 0, timeout: 0, too_large: 0, skipped: 0 };
  let resumed = 0;
  let pages = 0;
  try {
    for await (const r of runBatch(plan)) {
      progress.update(r);
      count[r.status]++;
      if (r.resumed) resumed++;
      else pages += r.pages ?? 0;
    }
  } finally {
    progress.finish();
  }
  const seconds = (performance.now() - started) / 1000;
  // failures that --resume kept from an earlier run count too: the batch is not complete
  const bad = count.failed + count.timeout + count.too_large;
  if (!opts.quiet || bad) {
    const parts = Object.entries(count).filter(([k, n]) => n || k === 'ok').map(([k, n]) => `${n} ${k}`);
    if (resumed) parts.push(`${resumed} of them kept from the earlier run`);
    process.stderr.write(
      `extract batch: ${plan.inputs.length} document${plan.inputs.length === 1 ? '' : 's'}: ${parts.join(', ')} in ${seconds.toFixed(1)} s ` +
        `(${(pages / seconds).toFixed(1)} pages/s, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB); ` +
        `summary in ${join(opts.out, summaryNames(opts.shard).jsonl)}\n`,
    );
  }
  if (bad) throw new Failure(EXIT.batchFailures, '');
}

/** Per-file time limit: a hostile or broken file must not hang a batch. 0 turns it off. */
const timeoutOption = () =>
  new Option('--timeout <seconds>', 'give up on a file after this many seconds (0: no limit)').default(120).argParser((value) => {
    const seconds = Number(value);
    if (!(seconds >= 0) || !Number.isFinite(seconds)) throw new InvalidArgumentError('expected a number of seconds, 0 or more');
    return seconds;
  });

const positiveInt = (what: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected ${what}, a whole number of 1 or more`);
  return n;
};

const maxMemoryOption = () =>
  new Option('--max-memory <MB>', 'heap limit of the worker extracting a file, in MB (past it: E_TOO_LARGE)').default(DEFAULT_MAX_MEMORY_MB).argParser(positiveInt('megabytes'));

function parseFormats(value: string): Format[] {
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
  const bad = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length || !formats.length) throw new InvalidArgumentError(`expected json, csv or md, comma-separated (got ${value})`);
  return [...new Set(formats)] as Format[];
}

function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index >= count) throw new InvalidArgumentError('expected I/N with 0 ≤ I < N (e.g. 0/4 … 3/4)');
  return { index, count };
}

/** OCR of scanned PDF pages and page images. */
const ocrOption = () =>
  new Option('--ocr <mode>', 'OCR of scanned pages and images: pages without text (auto), every page (on), none (off)').choices(['auto', 'on', 'off']).default('auto');

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('extract')
    .description(DESCRIPTION)
    .configureHelp({ subcommandDescription: (cmd) => SUMMARIES[cmd.name()] ?? cmd.description() })
    .addHelpText('after', EXAMPLES)
    .version(VERSION)
    .option('--debug', 'print stack traces of errors')
    .showHelpAfterError()
    // usage errors throw (CommanderError) instead of exiting 1: main() turns them into exit code 64
    .exitOverride();

  program
    .command('file <file>', { isDefault: true })
    .description('extract one document (the default command: `extract file.pdf`)')
    .option('-o, --output <path>', 'write to this file instead of stdout (csv: into <file>_csv/ in this folder)')
    .addOption(new Option('-f, --format <format>', 'output format (xlsx: a workbook, one sheet per table and one of checks)').choices(['json', 'csv', 'md', 'xlsx']).default('json'))
    .option('--xlsx <file>', 'also write the XLSX workbook to this file')
    .option('--pretty', 'indent the JSON')
    .option('--password <password>', 'password of an encrypted PDF')
    .addOption(ocrOption())
    .addOption(timeoutOption())
    .addOption(maxMemoryOption())
    .option('--progress', 'show pages done on stderr (default: when stderr is a terminal)')
    .option('--no-progress', 'no pages done on stderr')
    .action(runExtract);

  program
    .command('batch <inputs...>')
    .description('extract many documents (files, folders, globs) in parallel into --out; exit 3 when some failed')
    .requiredOption('--out <dir>', 'output folder: the outputs mirror the input tree, with summary.jsonl, summary.csv and tables.csv')
    .addOption(new Option('-j, --jobs <n>', 'worker threads').default(availableParallelism(), 'the cores').argParser(positiveInt('a number of workers')))
    .addOption(new Option('-f, --format <formats>', 'output formats, comma-separated: json, csv, md').default(['json'] as Format[], 'json').argParser(parseFormats))
    .option('--resume', 'skip inputs whose outputs exist for the same content (sha256) and version, and recorded failures')
    .option('--retry-failed', 'with --resume: extract the recorded failures again')
    .addOption(timeoutOption())
    .addOption(maxMemoryOption())
    .addOption(new Option('--recycle-after <n>', 'replace a worker after this many files (and when its heap in use after a file passes half of --max-memory, at most 512 MB)').default(100).argParser(positiveInt('a number of files')))
    .addOption(new Option('--shard <I/N>', 'only the inputs of shard I of N (0 ≤ I < N, by a hash of the path below the common folder)').argParser(parseShard))
    .option('-q, --quiet', 'no progress; only failures and the exit code')
    .option('--password <password>', 'password of the encrypted PDFs')
    .addOption(ocrOption())
    .addOption(new Option('--progress-seconds <s>', 'seconds between progress lines when stderr is not a terminal').default(5).argParser(positiveInt('seconds')).hideHelp())
    .action(runBatchCommand);

  program
    .command('inspect <file>')
    .description('draw what was detected: a PDF page with its ruling lines, tables, cell grid and text boxes (--page N -o page.png), or every table beside its page with the failed checks marked (--html report.html)')
    .addOption(new Option('--page <n>', 'the page to draw, 1-based').argParser(positiveInt('a page number')))
    .option('-o, --output <png>', 'write the page picture here (PNG)')
    .option('--html <file>', 'write the report of the whole document here')
    .addOption(new Option('--scale <n>', 'pixels per PDF point of the page picture').default(2).argParser((value) => {
      const n = Number(value);
      if (!(n > 0 && n <= 8)) throw new InvalidArgumentError('expected a number above 0, at most 8');
      return n;
    }))
    .option('--password <password>', 'password of an encrypted PDF')
    .addOption(ocrOption())
    .addOption(timeoutOption())
    .addOption(maxMemoryOption())
    .action(async (file, opts) => {
      process.stderr.write(await (await import('../inspect/cli.js')).runInspect(file, opts));
    });

  program
    .command('schema')
    .description('print the JSON Schema of the output')
    .option('--pretty', 'indent the JSON (the schema is always indented)')
    .action(async () => {
      // loaded here: the schema reads the families' kinds, which the other commands do not need in this thread
      const { toJsonSchema } = await import('../output/schema.js');
      process.stdout.write(JSON.stringify(toJsonSchema(), null, 2) + '\n');
    });

  program
    .command('check [file]')
    .description('audit a document, or an output JSON, against the accounting rules: findings by cause; exit 1 when a rule fails')
    .addOption(new Option('--fail-on <level>', 'exit 1 on failures (fail), also on warnings and rules that could not be checked (warn), or never').choices(['fail', 'warn', 'never']).default('fail'))
    .option('--all', 'list findings within rounding tolerance, and the passing and not-applicable rules, too')
    .option('--json', 'print the findings as JSON (same as --format json)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'md']).default('text'))
    .option('--pretty', 'indent the JSON')
    .option('--explain <rule>', 'print what a rule checks, where and with which tolerance (no file needed)')
    .option('--password <password>', 'password of an encrypted PDF')
    .addOption(ocrOption())
    .addOption(timeoutOption())
    .addOption(maxMemoryOption())
    .option('--progress', 'show pages done on stderr (default: when stderr is a terminal)')
    .option('--no-progress', 'no pages done on stderr')
    .action(runCheck);

  program
    .command('rules')
    .description('list the accounting rules of the audit: id, scope, tolerance, title')
    .option('--json', 'print the catalogue as JSON')
    .option('--pretty', 'indent the JSON')
    .action(async (opts) => (await import('./check.js')).printRules(opts));

  program
    .command('verify')
    .description('compare every corpus document with its golden JSON; exit 1 on any difference')
    .option('--corpus <dir>', 'folder of input documents', 'corpus')
    .option('--golden <dir>', 'folder of expected outputs', 'golden')
    .option('--filter <text>', 'only documents whose name contains this')
    .option('--update', 'rewrite the goldens from the current output (refused when CI is set)')
    .action(runVerify);

  for (const command of program.commands) if (COMMAND_EXAMPLES[command.name()]) command.addHelpText('after', COMMAND_EXAMPLES[command.name()]);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const debug = argv.includes('--debug');
  if (argv.length <= 2) {
    // `extract` alone: every command and an example of each, not the options of the default command
    process.stderr.write(`error: no file given\n\n${program.helpInformation()}${EXAMPLES}`);
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with exit code 0; every other commander error is a usage error
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof ExtractError && e.code === 'E_USAGE') {
      process.stderr.write(`extract: ${e.message} [${e.code}]\n`);
      return EXIT.usage;
    }
    if (e instanceof Failure) {
      if (e.message) process.stderr.write(`extract: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof ExtractError) {
      process.stderr.write(`extract: ${e.file}: ${e.message} [${e.code}]\n`);
      if (debug) process.stderr.write(`${e.stack}\n`);
      return EXIT.unusable;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`extract: internal error: ${message}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return EXIT.internal;
  }
}

// `extract file | head` closes stdout early: that is not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
