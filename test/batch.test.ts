/**
 * `extract batch` as a user runs it: the built command over real corpus files, a broken PDF and a non-PDF;
 * a batch killed with SIGKILL and resumed; shards; the library's batch iterator and extract() with a time limit.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, SEED } from './helpers.js';

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const readJsonl = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const tmp = mkdtempSync(join(tmpdir(), 'extract-batch-'));
const corpus = (name: string) => resolve(ROOT, 'corpus', name);
const SMALL_PDF = corpus('js_rdbgt_js_rdbgt_2019_y_dept_ysgk-table.pdf');
const HANGZHOU = corpus('hangzhou_0133_2026_dept-budget.pdf');

/** A folder of inputs: two real PDFs, the seed text in a subfolder, a truncated PDF, a text file named .pdf and a .docx. */
function makeInputs(): string {
  const dir = join(tmp, 'in');
  mkdirSync(join(dir, 'text'), { recursive: true });
  mkdirSync(join(dir, 'bad'), { recursive: true });
  copyFileSync(SMALL_PDF, join(dir, 'small.pdf'));
  copyFileSync(HANGZHOU, join(dir, 'hangzhou.pdf'));
  copyFileSync(SEED, join(dir, 'text', 'seed.txt'));
  // the same name in another folder: outputs mirror the tree, so neither overwrites the other
  copyFileSync(SMALL_PDF, join(dir, 'text', 'small.pdf'));
  writeFileSync(join(dir, 'bad', 'truncated.pdf'), readFileSync(HANGZHOU).subarray(0, 30_000));
  writeFileSync(join(dir, 'bad', 'not-a-pdf.pdf'), 'hello, this is not a PDF\n');
  writeFileSync(join(dir, 'bad', 'notes.docx'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]));
  return dir;
}

describe('extract batch', () => {
  const inputs = makeInputs();
  const out = join(tmp, 'out');
  const first = run('batch', inputs, '--out', out, '--jobs', '2', '--format', 'json,md');

  it('records every input in summary.jsonl with its status and reason, in path order, and exits 3', () => {
    expect(first.code).toBe(3);
    const lines = readJsonl(join(out, 'summary.jsonl'));
    expect(lines.map((l) => [l.input, l.status, l.code])).toEqual([
      ['bad/not-a-pdf.pdf', 'failed', 'E_NOT_PDF'],
      ['bad/notes.docx', 'skipped', 'E_UNKNOWN_FORMAT'],
      ['bad/truncated.pdf', 'failed', 'E_TRUNCATED'],
      ['hangzhou.pdf', 'ok', undefined],
      ['small.pdf', 'ok', undefined],
      ['text/seed.txt', 'ok', undefined],
      ['text/small.pdf', 'ok', undefined],
    ]);
    const seed = lines.find((l) => l.input === 'text/seed.txt');
    expect(seed.tables['B.summary']).toBe(1);
    expect(seed.failingChecks.length).toBeGreaterThan(0);
    expect(seed.organization).toBe('泽州县信访局');
    const hangzhou = lines.find((l) => l.input === 'hangzhou.pdf');
    expect(hangzhou.pages).toBe(25);
    expect(hangzhou.seconds).toBeGreaterThan(0);
    expect(hangzhou.memoryMB).toBeGreaterThan(0);
    expect(hangzhou.sha256).toMatch(/^[0-9a-f]{64}$/);
    // one line per failure on stderr, and the closing line
    expect(first.stderr).toContain('bad/not-a-pdf.pdf: has a .pdf name but is not a PDF');
    expect(first.stderr).toMatch(/7 documents: 4 ok, 2 failed, 1 skipped/);
  });

  it('writes outputs byte-identical to single-file runs, mirroring the input tree', () => {
    for (const rel of ['hangzhou.pdf', 'text/seed.txt', 'text/small.pdf']) {
      const single = run(join(inputs, rel));
      expect(single.code).toBe(0);
      expect(readFileSync(join(out, `${rel}.json`), 'utf8')).toBe(single.stdout);
    }
    expect(readFileSync(join(out, 'hangzhou.pdf.md'), 'utf8')).toBe(run(join(inputs, 'hangzhou.pdf'), '--format', 'md').stdout);
    expect(existsSync(join(out, 'small.pdf.json'))).toBe(true);
    expect(existsSync(join(out, 'bad'))).toBe(false);
    // no temporary file is left behind
    const all = readdirSync(out, { recursive: true }) as string[];
    expect(all.filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('writes summary.csv and tables.csv (every typed value with its document, organisation, year, kind and unit)', () => {
    const csv = readFileSync(join(out, 'summary.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.trim().split('\n')).toHaveLength(8);
    const tables = readFileSync(join(out, 'tables.csv'), 'utf8').slice(1).trim().split('\n');
    expect(tables[0]).toBe('document,organization,year,family,table,kind,title,unit,panel,code,level,parent,name,column,value');
    expect(tables.some((l) => l.startsWith('text/seed.txt,泽州县信访局,2024,budget,t01,B.summary,') && l.includes('一般公共预算') && l.includes(',518.25'))).toBe(true);
    expect(new Set(tables.slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(['hangzhou.pdf', 'small.pdf', 'text/seed.txt', 'text/small.pdf']));
  });

  it('--resume extracts nothing again; --retry-failed retries only the failures', () => {
    const before = statSync(join(out, 'hangzhou.pdf.json')).mtimeMs;
    const again = run('batch', inputs, '--out', out, '--format', 'json,md', '--resume');
    expect(again.code).toBe(3);
    const lines = readJsonl(join(out, 'summary.jsonl'));
    expect(lines.every((l) => l.resumed)).toBe(true);
    expect(statSync(join(out, 'hangzhou.pdf.json')).mtimeMs).toBe(before);
    const retry = run('batch', inputs, '--out', out, '--format', 'json,md', '--resume', '--retry-failed');
    expect(retry.code).toBe(3);
    const retried = readJsonl(join(out, 'summary.jsonl'));
    expect(retried.filter((l) => !l.resumed).map((l) => l.input)).toEqual(['bad/not-a-pdf.pdf', 'bad/truncated.pdf']);
    // tables.csv still stacks the documents kept from the earlier run
    expect(readFileSync(join(out, 'tables.csv'), 'utf8')).toContain('\nhangzhou.pdf,');
  });

  it('records a file past its time or memory limit and goes on; exit 0 when every file is done', () => {
    const big = corpus('beijing_0250_2026_budget-tables.pdf');
    // the file after it is the seed text: it takes far less than the second its limit allows, even on a busy machine
    const slow = run('batch', big, SEED, '--out', join(tmp, 'slow'), '--timeout', '1', '--jobs', '1', '-q');
    expect(slow.code).toBe(3);
    expect(readJsonl(join(tmp, 'slow', 'summary.jsonl')).map((l) => [l.status, l.code ?? null])).toEqual([
      ['timeout', 'E_TIMEOUT'],
      ['ok', null],
    ]);
    // 12 MB runs out inside the file; 2 MB already as the worker (and its replacement) starts
    for (const mb of ['12', '2', '2']) {
      const large = run('batch', big, '--out', join(tmp, 'large'), '--max-memory', mb, '-q');
      expect(large.stderr).not.toContain('internal error');
      expect(large.code).toBe(3);
      expect(readJsonl(join(tmp, 'large', 'summary.jsonl'))[0]).toMatchObject({ status: 'too_large', code: 'E_TOO_LARGE' });
    }
    const good = run('batch', SEED, '--out', join(tmp, 'good'), '-q');
    expect(good.code).toBe(0);
    expect(good.stderr).toBe('');
  });

  it('refuses an output folder that cannot be written before any work, and usage errors with 64', () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, '');
    const r = run('batch', SEED, '--out', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[E_OUTPUT]');
    expect(run('batch', SEED).code).toBe(64); // no --out
    expect(run('batch', SEED, '--out', join(tmp, 'u'), '--jobs', '0').code).toBe(64);
    expect(run('batch', SEED, '--out', join(tmp, 'u'), '--format', 'xlsx').code).toBe(64);
    expect(run('batch', SEED, '--out', join(tmp, 'u'), '--shard', '2/2').code).toBe(64);
  });
});

describe('extract batch --shard', () => {
  it('partitions the inputs: the shards are disjoint and together cover every input', () => {
    const dir = join(tmp, 'many');
    for (let i = 0; i < 8; i++) {
      mkdirSync(join(dir, `d${i % 3}`), { recursive: true });
      copyFileSync(SEED, join(dir, `d${i % 3}`, `seed-${i}.txt`));
    }
    const out = join(tmp, 'sharded');
    const seen: string[][] = [];
    for (const shard of ['0/3', '1/3', '2/3']) {
      const r = run('batch', dir, '--out', out, '--shard', shard, '-q', '--jobs', '1');
      expect(r.code).toBe(0);
      const [i, n] = shard.split('/');
      const text = readFileSync(join(out, `summary-${i}-of-${n}.jsonl`), 'utf8');
      seen.push(text ? text.trim().split('\n').map((l) => JSON.parse(l).input) : []);
    }
    const all = seen.flat();
    expect(all).toHaveLength(8);
    expect(new Set(all).size).toBe(8);
    expect(seen.filter((s) => s.length > 0).length).toBeGreaterThan(1);
    // the same shard again gives the same inputs
    run('batch', dir, '--out', join(tmp, 'sharded-again'), '--shard', '1/3', '-q', '--jobs', '1');
    const again = readFileSync(join(tmp, 'sharded-again', 'summary-1-of-3.jsonl'), 'utf8');
    expect(again ? again.trim().split('\n').map((l) => JSON.parse(l).input) : []).toEqual(seen[1]);
  });
});

describe('a batch killed with SIGKILL', () => {
  it('resumes without redoing the documents it had finished', async () => {
    const dir = join(tmp, 'kill-in');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 8; i++) copyFileSync(i % 2 ? SMALL_PDF : HANGZHOU, join(dir, `doc-${i}.pdf`));
    const out = join(tmp, 'kill-out');
    const child = spawn(process.execPath, [CLI, 'batch', dir, '--out', out, '--jobs', '1', '-q'], { stdio: 'ignore' });
    const exited = new Promise((r) => child.once('exit', r));
    // kill it as soon as its first outputs are there
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (!existsSync(out) || readdirSync(out).filter((f) => f.endsWith('.pdf.json')).length < 2)) {
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await exited;
    const finished = readdirSync(out).filter((f) => f.endsWith('.pdf.json'));
    expect(finished.length).toBeGreaterThanOrEqual(2);
    expect(finished.length).toBeLessThan(8);
    expect(existsSync(join(out, 'summary.jsonl'))).toBe(false);
    const mtimes = new Map(finished.map((f) => [f, statSync(join(out, f)).mtimeMs]));
    const journal = readFileSync(join(out, '.extract-batch.jsonl'), 'utf8').split('\n').filter((l) => l.startsWith('{') && l.endsWith('}')).map((l) => JSON.parse(l).input as string);

    const resumed = run('batch', dir, '--out', out, '--jobs', '1', '--resume', '-q');
    expect(resumed.code).toBe(0);
    const lines = readJsonl(join(out, 'summary.jsonl'));
    expect(lines).toHaveLength(8);
    expect(lines.every((l) => l.status === 'ok')).toBe(true);
    // every document the journal had recorded is kept, its output untouched; the rest were done now
    expect(lines.filter((l) => l.resumed).map((l) => l.input).sort()).toEqual([...journal].sort());
    for (const input of journal) expect(statSync(join(out, `${input}.json`)).mtimeMs).toBe(mtimes.get(`${input}.json`));
    expect(journal.length).toBeGreaterThanOrEqual(1);
    for (const l of lines) expect(JSON.parse(readFileSync(join(out, `${l.input}.json`), 'utf8')).source.file).toBe(l.input);
  });
});

describe('library', () => {
  it('extract(bytes | path, { timeoutMs, signal }) and an async iterator over a batch', async () => {
    const lib = (await import(resolve(ROOT, 'dist/src/index.js'))) as typeof import('../src/index.js');
    const fromPath = await lib.extract(SEED);
    const fromBytes = await lib.extract(readFileSync(SEED), { name: 'seed-zezhou-xinfangju-2024-budget.txt', timeoutMs: 60_000 });
    expect(fromBytes).toEqual(fromPath);
    await expect(lib.extract(corpus('beijing_0250_2026_budget-tables.pdf'), { timeoutMs: 300 })).rejects.toMatchObject({ code: 'E_TIMEOUT' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    await expect(lib.extract(corpus('beijing_0250_2026_budget-tables.pdf'), { signal: controller.signal })).rejects.toThrow();

    const items: import('../src/index.js').BatchItem[] = [];
    for await (const item of lib.extractBatch([SEED, SMALL_PDF, join(tmp, 'missing.pdf')], { jobs: 2 })) items.push(item);
    // inputs are named by their path below the folder they share (here the root)
    const item = (name: string) => items.find((i) => i.input.endsWith(`/${name}`))!;
    expect(items).toHaveLength(3);
    expect(item('seed-zezhou-xinfangju-2024-budget.txt').document).toEqual(fromPath);
    expect(item('js_rdbgt_js_rdbgt_2019_y_dept_ysgk-table.pdf').status).toBe('ok');
    expect(item('missing.pdf')).toMatchObject({ status: 'failed', code: 'E_NOT_FOUND' });
  });
});
