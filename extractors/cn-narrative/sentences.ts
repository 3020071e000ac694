import type { Section } from '../../src/model/output.js';

/** A sentence of the 情况说明 with the section it stands in. */
export interface Sentence {
  /** the section as printed: 二、收入决算情况说明 */
  section: string;
  /** headings from the outermost down, for finding the topic */
  path: string[];
  page?: number;
  /** index of the paragraph in the document, counted over all sections */
  paragraph: number;
  text: string;
}

/**
 * What a section is about, from its own heading first and then its parents': the first pattern that
 * matches. The order matters: 一般公共预算财政拨款基本支出 is about 基本支出, 财政拨款收入支出 about the
 * fiscal summary, not about 收入 or 支出.
 */
const TOPICS: [topic: string, re: RegExp][] = [
  ['three_public', /三公/],
  ['admin', /机关运行/],
  ['procurement', /政府采购/],
  ['assets', /国有资产|资产占有/],
  ['performance', /绩效/],
  ['basic', /基本支出/],
  ['gov_fund', /政府性基金/],
  ['soe', /国有资本/],
  ['gpb', /一般公共预算/],
  ['fiscal', /财政拨款收入?支出|财政拨款收支/],
  ['summary', /收入支出|收支/],
  ['income', /收入/],
  ['expenditure', /支出/],
  ['staffing', /机构设置|人员|编制/],
];

export function topicOf(path: string[]): string | null {
  for (const title of [...path].reverse()) {
    for (const [topic, re] of TOPICS) if (re.test(title)) return topic;
  }
  return null;
}

/** The narrative: every paragraph of every section, split into sentences at 。 (a ； only separates clauses). */
export function sentences(sections: Section[]): Sentence[] {
  const out: Sentence[] = [];
  const stack: Section[] = [];
  let paragraph = 0;
  for (const s of sections) {
    while (stack.length && stack[stack.length - 1].level >= s.level) stack.pop();
    stack.push(s);
    const path = stack.map((h) => h.title);
    for (const text of joinBrokenLines(s.paragraphs)) {
      paragraph++;
      // a heading run into the paragraph (…无机关运行经费。三、政府采购预算情况2026年度…) starts a new topic
      let inline: string | undefined;
      for (const part of text.split(/(?<=。)/)) {
        if (/^[一二三四五六七八九十]+、/.test(part)) inline = part.slice(0, 16);
        if (!/\d/.test(part) && !/主要包括|无.*(收入|支出|经费)/.test(part)) continue;
        const sentence: Sentence = { section: `${s.number}、${s.title}`, path: inline ? [...path, inline] : path, paragraph, text: part.replace(/[。;]+$/, '') };
        if (s.pages[0]) sentence.page = s.pages[0];
        out.push(sentence);
      }
    }
  }
  return out;
}

/**
 * Paragraphs as sentences run: a PDF line that stops mid-sentence (收入支出总计 | 9859.38 万元。…) continues
 * on the next unless that opens a numbered item. Spaces go: PDFs space out characters (支 出 预 算 33112.47 万 元).
 */
function joinBrokenLines(paragraphs: string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    const text = p.normalize('NFKC').replace(/\s+/g, '');
    const last = out[out.length - 1];
    if (last !== undefined && !/[。;:!?]$/.test(last) && !/^(?:\d{1,2}(?:、|\.(?!\d))|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、)/.test(text)) out[out.length - 1] = last + text;
    else out.push(text);
  }
  return out;
}
