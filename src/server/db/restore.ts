import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { openSqlite, type Db } from './database.js';
import { knownMigrationNames } from './migrate.js';

/**
 * Restore of a SQLite backup (issue 19: "Backups"), checked before anything is replaced. The backup is
 * first copied beside the live database, and the copy is what gets checked and moved in: it must open as
 * SQLite, pass `PRAGMA integrity_check`, be a Duet database (Kysely's migrations table) whose schema is
 * not newer than this code, and carry an audit chain that verifies. The live database must not be held
 * by a running server: taking it out of WAL mode needs every other connection closed, and the exclusive
 * lock taken then is held while the files move. The live file is kept as `<name>.before-restore-<time>`,
 * then the checked copy is renamed in (atomic on one file system) and the directory is flushed.
 */
export class RestoreRefused extends Error {}

export type AuditCheck = (db: Db) => Promise<{ ok: true } | { ok: false; reason: string }>;

export interface RestoreResult {
  restored: string;
  keptAs: string | null;
  migrations: number;
  pendingMigrations: number;
}

function fsyncPath(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Opens the copy and checks it is a whole Duet database this code can run; returns its migration count. */
function checkSqliteFile(file: string, shownAs: string): { migrations: number; pending: number } {
  let raw: SQLite.Database;
  try {
    raw = new SQLite(file, { fileMustExist: true });
  } catch (err) {
    throw new RestoreRefused(`${shownAs} does not open as SQLite: ${(err as Error).message}.`);
  }
  try {
    let integrity: unknown[];
    try {
      integrity = raw.pragma('integrity_check') as unknown[];
    } catch (err) {
      throw new RestoreRefused(`${shownAs} is not a SQLite database (${(err as Error).message}).`);
    }
    const problems = integrity
      .map((row) => String((row as { integrity_check?: unknown }).integrity_check))
      .filter((r) => r !== 'ok');
    if (problems.length > 0)
      throw new RestoreRefused(
        `${shownAs} fails PRAGMA integrity_check: ${problems.slice(0, 3).join('; ')}` +
          (problems.length > 3 ? ` (and ${String(problems.length - 3)} more)` : '') +
          '.',
      );
    const hasMigrations = raw
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (hasMigrations === undefined)
      throw new RestoreRefused(`${shownAs} is not a Duet database (it has no migrations table).`);
    const applied = (raw.prepare('select name from kysely_migration').all() as { name: string }[]).map(
      (r) => r.name,
    );
    const known = new Set(knownMigrationNames('sqlite'));
    const unknown = applied.filter((name) => !known.has(name));
    if (unknown.length > 0)
      throw new RestoreRefused(
        `${shownAs} has a newer schema than this version of Duet (migrations ${unknown.join(', ')} are ` +
          'unknown here): restore it with the Duet version that wrote it, or upgrade Duet first.',
      );
    const appliedSet = new Set(applied);
    return { migrations: applied.length, pending: [...known].filter((n) => !appliedSet.has(n)).length };
  } finally {
    raw.close();
  }
}

/**
 * Takes the live database out of WAL mode (refused while another connection, i.e. a running server, has
 * it open) and holds its exclusive lock until release() so no server can start in between.
 */
function lockLive(live: string): { release: () => void } {
  const raw = new SQLite(live, { fileMustExist: true });
  const refuse = (): never => {
    raw.close();
    throw new RestoreRefused(
      `${live} is in use (is the Duet server running?). Stop the server, then run the restore again.`,
    );
  };
  try {
    raw.pragma('busy_timeout = 0');
    const mode = raw.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') refuse();
    raw.exec('begin exclusive');
  } catch (err) {
    if (err instanceof RestoreRefused) throw err;
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY') === true) refuse();
    raw.close();
    throw new RestoreRefused(`The current database ${live} cannot be locked: ${(err as Error).message}.`);
  }
  return {
    release: () => {
      raw.close();
    },
  };
}

export async function restoreSqlite(
  backup: string,
  live: string,
  deps: { verifyAudit: AuditCheck; nowMs: number },
): Promise<RestoreResult> {
  const from = path.resolve(backup);
  if (!fs.existsSync(from)) throw new RestoreRefused(`No backup at ${from}.`);
  const dir = path.dirname(live);
  fs.mkdirSync(dir, { recursive: true });
  const copy = path.join(dir, `.${path.basename(live)}.restoring-${String(process.pid)}`);
  const removeCopy = () => {
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`, `${copy}-journal`]) fs.rmSync(f, { force: true });
  };
  removeCopy();
  try {
    fs.copyFileSync(from, copy);
    const { migrations, pending } = checkSqliteFile(copy, from);
    const candidate = openSqlite(copy, { readonly: true });
    let audit: Awaited<ReturnType<AuditCheck>>;
    try {
      audit = await deps.verifyAudit(candidate.db);
    } finally {
      await candidate.close();
    }
    if (!audit.ok) throw new RestoreRefused(`${from} has a broken audit chain: ${audit.reason}.`);
    fsyncPath(copy);
    let keptAs: string | null = null;
    const lock = fs.existsSync(live) ? lockLive(live) : null;
    try {
      if (lock) {
        const stamp = new Date(deps.nowMs).toISOString().replace(/[:.]/g, '-');
        keptAs = `${live}.before-restore-${stamp}`;
        fs.renameSync(live, keptAs);
      }
      fs.renameSync(copy, live);
      fsyncPath(dir);
    } finally {
      lock?.release();
    }
    return { restored: live, keptAs, migrations, pendingMigrations: pending };
  } finally {
    removeCopy();
  }
}
