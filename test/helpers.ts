import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');
export const SEED = resolve(ROOT, 'corpus/seed-zezhou-xinfangju-2024-budget.txt');
export const CLI = resolve(ROOT, 'dist/src/cli/main.js');
