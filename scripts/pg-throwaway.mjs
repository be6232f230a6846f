// A throwaway PostgreSQL cluster for the test run: initdb in a temp dir, start on 127.0.0.1 on a free port
// with trust auth and no fsync, create `duet_test`, and remove everything again on stop().
//
// PostgreSQL refuses to run as root, so as root every server command runs as the `postgres` system user
// through `runuser`, and the temp dir belongs to that user.
//
// Overrides: PG_BIN_DIR (directory holding initdb/pg_ctl/createdb), DUET_PG_USER (default `postgres`).
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DEFAULT_BIN_DIR = '/usr/lib/postgresql/15/bin';
const MIN_MAJOR = 15;

/** The directory holding initdb/pg_ctl, or null when PostgreSQL's server binaries are not installed. */
export function findPostgresBinDir() {
  const override = process.env.PG_BIN_DIR;
  if (override) return hasServerBinaries(override) ? override : null;
  if (hasServerBinaries(DEFAULT_BIN_DIR)) return DEFAULT_BIN_DIR;
  // Debian installs each major version side by side; take the newest supported one.
  let majors;
  try {
    majors = readdirSync('/usr/lib/postgresql')
      .map(Number)
      .filter((major) => Number.isInteger(major) && major >= MIN_MAJOR)
      .sort((a, b) => b - a);
  } catch {
    return null;
  }
  for (const major of majors) {
    const dir = `/usr/lib/postgresql/${major}/bin`;
    if (hasServerBinaries(dir)) return dir;
  }
  return null;
}

function hasServerBinaries(dir) {
  return ['initdb', 'pg_ctl', 'postgres', 'createdb'].every((name) => existsSync(join(dir, name)));
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a fresh cluster and returns its URL (database `duet_test`, superuser `postgres`, so the test
 * helper may CREATE DATABASE) and stop(), which shuts the server down and deletes its directory.
 * stop() is idempotent; stopSync() is the same for process-exit handlers.
 */
export async function startThrowawayPostgres({ log = () => {}, durable = false } = {}) {
  const binDir = findPostgresBinDir();
  if (!binDir) {
    throw new Error(
      `PostgreSQL server binaries not found (looked in ${process.env.PG_BIN_DIR ?? DEFAULT_BIN_DIR})`,
    );
  }
  const runAsUser = isRoot() ? (process.env.DUET_PG_USER ?? 'postgres') : null;
  const baseDir = mkdtempSync(join(tmpdir(), 'duet-pg-'));
  const dataDir = join(baseDir, 'data');
  const logFile = join(baseDir, 'server.log');
  let running = false;
  let removed = false;

  const command = (name, args) =>
    runAsUser
      ? { file: 'runuser', args: ['-u', runAsUser, '--', join(binDir, name), ...args] }
      : { file: join(binDir, name), args };

  const run = (name, args) => {
    const { file, args: fullArgs } = command(name, args);
    // cwd: the postgres user may not be allowed into the caller's working directory.
    return execFileSync(file, fullArgs, {
      cwd: baseDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  };

  const stopSync = () => {
    if (running) {
      running = false;
      const { file, args } = command('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-s']);
      spawnSync(file, args, { cwd: baseDir, stdio: 'ignore', timeout: 30_000 });
    }
    if (!removed) {
      removed = true;
      rmSync(baseDir, { recursive: true, force: true });
    }
  };

  try {
    if (runAsUser) {
      const uid = Number(execFileSync('id', ['-u', runAsUser], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', runAsUser], { encoding: 'utf8' }).trim());
      chownSync(baseDir, uid, gid);
    }
    log(`initdb in ${dataDir}${runAsUser ? ` as user ${runAsUser}` : ''}`);
    run('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    const port = await freePort();
    const serverOptions = [
      '-c listen_addresses=127.0.0.1',
      `-c port=${port}`,
      `-c unix_socket_directories=${baseDir}`,
      // Tests want speed; the benchmark (`durable`) wants a real server's commit: fsync on.
      ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
      '-c max_connections=200',
    ].join(' ');
    running = true;
    run('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-s', '-o', serverOptions]);
    run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'duet_test']);
    const url = `postgres://postgres@127.0.0.1:${port}/duet_test`;
    // The same server through its Unix socket (a single-host deployment's choice; bench --pg-socket on).
    const socketUrl = `postgres://postgres@/duet_test?host=${encodeURIComponent(baseDir)}&port=${port}`;
    log(`PostgreSQL running at ${url}`);
    return {
      url,
      socketUrl,
      stop: async () => stopSync(),
      stopSync,
    };
  } catch (error) {
    const details = [error instanceof Error ? error.message : String(error)];
    if (error && typeof error === 'object' && 'stderr' in error && error.stderr)
      details.push(String(error.stderr));
    if (existsSync(logFile)) details.push(`server log:\n${readFileSync(logFile, 'utf8')}`);
    stopSync();
    throw new Error(`could not start a throwaway PostgreSQL cluster: ${details.join('\n')}`, {
      cause: error,
    });
  }
}
