// `npm test`: every test leg, then one summary line `N passed, N failed[, N skipped]`. The legs run in two
// lanes at once (issue 18: CI under 8 minutes): sqlite and postgres one after the other, with their output
// live; beside them build:web and the browser journeys, which mostly wait on Chromium and the server, then
// unit-far-tz, with their output kept in .tmp/test-results/{browser,unit-far-tz}.log and printed as each ends.
// `--serial` runs every leg one after the other instead (all output live). Before the legs, the server is built
// once (scripts/build-server.mjs into .tmp/test-server): child processes in the tests start from it.
// `npm run test:fast` (`--fast`): the sqlite leg only — the development loop, no PostgreSQL, no browser.
// `--node24` (CI): the sqlite leg on Node 24 LTS (scripts/node24.mjs), the others on the machine's Node.
//
//   sqlite       all of src/**/*.test.ts on SQLite (DUET_TEST_DATABASE_URL unset), TZ=UTC, with
//                vitest.fast.config.ts (the same files; workers keep their module cache between files)
//   unit-far-tz  the pure unit tests (src/shared/) again in a far-off time zone (vitest.fast.config.ts)
//   postgres     the integration tests (*.int.test.ts) on PostgreSQL: DUET_TEST_DATABASE_URL if it is a
//                postgres:// URL, else a throwaway cluster (scripts/pg-throwaway.mjs); vitest.fast.config.ts
//                too (each file still gets its own database)
//   browser      the Playwright journeys in Chromium (vitest.e2e.config.ts), after `npm run build:web`
//
// A leg whose requirement is missing (PostgreSQL, Chromium) is skipped with a note on how to enable it;
// with CI=true a skipped leg counts as failed. Overrides: CHROMIUM_PATH, PG_BIN_DIR.
import { spawn } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPostgresBinDir, startThrowawayPostgres } from './pg-throwaway.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, '.tmp', 'test-results');
const isCI = ['true', '1', 'yes'].includes(String(process.env.CI ?? '').toLowerCase());
const FAR_TZ = 'Pacific/Kiritimati'; // UTC+14: dates differ from UTC for most of the day
const fast = process.argv.includes('--fast');
const serial = process.argv.includes('--serial');
/**
 * `--node24` (CI sets it): the sqlite leg runs on Node 24 LTS through scripts/node24.mjs (fetched from the npm
 * registry, better-sqlite3 compiled for it once), the other legs on the machine's Node — every test then runs
 * on both (issue 19), at the cost of preparing Node 24, not of running the tests twice.
 */
const node24 = process.argv.includes('--node24');
/** The summary lists the legs in this order, whichever lane finished first. */
const LEG_ORDER = ['server build', 'sqlite', 'unit-far-tz', 'postgres', 'browser'];
/**
 * The server built once for the run (scripts/build-server.mjs): the tests that start the server or the CLI
 * as a child process (and every browser journey's server) run it from JavaScript instead of compiling the
 * TypeScript through tsx each time (src/server/testing/server-command.ts). Inside the repository, so the
 * bundle's packages resolve from node_modules.
 */
const testServerDir = join(root, '.tmp', 'test-server');
let testServerBuilt = false;

/** @type {{ name: string, passed: number, failed: number, skipped: number, ms: number, note?: string, skippedLeg?: boolean }[]} */
const results = [];
/** Every child process running now (two lanes: up to two), so a signal stops them all. */
const children = new Set();
let interrupted = false;
let postgres = null;

function say(message) {
  process.stdout.write(`\n[test] ${message}\n`);
}

function baseEnv(overrides) {
  const env = {
    ...process.env,
    TZ: 'UTC',
    FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0'),
  };
  if (testServerBuilt) env.DUET_TEST_SERVER_DIR = testServerDir;
  // Tests must never reach a real database by accident.
  delete env.DUET_TEST_DATABASE_URL;
  delete env.DATABASE_URL;
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Runs a command; its output goes to the terminal, or appended to `logFile` when given. */
function run(command, args, env, logFile) {
  return new Promise((resolvePromise) => {
    const out = logFile ? openSync(logFile, 'a') : null;
    const child = spawn(command, args, {
      cwd: root,
      env,
      stdio: out === null ? 'inherit' : ['ignore', out, out],
    });
    if (out !== null) closeSync(out);
    children.add(child);
    child.on('error', (error) => {
      process.stderr.write(`[test] could not run ${command}: ${error.message}\n`);
      children.delete(child);
      resolvePromise(127);
    });
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolvePromise(code ?? (signal ? 128 : 1));
    });
  });
}

/** Runs one vitest invocation and records its counts from the JSON report. */
async function vitestLeg(name, args, env, logFile, { onNode24 = false } = {}) {
  const outputFile = join(resultsDir, `${name}.json`);
  rmSync(outputFile, { force: true });
  say(`leg ${name}: vitest run ${args.join(' ')}${logFile ? ` (output: ${relative(root, logFile)})` : ''}`);
  const started = Date.now();
  const vitest = [
    'npx',
    'vitest',
    'run',
    ...args,
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${outputFile}`,
  ];
  const exitCode = onNode24
    ? await run(process.execPath, ['scripts/node24.mjs', '--exec', ...vitest], env, logFile)
    : await run(vitest[0], vitest.slice(1), env, logFile);
  const ms = Date.now() - started;
  const counts = readCounts(outputFile);
  if (!counts) {
    results.push({
      name,
      passed: 0,
      failed: 1,
      skipped: 0,
      ms,
      note: `vitest exited ${exitCode} without a report`,
    });
    return;
  }
  let { passed, failed, skipped } = counts;
  let note;
  if (exitCode !== 0 && failed === 0) {
    // Unhandled errors, or a crash after the report: the leg failed even though no test did.
    failed = 1;
    note = `vitest exited ${exitCode} with no failed test (unhandled error?)`;
  }
  if (onNode24) note = note ? `${note}; on Node 24` : 'on Node 24 (scripts/node24.mjs)';
  results.push({ name, passed, failed, skipped, ms, note });
}

function readCounts(file) {
  if (!existsSync(file)) return null;
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const suites = Array.isArray(report.testResults) ? report.testResults : [];
    // A file that failed to load (syntax error, failing beforeAll) has no failed test of its own: count it.
    const brokenFiles = suites.filter(
      (suite) =>
        suite.status === 'failed' &&
        !(suite.assertionResults ?? []).some((assertion) => assertion.status === 'failed'),
    ).length;
    return {
      passed: report.numPassedTests ?? 0,
      failed: (report.numFailedTests ?? 0) + brokenFiles,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    };
  } catch {
    return null;
  }
}

function skipLeg(name, reason, howToEnable) {
  const note = `${reason}. To enable: ${howToEnable}`;
  say(`leg ${name}: SKIPPED — ${note}`);
  results.push({
    name,
    passed: 0,
    failed: isCI ? 1 : 0,
    skipped: isCI ? 0 : 1,
    ms: 0,
    note,
    skippedLeg: true,
  });
}

/** Builds the server once for the run; a failed build fails the run (it is what `npm start` runs). */
async function buildTestServer() {
  const started = Date.now();
  const exitCode = await run(
    process.execPath,
    ['scripts/build-server.mjs', '--outdir', testServerDir],
    baseEnv({}),
  );
  if (exitCode === 0) {
    testServerBuilt = true;
    say(`server built into ${relative(root, testServerDir)} in ${formatMs(Date.now() - started)}`);
    return true;
  }
  results.push({
    name: 'server build',
    passed: 0,
    failed: 1,
    skipped: 0,
    ms: Date.now() - started,
    note: `scripts/build-server.mjs exited ${exitCode}`,
  });
  return false;
}

async function sqliteLeg() {
  await vitestLeg('sqlite', ['--config', 'vitest.fast.config.ts'], baseEnv({}), undefined, {
    onNode24: node24,
  });
}

async function farTimeZoneLeg(logFile) {
  // The fast config: these pure files need no isolation, and sharing a worker's module cache halves the leg.
  await vitestLeg(
    'unit-far-tz',
    ['--config', 'vitest.fast.config.ts', 'src/shared/'],
    baseEnv({ TZ: FAR_TZ }),
    logFile,
  );
}

/**
 * Beside the other legs, the far time zone runs after the journeys: the sqlite and postgres legs were the
 * longer lane (CI run 15: 146 + 23 + 308 s against the browser's 428 s; issue 18). Its output is printed when
 * it ends, like the browser's.
 */
async function farTimeZoneLane() {
  if (interrupted) return;
  const logFile = join(resultsDir, 'unit-far-tz.log');
  writeFileSync(logFile, '');
  try {
    await farTimeZoneLeg(logFile);
  } finally {
    say(`leg unit-far-tz: its output (${relative(root, logFile)})`);
    process.stdout.write(readFileSync(logFile, 'utf8'));
  }
}

async function postgresLeg() {
  const given = process.env.DUET_TEST_DATABASE_URL;
  let url;
  if (given && /^postgres(ql)?:\/\//.test(given)) {
    url = given;
    say('leg postgres: using DUET_TEST_DATABASE_URL');
  } else if (!findPostgresBinDir()) {
    skipLeg(
      'postgres',
      `PostgreSQL server binaries not found in ${process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin'}`,
      'install PostgreSQL 15 or newer (`apt-get install -y postgresql-15`), or set ' +
        'DUET_TEST_DATABASE_URL=postgres://user@host:5432/db (a role allowed to CREATE DATABASE)',
    );
    return;
  } else {
    const started = Date.now();
    try {
      postgres = await startThrowawayPostgres({ log: (line) => say(`postgres: ${line}`) });
    } catch (error) {
      process.stderr.write(`[test] ${error instanceof Error ? error.message : String(error)}\n`);
      results.push({
        name: 'postgres',
        passed: 0,
        failed: 1,
        skipped: 0,
        ms: Date.now() - started,
        note: 'could not start PostgreSQL',
      });
      return;
    }
    url = postgres.url;
  }
  try {
    if (interrupted) return;
    await vitestLeg(
      'postgres',
      ['--config', 'vitest.fast.config.ts', '.int.test.ts'],
      baseEnv({ DUET_TEST_DATABASE_URL: url }),
    );
  } finally {
    await stopPostgres();
  }
}

async function stopPostgres() {
  if (!postgres) return;
  const cluster = postgres;
  postgres = null;
  await cluster.stop();
  say('postgres: throwaway cluster stopped and removed');
}

async function browserLeg(logFile) {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    skipLeg(
      'browser',
      `Chromium not found at ${chromium}`,
      '`apt-get install -y chromium` (Debian), or set CHROMIUM_PATH=/path/to/chromium',
    );
    return;
  }
  if (!existsSync(join(root, 'vitest.e2e.config.ts'))) {
    say('leg browser: vitest.e2e.config.ts does not exist yet — 0 browser tests');
    results.push({
      name: 'browser',
      passed: 0,
      failed: 0,
      skipped: 0,
      ms: 0,
      note: 'no vitest.e2e.config.ts yet',
    });
    return;
  }
  say(`leg browser: npm run build:web${logFile ? ` (output: ${relative(root, logFile)})` : ''}`);
  const started = Date.now();
  const buildExit = await run('npm', ['run', '--silent', 'build:web'], baseEnv({}), logFile);
  if (buildExit !== 0) {
    results.push({
      name: 'browser',
      passed: 0,
      failed: 1,
      skipped: 0,
      ms: Date.now() - started,
      note: `build:web exited ${buildExit}`,
    });
    return;
  }
  if (interrupted) return;
  await vitestLeg(
    'browser',
    ['--config', 'vitest.e2e.config.ts'],
    baseEnv({ CHROMIUM_PATH: chromium }),
    logFile,
  );
}

/** The browser lane beside the others: its output goes to a file, printed in one piece when it ends. */
async function browserLane() {
  const logFile = join(resultsDir, 'browser.log');
  writeFileSync(logFile, '');
  try {
    await browserLeg(logFile);
  } finally {
    say(`leg browser: its output (${relative(root, logFile)})`);
    process.stdout.write(readFileSync(logFile, 'utf8'));
  }
}

async function inTurn(legs) {
  for (const leg of legs) {
    if (interrupted) break;
    await leg();
  }
}

function onSignal(signal) {
  if (interrupted) return;
  interrupted = true;
  process.stderr.write(`\n[test] ${signal}: stopping\n`);
  // From a terminal the children got the signal too; from `kill` only we did.
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}

function formatMs(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function printSummary(totalMs) {
  const width = Math.max(...results.map((r) => r.name.length), 4);
  const lines = ['', '── test legs ──'];
  for (const r of results) {
    const counts = r.skippedLeg
      ? isCI
        ? 'SKIPPED (counted as failed: CI=true)'
        : 'SKIPPED'
      : `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}  (${formatMs(r.ms)})`;
    lines.push(`  ${r.name.padEnd(width)}  ${counts}`);
    if (r.note) lines.push(`  ${' '.repeat(width)}  ${r.note}`);
  }
  const skippedLegs = results.filter((r) => r.skippedLeg).map((r) => r.name);
  if (skippedLegs.length > 0) {
    lines.push(
      isCI
        ? `  CI=true: the skipped leg(s) ${skippedLegs.join(', ')} count as failed — CI must run every leg`
        : `  not run: ${skippedLegs.join(', ')} (each counted as 1 skipped below; see above how to enable)`,
    );
  }
  if (interrupted) lines.push('  interrupted: the remaining legs did not run');
  if (fast) lines.push('  --fast: the sqlite leg only (`npm test` runs every leg)');
  else if (!serial)
    lines.push('  the browser and unit-far-tz legs ran beside the others (`--serial`: one after the other)');
  lines.push(`  total time ${formatMs(totalMs)}`);
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0) + (interrupted ? 1 : 0);
  const skipped = results.reduce((sum, r) => sum + r.skipped, 0);
  lines.push('', `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return failed;
}

/**
 * The tests' temporary files (the SQLite databases, the throwaway PostgreSQL cluster, each journey's data
 * directory, Chromium's profiles) go to a folder in memory (/dev/shm) when the machine has one. The tests check
 * what is written, not that the disk keeps it through a power cut, and an fsync per commit on the one disk all
 * legs share made write-heavy files wait: the authorization matrix file took 69 s on the disk and 40 s in
 * memory beside the other engineers' work (2026-12-07). A process killed in the crash tests leaves its writes in
 * memory just as on disk. DUET_TEST_TMPDIR chooses another folder; the benchmarks keep the disk.
 */
function useMemoryTempDir() {
  const base = process.env.DUET_TEST_TMPDIR ?? '/dev/shm';
  try {
    accessSync(base, constants.W_OK);
  } catch {
    if (process.env.DUET_TEST_TMPDIR) throw new Error(`DUET_TEST_TMPDIR ${base} is not a writable folder`);
    return;
  }
  const dir = mkdtempSync(join(base, 'duet-test-'));
  // Open to every user like /tmp (sticky): run as root, the throwaway cluster runs as the postgres user and
  // keeps its data directory in here. Each test's own folders are made private by mkdtemp.
  chmodSync(dir, 0o1777);
  process.env.TMPDIR = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  say(`temporary files in ${dir}`);
}

/**
 * The modules vite transformed for one leg are kept for the next (vitest's fsModuleCache,
 * vitest.fast.config.ts): the sqlite leg transforms the server's TypeScript once, the unit-far-tz and postgres
 * legs read it back (about 5 s of CPU less per 30 files, issue 18). One folder per run, removed at its end, so
 * no run reads another's cache.
 */
function useRunModuleCache() {
  const dir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'duet-vitest-modules-'));
  process.env.DUET_VITEST_MODULE_CACHE = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Last resort: never leave a cluster behind, whatever happens.
  process.on('exit', () => postgres?.stopSync());
  useMemoryTempDir();
  useRunModuleCache();
  const started = Date.now();
  try {
    if (!(await buildTestServer())) return finish(started);
    if (fast) await sqliteLeg();
    else if (serial) await inTurn([sqliteLeg, farTimeZoneLeg, postgresLeg, () => browserLeg()]);
    else await Promise.all([inTurn([sqliteLeg, postgresLeg]), inTurn([browserLane, farTimeZoneLane])]);
  } finally {
    await stopPostgres();
  }
  finish(started);
}

function finish(started) {
  results.sort((a, b) => LEG_ORDER.indexOf(a.name) - LEG_ORDER.indexOf(b.name));
  const failed = printSummary(Date.now() - started);
  process.exitCode = interrupted ? 130 : failed > 0 ? 1 : 0;
}

main().catch(async (error) => {
  process.stderr.write(`[test] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  await stopPostgres().catch(() => {});
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0) + 1;
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  process.exitCode = 1;
});
