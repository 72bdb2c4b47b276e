// Vite build of the board render benchmark's browser entry (apps/web/src/board/bench/render-bench.tsx),
// used by board.bench.ts only. React's profiling build stands in for react-dom/client so the
// Profiler reports render durations; otherwise it is the production build of the real components.
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig } from 'vite';

const web = fileURLToPath(new URL('../../../apps/web/', import.meta.url));
// The React plugin is the web workspace's dependency: resolve it from there.
const { default: react } = await import(pathToFileURL(createRequire(`${web}package.json`).resolve('@vitejs/plugin-react')).href);

export default defineConfig({
  root: web,
  mode: 'production',
  logLevel: 'warn',
  plugins: [react()],
  resolve: {
    alias: [
      { find: '@kuzet/contracts', replacement: fileURLToPath(new URL('../../../libs/contracts/src', import.meta.url)) },
      { find: /^react-dom\/client$/, replacement: 'react-dom/profiling' },
    ],
  },
  build: {
    outDir: process.env.KUZET_BOARD_BENCH_OUT,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: fileURLToPath(new URL('../../../apps/web/src/board/bench/render-bench.tsx', import.meta.url)),
      output: { entryFileNames: 'render-bench.js', assetFileNames: '[name][extname]' },
    },
  },
});
