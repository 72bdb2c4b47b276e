#!/usr/bin/env node
// `npm run bench [-- name...]`: builds the server side (scripts/build.mjs compiles test/bench
// too), then runs every benchmark test/bench/<name>/*.bench.ts (compiled to dist/), or only the
// named ones, one process each. Each writes bench/results/<name>.json and prints progress lines.
// Benchmarks are never part of `npm test`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchRoot = join(root, 'test/bench');
const available = readdirSync(benchRoot, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => ({
    name: e.name,
    files: readdirSync(join(benchRoot, e.name)).filter((f) => f.endsWith('.bench.ts')),
  }))
  .filter((b) => b.files.length > 0);

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !available.some((b) => b.name === w));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark(s): ${unknown.join(', ')}; available: ${available.map((b) => b.name).join(', ')}`,
  );
  process.exit(2);
}
const selected = wanted.length > 0 ? available.filter((b) => wanted.includes(b.name)) : available;

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let failed = 0;
for (const bench of selected) {
  for (const file of bench.files) {
    const compiled = join(root, 'dist/test/bench', bench.name, file.replace(/\.ts$/, '.js'));
    console.log(JSON.stringify({ event: 'bench.start', name: bench.name, file }));
    const r = spawnSync(process.execPath, ['--enable-source-maps', compiled], {
      cwd: root,
      stdio: 'inherit',
    });
    console.log(JSON.stringify({ event: 'bench.end', name: bench.name, file, exitCode: r.status }));
    if (r.status !== 0) failed++;
  }
}
process.exit(failed > 0 ? 1 : 0);
