// Issue 17 (offline): which built files the service worker precaches, chosen at build time from Vite's
// manifest (vite.config.ts, `injectManifest.manifestTransforms`). The app shell (index.html, manifest, icons)
// and the JavaScript and CSS of the patient's pages that open offline — Today with its cards, "My medicines",
// the safety plan, side-effect reports, questionnaires and practice — never the clinicians' pages or the
// charts library (their chunks load online, when opened). Pure: the caller reads the files.

/** One chunk of Vite's build manifest (`.vite/manifest.json`), the fields used here. */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type ViteManifest = Record<string, ManifestChunk>;

/** The patient's pages that open offline (source paths relative to src/web, as the manifest names them). */
export const OFFLINE_PAGES: readonly string[] = [
  'features/patient-home/home-page.tsx',
  'features/doses/my-medicines-page.tsx',
  'features/treatment-plan/patient-plan-pages.tsx',
  'features/side-effects/report-page.tsx',
  'features/side-effects/my-reports-page.tsx',
  'features/measures/questionnaire-page.tsx',
  'features/practice/practice-home-page.tsx',
  'features/practice/entry-page.tsx',
];

/** A chunk that carries the charts library (named by the bundler after its first module). */
const CHARTS = /echart|zrender/i;

function addWithStaticImports(manifest: ViteManifest, key: string, into: Set<string>): void {
  if (into.has(key)) return;
  const chunk = manifest[key];
  if (!chunk || CHARTS.test(key) || CHARTS.test(chunk.file)) return;
  into.add(key);
  for (const imported of chunk.imports ?? []) addWithStaticImports(manifest, imported, into);
}

/**
 * The built files (paths relative to the build folder) of the entry chunk and the offline pages: each with
 * its static imports, and the parts each page loads lazily (Today's cards) with theirs, plus their CSS.
 * A page that is not in the manifest is an error: the list above must follow the router.
 */
export function precacheFiles(manifest: ViteManifest): Set<string> {
  const keys = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) {
    if (chunk.isEntry) addWithStaticImports(manifest, key, keys);
  }
  for (const page of OFFLINE_PAGES) {
    const chunk = manifest[page];
    if (!chunk) throw new Error(`precache-plan: ${page} is not in the Vite manifest`);
    addWithStaticImports(manifest, page, keys);
    for (const part of chunk.dynamicImports ?? []) {
      if (!manifest[part]?.isDynamicEntry || OFFLINE_PAGES.includes(part)) continue;
      addWithStaticImports(manifest, part, keys);
    }
  }
  const files = new Set<string>();
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk) continue;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  return files;
}

/** True for a file of the build that is precached whatever the manifest says: the shell and its icons. */
export function isShellFile(url: string): boolean {
  return (
    url === 'index.html' ||
    url === 'manifest.webmanifest' ||
    url === 'favicon.svg' ||
    url.startsWith('icons/')
  );
}
