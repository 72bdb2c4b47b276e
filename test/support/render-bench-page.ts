// The board's render harness (apps/web/src/board/bench/render-bench.tsx) built with Vite and served
// on 127.0.0.1: the real overview components and store, fed a synthetic catalog, with no server.
// Used by the board benchmark (test/bench/board) and the wall browser test (2,000 systems).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';

const CONFIG_PATH = 'test/bench/board/vite.board-bench.config.mjs';
// test/support from the sources (jest), dist/test/support once compiled (benchmarks).
const ROOT = [resolve(__dirname, '../..'), resolve(__dirname, '../../..')].find((r) => existsSync(join(r, CONFIG_PATH))) ?? process.cwd();
const CONFIG = join(ROOT, CONFIG_PATH);
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css' };

/** Builds the harness into `outDir` (React's profiling build); throws when Vite fails. */
export function buildRenderBench(outDir: string): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', CONFIG], {
    cwd: ROOT,
    env: { ...process.env, KUZET_BOARD_BENCH_OUT: outDir },
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`vite build of the board render harness failed (${r.status})`);
}

/** Serves the built harness (a module script needs an http origin); the page exposes window.kuzetBench. */
export async function serveRenderBench(outDir: string): Promise<{ server: Server; url: string }> {
  const files = readdirSync(outDir);
  const css = files.filter((f) => f.endsWith('.css')).map((f) => `<link rel="stylesheet" href="/${f}">`).join('');
  const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8">${css}</head><body><div id="root"></div><script type="module" src="/render-bench.js"></script></body></html>`;
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0].slice(1);
    if (name === '') return res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    if (!files.includes(name)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream' }).end(readFileSync(join(outDir, name)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}
