import { LABEL } from '../document/lines.js';
import { labelKey } from '../util/text.js';

/** Numbering glued in front of a title (after labelKey normalisation): a table label, 五、 or 5. */
const LEADING_LABEL = new RegExp(String.raw`^(?:${LABEL}|[一二三四五六七八九十]+、|\d+[、.])[:、.]?`);
const TRAILING_QUALIFIER = /\(([^()]+)\)$/;

export interface TitleKey {
  /** the title without label, organisation, year and qualifier, normalised for matching */
  key: string;
  qualifier?: string;
}

/**
 * 表五2024年一般公共预算支出预算表（不含上年结转） → { key: 一般公共预算支出预算表, qualifier: 不含上年结转 }.
 * Tables are matched on this key, never on their number.
 */
export function titleKey(title: string): TitleKey {
  let t = labelKey(title).replace(LEADING_LABEL, '');
  t = t.replace(/^.*?\d{4}(?:年度?)?/, '');
  const q = TRAILING_QUALIFIER.exec(t);
  if (!q) return { key: t };
  return { key: t.slice(0, q.index), qualifier: q[1] };
}

/** Words that, printed right before a known title, make it another table (基本支出总表 is not 支出总表). */
const MODIFIER = /(基本|项目|人员|公用|经济分类|功能分类|明细)$/;

/**
 * The kind whose alias equals the title key, else the kind with the longest alias the key ends with
 * (泽州县县(区)级…项目支出绩效目标申报表 ends with 项目支出绩效目标申报表; 财政拨款收支总表 must not be
 * taken for 收支总表, which the longer alias prevents). An alias with a qualifier, 一般公共预算支出表（按政府
 * 经济分类）, matches only titles with that qualifier, and before any alias without one.
 */
export function matchTitle(title: string, aliases: Record<string, string[]>): { kind: string; qualifier?: string } | null {
  const { key, qualifier } = titleKey(title);
  if (!key) return null;
  let best: { kind: string; score: number } | null = null;
  for (const [kind, names] of Object.entries(aliases)) {
    for (const name of names) {
      const alias = titleKey(name);
      if (!alias.key || !key.endsWith(alias.key)) continue;
      if (alias.qualifier && alias.qualifier !== qualifier) continue;
      if (alias.key !== key && MODIFIER.test(key.slice(0, key.length - alias.key.length))) continue;
      const score = (alias.key === key ? 10_000 : alias.key.length) + (alias.qualifier ? 100_000 : 0);
      if (!best || score > best.score) best = { kind, score };
    }
  }
  return best ? { kind: best.kind, ...(qualifier ? { qualifier } : {}) } : null;
}
