#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import { ExtractError } from '../errors.js';
import { OutputSchema } from '../model/output.js';
import { toCsvFiles } from '../output/csv.js';
import { toJson } from '../output/json.js';
import { toMarkdown } from '../output/markdown.js';
import type { DocumentResult } from '../golden/verify.js';
import { formatResult } from '../golden/report.js';
import { extractWithin } from '../time-limit.js';
import type { OcrMode } from '../ingest/ocr/kind.js';
import { VERSION } from '../version.js';

/** Exit codes: 0 ok, 1 a check or verification failed, 2 unusable input or usage. */
class Failure extends Error {
  constructor(readonly exitCode: number, message: string) {
    super(message);
  }
}

async function runExtract(file: string, opts: { output?: string; format: string; pretty?: boolean; password?: string; ocr: string; timeout: number }) {
  const out = await extractWithin(file, { password: opts.password, ocr: opts.ocr as OcrMode }, opts.timeout);
  if (opts.format === 'csv') {
    const dir = opts.output ?? `${basename(file, extname(file))}_csv`;
    await mkdir(dir, { recursive: true });
    const files = toCsvFiles(out);
    for (const f of files) await writeFile(join(dir, f.name), f.content);
    process.stderr.write(`extract: wrote ${files.length} CSV files to ${dir}\n`);
    return;
  }
  const text = opts.format === 'md' ? toMarkdown(out) : toJson(out, opts.pretty ?? false);
  if (opts.output) await writeFile(opts.output, text);
  else process.stdout.write(text);
}

function reportDocument(r: DocumentResult): void {
  process.stdout.write(formatResult(r));
}

/** Check statuses, most severe first; `missing` (a rule that could not be checked: rows or columns not recognised) is listed apart. */
const SEVERITY = ['fail', 'warn', 'missing', 'warn_rounding', 'hint', 'pass_rounding', 'pass', 'na'] as const;
/** Statuses that make `check` exit 1, by --fail-on: a rule that could not be checked counts as a warning. */
const FAILING: Record<string, string[]> = { fail: ['fail'], warn: ['fail', 'warn', 'missing'], never: [] };

async function runCheck(file: string, opts: { failOn: string; password?: string; ocr: string; all?: boolean; timeout: number }) {
  const out = await extractWithin(file, { password: opts.password, ocr: opts.ocr as OcrMode }, opts.timeout);
  const lines: string[] = [`${out.source.file}: ${out.document.organization ?? ''} ${out.document.year ?? ''} ${out.document.family}`];
  for (const status of SEVERITY) {
    const group = out.checks.filter((c) => c.status === status);
    if (!group.length || (!opts.all && (status === 'pass' || status === 'na'))) continue;
    lines.push('', `${status.toUpperCase()} (${group.length})`);
    for (const c of group) {
      lines.push(`  ${c.rule}  ${c.message}`);
      if (c.expected !== undefined || c.actual !== undefined) lines.push(`      expected ${c.expected ?? '-'} · actual ${c.actual ?? '-'}`);
      const where = c.refs.slice(0, 5).map((r) => [r.table, r.text, r.col, r.page ? `p.${r.page}` : ''].filter(Boolean).join(' ')).join('; ');
      if (where) lines.push(`      at ${where}${c.refs.length > 5 ? ` … (${c.refs.length} cells)` : ''}`);
    }
  }
  const count = (s: string) => out.checks.filter((c) => c.status === s).length;
  lines.push('', `${out.checks.length} rules: ${SEVERITY.map((s) => `${count(s)} ${s}`).join(', ')}`);
  process.stdout.write(lines.join('\n') + '\n');
  const failing = out.checks.filter((c) => FAILING[opts.failOn].includes(c.status));
  if (failing.length) throw new Failure(1, '');
}

async function runVerify(opts: { corpus: string; golden: string; update?: boolean; filter?: string }) {
  // loaded here: the other commands extract in a worker thread and need none of the pipeline in this one
  const { verifyCorpus } = await import('../golden/verify.js');
  const results = await verifyCorpus(opts, reportDocument);
  if (results.length === 0) throw new Failure(2, `no documents in ${opts.corpus}`);
  const failed = results.filter((r) => r.error || r.comparison?.differences.length);
  if (!opts.update) process.stdout.write(`verify: ${results.length - failed.length} of ${results.length} documents match their goldens\n`);
  if (failed.length && !opts.update) throw new Failure(1, '');
}

/** Per-file time limit: a hostile or broken file must not hang a batch. 0 turns it off. */
const timeoutOption = () =>
  new Option('--timeout <seconds>', 'give up on a file after this many seconds (0: no limit)').default(120).argParser((value) => {
    const seconds = Number(value);
    if (!(seconds >= 0) || !Number.isFinite(seconds)) throw new InvalidArgumentError('expected a number of seconds, 0 or more');
    return seconds;
  });

/** OCR of scanned PDF pages and page images. */
const ocrOption = () =>
  new Option('--ocr <mode>', 'OCR of scanned pages and images: pages without text (auto), every page (on), none (off)').choices(['auto', 'on', 'off']).default('auto');

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('extract')
    .description('Turn budget and final-account disclosures (PDF, text) into typed, schema-validated JSON')
    .version(VERSION)
    .option('--debug', 'print stack traces of errors')
    .showHelpAfterError();

  program
    .command('file <file>', { isDefault: true })
    .description('extract one document (the default command: `extract file.pdf`)')
    .option('-o, --output <path>', 'write to this file (csv: this folder) instead of stdout')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'csv', 'md']).default('json'))
    .option('--pretty', 'indent the JSON')
    .option('--password <password>', 'password of an encrypted PDF')
    .addOption(ocrOption())
    .addOption(timeoutOption())
    .action(runExtract);

  program
    .command('schema')
    .description('print the JSON Schema of the output')
    .action(() => {
      process.stdout.write(JSON.stringify(z.toJSONSchema(OutputSchema, { io: 'output' }), null, 2) + '\n');
    });

  program
    .command('check <file>')
    .description('audit a document: every implemented accounting rule, grouped by severity; exit 1 when a rule fails')
    .addOption(new Option('--fail-on <level>', 'exit 1 on failures (fail), also on warnings and rules that could not be checked (warn), or never').choices(['fail', 'warn', 'never']).default('fail'))
    .option('--all', 'list passing and not-applicable rules too')
    .option('--password <password>', 'password of an encrypted PDF')
    .addOption(ocrOption())
    .addOption(timeoutOption())
    .action(runCheck);

  program
    .command('verify')
    .description('compare every corpus document with its golden JSON; exit 1 on any difference')
    .option('--corpus <dir>', 'folder of input documents', 'corpus')
    .option('--golden <dir>', 'folder of expected outputs', 'golden')
    .option('--filter <text>', 'only documents whose name contains this')
    .option('--update', 'rewrite the goldens from the current output (refused when CI is set)')
    .action(runVerify);

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof Failure) {
      if (e.message) process.stderr.write(`extract: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof ExtractError) {
      process.stderr.write(`extract: ${e.file}: ${e.message} [${e.code}]\n`);
      if (debug) process.stderr.write(`${e.stack}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`extract: internal error: ${message}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return 1;
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
