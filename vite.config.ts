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
    // Issue 17: pages are split by route (src/web/app/lazy-page.tsx), so the default chunk size warning
    // stands. The manifest tells scripts/js-budget.mjs which chunks a patient's phone loads first.
    manifest: true,
    rolldownOptions: {
      // src/shared holds pure rules and data, no I/O (house rule): a shared module none of whose exports a
      // chunk uses is left out of it (e.g. the zone schema, and with it zod, out of the entry chunk).
      treeshake: { moduleSideEffects: [{ test: /[\\/]src[\\/]shared[\\/]/, sideEffects: false }] },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
