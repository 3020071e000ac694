import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { ExtractError } from '../errors.js';

/** Where the single-file command writes: stdout, one file, or a folder of the document's own. */
export type Target = { kind: 'stdout' } | { kind: 'file'; path: string } | { kind: 'folder'; dir: string };

/** Extensions that name a file of some format: given to -o with --format csv they are a mistake, not a folder. */
const FILE_EXTENSIONS = new Set(['.csv', '.json', '.md', '.xlsx', '.xls', '.txt', '.tsv', '.html', '.pdf']);
/** The formats the command writes: a file named for one of them and given for another is a mistake. */
const OUTPUT_FORMATS = new Set(['json', 'md', 'csv', 'xlsx']);

const usage = (message: string) => new ExtractError('E_USAGE', '', message);
const isFolder = async (path: string) => (await stat(path).catch(() => null))?.isDirectory() ?? false;
const isFile = async (path: string) => (await stat(path).catch(() => null))?.isFile() ?? false;
const endsWithSeparator = (path: string) => /[\\/]$/.test(path);

/**
 * The target of `extract <file> -f <format> [-o <output>]`, refused (E_USAGE, exit 64) when -o is the wrong
 * kind: json, md and xlsx are files, csv is a folder. A document's CSV files go into `<output>/<file>_csv/`
 * (the name the batch command gives them), so a second document written to the same -o never mixes its
 * files with the first's.
 */
export async function outputTarget(file: string, format: string, output: string | undefined): Promise<Target> {
  if (format === 'csv') {
    if (output !== undefined && (await isFile(output))) throw usage(`-o ${output} is a file: --format csv writes a folder (one per document inside it); name a folder, e.g. -o csv/`);
    if (output !== undefined && !(await isFolder(output)) && FILE_EXTENSIONS.has(extname(output).toLowerCase()))
      throw usage(`-o ${output} names a file: --format csv writes a folder (one per document inside it); name a folder, e.g. -o csv/`);
    return { kind: 'folder', dir: join(output ?? '.', `${basename(file)}_csv`) };
  }
  // xlsx is binary: never to a terminal; without -o it goes beside the working folder as <file>.xlsx
  const path = output ?? (format === 'xlsx' ? `${basename(file)}.xlsx` : undefined);
  if (path === undefined) return { kind: 'stdout' };
  return { kind: 'file', path: await fileTarget(path, format) };
}

/** A file given to -o (or --xlsx): refused when it is a folder or names another format's file. */
export async function fileTarget(path: string, format: string): Promise<string> {
  if (endsWithSeparator(path) || (await isFolder(path)))
    throw usage(`-o ${path} is a folder: --format ${format} writes one file (e.g. -o out.${format}); a folder takes --format csv`);
  const other = extname(path).toLowerCase().slice(1);
  if (other !== format && OUTPUT_FORMATS.has(other))
    throw usage(`-o ${path} names a .${other} file, but the format is ${format}: name it .${format}, or give --format ${other}${other === 'csv' ? ' and a folder' : ''}`);
  return path;
}

/**
 * Writes a document's CSV files into its folder, first removing the CSV files an earlier run left there: the
 * folder is the document's own, and a table that is no longer found must not linger as a stale file.
 */
export async function writeCsvFolder(dir: string, files: { name: string; content: string }[]): Promise<number> {
  for (const old of await readdir(dir)) if (old.endsWith('.csv')) await rm(join(dir, old), { force: true });
  for (const f of files) await writeFile(join(dir, f.name), f.content);
  return files.length;
}
