// Issue 17 ("Fast"): the JavaScript budget of the patient's phone, a build check (the last step of
// `npm run build:web`). The patient's initial JavaScript is the entry chunk and everything it imports
// statically (first-paint.ts's too), plus the chunk of the patient's Today route (`/home`) and its static imports: what a phone
// downloads before Today is usable. The budget is on the brotli size (200 kB = 200,000 bytes): brotli is
// what the server sends every browser that accepts it (all current ones do over HTTPS, which Duet requires
// in production). Gzip sizes, for older clients, are printed beside it. Needs the Vite manifest
// (build.manifest) and the .gz/.br files of scripts/build-compress.mjs.
//
//   node scripts/js-budget.mjs [dist/web]
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const BUDGET_BYTES = 200_000;
const TODAY_ROUTE = 'features/patient-home/home-page.tsx';

const root = path.resolve(process.argv[2] ?? 'dist/web');
const manifest = JSON.parse(readFileSync(path.join(root, '.vite', 'manifest.json'), 'utf8'));

/** The chunk `key` and every chunk it imports statically, transitively. */
function withStaticImports(key, into = new Set()) {
  if (into.has(key)) return into;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`js-budget: ${key} is not in the Vite manifest`);
  into.add(key);
  for (const imported of chunk.imports ?? []) withStaticImports(imported, into);
  return into;
}

// Every entry chunk counts: the app's (index.html) and first-paint.ts, which index.html loads ahead of it.
const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
if (entries.length < 1) throw new Error('js-budget: no entry chunk in the Vite manifest');
if (!manifest[TODAY_ROUTE]?.isDynamicEntry) {
  throw new Error(
    `js-budget: ${TODAY_ROUTE} is not its own (lazy) chunk; the router must load it with lazyPage`,
  );
}
const keys = withStaticImports(TODAY_ROUTE);
for (const entry of entries) withStaticImports(entry, keys);

// Charts and other people's pages are never part of it: no ECharts module (read from the hidden source
// maps the build writes) and no page chunk but Today's.
for (const key of keys) {
  const chunk = manifest[key];
  if (chunk.isDynamicEntry && key !== TODAY_ROUTE) {
    throw new Error(`js-budget: the page ${key} is loaded with the patient's Today; load it with lazyPage`);
  }
  const mapFile = path.join(root, `${chunk.file}.map`);
  if (!existsSync(mapFile)) continue; // the bundler's own runtime has no map
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const chart = map.sources.find((source) => /node_modules[\\/](echarts|zrender)[\\/]/.test(source));
  if (chart)
    throw new Error(
      `js-budget: ${chunk.file} carries the charts library (${chart}); charts only load on chart pages`,
    );
}

const size = (file) => statSync(path.join(root, file)).size;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
let total = { plain: 0, gzip: 0, brotli: 0 };
console.log('js-budget: the patient routes’ initial JavaScript (entry + static imports + Today route)');
for (const key of keys) {
  const file = manifest[key].file;
  const row = { plain: size(file), gzip: size(`${file}.gz`), brotli: size(`${file}.br`) };
  total = { plain: total.plain + row.plain, gzip: total.gzip + row.gzip, brotli: total.brotli + row.brotli };
  console.log(
    `  ${file.padEnd(48)} ${kB(row.plain).padStart(10)}  gzip ${kB(row.gzip).padStart(9)}  brotli ${kB(row.brotli).padStart(9)}`,
  );
}
console.log(
  `  ${'total'.padEnd(48)} ${kB(total.plain).padStart(10)}  gzip ${kB(total.gzip).padStart(9)}  brotli ${kB(total.brotli).padStart(9)}`,
);
if (total.brotli > BUDGET_BYTES) {
  console.error(
    `js-budget: FAILED — ${kB(total.brotli)} brotli is over the budget of ${kB(BUDGET_BYTES)} (issue 17). ` +
      'Load the page or library that grew with lazyPage (src/web/app/lazy-page.tsx) or a dynamic import.',
  );
  process.exit(1);
}
console.log(
  `js-budget: within the budget (${kB(total.brotli)} of ${kB(BUDGET_BYTES)} brotli; gzip ${kB(total.gzip)})`,
);
