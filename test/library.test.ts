import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/**
 * The README's library example as a user runs it: the package packed by `npm pack` (dist/ built by the global
 * set-up), unpacked into a scratch package's node_modules as `npm install` would, compiled there with
 * `skipLibCheck: false` and no @types/node, then run. No registry is asked: the package's dependencies are
 * linked from this checkout's node_modules, which `npm ci` filled.
 */

function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = /## Library\n\n```ts\n([\s\S]*?)```/.exec(readme);
  if (!m) throw new Error('README: no ```ts block right under "## Library"');
  return m[1];
}

function scratchPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'extract-consumer-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }))[0];
  const installed = join(dir, 'node_modules', 'extract');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, packed.filename), '-C', installed, '--strip-components=1']);
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  for (const dep of Object.keys(manifest.dependencies ?? {})) {
    mkdirSync(dirname(join(dir, 'node_modules', dep)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dep), join(dir, 'node_modules', dep), 'dir');
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { extract: `file:${packed.filename}` } }));
  // no "types": TypeScript includes whatever @types the consumer has, and it has none
  const compilerOptions = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, outDir: 'out' };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['main.ts'] }));
  writeFileSync(join(dir, 'main.ts'), readmeExample());
  return dir;
}

describe('the README\'s library example', () => {
  const dir = scratchPackage();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is packed with the built code and its types, and without the corpus or the tests', () => {
    const files = readdirSync(join(dir, 'node_modules/extract/dist/src'));
    expect(files).toEqual(expect.arrayContaining(['index.js', 'index.d.ts']));
    expect(readdirSync(join(dir, 'node_modules/extract')).sort()).toEqual(['README.md', 'dist', 'package.json']);
  });

  it('compiles with skipLibCheck false and without @types/node', () => {
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir, '--listFiles'], { cwd: dir, encoding: 'utf8' });
    expect(tsc.stdout.split('\n').filter((l) => /error TS/.test(l))).toEqual([]);
    expect(tsc.status).toBe(0);
    const files = tsc.stdout.split('\n');
    // the package's own declarations were checked, and no Node type came in through them
    expect(files.some((f) => f.includes('node_modules/extract/dist/src/index.d.ts'))).toBe(true);
    expect(files.filter((f) => f.includes('@types/node'))).toEqual([]);
  }, 120_000);

  it('runs: a path, bytes in a worker with a time limit, the writers and a batch', () => {
    const run = spawnSync(process.execPath, [join(dir, 'out/main.js')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe("泽州县信访局 2024 万元 一、一般公共预算 { amount: '518.25' }");
    expect(run.stdout).toContain("'B.three_public 万元: 合计=3.50, 公务接待费=3.50'");
    expect(run.stdout).toContain('26 # 泽州县信访局 2024年度部门预算公开 true urn:extract:output:v1');
    expect(lines.at(-1)).toBe('seed-zezhou-xinfangju-2024-budget.txt ok 13');
  }, 120_000);
});
