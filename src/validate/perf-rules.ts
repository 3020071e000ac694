import type { Rule } from './rules.js';

/** Rules of shared/domain/rules.yaml for this area (see rules.ts). Filled in as they are implemented. */
export const PERF_RULES: Rule[] = [];
