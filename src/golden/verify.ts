import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExtractError } from '../errors.js';
import { OutputSchema, type Output } from '../model/output.js';
import { toJson } from '../output/json.js';
import { extract } from '../pipeline.js';
import { compareOutputs, type Comparison } from './compare.js';

export interface VerifyOptions {
  corpus: string;
  golden: string;
  /** write goldens from the current output instead of comparing (refused under CI) */
  update?: boolean;
  /** only documents whose file name contains this */
  filter?: string;
}

export interface DocumentResult {
  name: string;
  comparison?: Comparison;
  /** the golden is missing, unreadable, or the document failed to extract */
  error?: string;
  updated?: boolean;
}

export function goldenPath(goldenDir: string, name: string): string {
  return join(goldenDir, `${name}.json`);
}

export async function corpusDocuments(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => !n.startsWith('.') && !/^README/i.test(n)).sort();
}

/** Compares every corpus document with its golden (or rewrites the goldens, when asked explicitly). */
export async function verifyCorpus(options: VerifyOptions, onDocument?: (r: DocumentResult) => void): Promise<DocumentResult[]> {
  if (options.update && process.env.CI) {
    throw new ExtractError('E_GOLDEN', options.golden, 'refusing to regenerate goldens while CI is set');
  }
  const results: DocumentResult[] = [];
  for (const name of await corpusDocuments(options.corpus)) {
    if (options.filter && !name.includes(options.filter)) continue;
    const result: DocumentResult = { name };
    try {
      const actual = await extract(join(options.corpus, name));
      const path = goldenPath(options.golden, name);
      if (options.update) {
        await mkdir(options.golden, { recursive: true });
        await writeFile(path, toJson(actual, true));
        result.updated = true;
      } else {
        const text = await readFile(path, 'utf8').catch(() => null);
        if (text === null) result.error = `no golden at ${path}`;
        else result.comparison = compareOutputs(OutputSchema.parse(JSON.parse(text)) as Output, actual);
      }
    } catch (e) {
      result.error = e instanceof Error ? e.message : String(e);
    }
    results.push(result);
    onDocument?.(result);
  }
  return results;
}
