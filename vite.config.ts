import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { stylesheetsAsPreloads } from './src/web/lib/stylesheets';
import { isShellFile, precacheFiles, type ViteManifest } from './src/web/sw/precache-plan';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// Issue 17 ("Fast", ninth session): src/web/first-paint.ts is built as its own small chunk (no imports) and
// loaded ahead of the app's entry: a module script before the entry's runs first, as soon as it has arrived, while
// the entry's ~130 kB still load. It attaches the stylesheets and, on a phone opening Today, draws the top of the
// page from the session's answer (see the file).
const FIRST_PAINT = fromRoot('./src/web/first-paint.ts');
// Issue 17 ("Fast", eighth session): the patient's Today (the page a phone opens) and the chunks it imports are
// asked for with the app, at low priority, instead of level by level after the app has run and asked for the page
// (the browser finds a chunk's imports only when it has the chunk: three more rounds of requests on a first visit).
// Low priority: on the sign-in page and clinicians' pages they wait behind the app's own scripts and stylesheet;
// a later visit takes them from the service worker.
const TODAY_PAGE = 'features/patient-home/home-page.tsx';
interface ChunkLike {
  type: string;
  fileName: string;
  facadeModuleId?: string | null;
  imports?: string[];
  isEntry?: boolean;
}
function todayPreloads(bundle: Record<string, ChunkLike>): HtmlTagDescriptor[] {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const today = chunks.find((c) => c.facadeModuleId?.endsWith(TODAY_PAGE) === true);
  const entry = chunks.find((c) => c.isEntry === true && c.facadeModuleId !== FIRST_PAINT);
  if (!today || !entry) return [];
  const withEntry = new Set([entry.fileName, ...(entry.imports ?? [])]);
  const files: string[] = [];
  const visit = (fileName: string): void => {
    if (withEntry.has(fileName) || files.includes(fileName)) return;
    files.push(fileName);
    for (const imported of bundle[fileName]?.imports ?? []) visit(imported);
  };
  visit(today.fileName);
  return files.map((file) => ({
    tag: 'link',
    attrs: { rel: 'modulepreload', crossorigin: true, fetchpriority: 'low', href: `/${file}` },
    injectTo: 'head',
  }));
}

function firstPaintScript(bundle: Record<string, ChunkLike>): HtmlTagDescriptor[] {
  const chunk = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId === FIRST_PAINT);
  if (!chunk) throw new Error('first-paint.ts was not built');
  if ((chunk.imports ?? []).length > 0) throw new Error('first-paint.ts must not import other chunks');
  return [
    {
      tag: 'script',
      attrs: { type: 'module', crossorigin: true, src: `/${chunk.fileName}` },
      injectTo: 'head-prepend',
    },
  ];
}

// The web app lives in src/web and is served by the Duet server from dist/web.
let builtTo = fromRoot('./dist/web');

export default defineConfig(({ command }) => ({
  root: fromRoot('./src/web'),
  plugins: [
    react(),
    // Issue 17 (installable and offline): the web app manifest and the service worker src/web/sw/sw.ts,
    // built to /sw.js with the list of files to precache (src/web/sw/precache-plan.ts) injected.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      injectRegister: false,
      // The icons are precached by the glob below (once); the plugin adds manifest.webmanifest itself.
      includeManifestIcons: false,
      manifest: {
        id: '/home',
        name: 'Duet',
        short_name: 'Duet',
        description: 'Duet: one care team, one treatment plan.',
        lang: 'en',
        start_url: '/home',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1c7ed6',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        globIgnores: ['**/*.map', 'sw.js', '.vite/**'],
        manifestTransforms: [
          (entries) => {
            const manifestPath = path.join(builtTo, '.vite', 'manifest.json');
            // The worker is built even when the app's build failed: let that error be the one reported.
            if (!existsSync(manifestPath)) {
              return Promise.resolve({ manifest: [], warnings: ['no Vite manifest: the app was not built'] });
            }
            const keep = precacheFiles(JSON.parse(readFileSync(manifestPath, 'utf8')) as ViteManifest);
            return Promise.resolve({
              manifest: entries.filter((e) => isShellFile(e.url) || keep.has(e.url)),
              warnings: [],
            });
          },
        ],
      },
    }),
    // Issue 17 ("Fast", eighth session): the stylesheet does not hold up the first paint (src/web/lib/stylesheets.ts).
    {
      name: 'duet-styles-not-blocking',
      apply: 'build',
      transformIndexHtml: { order: 'post', handler: stylesheetsAsPreloads },
    },
    {
      name: 'duet-first-paint',
      apply: 'build',
      buildStart() {
        this.emitFile({ type: 'chunk', id: FIRST_PAINT, name: 'first-paint' });
      },
      transformIndexHtml: {
        order: 'post',
        handler: (html, context) => ({
          html,
          tags: context.bundle ? firstPaintScript(context.bundle) : [],
        }),
      },
    },
    {
      name: 'duet-preload-today',
      apply: 'build',
      transformIndexHtml: {
        order: 'post',
        handler: (html, context) => ({
          html,
          tags: context.bundle ? todayPreloads(context.bundle) : [],
        }),
      },
    },
    // The build folder as resolved (`--outDir` included), where the precache plan reads Vite's manifest.
    {
      name: 'duet-built-to',
      configResolved(config) {
        builtTo = path.resolve(config.root, config.build.outDir);
      },
    },
  ],
  css: { postcss: fromRoot('./') },
  resolve: {
    // Issue 17 ("Fast"): React Router's package points every import at its development build (warnings and
    // checks meant for a developer). The build takes its production build; `vite` for development keeps the other.
    alias:
      command === 'build'
        ? [
            {
              find: /^react-router$/,
              replacement: fromRoot('./node_modules/react-router/dist/production/index.mjs'),
            },
          ]
        : [],
  },
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    // Maps are written for debugging a build but never linked from the bundles; the server refuses .map paths.
    sourcemap: 'hidden',
    // Issue 17: pages are split by route (src/web/app/lazy-page.tsx), so the default chunk size warning
    // stands. The manifest tells scripts/js-budget.mjs which chunks a patient's phone loads first.
    manifest: true,
    // Issue 17 ("Fast", seventh session): no <link rel="modulepreload"> added by script for each chunk a lazy
    // page imports: adding ~20 of them when Today's chunk was asked for cost ~0.25 s of a phone's main thread (4x
    // CPU), in the task that evaluates the app. The browser finds a page chunk's imports when it parses it and
    // fetches them together; the entry's own imports keep their modulepreload links in index.html. (The links'
    // polyfill is for browsers without modulepreload, which all of Duet's browsers have.)
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
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
}));
