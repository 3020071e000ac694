/** The inputs of a batch: files, folders (walked) and globs, each with the path its outputs mirror. */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { DOCUMENT_EXTENSIONS } from '../ingest/index.js';

export interface BatchInput {
  /** the file, resolved */
  path: string;
  /** its path below the common folder of all inputs, with `/`: the document's name in the summaries and the stem of its outputs */
  rel: string;
  /** found in a folder or by a glob with an extension extract does not read: listed as `skipped` */
  unsupported?: boolean;
}

export interface Shard {
  index: number;
  count: number;
}

const GLOB_CHARS = /[*?[{]/;

/** `**` any folders, `*` and `?` within a name, `[abc]`, `{a,b}`. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = pattern.indexOf('}', i + 1);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${pattern.slice(i + 1, end).split(',').map((p) => p.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\\]}]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Every file below a folder, hidden files and folders left out, and the batch's own output folder too. */
async function walk(dir: string, skip: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (path !== skip) found.push(...(await walk(path, skip)));
    } else if (e.isFile()) found.push(path);
  }
  return found;
}

function commonFolder(paths: string[]): string {
  if (!paths.length) return process.cwd();
  let parts = paths[0].split(sep);
  for (const p of paths.slice(1)) {
    const other = p.split(sep);
    let i = 0;
    while (i < parts.length && i < other.length && parts[i] === other[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join(sep) || sep;
}

/** Which of `count` shards a document belongs to: a hash of its relative path, the same on every machine. */
export function shardOf(rel: string, count: number): number {
  return createHash('sha256').update(rel).digest().readUInt32BE(0) % count;
}

/**
 * Files, folders and globs to the list of inputs, sorted by relative path. A path that does not exist stays
 * an input (it is reported as failed, never dropped); the same file named twice is one input.
 */
export async function expandInputs(args: string[], options: { outDir?: string; shard?: Shard } = {}): Promise<BatchInput[]> {
  const skip = options.outDir ? resolve(options.outDir) : '';
  const roots: string[] = [];
  const files: { path: string; fromFolder: boolean }[] = [];
  for (const arg of args) {
    const path = resolve(arg);
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      roots.push(path);
      for (const f of await walk(path, skip)) files.push({ path: f, fromFolder: true });
    } else if (!info && GLOB_CHARS.test(arg)) {
      const parts = path.split(sep);
      const first = parts.findIndex((p) => GLOB_CHARS.test(p));
      const base = parts.slice(0, first).join(sep) || sep;
      roots.push(base);
      const re = globToRegExp(parts.slice(first).join('/'));
      const below = await stat(base).then((s) => s.isDirectory(), () => false);
      for (const f of below ? await walk(base, skip) : []) if (re.test(relative(base, f).split(sep).join('/'))) files.push({ path: f, fromFolder: true });
    } else {
      roots.push(dirname(path));
      files.push({ path, fromFolder: false });
    }
  }
  const base = commonFolder(roots);
  const seen = new Map<string, BatchInput>();
  for (const f of files) {
    if (seen.has(f.path)) continue;
    const rel = relative(base, f.path).split(sep).join('/');
    const input: BatchInput = { path: f.path, rel };
    if (f.fromFolder && !DOCUMENT_EXTENSIONS.has(extname(f.path).toLowerCase())) input.unsupported = true;
    seen.set(f.path, input);
  }
  let inputs = [...seen.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  if (options.shard) inputs = inputs.filter((i) => shardOf(i.rel, options.shard!.count) === options.shard!.index);
  return inputs;
}
