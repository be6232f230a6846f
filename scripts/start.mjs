#!/usr/bin/env node
// `npm start`: builds the web app and the server when a build is missing or older than its sources, then
// runs the built server, `node --max-semi-space-size=4 --heap-growing-percent=100 dist/server/main.js` (issue 19: JavaScript built ahead,
// nothing compiled at start). DUET_FROM_SOURCE=1 runs src/server/main.ts through tsx instead (no build).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serverEnvironment, serverNodeArgs } from './server-node-args.mjs';

const root = path.resolve(import.meta.dirname, '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}
const builtAt = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

function run(what, command, args) {
  console.log(`Building ${what} (first start or sources changed)…`);
  const build = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

if (builtAt(path.join(root, 'dist/web/index.html')) < newestMtime(path.join(root, 'src/web')))
  run('the web app', 'npx', ['vite', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn']);

const fromSource = process.env.DUET_FROM_SOURCE === '1';
const main = path.join(root, 'dist/server/main.js');
if (!fromSource) {
  // The server is built from src/server and src/shared (its packages come from node_modules at run time).
  const sources = Math.max(
    newestMtime(path.join(root, 'src/server')),
    newestMtime(path.join(root, 'src/shared')),
    builtAt(path.join(root, 'package-lock.json')),
  );
  if (builtAt(main) < sources) run('the server', process.execPath, ['scripts/build-server.mjs']);
}

const args = fromSource
  ? ['--import', 'tsx', 'src/server/main.ts']
  : [...serverNodeArgs, 'dist/server/main.js'];
// Node 22.1 and later keep the compiled code of the bundle between starts (ignored by Node 20); the cache
// lives in the build directory, so a new build starts a new cache.
// serverEnvironment (MALLOC_ARENA_MAX) holds for both; anything the operator set wins.
const env = fromSource
  ? { ...serverEnvironment, ...process.env }
  : {
      ...serverEnvironment,
      NODE_COMPILE_CACHE: path.join(root, 'dist/server/.compile-cache'),
      ...process.env,
    };
const server = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
