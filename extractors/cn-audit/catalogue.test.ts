import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../test/helpers.js';
import { RULES } from '../index.js';
import { CATALOGUE } from './catalogue.data.js';
import { catalogueOf } from './catalogue-source.js';
import { RULE_CATALOGUE } from './catalogue.js';

/** The rule catalogue the package ships: every rule the audit runs has its text, and the text is rules.yaml's. */
const RULES_YAML = join(ROOT, '../shared/domain/rules.yaml');

describe('the shipped rule catalogue', () => {
  it('has every rule the audit runs, with a Chinese title, a scope and a tolerance', () => {
    const ids = new Set(RULE_CATALOGUE.map((r) => r.id));
    expect(RULES.map((r) => r.id).filter((id) => !ids.has(id))).toEqual([]);
    for (const r of RULE_CATALOGUE) {
      expect(r.titleZh, r.id).toMatch(/\p{Script=Han}/u);
      expect(r.titleZh, r.id).not.toBe(r.title);
      expect(r.scope && r.tolerance.kind && r.description, r.id).toBeTruthy();
    }
    expect(RULE_CATALOGUE.filter((r) => r.implemented)).toHaveLength(RULES.length);
  });

  it.skipIf(!existsSync(RULES_YAML))('is rules.yaml as scripts/sync-rule-catalogue.ts writes it (run it after editing rules.yaml)', () => {
    expect(CATALOGUE).toEqual(catalogueOf(parse(readFileSync(RULES_YAML, 'utf8'))));
  });
});
