import type { Family } from '../src/recognise/family.js';
import { cnBudget } from './cn-budget/index.js';
import { cnPerformance } from './cn-performance/index.js';

/** Every document family, most specific first. Adding a family means adding it here, not touching src/. */
export const FAMILIES: Family[] = [cnPerformance, cnBudget];
