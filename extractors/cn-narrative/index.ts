import type { Fact } from '../../src/model/fact.js';
import type { Output } from '../../src/model/output.js';
import { cellFor } from './cells.js';
import { factsOf, type Carry } from './facts.js';
import { sentences } from './sentences.js';

/**
 * cn-narrative: the figures of the 情况说明 as facts — amounts, shares, year-on-year changes, execution
 * rates, counts and item lists — each amount resolved to the table cell it restates where the tables
 * print it. The audit (extractors/cn-audit) compares them.
 */
export function readFacts(out: Output): Fact[] {
  let n = 0;
  const nextId = () => `n${++n}`;
  const facts: Fact[] = [];
  let previous: { paragraph: number; carry: Carry } = { paragraph: -1, carry: {} };
  for (const s of sentences(out.sections)) {
    const carry = previous.paragraph === s.paragraph ? previous.carry : {};
    const own = factsOf(s, out.document.organization, nextId, carry);
    facts.push(...own);
    const opening = own.find((f) => f.kind === 'amount');
    const whole = own.find((f) => f.partOf)?.partOf;
    const next: Carry = {};
    if (opening) next.opening = opening;
    const w = whole ? facts.find((f) => f.id === whole) : undefined;
    if (w) next.whole = w;
    previous = { paragraph: s.paragraph, carry: next };
  }
  for (const f of facts) {
    const cell = cellFor(f, out);
    if (cell) f.cell = cell;
  }
  return facts;
}
