#!/usr/bin/env node
// `npm run build:server` (issue 19): the server as JavaScript built ahead, so it starts without compiling
// TypeScript. esbuild bundles the server's entries into dist/server/ (ESM, Node 20+):
//   main.js  the server (`node --max-semi-space-size=4 --heap-growing-percent=100 dist/server/main.js`, scripts/server-node-args.mjs)
//   cli.js   the command line (`node dist/server/cli.js backup …`)
//   read-worker.js, audit-verify-worker.js, checkpoint-worker.js  the worker threads (src/server/platform/worker-entry.ts finds
//            them beside the bundle; from source the same code starts the .ts entries through tsx).
// Code the entries share goes to chunk files, so a worker loads only the modules it uses.
// Packages stay outside the bundle when they cannot be bundled: native modules (better-sqlite3, argon2,
// pg-native), and packages that read files relative to themselves (pdfkit's font metrics in js/data/*.afm,
// @fastify/swagger-ui's static/ files, pino's transports and thread-stream workers).
// Usage: node scripts/build-server.mjs [--outdir dist/server]
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--outdir');
const outdir = path.resolve(root, outIndex >= 0 ? (args[outIndex + 1] ?? 'dist/server') : 'dist/server');

export const serverEntries = {
  main: 'src/server/main.ts',
  cli: 'src/server/cli.ts',
  'read-worker': 'src/server/reads/read-worker.ts',
  'audit-verify-worker': 'src/server/platform/audit/audit-verify-worker.ts',
  'checkpoint-worker': 'src/server/db/checkpoint-worker.ts',
};

const external = [
  'better-sqlite3',
  'argon2',
  'pg-native',
  'pdfkit',
  '@fastify/swagger-ui',
  'pino',
  'thread-stream',
  // tsx is only the from-source path of worker-entry.ts (never taken when built); it must not be bundled.
  'tsx',
];

const started = performance.now();
fs.rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: serverEntries,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: true,
  // Keeps function and class names in stack traces and in `err.name` checks.
  keepNames: true,
  chunkNames: 'chunk-[hash]',
  // Bundled CommonJS packages call require() for Node's built-ins; an ES module has no require of its own.
  banner: {
    js: "import { createRequire as __duetCreateRequire } from 'node:module'; const require = __duetCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
  metafile: true,
});
// V8 keeps every module's source text for lazy compilation, and a source with one character above U+00FF
// (a `…` or `→` in a kept comment, a `™` in a regex) is held at two bytes per character: main.js and the
// largest chunk took ~10 MiB instead of ~5 of every process's memory (issue 19). esbuild escapes strings
// but not comments and regular expressions, so the rest is escaped here: `\uXXXX` means the same character
// in a comment, a string, a regex (with or without the u flag; a surrogate pair for astral characters) and
// an identifier. Lines holding one have their later source-map columns shifted by a few characters.
for (const file of Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'))) {
  const full = path.join(root, file);
  const text = fs.readFileSync(full, 'utf8');
  // eslint-disable-next-line no-control-regex -- the non-ASCII range is the point
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) fs.writeFileSync(full, ascii);
}
// Node reads dist/server/*.js as ES modules whatever package.json says above it.
fs.writeFileSync(path.join(outdir, 'package.json'), '{ "type": "module" }\n');
const bytes = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith('.js'))
  .reduce((sum, [, o]) => sum + o.bytes, 0);
console.log(
  `Server built into ${path.relative(root, outdir) || '.'} (${(bytes / 1024 / 1024).toFixed(1)} MB of JavaScript) in ${Math.round(performance.now() - started)} ms`,
);
