// The import graph of the server at the level of features and layers (issue 18), written as Mermaid into
// docs/import-graph.md from what dependency-cruiser finds in the code. `--check` fails (exit 1) when the
// committed file is out of date, so CI (`npm run check:graph`) keeps the picture true.
//   node scripts/import-graph.mjs          write docs/import-graph.md
//   node scripts/import-graph.mjs --check  compare only
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'docs', 'import-graph.md');
const check = process.argv.includes('--check');

const cruiser = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const json = execFileSync(
  process.execPath,
  [cruiser, 'src/server', 'src/shared', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
  { cwd: root, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
);
const result = JSON.parse(json);

// Tests and fixtures are not part of the picture: it shows what production code depends on.
const isTestCode = (p) => /\.test\.tsx?$|\.test-kit\.ts$/.test(p) || p.startsWith('src/server/testing/');

/** The node a file belongs to: a feature by name, or its layer. */
function nodeOf(p) {
  const feature = /^src\/server\/features\/([^/]+)\//.exec(p);
  if (feature) return `feature:${feature[1]}`;
  if (p.startsWith('src/shared/')) return 'layer:shared';
  const layer = /^src\/server\/(platform|db|reads|demo)\//.exec(p);
  if (layer) return `layer:${layer[1]}`;
  if (/^src\/server\/[^/]+\.ts$/.test(p)) return p === 'src/server/config.ts' ? 'layer:config' : 'layer:app';
  return null;
}

const edges = new Set();
for (const mod of result.modules) {
  if (isTestCode(mod.source)) continue;
  const from = nodeOf(mod.source);
  if (!from) continue;
  for (const dep of mod.dependencies) {
    if (isTestCode(dep.resolved)) continue;
    const to = nodeOf(dep.resolved);
    if (to && to !== from) edges.add(`${from} ${to}`);
  }
}

const id = (node) => node.replace(':', '_').replace(/-/g, '_');
const label = (node) => {
  const [kind, name] = node.split(':');
  if (kind === 'feature') return name;
  return {
    app: 'app (composition root: app.ts, bootstrap.ts, background.ts, scheduled-checks.ts, main.ts, cli.ts)',
    demo: 'demo/',
    reads: 'reads/ (read workers)',
    platform: 'platform/',
    db: 'db/',
    shared: 'src/shared',
    config: 'config.ts',
  }[name];
};

const all = [...edges].map((e) => e.split(' '));
const featureEdges = all.filter(([a, b]) => a.startsWith('feature:') && b.startsWith('feature:')).sort();
const layerEdges = all.filter(([a, b]) => !a.startsWith('feature:') && !b.startsWith('feature:')).sort();
const features = [
  ...new Set(result.modules.map((m) => nodeOf(m.source)).filter((n) => n?.startsWith('feature:'))),
].sort();
const intoFeatures = all.filter(([a, b]) => !a.startsWith('feature:') && b.startsWith('feature:'));
const callers = [...new Set(intoFeatures.map(([a]) => a))].sort();
const upward = intoFeatures.filter(([a]) => !['layer:app', 'layer:demo', 'layer:reads'].includes(a));

const lines = [
  '# Import graph (generated)',
  '',
  'Generated from the code by `npm run graph` (scripts/import-graph.mjs, reading dependency-cruiser); `npm run',
  'check:graph` fails in CI when this file is out of date. Do not edit by hand. Tests and fixtures are left out.',
  '',
  'Each feature imports another only through its public face (`features/<name>/index.ts`); there are no',
  'cycles between features, and `platform/`, `db/` and `src/shared` import no feature (rules in',
  '`.dependency-cruiser.cjs` and `eslint.config.js`; see docs/architecture.md, "Boundaries").',
  '',
  '## Features',
  '',
  'An arrow `a --> b` means feature a imports feature b (through its face). Every feature also uses',
  '`platform/`, `db/` and `src/shared`; those arrows are left out to keep the picture readable.',
  '',
  '```mermaid',
  'flowchart LR',
  ...features.map((f) => `  ${id(f)}["${label(f)}"]`),
  ...featureEdges.map(([a, b]) => `  ${id(a)} --> ${id(b)}`),
  '```',
  '',
  '## Layers',
  '',
  `Features are wired in by: ${callers.map((c) => label(c)).join('; ') || 'nothing'}.`,
  `Imports from platform/, db/ or src/shared up into a feature: ${upward.length === 0 ? 'none' : upward.map(([a, b]) => `${label(a)} -> ${label(b)}`).join(', ')}.`,
  '',
  '```mermaid',
  'flowchart TD',
  '  features["features/* (each through its index.ts)"]',
  ...[...new Set(layerEdges.flat())].sort().map((n) => `  ${id(n)}["${label(n)}"]`),
  ...layerEdges.map(([a, b]) => `  ${id(a)} --> ${id(b)}`),
  ...callers.map((c) => `  ${id(c)} --> features`),
  ...[...new Set(all.filter(([a]) => a.startsWith('feature:')).map(([, b]) => b))]
    .filter((b) => !b.startsWith('feature:'))
    .sort()
    .map((b) => `  features --> ${id(b)}`),
  '```',
  '',
];
const text = lines.join('\n');

if (check) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error('docs/import-graph.md is out of date: run `npm run graph` and commit the result.');
    process.exit(1);
  }
  console.log('docs/import-graph.md is up to date.');
} else {
  writeFileSync(target, text);
  console.log(
    `wrote docs/import-graph.md (${String(features.length)} features, ${String(featureEdges.length)} feature edges)`,
  );
}
