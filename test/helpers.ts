import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');
export const SEED = resolve(ROOT, 'corpus/seed-zezhou-xinfangju-2024-budget.txt');
export const CLI = resolve(ROOT, 'dist/src/cli/main.js');

/**
 * A path in ../shared (truth, domain, real corpus), which lies beside the checkout, in CI too. A test that
 * needs it fails when it is absent — it is never skipped, so a missing folder cannot pass for a green run.
 */
export function sharedPath(rel: string): string {
  const path = resolve(ROOT, '../shared', rel);
  if (!existsSync(path)) throw new Error(`../shared/${rel} is missing: the tests need the shared folder beside the checkout (CI lays it there)`);
  return path;
}
