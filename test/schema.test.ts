import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../extractors/index.js';
import { FormSchema } from '../src/model/form.js';
import { formKinds, tableKinds } from '../src/output/schema.js';
import { CLI, ROOT } from './helpers.js';

type Json = Record<string, any>;

/** The schema exactly as a user gets it: printed by the built command. */
const schema: Json = JSON.parse(execFileSync(process.execPath, [CLI, 'schema'], { encoding: 'utf8' }));
const GOLDEN = join(ROOT, 'golden');
const goldens = readdirSync(GOLDEN).filter((f) => f.endsWith('.json'));

/** Every property schema of the JSON Schema, with its path (objects in properties, items, anyOf/oneOf, additionalProperties). */
function properties(node: unknown, path = '$'): { path: string; schema: Json }[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as Json;
  const found: { path: string; schema: Json }[] = [];
  for (const [key, child] of Object.entries(n.properties ?? {})) found.push({ path: `${path}.${key}`, schema: child as Json }, ...properties(child, `${path}.${key}`));
  if (n.items) found.push(...properties(n.items, `${path}[]`));
  for (const [i, item] of (n.prefixItems ?? []).entries()) found.push(...properties(item, `${path}[${i}]`));
  for (const alt of [...(n.anyOf ?? []), ...(n.oneOf ?? [])]) found.push(...properties(alt, path));
  if (n.additionalProperties && typeof n.additionalProperties === 'object') found.push(...properties(n.additionalProperties, `${path}.*`));
  return found;
}

describe('extract schema', () => {
  it('has an $id, a title and a description, and says which draft it follows', () => {
    expect(schema.$id).toBe('urn:extract:output:v1');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBeTruthy();
    expect(schema.description).toBeTruthy();
  });

  it('describes every property', () => {
    const all = properties(schema);
    expect(all.length).toBeGreaterThan(150);
    const bare = all.filter((p) => typeof p.schema.description !== 'string' || p.schema.description.length < 3).map((p) => p.path);
    expect(bare).toEqual([]);
  });

  it('closes table kinds to the families\' kinds, and form kinds to the forms they read', () => {
    const kind = schema.properties.tables.items.properties.kind;
    expect(kind.enum).toEqual(tableKinds(FAMILIES));
    expect(kind.enum).toContain('B.summary');
    expect(kind.enum).toContain('F.income');
    expect(kind.enum.at(-1)).toBe('generic');
    const formAlternatives: Json[] = schema.properties.forms.items.oneOf ?? schema.properties.forms.items.anyOf;
    expect(formAlternatives.map((f) => f.properties.kind.const).sort()).toEqual([...formKinds(FAMILIES)].sort());
    expect(FormSchema.options.length).toBe(formKinds(FAMILIES).length);
  });

  it('names every kind the families guess from key words among the kinds', () => {
    // guessKind returns kinds from code, not from the alias tables: a kind only a guess gives would be refused
    const guessed = ['cn-budget', 'cn-final-accounts'].flatMap((dir) =>
      [...readFileSync(join(ROOT, 'extractors', dir, 'kinds.ts'), 'utf8').matchAll(/'([BF]\.[a-z_]+)'/g)].map((m) => m[1]),
    );
    expect(guessed.length).toBeGreaterThan(10);
    expect(guessed.filter((k) => !tableKinds(FAMILIES).includes(k))).toEqual([]);
  });

  it('requires columns (and cells) on every table, generic ones included', () => {
    expect(schema.properties.tables.items.required).toEqual(expect.arrayContaining(['kind', 'cells', 'columns']));
  });

  it.each(goldens)('validates golden/%s (ajv, JSON Schema 2020-12)', (name) => {
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
    const golden = JSON.parse(readFileSync(join(GOLDEN, name), 'utf8'));
    const ok = validate(golden);
    expect(ok ? [] : validate.errors!.slice(0, 5).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
  });

  it('refuses an output that breaks the contract (a float amount, an unknown kind, a table without columns)', () => {
    const validate = new Ajv2020({ strict: true }).compile(schema);
    const golden = JSON.parse(readFileSync(join(GOLDEN, 'seed-zezhou-xinfangju-2024-budget.txt.json'), 'utf8'));
    expect(validate(golden)).toBe(true);
    const typed = golden.tables.find((t: Json) => t.rows?.length);
    const key = Object.keys(typed.rows[0].values)[0];
    const broken = [
      (o: Json) => (o.tables[0].kind = 'B.nonesuch'),
      (o: Json) => delete o.tables[0].columns,
      (o: Json) => (o.tables.find((t: Json) => t.id === typed.id).rows[0].values[key] = 518.25),
      (o: Json) => (o.tables[0].extra = true),
    ];
    for (const breakIt of broken) {
      const copy = structuredClone(golden);
      breakIt(copy);
      expect(validate(copy)).toBe(false);
    }
  });
});
