import { transformFileSync } from '@swc/core';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

/**
 * A throw-away copy of the repository layout the CLI expects: scripts/, a fresh SWC build of the
 * catalog code in dist/ (as scripts/build.mjs lays it out), node_modules linked. Building here
 * rather than running `npm run build` tests the code as it is now and leaves the shared dist/
 * of the working tree alone.
 */
export function makeCliRoot(options: { build: boolean }): string {
  const root = mkdtempSync(join(tmpdir(), 'kuzet-cli-'));
  cpSync(join(ROOT, 'scripts/kuzet.js'), join(root, 'scripts/kuzet.js'));
  cpSync(join(ROOT, 'scripts/cli'), join(root, 'scripts/cli'), { recursive: true });
  mkdirSync(join(root, 'apps'), { recursive: true });
  symlinkSync(join(ROOT, 'apps/api'), join(root, 'apps/api'));
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  if (options.build) {
    for (const dir of ['libs', 'apps/api/src/catalog', 'apps/api/src/catalog-import', 'apps/api/src/config'])
      compileTree(join(ROOT, dir), root);
  }
  return root;
}

function compileTree(dir: string, outRoot: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') compileTree(file, outRoot);
    }
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      const { code } = transformFileSync(file, {
        swcrc: false,
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
          baseUrl: ROOT,
          paths: {
            '@kuzet/contracts': ['libs/contracts/src'],
            '@kuzet/checks': ['libs/checks/src'],
            '@kuzet/spool': ['libs/spool/src'],
          },
        },
        module: { type: 'commonjs' },
      });
      const target = join(outRoot, 'dist', relative(ROOT, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, code);
    }
  }
}
