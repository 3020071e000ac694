/** `extract check` (findings of the audit) and `extract rules` (the rule catalogue): what they print. */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ExtractError } from '../errors.js';
import { OutputSchema, type Output } from '../model/output.js';
import { checkMarkdown, checkReport, checkText, type RuleTitles } from '../output/findings.js';
import { toPrettyOrCompact } from './print.js';

type RuleText = (typeof import('../../extractors/index.js'))['RULE_CATALOGUE'][number];

/** The rules and their texts; loaded on demand (the other commands need none of the audit in this thread). */
async function catalogue() {
  const { RULES, RULE_CATALOGUE } = await import('../../extractors/index.js');
  const byId = new Map(RULE_CATALOGUE.map((r) => [r.id, r]));
  const titles: RuleTitles = { title: (id) => ({ en: byId.get(id)?.title ?? id, zh: byId.get(id)?.titleZh ?? id }) };
  return { RULES, RULE_CATALOGUE, byId, titles };
}

/** An output JSON of `extract` (audited again without extracting), or null when the file is a document. */
export async function readOutputJson(file: string): Promise<Output | null> {
  if (extname(file).toLowerCase() !== '.json') return null;
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new ExtractError('E_NOT_FOUND', file, 'no such file');
    throw new ExtractError('E_NOT_OUTPUT', file, `not JSON: ${(e as Error).message}`);
  }
  const parsed = OutputSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExtractError('E_NOT_OUTPUT', file, `not an output of extract (${issue.path.join('.') || 'top level'}: ${issue.message})`);
  }
  return parsed.data;
}

export interface CheckOptions {
  failOn: string;
  all?: boolean;
  json?: boolean;
  format?: string;
  pretty?: boolean;
}

/** Statuses that make `check` exit 1, by --fail-on: a rule that could not be checked counts as a warning. */
const FAILING: Record<string, string[]> = { fail: ['fail'], warn: ['fail', 'warn', 'missing'], never: [] };

/** Prints the findings of a document's audit; returns whether a rule failed per --fail-on. */
export async function printCheck(out: Output, opts: CheckOptions): Promise<boolean> {
  const { RULES, titles } = await catalogue();
  const { evaluate } = await import('../validate/index.js');
  const { findingsOf } = await import('../validate/findings.js');
  const evaluations = evaluate(out, RULES);
  const report = checkReport(out, evaluations, findingsOf(out, evaluations), titles);
  const format = opts.json ? 'json' : (opts.format ?? 'text');
  process.stdout.write(format === 'json' ? toPrettyOrCompact(report, opts.pretty) : format === 'md' ? checkMarkdown(report, !!opts.all) : checkText(report, !!opts.all));
  return evaluations.some((e) => FAILING[opts.failOn].includes(e.check.status));
}

const toleranceText = (r: RuleText) =>
  [r.tolerance.kind, r.tolerance.value !== undefined ? `${r.tolerance.value}${r.tolerance.unit ? ` ${r.tolerance.unit}` : ''}` : ''].filter(Boolean).join(' ');

/** `extract rules`: every rule, one line each (or the catalogue as JSON). */
export async function printRules(opts: { json?: boolean; pretty?: boolean }): Promise<void> {
  const { RULE_CATALOGUE } = await catalogue();
  if (opts.json) {
    process.stdout.write(toPrettyOrCompact(RULE_CATALOGUE, opts.pretty));
    return;
  }
  const lines = RULE_CATALOGUE.map((r) => `${r.id.padEnd(9)} ${r.scope.padEnd(11)} ${toleranceText(r).padEnd(22)} ${r.implemented ? ' ' : '-'} ${r.titleZh} · ${r.title}`);
  lines.push('', `${RULE_CATALOGUE.length} rules (${RULE_CATALOGUE.filter((r) => r.implemented).length} run by this version; '-': not run). extract check --explain <RULE> prints one in full.`);
  process.stdout.write(lines.join('\n') + '\n');
}

/** `extract check --explain RULE`: a rule's text, scope and tolerance. */
export async function printExplain(id: string, opts: { json?: boolean; pretty?: boolean }): Promise<void> {
  const { RULE_CATALOGUE, byId } = await catalogue();
  const r = byId.get(id.toUpperCase());
  if (!r) {
    const near = RULE_CATALOGUE.filter((x) => x.id.startsWith(id.toUpperCase().replace(/-?\d*$/, ''))).map((x) => x.id);
    throw new ExtractError('E_USAGE', id, `unknown rule ${id}${near.length ? `; rules like it: ${near.slice(0, 12).join(' ')}` : ''} (extract rules lists them all)`);
  }
  if (opts.json) {
    process.stdout.write(toPrettyOrCompact(r, opts.pretty));
    return;
  }
  const lines = [
    `${r.id}  ${r.titleZh}`,
    `         ${r.title}`,
    '',
    `scope:     ${r.scope} (${r.family === 'both' ? '预算 and 决算' : r.family})${r.tables.length ? `; tables ${r.tables.join(', ')}` : ''}`,
    `severity:  ${r.severity} when broken${r.implemented ? '' : ' (not run by this version)'}`,
    `tolerance: ${toleranceText(r)}${r.tolerance.rule ? ` — ${r.tolerance.rule}` : ''}`,
    '',
    r.description,
  ];
  if (r.formula) lines.push('', `formula:   ${r.formula}`);
  process.stdout.write(lines.join('\n') + '\n');
}
