import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Kuzet's own version, from the root package.json (found from the source or the compiled tree). */
function readKuzetVersion(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'kuzet') return pkg.version ?? '0.0.0';
  }
  return '0.0.0';
}

export const KUZET_VERSION = readKuzetVersion();
