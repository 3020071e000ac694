import { CATALOGUE } from './catalogue.data.js';
import type { CatalogueEntry } from './catalogue-source.js';
import { RULES } from './rules.js';
import { TITLES_ZH } from './titles-zh.js';

/**
 * The rule catalogue as `extract rules` and `extract check --explain` print it: the texts of rules.yaml (shipped
 * in catalogue.data.ts), the Chinese titles, and whether this version runs the rule.
 */
export interface RuleText extends CatalogueEntry {
  titleZh: string;
  implemented: boolean;
}

const running = new Set(RULES.map((r) => r.id));

export const RULE_CATALOGUE: readonly RuleText[] = CATALOGUE.map((e) => ({ ...e, titleZh: TITLES_ZH[e.id] ?? e.title, implemented: running.has(e.id) }));
