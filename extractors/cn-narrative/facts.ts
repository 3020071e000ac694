import type { Fact } from '../../src/model/fact.js';
import { topicOf, type Sentence } from './sentences.js';

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** a figure with its unit; counts only with the units disclosures count in */
const FIGURE = new RegExp(String.raw`(${NUMBER})(万元|亿元|元|%|人|个|辆|台\(套\)|台|套|平方米|名|家)`, 'g');
const CHANGE_WORD = /(增加|减少|增长|下降)了?$/;
const SHARE_WORD = /占[^,:;、]*?的?(?:比[例重])?为?$/;
const RATE_WORD = /完成([^,:;]*?)(?:预算)?的?$/;
const NO_CHANGE = /(?:与|比|较)[^,;]*?(?:相比|相比较)?,?([^,;]*?)(?:基本)?持平/;

/**
 * The label a figure is stated for: the text before it back to the last clause break, without ordinals,
 * the year, the organisation and connecting words (其中, 主要包括, 为, 是).
 */
export function subjectOf(before: string, organization: string | null): string {
  let s = before.split(/[,:;、]|其中|主要用于(?:以下方面)?|包括/).pop() ?? '';
  s = s
    .replace(/^(?:\d+|[一二三四五六七八九十]+)[、.]|^\([一二三四五六七八九十\d]+\)/, '')
    .replace(/\d{4}年(?:度|末)?|截至\d{4}年\d{1,2}月\d{1,2}日/g, '');
  if (organization) s = s.split(organization.normalize('NFKC')).join('');
  return s
    .replace(/^(?:本部门|本单位|我单位|我部门|全年|共计|共有|主要是|分别为|均为|合计为)/, '')
    .replace(/(?:为|是|达到?|共计|约|总额为|金额为|资金为|总计为)$/, '')
    .trim();
}

const amountValue = (s: string) => s.replace(/,/g, '');

/** Every figure of one sentence as facts; shares, changes and rates point at the amount they belong to. */
/** What a sentence carries over from the one before it in the same paragraph. */
export interface Carry {
  /** the amount the sentence opened with */
  opening?: Fact;
  /** the whole its 其中 listed parts of */
  whole?: Fact;
}

export function factsOf(sentence: Sentence, organization: string | null, nextId: () => string, carry: Carry = {}): Fact[] {
  const previousOpening = carry.opening;
  const facts: Fact[] = [];
  const topic = topicOf(sentence.path);
  const base = (kind: Fact['kind'], subject: string, value: string, unit: string): Fact => {
    const f: Fact = { id: nextId(), kind, section: sentence.section, topic, paragraph: sentence.paragraph, sentence: sentence.text, subject, value, unit };
    if (sentence.page) f.page = sentence.page;
    return f;
  };
  const text = sentence.text;
  let lastAmount: Fact | undefined;
  // a change is about the figure the sentence opens with (收入总计…，其中：…，比上年减少…), or the one the
  // sentence before opened with (…支出2940.05万元。与2023年度相比，…减少63.14万元)
  let opening: Fact | undefined = previousOpening;
  let clauseStart = 0;
  let whole: Fact | undefined;
  for (const m of text.matchAll(FIGURE)) {
    const at = m.index ?? 0;
    const before = text.slice(clauseStart, at);
    // 其中 opens the parts of the amount before it, or of the sentence before's whole or opening amount
    // (其中1个单位…涉及资金… lists units, not parts of an amount)
    if (before.includes('其中')) whole = /元$/.test(m[2]) ? lastAmount ?? carry.whole ?? carry.opening : undefined;
    const [value, unit] = [amountValue(m[1]), m[2]];
    const change = CHANGE_WORD.exec(before);
    if (change) {
      const named = subjectOf(before.slice(0, change.index), organization).replace(/^(?:与|比|较).*?(?:相比较?|同期)?$/, '');
      const f = base(unit === '%' ? 'change_pct' : 'change', named || (opening?.subject ?? ''), value, unit);
      f.direction = change[1];
      if (opening) f.of = opening.id;
      facts.push(f);
    } else if (unit === '%') {
      const rate = RATE_WORD.exec(before);
      const share = SHARE_WORD.exec(before);
      if (rate) {
        const f = base('rate', `完成${rate[1] || ''}预算`, value, unit);
        if (lastAmount) f.of = lastAmount.id;
        facts.push(f);
      } else {
        const f = base('share', share ? lastAmount?.subject ?? '' : subjectOf(before, organization), value, unit);
        if (share && lastAmount) f.of = lastAmount.id;
        facts.push(f);
      }
    } else if (/元$/.test(unit)) {
      const f = base('amount', subjectOf(before, organization), value, unit);
      if (whole && whole !== f) f.partOf = whole.id;
      facts.push(f);
      lastAmount = f;
      if (!opening || opening === previousOpening) opening = f;
    } else {
      facts.push(base('count', subjectOf(before, organization), value, unit));
    }
    clauseStart = at + m[0].length;
  }
  const same = NO_CHANGE.exec(text);
  if (same && !facts.some((f) => f.kind === 'change')) {
    const f = base('change', subjectOf(same[1], organization) || (lastAmount?.subject ?? ''), '0', lastAmount?.unit ?? '万元');
    f.direction = '持平';
    if (lastAmount) f.of = lastAmount.id;
    facts.push(f);
  }
  facts.push(...listsOf(sentence, facts, base));
  return facts;
}

/** 人员经费246.93万元,主要包括:基本工资、津贴补贴…等 — the item list, attached to the amount before it. */
function listsOf(sentence: Sentence, facts: Fact[], base: (kind: Fact['kind'], subject: string, value: string, unit: string) => Fact): Fact[] {
  const m = /主要包括:?(.+?)(?:等)?$/.exec(sentence.text);
  if (!m) return [];
  const items = m[1].split('、').map((s) => s.replace(/等$/, '').trim()).filter(Boolean);
  if (items.length < 2) return [];
  const owner = [...facts].reverse().find((f) => f.kind === 'amount');
  const f = base('list', owner?.subject ?? '', String(items.length), '项');
  f.items = items;
  if (owner) f.of = owner.id;
  return [f];
}
