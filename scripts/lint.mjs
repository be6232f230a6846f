#!/usr/bin/env node
// `npm run lint` (and the lint step of `npm run check`): ESLint on every file `eslint .` lints, with
// `--max-warnings 0`, reusing a file's last result when nothing its result can depend on has changed
// (issue 18: ESLint's type-aware rules were ~180 s of CPU per CI run, most of it on unchanged files).
//
// A file's result depends on its own text, the lint configuration, the installed packages and, through the
// type-aware rules, the types of every file it imports, directly or not. ESLint's own `--cache` looks only
// at the file's text, which typescript-eslint documents as unsafe with type information. Here a result is
// reused only when all of these are unchanged:
//   - the file's text;
//   - the text of every file in its import closure, as TypeScript resolved it (the `referencedMap` of the
//     tsc build info that `npm run check` writes just before: .tmp/tsc.tsbuildinfo), type-only imports and
//     the packages' .d.ts files included;
//   - the files that affect every program (lib and global .d.ts files), eslint.config.js, tsconfig.json,
//     package-lock.json, and the ESLint and Node versions.
// The build info must describe the files as they are now: each project file's text is hashed and compared
// with it, and on any difference (or without build info) every file is linted, as `eslint .` would.
//
//   node scripts/lint.mjs            lint, reusing what can be reused (.tmp/eslint-results.json)
//   node scripts/lint.mjs --all      lint every file afresh (the saved results are then replaced)
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '..');
const buildInfoPath = path.join(root, '.tmp/tsc.tsbuildinfo');
const resultsPath = path.join(root, '.tmp/eslint-results.json');
const LINTED = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const sha = (text) => createHash('sha256').update(text).digest('hex');
const started = performance.now();

const eslint = new ESLint({ cwd: root });

/** Every file `eslint .` lints: the repository's files (tracked, or new and not git-ignored) ESLint does not ignore. */
async function lintedFiles() {
  const listed = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter((f) => LINTED.test(f) && fs.existsSync(path.join(root, f)));
  const files = [];
  for (const f of listed) if (!(await eslint.isPathIgnored(path.join(root, f)))) files.push(f);
  return files.sort();
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * What each file's result depends on, from the tsc build info: file (relative to the repository) → a hash of
 * the texts of its import closure. Null when there is no build info or it does not match the files as they are.
 */
function closureKeys(files) {
  const text = readText(buildInfoPath);
  if (text === null) return { keys: null, why: 'no .tmp/tsc.tsbuildinfo (run tsc with --incremental first)' };
  const info = JSON.parse(text);
  const dir = path.dirname(buildInfoPath);
  const names = info.fileNames.map((f) => path.resolve(dir, f));
  const versions = info.fileInfos.map((fi) => (typeof fi === 'string' ? fi : fi.version));
  const globalScope = info.fileInfos
    .map((fi, i) => (typeof fi === 'object' && fi.affectsGlobalScope ? versions[i] : null))
    .filter((v) => v !== null)
    .sort();
  const refs = new Map();
  for (const [file, list] of info.referencedMap ?? [])
    refs.set(
      file - 1,
      (info.fileIdsList[list - 1] ?? []).map((n) => n - 1),
    );
  const index = new Map(names.map((n, i) => [n, i]));
  // The build info must be of these very files: compare the project's own files (not the packages') now.
  for (const [i, name] of names.entries()) {
    if (name.includes(`${path.sep}node_modules${path.sep}`)) continue;
    const now = readText(name);
    if (now === null || sha(now) !== versions[i])
      return { keys: null, why: `the build info is older than ${path.relative(root, name)}` };
  }
  const keys = new Map();
  for (const f of files) {
    const start = index.get(path.join(root, f));
    if (start === undefined) continue; // not in the TypeScript program: its own text is all it depends on
    const seen = new Set([start]);
    const stack = [start];
    while (stack.length > 0) {
      for (const next of refs.get(stack.pop()) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(next);
      }
    }
    // Named as tsc wrote them, relative to .tmp/: the same keys in another clone of the repository.
    keys.set(
      f,
      sha(
        [...seen]
          .map((i) => `${info.fileNames[i]}\0${versions[i]}`)
          .sort()
          .join('\n'),
      ),
    );
  }
  return { keys, globalScope, why: null };
}

const all = process.argv.includes('--all');
const files = await lintedFiles();
const closures = all ? { keys: null, why: '--all' } : closureKeys(files);
const globalKey = sha(
  JSON.stringify({
    eslint: ESLint.version,
    node: process.versions.node,
    config: readText(path.join(root, 'eslint.config.js')),
    tsconfig: readText(path.join(root, 'tsconfig.json')),
    lock: readText(path.join(root, 'package-lock.json')),
    globalScope: closures.globalScope ?? null,
  }),
);
const keyOf = (f) =>
  sha(`${globalKey}\n${sha(readText(path.join(root, f)) ?? '')}\n${closures.keys?.get(f) ?? ''}`);

const saved = closures.keys ? JSON.parse(readText(resultsPath) ?? '{}') : {};
const results = [];
const fresh = [];
for (const f of files) {
  const kept = saved[f];
  if (closures.keys && kept && kept.key === keyOf(f))
    results.push({ ...kept.result, filePath: path.join(root, f) });
  else fresh.push(f);
}
if (fresh.length > 0) results.push(...(await eslint.lintFiles(fresh.map((f) => path.join(root, f)))));

const next = {};
for (const r of results) {
  const f = path.relative(root, r.filePath);
  const { filePath: _omit, source: _source, ...result } = r;
  next[f] = { key: keyOf(f), result };
}
fs.mkdirSync(path.dirname(resultsPath), { recursive: true });
fs.writeFileSync(resultsPath, JSON.stringify(next));

results.sort((a, b) => (a.filePath < b.filePath ? -1 : 1));
const output = (await eslint.loadFormatter('stylish')).format(results);
if (output) process.stdout.write(output);
const errors = results.reduce((n, r) => n + r.errorCount, 0);
const warnings = results.reduce((n, r) => n + r.warningCount, 0);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `lint: ${String(files.length)} files, ${String(fresh.length)} linted now, ${String(files.length - fresh.length)} unchanged with all they depend on (${seconds} s)` +
    (closures.why ? `; every file linted: ${closures.why}` : ''),
);
// --max-warnings 0, as before: a warning fails the check too.
if (errors > 0 || warnings > 0) process.exitCode = 1;
