import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';

/** The CLI tests run the built `extract` binary as a user would, so build it once first. */
export default function setup(): void {
  if (process.env.EXTRACT_SKIP_BUILD) return;
  const root = resolve(__dirname, '..');
  execFileSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  // tsc writes a new file without the executable bit the `extract` command (npx) needs
  chmodSync(resolve(root, 'dist/src/cli/main.js'), 0o755);
}
