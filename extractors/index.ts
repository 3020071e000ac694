import type { Family } from '../src/recognise/family.js';
import type { Rule } from '../src/validate/types.js';
import { RULES as CN_AUDIT } from './cn-audit/rules.js';
import { cnBudget } from './cn-budget/index.js';
import { cnFinalAccounts } from './cn-final-accounts/index.js';
import { cnPerformance } from './cn-performance/index.js';

/**
 * Every document family. Title matching asks them in this order; the 决算 family comes before the 预算
 * family because 决算 titles end like 预算 ones (收入决算表 vs 收入总表 never clash, but
 * 一般公共预算财政拨款支出决算表 must not be taken for a 预算 table). Adding a family never touches src/.
 */
export const FAMILIES: Family[] = [cnPerformance, cnFinalAccounts, cnBudget];

/**
 * The audit every document gets: the rule catalogue of the Chinese disclosures (预算 and 决算 alike; each rule
 * knows which documents it is about). src/validate is the engine that runs it, as recognise() runs FAMILIES.
 */
export const RULES: Rule[] = CN_AUDIT;

/** The texts of the audit's rules (what each says, its scope and tolerance), shipped with the package. */
export { RULE_CATALOGUE, type RuleText } from './cn-audit/catalogue.js';
