import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJsonSchema } from '../src/output/schema.js';
import { ROOT } from './helpers.js';

/**
 * The README's JSON contract is a compact sketch for readers; this test holds it to the schema the code
 * emits: the same fields on every object it spells out, `?` exactly on the optional ones, and the same
 * values where it lists them (`"pdf|text|html|image"`).
 */

type Json = Record<string, any>;
type Sketch = { type: 'object'; fields: { name: string; optional: boolean; value?: Sketch }[] } | { type: 'array'; item?: Sketch } | { type: 'text'; text: string };

function contractBlock(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The JSON contract'));
  const m = /```\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('README: no code block under "## The JSON contract"');
  return m[1];
}

function tokenize(text: string): string[] {
  return [...text.matchAll(/"[^"]*"|[{}[\]:,?|]|[^\s{}[\]:,?|"]+/g)].map((m) => m[0]);
}

function parse(tokens: string[]): Sketch {
  let i = 0;
  const value = (): Sketch => {
    const t = tokens[i];
    if (t === '{') return object();
    if (t === '[') return array();
    // a listed value: "a|b" or "518.25" | null — read to the end of the field
    const parts: string[] = [];
    while (i < tokens.length && ![',', '}', ']'].includes(tokens[i])) parts.push(tokens[i++].replace(/^"|"$/g, ''));
    return { type: 'text', text: parts.join('') };
  };
  const object = (): Sketch => {
    i++; // {
    const fields: { name: string; optional: boolean; value?: Sketch }[] = [];
    while (tokens[i] !== '}') {
      if (tokens[i] === ',') { i++; continue; }
      const name = tokens[i++].replace(/^"|"$/g, '');
      const optional = tokens[i] === '?';
      if (optional) i++;
      let v: Sketch | undefined;
      if (tokens[i] === ':') { i++; v = value(); }
      fields.push({ name, optional, value: v });
    }
    i++; // }
    return { type: 'object', fields };
  };
  const array = (): Sketch => {
    i++; // [
    let item: Sketch | undefined;
    if (tokens[i] === '{') item = object();
    // anything else inside [ … ] is prose for the reader
    for (let depth = 0; depth > 0 || tokens[i] !== ']'; i++) depth += tokens[i] === '[' ? 1 : tokens[i] === ']' ? -1 : 0;
    i++; // ]
    return { type: 'array', item };
  };
  return value();
}

/** The schema node without its null alternative. */
function nonNull(node: Json): { node: Json; nullable: boolean } {
  const alts: Json[] | undefined = node.anyOf;
  if (!alts) return { node, nullable: false };
  const rest = alts.filter((a) => a.type !== 'null');
  return { node: rest.length === 1 ? rest[0] : node, nullable: rest.length < alts.length };
}

function compare(sketch: Sketch, schemaNode: Json, path: string, problems: string[]): void {
  const { node, nullable } = nonNull(schemaNode);
  if (sketch.type === 'object') {
    // { "<key>": … } sketches a record
    if (sketch.fields.length === 1 && sketch.fields[0].name.startsWith('<')) {
      if (node.type !== 'object' || !node.additionalProperties) problems.push(`${path}: the README sketches a record, the schema has none`);
      return;
    }
    const props: Json = node.properties ?? {};
    const required = new Set<string>(node.required ?? []);
    const listed = sketch.fields.map((f) => f.name);
    for (const name of Object.keys(props)) if (!listed.includes(name)) problems.push(`${path}.${name}: in the schema, not in the README`);
    for (const f of sketch.fields) {
      if (!(f.name in props)) { problems.push(`${path}.${f.name}: in the README, not in the schema`); continue; }
      if (f.optional === required.has(f.name)) problems.push(`${path}.${f.name}: ${f.optional ? 'marked ? in the README but required' : 'optional in the schema but not marked ?'}`);
      if (f.value) compare(f.value, props[f.name], `${path}.${f.name}`, problems);
    }
  } else if (sketch.type === 'array') {
    if (node.type !== 'array') problems.push(`${path}: a list in the README, not in the schema`);
    else if (sketch.item) compare(sketch.item, node.items, `${path}[]`, problems);
  } else {
    const values: string[] | undefined = node.enum ?? (node.const !== undefined ? [node.const] : undefined);
    if (!values) return; // a sample value ("518.25"), not a list
    const listed = sketch.text.split('|').map((s) => s.trim()).filter((s) => s && s !== '…');
    const allowed = [...values, ...(nullable ? ['null'] : [])];
    const unknown = listed.filter((v) => !allowed.includes(v));
    if (unknown.length) problems.push(`${path}: the README lists ${unknown.join(', ')}, which the schema does not allow`);
    if (!sketch.text.includes('…') && allowed.some((v) => !listed.includes(v))) problems.push(`${path}: the README lists ${listed.join('|')}, the schema ${allowed.join('|')}`);
  }
}

describe('the README\'s JSON contract', () => {
  const sketch = parse(tokenize(contractBlock()));

  it('spells out the fields the schema has, optional ones marked ?', () => {
    const problems: string[] = [];
    compare(sketch, toJsonSchema(), '$', problems);
    expect(problems).toEqual([]);
  });

  it('is read as a sketch of the whole output, tables down to their cells and rows', () => {
    expect(sketch.type).toBe('object');
    const top = sketch.type === 'object' ? sketch.fields.map((f) => f.name) : [];
    expect(top).toEqual(Object.keys(toJsonSchema().properties as Json));
    const problems: string[] = [];
    // a field dropped from the README's cells is noticed (the comparison is not vacuous)
    const text = contractBlock().replace('"rowSpan", ', '');
    compare(parse(tokenize(text)), toJsonSchema(), '$', problems);
    expect(problems).toEqual(['$.tables[].cells[].rowSpan: in the schema, not in the README']);
  });
});
