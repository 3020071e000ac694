import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { FAMILIES, RULES } from '../extractors/index.js';
import { readFacts } from '../extractors/cn-narrative/index.js';
import { readMetadata } from './document/metadata.js';
import { readStructure } from './document/structure.js';
import { loadSource, sourceFromBytes } from './ingest/index.js';
import type { IngestOptions } from './ingest/options.js';
import type { SourceDocument } from './model/blocks.js';
import { SCHEMA_VERSION, type Output } from './model/output.js';
import { recognise } from './recognise/index.js';
import { validate, type Rule } from './validate/index.js';
import type { Family } from './recognise/family.js';

export interface ExtractOptions extends IngestOptions {
  families?: Family[];
  /** the rule catalogue the checks come from (default: the families' own, extractors/index.ts) */
  rules?: Rule[];
}

/** From the common block model to the output document: structure, metadata, recognised tables and forms, checks. */
export function buildOutput(source: SourceDocument, file: { name: string; sha256: string }, families: Family[] = FAMILIES, rules: Rule[] = RULES): Output {
  const structure = readStructure(source.blocks);
  const document = readMetadata(structure);
  const recognised = recognise(structure, families, { organization: document.organization, year: document.year });
  const out: Output = {
    schemaVersion: SCHEMA_VERSION,
    source: { file: file.name, sha256: file.sha256, format: source.format, pages: source.pages, ocr: source.ocr },
    document,
    toc: structure.toc,
    sections: structure.sections,
    tables: recognised.tables,
    forms: recognised.forms,
    facts: [],
    checks: [],
    warnings: [...source.warnings, ...recognised.warnings],
  };
  if (source.producer) out.source.producer = source.producer;
  out.facts = readFacts(out);
  out.checks = validate(out, rules);
  return out;
}

/**
 * Extracts one document, from its path or from its bytes (`name` then gives the file name the output records
 * and whose extension says how to read text; content starting with %PDF- is read as PDF whatever its name).
 * Throws ExtractError for unusable input.
 */
export async function extract(input: string | Uint8Array, options: ExtractOptions & { name?: string } = {}): Promise<Output> {
  let bytes: Buffer;
  let source: SourceDocument;
  let name: string;
  if (typeof input === 'string') {
    ({ bytes, source } = await loadSource(input, options));
    name = basename(input);
  } else {
    name = options.name ?? 'document';
    bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    source = await sourceFromBytes(name, bytes, options);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return buildOutput(source, { name, sha256 }, options.families, options.rules);
}
