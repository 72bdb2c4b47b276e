import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves dist/ on the one public port; in development Vite proxies /api to it.
// @kuzet/contracts is imported for types only (erased), so zod never reaches the bundle.
// `vite build --ssr` builds the public pages' server entry into dist-ssr/public-ssr.cjs: one
// self-contained CommonJS file (React, i18next bundled in) that the API requires to render them.
export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react()],
  resolve: {
    alias: { '@kuzet/contracts': fileURLToPath(new URL('../../libs/contracts/src', import.meta.url)) },
  },
  ssr: { noExternal: true, target: 'node' },
  // The bundled React must be its production build on the server too (speed, no dev warnings).
  define: isSsrBuild ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  build: isSsrBuild
    ? {
        outDir: 'dist-ssr',
        emptyOutDir: true,
        copyPublicDir: false,
        rollupOptions: { output: { format: 'cjs', entryFileNames: 'public-ssr.cjs' } },
      }
    : { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true } } },
}));
