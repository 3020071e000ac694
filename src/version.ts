import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function findVersion(): string {
  // src/version.ts runs from src/ (tests) or dist/src/ (installed): package.json is one or two levels up
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = require(path) as { name?: string; version?: string };
      if (pkg.name === 'extract' && pkg.version) return pkg.version;
    } catch {
      /* try the next level */
    }
  }
  return '0.0.0';
}

export const VERSION = findVersion();
