/**
 * No bad file stops a batch: hostile and broken PDFs (test/pdf-builder.ts, read by the real pdf.js) among good
 * ones in one `extract batch`; each gets its line in summary.jsonl with the code the single-file command gives,
 * the good ones their output, and the run stays within bounded time and memory.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { documentOptions } from '../src/ingest/pdf/pdfjs.js';
import { CLI, ROOT, SEED } from './helpers.js';
import { deflatedSpaces, makePdf, RULED_PAGE, stream } from './pdf-builder.js';

const tmp = mkdtempSync(join(tmpdir(), 'extract-batch-hostile-'));
const dir = join(tmp, 'in');
mkdirSync(dir, { recursive: true });
const put = (name: string, bytes: Buffer | string) => writeFileSync(join(dir, name), bytes);

/** Forms F0 … F29 each draw the next twice: 2^30 draws of a line. */
const forms: Record<string, string> = {};
for (let i = 0; i < 30; i++) forms[`F${i}`] = stream(`/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /G @F${i + 1} >> >>`, '/G Do /G Do');
forms.F30 = stream('/Type /XObject /Subtype /Form /BBox [0 0 595 842]', '100 100 m 200 100 l S');

const good = makePdf([RULED_PAGE]);
put('good.pdf', good);
put('fan-out.pdf', makePdf([RULED_PAGE, { content: '/F0 Do', resources: '/XObject << /F0 @F0 >>' }], forms));
put('bomb.pdf', makePdf([RULED_PAGE, { content: '', contents: '@Bomb' }], { Bomb: stream('/Filter [/FlateDecode /FlateDecode]', deflateSync(deflatedSpaces(2048))) }));
put('huge-image.pdf', makePdf([{ content: `${RULED_PAGE}\nq 400 0 0 400 100 100 cm /Im Do Q`, resources: '/XObject << /Im @Im >>' }], {
  Im: stream('/Type /XObject /Subtype /Image /Width 30000 /Height 30000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode', deflateSync(Buffer.alloc(30_000))),
}));
for (const cut of [100, 400]) put(`truncated-${cut}.pdf`, good.subarray(0, cut));
put('empty.pdf', '');
put('not-a-pdf.pdf', 'hello, this is not a PDF\n');
copyFileSync(resolve(ROOT, 'test/fixtures/pdf/encrypted-password-secret.pdf'), join(dir, 'encrypted.pdf'));
copyFileSync(SEED, join(dir, 'seed.txt'));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a batch of hostile and broken PDFs among good files', () => {
  it('records every file with the code the single-file command gives, and goes on to the end', () => {
    const out = join(tmp, 'out');
    const started = performance.now();
    const r = run('batch', dir, '--out', out, '--jobs', '2', '--timeout', '30');
    const seconds = (performance.now() - started) / 1000;
    expect(r.code).toBe(3);
    const lines = readFileSync(join(out, 'summary.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const status = Object.fromEntries(lines.map((l) => [l.input, l.code ? `${l.status} ${l.code}` : l.status]));
    expect(status).toEqual({
      'bomb.pdf': 'too_large E_TOO_LARGE',
      'empty.pdf': 'failed E_EMPTY',
      'encrypted.pdf': 'failed E_ENCRYPTED',
      'fan-out.pdf': 'ok',
      'good.pdf': 'ok',
      'huge-image.pdf': 'ok',
      'not-a-pdf.pdf': 'failed E_NOT_PDF',
      'seed.txt': 'ok',
      'truncated-100.pdf': 'failed E_TRUNCATED',
      'truncated-400.pdf': 'failed E_TRUNCATED',
    });
    // the same codes as one file at a time, exit code 2 each
    for (const l of lines.filter((x) => x.code)) {
      const single = run(join(dir, l.input));
      expect(single.code).toBe(2);
      expect(single.stderr).toContain(`[${l.code}]`);
    }
    // the fan-out page is skipped with its warning, the rest of the document read
    expect(JSON.parse(readFileSync(join(out, 'fan-out.pdf.json'), 'utf8')).warnings.map((w: { code: string }) => w.code)).toEqual(['W_PAGE']);
    expect(readFileSync(join(out, 'good.pdf.json'), 'utf8')).toBe(run(join(dir, 'good.pdf')).stdout);
    // bounded: well below a hang, and the whole process (two workers) within 1 GB
    expect(seconds).toBeLessThan(90);
    const rss = Number(/peak RSS (\d+) MB/.exec(r.stderr)?.[1]);
    expect(rss).toBeLessThan(1024);
  });
});

describe('pdf.js runs no code a PDF carries', () => {
  it('every document is opened with isEvalSupported: false (fonts are not compiled to functions: CVE-2024-4367)', () => {
    expect(documentOptions(new Uint8Array(good)).isEvalSupported).toBe(false);
    expect(documentOptions(new Uint8Array(good), 'secret').isEvalSupported).toBe(false);
  });
});
