import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves dist/ on the one public port; in development Vite proxies /api to it.
// @kuzet/contracts is imported for types only (erased), so zod never reaches the bundle.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@kuzet/contracts': fileURLToPath(new URL('../../libs/contracts/src', import.meta.url)) },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true } } },
});
