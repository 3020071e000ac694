/** What a line of text is, read from its wording alone. */
import { chineseNumber, compact } from '../util/text.js';
import type { Unit } from '../model/table.js';

/**
 * A table's numbering label — 预算公开表1, 部门公开表9, 公开01表, 预算01表, 表一, 附表1, 表1-1 — the one definition
 * every stage uses (above a title, on the title's line, in the table of contents, glued before a title).
 * Its digits stop before a year run into it once spaces are gone (预算公开表10 2024年… → 预算公开表102024年…).
 */
export const LABEL = String.raw`(?:(?:(?:预算|决算|部门|单位)?(?:公开)?|附)表\s*(?:[一二三四五六七八九十]+|\d{1,3}?(?=\d{4}年|\D|$)(?:-\d+)?)|(?:预算|决算|部门|单位)?(?:公开)?\s*\d+\s*表)`;
const LABEL_LINE = new RegExp(`^${LABEL}[：:]?$`);
/** a label opening the title's own line: 预算01表 收支总表, 表1：收入总表 */
const INLINE_LABEL = new RegExp(String.raw`^(${LABEL})[\s：:、]+(\S.*表.*)$`);

/** A table-of-contents line: title, dot leaders or a tab, page number (or dot leaders alone). */
export const TOC_LINE = /^(.+?)(?:\s*[.…·]{2,}\s*|\t+\s*)(\d{1,4})\s*$|^(.+?)\s*[.…·]{3,}\s*$/;
export const TOC_START = /^目\s*录$/;
const TOC_LABEL = new RegExp(String.raw`^(${LABEL})[：:、.\s]*(?=\S)`);
const ORG = /(?:部门[（(]单位[)）]|部门|单位|预算单位|编制部门|编制单位)(?:名称)?[：:]\s*(\S[^：:]*?)(?=\s{2,}|\s*(?:金额)?单位[：:]|$)/;
const UNIT = /(?:金额)?单位[：:]\s*(万元|元|亿元)/;
const NOTE = /^[（(]?(?:注|说明|备注)\s*[0-9１-９]?\s*[：:]/;
/** (2024)年度 / (2024年度) under a form title */
const YEAR_LINE = /^[（(]\s*(\d{4})\s*(?:年度?)?\s*[）)]\s*(?:年度)?$/;

export function isLabelLine(s: string): boolean {
  return LABEL_LINE.test(compact(s));
}

/** The label printed at the start of a title line and the title after it, or null. */
export function inlineLabel(s: string): { label: string; title: string } | null {
  const m = INLINE_LABEL.exec(s.trim());
  return m ? { label: compact(m[1]), title: m[2].trim() } : null;
}

/** A table-of-contents line: its label (if any), title and page (null when only dot leaders follow). */
export function tocEntryOf(text: string): { label?: string; title: string; page: number | null } | null {
  const m = TOC_LINE.exec(text);
  if (!m) return null;
  const title = (m[1] ?? m[3]).replace(/[.…·\s]+$/, '').trim();
  const page = m[2] ? Number(m[2]) : null;
  const label = TOC_LABEL.exec(title);
  return label ? { label: compact(label[1]), title: title.slice(label[0].length).trim(), page } : { title, page };
}

export function orgOf(s: string): string | null {
  const m = ORG.exec(s.trim());
  return m && !/^(万元|元|亿元)$/.test(m[1]) ? m[1].trim() : null;
}

export function unitOf(s: string): Unit | null {
  const m = UNIT.exec(s.normalize('NFKC'));
  return m ? (m[1] as Unit) : null;
}

/** A title line that also states the unit (收支总表 单位：万元): the title without it, and the unit. */
export function splitUnit(s: string): { title: string; unit: Unit | null } {
  const unit = unitOf(s);
  return unit ? { title: s.replace(new RegExp(`\\s*${UNIT.source}.*$`), '').trim(), unit } : { title: s, unit: null };
}

/** A sentence about a table (本表反映…, …情况。): never its title. */
export function isExplanation(s: string): boolean {
  return /^本表|。$/.test(s.trim());
}

/** A line that only states organisation and/or unit. */
export function isMetaLine(s: string): boolean {
  const rest = s
    .normalize('NFKC')
    .replace(UNIT, '')
    .replace(/(?:部门[（(]单位[)）]|部门|单位|预算单位|编制部门|编制单位)(?:名称)?[：:]\s*\S+/, '')
    .trim();
  return rest === '' && (unitOf(s) !== null || orgOf(s) !== null);
}

export function isNoteLine(s: string): boolean {
  return NOTE.test(s.trim());
}

export function yearLineOf(s: string): number | null {
  const m = YEAR_LINE.exec(s.normalize('NFKC').trim());
  return m ? Number(m[1]) : null;
}

export interface Heading {
  level: 1 | 2 | 3 | 4;
  number: string;
  title: string;
}

const HEADING_PATTERNS: { level: Heading['level']; re: RegExp }[] = [
  { level: 1, re: /^第([一二三四五六七八九十]+)部分\s*(.*)$/ },
  { level: 2, re: /^([一二三四五六七八九十]+)、\s*(.+)$/ },
  { level: 3, re: /^[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*(.+)$/ },
  // 1、 1. 1． — but not 16.84% (a number at the start of a line)
  { level: 4, re: /^(\d{1,2})(?:[、．]|\.(?!\d))\s*(.+)$/ },
];

/** Section headings are short and do not end a sentence; numbered sentences are paragraphs. */
export function headingOf(s: string): Heading | null {
  const t = s.trim();
  if (t.length > 40 || /[。；;，,]$/.test(t) || /[：:]./.test(t)) return null;
  // 5、社会保障和就业支出（类）行政事业单位养老支出（款）… opens a paragraph about a budget item
  if (/[（(][类款项][)）]/.test(t)) return null;
  for (const { level, re } of HEADING_PATTERNS) {
    const m = re.exec(t);
    if (m && (level === 4 || chineseNumber(m[1]) !== null)) {
      return { level, number: m[1], title: (m[2] ?? '').trim().replace(/[：:]$/, '') };
    }
  }
  return null;
}
