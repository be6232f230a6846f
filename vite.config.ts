import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The web app lives in src/web and is served by the Duet server from dist/web.
export default defineConfig({
  root: fromRoot('./src/web'),
  plugins: [react()],
  css: { postcss: fromRoot('./') },
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    // Maps are written for debugging a build but never linked from the bundles; the server refuses .map paths.
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
