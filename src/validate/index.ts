import type { Output } from '../model/output.js';
import type { Instance } from './evaluators.js';
import { RULES } from './rules.js';
import { worst, type Status } from './tolerance.js';

type Check = Output['checks'][number];

/**
 * Runs every implemented rule on a document: one check per rule, with the worst status of its comparisons,
 * the expected and actual figures of the worst one, and references to the cells of every comparison that
 * did not pass exactly. A rule with nothing to compare is `na`.
 */
export function validate(out: Output): Check[] {
  return RULES.map((rule) => {
    const instances = rule.evaluate(out).filter((i): i is Instance => i !== null);
    const status: Status = worst(instances.map((i) => i.status));
    if (!instances.length) return { rule: rule.id, status: 'na', message: `${rule.title}: nothing to compare`, refs: [] };
    const exact = instances.filter((i) => i.status === 'pass').length;
    const bad = instances.filter((i) => i.status === status && status !== 'pass');
    const check: Check = {
      rule: rule.id,
      status,
      message: `${rule.title}: ${exact} of ${instances.length} exact${bad.length ? `; ${bad[0].message}` : ''}`,
      refs: instances.filter((i) => i.status !== 'pass').flatMap((i) => i.refs.slice(0, 1)),
    };
    if (bad[0]?.expected !== undefined) check.expected = bad[0].expected;
    if (bad[0]?.actual !== undefined) check.actual = bad[0].actual;
    return check;
  });
}
