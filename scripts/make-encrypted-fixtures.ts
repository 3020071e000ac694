/**
 * Makes the encrypted PDF fixtures of the hostile-input suite (test/hostile-inputs.test.ts): the ruled 2×2
 * page of test/pdf-builder.ts encrypted by qpdf (Debian: qpdf) with each of the PDF standard security
 * handler's ciphers. The user password is `secret`, the owner password `owner`; one file has only an owner
 * password, which every reader opens without asking.
 *
 *   npx tsx scripts/make-encrypted-fixtures.ts        # writes test/fixtures/pdf/encrypted-*.pdf
 *
 * (encrypted-password-secret.pdf, AES-256 of revision 6, was made the same way before this script.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makePdf, RULED_PAGE } from '../test/pdf-builder.js';

const ROOT = resolve(import.meta.dirname, '..');
const plain = join(mkdtempSync(join(tmpdir(), 'extract-encrypt-')), 'plain.pdf');
writeFileSync(plain, makePdf([RULED_PAGE]));

const FIXTURES: [string, string[]][] = [
  ['encrypted-rc4-40.pdf', ['secret', 'owner', '40']],
  ['encrypted-rc4-128.pdf', ['secret', 'owner', '128', '--use-aes=n']],
  ['encrypted-aes-128.pdf', ['secret', 'owner', '128', '--use-aes=y']],
  ['encrypted-owner-only-aes-256.pdf', ['', 'owner', '256']],
];
for (const [name, args] of FIXTURES) {
  const out = join(ROOT, 'test/fixtures/pdf', name);
  // --static-id: the same bytes on every run; RC4 and 40-bit keys are weak, which is what this is for
  const r = spawnSync('qpdf', ['--static-id', '--allow-weak-crypto', '--encrypt', ...args, '--', plain, out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`qpdf ${name}: ${r.stderr || r.error}`);
  process.stdout.write(`wrote test/fixtures/pdf/${name}\n`);
}
