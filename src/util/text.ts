/** Text normalisation shared by every stage that compares printed labels. */

const QUOTES = /[“”„‟"'‘’「」『』]/g;

/** NFKC (full-width → half-width), no whitespace at all: for comparing CJK labels. */
export function compact(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

/** compact() and quotes removed: titles are printed with “三公”, "三公" or 三公. */
export function labelKey(s: string): string {
  return compact(s).replace(QUOTES, '');
}

const ORDINAL = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、]|[①-⑳])/;
/** compact() without a leading ordinal (一、 （一） 1. ①): a row's label as a rule or a narrative names it. */
export const bareName = (s: string) => compact(s).replace(ORDINAL, '');

/** Collapse runs of whitespace to one space and trim; keeps the printed characters otherwise. */
export function tidy(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十三 → 13, 二十七 → 27, 三十 → 30 (numbers below 100, as used in ordinals). */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[零一二两三四五六七八九十]+$/.test(s)) return null;
  const i = s.indexOf('十');
  if (i < 0) return s.length === 1 ? CN_DIGITS[s] : null;
  const tens = i === 0 ? 1 : CN_DIGITS[s[0]];
  const ones = i === s.length - 1 ? 0 : CN_DIGITS[s[s.length - 1]];
  return tens * 10 + ones;
}
