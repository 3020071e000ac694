import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, SEED } from './helpers.js';

/** Issue 15, part 2: the command shows what it can do, and its options work where a user would try them. */
function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const COMMANDS = ['file', 'batch', 'check', 'rules', 'schema', 'verify'];
const tmp = mkdtempSync(join(tmpdir(), 'extract-help-'));

describe('top-level help', () => {
  it('--help lists every command on one line, with an example of each, HTML among the inputs', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    for (const c of COMMANDS) {
      // the command's line has its summary on it, and the next line is another command's (no wrapped text)
      expect(r.stdout, c).toMatch(new RegExp(`^  ${c} [^\\n]*\\S {2,}\\S[^\\n]*\\n  \\S`, 'm'));
      if (c !== 'file') expect(r.stdout, c).toMatch(new RegExp(`^  extract ${c}\\b`, 'm'));
    }
    expect(r.stdout).toMatch(/^  extract report\.pdf /m);
    expect(r.stdout).toContain('HTML');
  });

  it("each command's own --help ends with examples of it", () => {
    for (const c of COMMANDS) {
      const r = run(c, '--help');
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toMatch(new RegExp(`Examples?:\\n  extract ${c === 'file' ? '\\S+\\.pdf' : c}\\b`));
    }
  });

  it('extract alone prints the same list on stderr and is a usage error (64)', () => {
    const r = run();
    expect(r.code).toBe(64);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: /);
    for (const c of COMMANDS) expect(r.stderr, c).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(r.stderr).toContain('Examples:');
  });
});

describe('--pretty wherever JSON is printed', () => {
  const indented = (s: string) => s.startsWith('{\n  "') || s.startsWith('[\n  {');
  it.each([
    ['schema', ['schema', '--pretty']],
    ['check --json', ['check', SEED, '--json', '--pretty', '--fail-on', 'never']],
    ['rules --json', ['rules', '--json', '--pretty']],
    ['check --explain --json', ['check', '--explain', 'GEN-N-02', '--json', '--pretty']],
    ['extract', [SEED, '--pretty']],
  ])('%s', (_what, args) => {
    const r = run(...args);
    expect(r.code).toBe(0);
    expect(indented(r.stdout)).toBe(true);
    JSON.parse(r.stdout);
  });

  it('without --pretty the JSON of check is one line', () => {
    const r = run('check', SEED, '--json');
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });
});

describe('the rules and check of an output JSON', () => {
  it('extract rules lists every rule in Chinese and English; --explain prints one with its scope and tolerance', () => {
    const r = run('rules');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^GEN-N-02 +narrative +pct 0\.01 percentage point +占比百分数 · Share percentages$/m);
    expect(r.stdout).toContain('119 rules');
    const e = run('check', '--explain', 'gen-n-02');
    expect(e.code).toBe(0);
    expect(e.stdout).toContain('scope:     narrative');
    expect(e.stdout).toContain('tolerance: pct 0.01 percentage point');
    expect(e.stdout).toContain('Every "X万元，占p%" equals 100·X / base');
    const bad = run('check', '--explain', 'GEN-N-99');
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('unknown rule GEN-N-99; rules like it: GEN-N-01');
  });

  it('check out.json audits the output without extracting: the same findings as the document', () => {
    const json = join(tmp, 'seed.json');
    expect(run(SEED, '-o', json).code).toBe(0);
    const fromJson = run('check', json, '--json');
    const fromText = run('check', SEED, '--json');
    expect(fromJson.code).toBe(1);
    expect(JSON.parse(fromJson.stdout)).toEqual(JSON.parse(fromText.stdout));
    expect(run('check', json, '--format', 'md').stdout).toMatch(/^\| fail \| .*印为 1\.79%，应为 1\.97%，少 0\.18 个百分点 \|/m);
  });

  it('a JSON that is no output of extract is unusable input (2), one line', () => {
    const other = join(tmp, 'other.json');
    writeFileSync(other, '{"tables": 3}');
    const r = run('check', other);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/other\.json: not an output of extract \(.*\) \[E_NOT_OUTPUT\]/);
  });
});

describe('--progress', () => {
  const pdf = 'corpus/sh-putuo-shegongbu-2024-final.pdf';
  it('shows pages done on stderr when asked (a terminal gets it by default), nothing otherwise', () => {
    const shown = run(pdf, '--progress', '-o', join(tmp, 'p.json'));
    expect(shown.code, shown.stderr).toBe(0);
    const plain = run(pdf);
    expect(plain.code, plain.stderr).toBe(0);
    const pages = JSON.parse(plain.stdout).source.pages as number;
    expect(shown.stderr).toContain(`${pdf}: ${pages}/${pages} pages`);
    expect(run(pdf, '-o', join(tmp, 'q.json')).stderr).toBe('');
    expect(run('check', pdf, '--progress', '--fail-on', 'never').stderr).toContain(`${pages}/${pages} pages`);
  });
});
