#!/usr/bin/env node
// Builds the whole server side in one pass: every TypeScript file of apps/*/src, libs/*/src and
// migrations/ is compiled by SWC into dist/ with its path kept, so relative imports keep working and
// "@kuzet/*" imports are rewritten to relative paths. Then the web app is built with Vite when its
// sources are newer than its output. Incremental: unchanged files are skipped.
import { transformFile } from '@swc/core';
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const sourceRoots = ['apps/api/src', 'apps/probe/src', 'apps/simulator/src', 'libs', 'migrations', 'test/bench', 'test/support', 'test/setup'];
const started = Date.now();

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'dist') yield* walk(p);
    } else if (/\.ts$/.test(e.name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(e.name) && !e.name.endsWith('.d.ts')) {
      yield p;
    }
  }
}

const mtime = async (p) => (await stat(p).catch(() => null))?.mtimeMs ?? 0;

const swcOptions = {
  sourceMaps: true,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
    baseUrl: root,
    paths: {
      '@kuzet/contracts': ['libs/contracts/src'],
      '@kuzet/contracts/*': ['libs/contracts/src/*'],
      '@kuzet/checks': ['libs/checks/src'],
      '@kuzet/detection': ['libs/detection/src'],
      '@kuzet/scoring': ['libs/scoring/src'],
      '@kuzet/spool': ['libs/spool/src'],
      '@kuzet/simulator': ['apps/simulator/src'],
    },
  },
  module: { type: 'commonjs' },
};

let compiled = 0;
let skipped = 0;
const jobs = [];
for (const r of sourceRoots) {
  for await (const file of walk(join(root, r))) {
    const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    jobs.push(
      (async () => {
        if ((await mtime(target)) >= (await mtime(file))) return skipped++;
        const { code, map } = await transformFile(file, { ...swcOptions, filename: file, swcrc: false });
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map`);
        if (map) await writeFile(`${target}.map`, map);
        compiled++;
      })(),
    );
  }
}
await Promise.all(jobs);
console.log(JSON.stringify({ event: 'build.server', compiled, skipped, ms: Date.now() - started }));

async function newestIn(dir) {
  let newest = 0;
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? await newestIn(p) : await mtime(p));
  }
  return newest;
}
/**
 * Brotli and gzip copies of every hashed asset next to it (served by @fastify/static's
 * preCompressed option), so no request pays for compression. Returns the sizes per file.
 */
async function precompress(dir) {
  const sizes = {};
  for (const name of await readdir(dir)) {
    if (!/\.(js|css|svg)$/.test(name)) continue;
    const raw = await readFile(join(dir, name));
    const br = await promisify(brotliCompress)(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } });
    const gz = await promisify(gzip)(raw, { level: 9 });
    await writeFile(join(dir, `${name}.br`), br);
    await writeFile(join(dir, `${name}.gz`), gz);
    sizes[name] = { raw: raw.length, gzip: gz.length, brotli: br.length };
  }
  return sizes;
}

const web = join(root, 'apps/web');
const webSources = Math.max(await newestIn(join(web, 'src')), await mtime(join(web, 'index.html')), await mtime(join(web, 'vite.config.ts')));
const webBuilt = Math.min(await mtime(join(web, 'dist/index.html')), await mtime(join(web, 'dist-ssr/public-ssr.cjs')));
if (webBuilt < webSources || process.argv.includes('--force-web')) {
  const webStarted = Date.now();
  const vite = (...args) => {
    const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', ...args], { cwd: web, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  };
  vite();
  // The public pages' server entry (the API renders / and /status with it).
  vite('--ssr', 'src/public/public-ssr.tsx');
  const sizes = await precompress(join(web, 'dist/assets'));
  console.log(JSON.stringify({ event: 'build.web', ms: Date.now() - webStarted, assets: sizes }));
} else {
  console.log(JSON.stringify({ event: 'build.web', skipped: true }));
}
