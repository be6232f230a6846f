// The service worker's entry (built by vite-plugin-pwa, strategy injectManifest, to /sw.js): the worker
// itself is service-worker.ts.
import './service-worker';
