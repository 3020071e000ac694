import { Decimal } from 'decimal.js';
import type { Output } from '../model/output.js';
import type { Evaluation } from '../validate/index.js';
import { FINDING_ORDER, type Finding, type Where } from '../validate/findings.js';
import type { Status } from '../validate/tolerance.js';

/**
 * The findings of `extract check` in words: each says in Chinese and in English what is wrong, where (table
 * title, row, column, page, or the section of the narrative) and by how much, and names the rules it breaks.
 * Text for a terminal, Markdown for a report, JSON for scripts.
 */

/** The rule texts a report needs (the catalogue shipped with the package). */
export interface RuleTitles {
  title(id: string): { en: string; zh: string };
}

/** What `check --json` prints. */
export interface CheckReport {
  file: string;
  organization: string | null;
  year: string | number | null;
  family: string;
  /** findings by status */
  counts: Partial<Record<Status, number>>;
  findings: (Finding & { message: { zh: string; en: string }; ruleTitles: { rule: string; en: string; zh: string }[] })[];
  /** every rule run, by its status on the document */
  rules: Partial<Record<Status, string[]>>;
}

/** Findings a reader acts on; `pass_rounding` (a sum a cent off within tolerance) is listed only when asked. */
export const SHOWN: readonly Status[] = ['fail', 'warn', 'missing', 'warn_rounding', 'hint'];

export function whereZh(w: Where): string {
  const page = w.page !== undefined ? `第${w.page}页` : '';
  if (w.table !== undefined) {
    const cell = [w.row !== undefined ? `「${w.row}」行` : '', w.column !== undefined ? `「${w.column}」栏` : ''].join('');
    return `${page}《${w.title || w.table}》${cell}`;
  }
  return `${page}${w.section ? `「${w.section}」` : '说明'}`;
}

export function whereEn(w: Where): string {
  const page = w.page !== undefined ? `p. ${w.page}` : '';
  if (w.table !== undefined) {
    return [page, `“${w.title || w.table}”`, w.row !== undefined ? `row “${w.row}”` : '', w.column !== undefined ? `column “${w.column}”` : ''].filter(Boolean).join(', ');
  }
  return [page, w.section ? `section “${w.section}”` : 'the narrative'].filter(Boolean).join(', ');
}

/** What is wrong and by how much, in both languages. */
export function messageOf(f: Finding, titles: RuleTitles): { zh: string; en: string } {
  const where = { zh: whereZh(f.where), en: whereEn(f.where) };
  if (f.stated !== undefined && f.expected !== undefined && f.difference !== undefined) {
    const d = new Decimal(f.difference);
    const by = d.abs().toFixed();
    // a share or a rate printed with % is off by percentage points, not by an amount
    const percent = f.comparisons[0].refs.some((r) => r.table === undefined && r.text?.replace(/(\d),(?=\d{3})/g, '$1').includes(`${f.stated}%`));
    const [pc, zhBy, enBy] = percent ? ['%', ` ${by} 个百分点`, `${by} percentage points`] : ['', ` ${by}`, by];
    return {
      zh: `${where.zh}：印为 ${f.stated}${pc}，应为 ${f.expected}${pc}，${d.isNegative() ? '少' : '多'}${zhBy}`,
      en: `${where.en}: printed ${f.stated}${pc}, expected ${f.expected}${pc} (${enBy} too ${d.isNegative() ? 'low' : 'high'})`,
    };
  }
  if (f.stated !== undefined && f.expected !== undefined) {
    return { zh: `${where.zh}：写作“${f.stated}”，应为“${f.expected}”`, en: `${where.en}: reads “${f.stated}”, expected “${f.expected}”` };
  }
  const head = f.comparisons[0];
  return { zh: `${where.zh}：${titles.title(head.rule).zh}`, en: `${where.en}: ${head.message}` };
}

/** The report of a document: its findings in words and every rule by status. */
export function checkReport(out: Output, evaluations: readonly Evaluation[], findings: readonly Finding[], titles: RuleTitles): CheckReport {
  const counts: CheckReport['counts'] = {};
  for (const f of findings) counts[f.status] = (counts[f.status] ?? 0) + 1;
  const rules: CheckReport['rules'] = {};
  for (const s of FINDING_ORDER) {
    const ids = evaluations.filter((e) => e.check.status === s).map((e) => e.rule.id);
    if (ids.length) rules[s] = ids;
  }
  return {
    file: out.source.file,
    organization: out.document.organization ?? null,
    year: out.document.year ?? null,
    family: out.document.family,
    counts,
    findings: findings.map((f) => ({ ...f, message: messageOf(f, titles), ruleTitles: f.rules.map((rule) => ({ rule, ...titles.title(rule) })) })),
    rules,
  };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const countLine = (counts: CheckReport['counts']) => FINDING_ORDER.filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`).join(', ') || 'none';

/** For a terminal: findings by severity, each in Chinese and English with its rules. */
export function checkText(report: CheckReport, all: boolean): string {
  const lines = [`${report.file}: ${report.organization ?? ''} ${report.year ?? ''} ${report.family}`.replace(/\s+/g, ' ').trim()];
  const shown = report.findings.filter((f) => all || SHOWN.includes(f.status));
  lines.push(`${shown.length} finding${shown.length === 1 ? '' : 's'} (${countLine(report.counts)})`);
  for (const status of FINDING_ORDER) {
    const group = shown.filter((f) => f.status === status);
    if (!group.length) continue;
    lines.push('', `${status.toUpperCase()} (${group.length})`);
    for (const f of group) {
      lines.push(`  ${f.message.zh}`, `    ${f.message.en}`);
      if (f.where.quote) lines.push(`    “${f.where.quote}”`);
      lines.push(`    rules: ${f.ruleTitles.map((r) => `${r.rule} ${r.zh}`).join(' · ')}`);
      for (const c of f.comparisons) lines.push(`      ${c.rule} ${c.status}: ${clip(c.message, 160)}`);
    }
  }
  const hidden = report.findings.length - shown.length;
  if (hidden) lines.push('', `${hidden} more within rounding tolerance (pass_rounding): --all lists them`);
  const ruleCounts = FINDING_ORDER.filter((s) => report.rules[s]).map((s) => `${report.rules[s]!.length} ${s}`).join(', ');
  const total = Object.values(report.rules).reduce((n, ids) => n + ids.length, 0);
  lines.push('', `${total} rules: ${ruleCounts}`);
  if (all) for (const s of ['pass', 'na'] as const) if (report.rules[s]) lines.push(`  ${s}: ${report.rules[s]!.join(' ')}`);
  return lines.join('\n') + '\n';
}

const cellMd = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** For a report: one Markdown table of the findings. */
export function checkMarkdown(report: CheckReport, all: boolean): string {
  const shown = report.findings.filter((f) => all || SHOWN.includes(f.status));
  const lines = [
    `# ${cellMd(`${report.organization ?? report.file} ${report.year ?? ''}`.trim())}`,
    '',
    `\`${cellMd(report.file)}\` · ${report.family} · ${shown.length} findings (${countLine(report.counts)})`,
    '',
    '| status | 问题 | finding | rules |',
    '| --- | --- | --- | --- |',
    ...shown.map((f) => `| ${f.status} | ${cellMd(f.message.zh)} | ${cellMd(f.message.en)} | ${f.ruleTitles.map((r) => `${r.rule} ${cellMd(r.zh)}`).join('<br>')} |`),
  ];
  return lines.join('\n') + '\n';
}
