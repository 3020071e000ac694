import type { Output } from '../model/output.js';
import { distinctMisses, recordingMisses, type Miss } from './lookup.js';
import { worst, type Status } from './tolerance.js';
import type { Instance, Rule } from './types.js';

export type { DocumentEvaluator, Instance, Ref, Rule, TableEvaluator } from './types.js';

type Check = Output['checks'][number];

/**
 * Runs a catalogue of rules on a document (the families' catalogue, extractors/index.ts RULES, as
 * recognise() is given FAMILIES): one check per rule, with the worst status of its comparisons,
 * the expected and actual figures of the worst one, and references to the cells of every comparison that
 * did not pass exactly. A rule with nothing to compare is `na` where the tables it reads are not printed
 * (or printed empty), and `missing` where they are but the rows or columns it reads were not recognised.
 */
export function validate(out: Output, rules: readonly Rule[]): Check[] {
  return evaluate(out, rules).map((e) => e.check);
}

/** A rule's result on a document: its check (what `checks[]` holds) and every comparison it made. */
export interface Evaluation {
  rule: Rule;
  check: Check;
  instances: Instance[];
}

/** Runs the rules and keeps their comparisons too: `extract check` groups these into findings by cause. */
export function evaluate(out: Output, rules: readonly Rule[]): Evaluation[] {
  return rules.map((rule) => {
    const { result, misses } = recordingMisses(() => rule.evaluate(out));
    const instances = result.filter((i): i is Instance => i !== null);
    return { rule, check: checkOf(rule, instances, misses), instances };
  });
}

function checkOf(rule: Rule, instances: Instance[], misses: Miss[]): Check {
  if (!instances.length) return misses.length ? missing(rule.id, rule.title, misses) : { rule: rule.id, status: 'na', message: `${rule.title}: nothing to compare`, refs: [] };
  const status: Status = worst(instances.map((i) => i.status));
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
}

/** A rule that could not be checked: what it did not find, table by table (id and title), with the tables as refs. */
function missing(rule: string, title: string, misses: Miss[]): Check {
  const byTable = new Map<Miss['table'], string[]>();
  for (const m of distinctMisses(misses)) byTable.set(m.table, [...(byTable.get(m.table) ?? []), m.what]);
  const shown = [...byTable].map(([t, whats]) => `${t.id} ${t.title}: ${whats.slice(0, 4).join('; ')}${whats.length > 4 ? ` … (${whats.length})` : ''}`);
  return {
    rule,
    status: 'missing',
    message: `${title}: not found in ${shown.join(' | ')}`,
    refs: [...byTable.keys()].map((t) => ({ table: t.id, ...(t.pages[0] ? { page: t.pages[0] } : {}), text: t.title })),
  };
}
