import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, SEED } from './helpers.js';

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'extract-cli-'));

describe('extract <file>', () => {
  it('prints the typed JSON of the seed', () => {
    const r = run(SEED);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.tables).toHaveLength(13);
    expect(out.forms).toHaveLength(7);
  });

  it('writes pretty JSON to a file with -o, identical to stdout apart from indentation', () => {
    const file = join(tmp, 'seed.json');
    expect(run(SEED, '-o', file, '--pretty').code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(run(SEED).stdout));
  });

  it('writes one CSV per table, UTF-8 with BOM, into a folder named after the document', () => {
    const dir = join(tmp, 'csv', 'seed-zezhou-xinfangju-2024-budget.txt_csv');
    const r = run(SEED, '--format', 'csv', '-o', join(tmp, 'csv'));
    expect(r.code).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files.filter((f) => !f.endsWith('.rows.csv'))).toHaveLength(13);
    const first = readFileSync(join(dir, files.find((f) => f.startsWith('t01-') && !f.includes('.rows'))!), 'utf8');
    expect(first.charCodeAt(0)).toBe(0xfeff);
    expect(first).toContain('一、一般公共预算,518.25');
  });

  it('writes Markdown', () => {
    const r = run(SEED, '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## 2024年预算收支总表');
    expect(r.stdout).toContain('| 一、一般公共预算 | 518.25 |');
  });

  it('prints the JSON Schema', () => {
    const r = run('schema');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.tables.type).toBe('array');
    expect(schema.required).toContain('checks');
  });

  it('has help and a version', () => {
    expect(run('--help').stdout).toContain('verify');
    expect(run('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('bad input: one line naming the file and the reason, exit code 2', () => {
  mkdirSync(join(tmp, 'bad'), { recursive: true });
  const bad = (name: string, content: string | Buffer) => {
    const p = join(tmp, 'bad', name);
    writeFileSync(p, content);
    return p;
  };
  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  it.each([
    ['missing file', join(tmp, 'nope.txt'), 'no such file'],
    ['a directory', tmp, 'is a directory'],
    ['an empty file', bad('empty.txt', ''), 'is empty'],
    ['binary garbage given as text', bad('garbage.txt', garbage), 'binary'],
    ['an unknown extension', bad('report.docx', 'PK\u0003\u0004'), 'unknown file type'],
    ['text named .pdf', bad('fake.pdf', 'hello, not a pdf'), 'not a PDF'],
  ])('%s', (_what, file, reason) => {
    const r = run(file);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toContain(reason);
    expect(r.stdout).toBe('');
  });

  it('shows the stack only with --debug', () => {
    const r = run(join(tmp, 'nope.txt'), '--debug');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe('exit codes: 0 success, 1 audit failed, 2 unusable input or output, 3 batch failures (batch.test.ts), 64 usage', () => {
  it('--help and --version exit 0', () => {
    expect(run('--help').code).toBe(0);
    expect(run('--version').code).toBe(0);
    expect(run('batch', '--help').code).toBe(0);
  });

  it.each([
    ['no file', []],
    ['an unknown option', [SEED, '--bogus']],
    ['two files to the one-file command', [SEED, SEED]],
    ['a bad option value', [SEED, '--timeout', 'soon']],
    ['a bad format', [SEED, '--format', 'pdf']],
    ['an unknown subcommand option', ['check', SEED, '--fail-on', 'sometimes']],
  ])('a usage error (%s) exits 64', (_what, args) => {
    const r = run(...(args as string[]));
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/error: /);
  });

  it('a failed audit exits 1, and 0 with --fail-on never', () => {
    expect(run('check', SEED).code).toBe(1);
    expect(run('check', SEED, '--fail-on', 'never').code).toBe(0);
  });

  it('an output path that cannot be written is refused before the work, exit 2', () => {
    const file = join(tmp, 'plain-file');
    writeFileSync(file, '');
    const r = run(SEED, '-o', join(file, 'out.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[E_OUTPUT]');
  });
});
