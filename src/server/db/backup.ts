import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

/**
 * Online backup of a SQLite database (issue 19: "Backups"). `VACUUM INTO` writes one consistent snapshot in
 * a single read transaction, so writers never restart it (the page-by-page backup API restarted on every
 * write and could leave a partial file). The copy goes to a temporary file beside the target, is flushed
 * to disk, renamed onto the target in one step, and the directory is flushed: the target name only ever
 * holds a whole backup. Any failure removes the temporary file.
 */
export interface BackupResult {
  target: string;
  bytes: number;
  ms: number;
}

export class BackupError extends Error {}

function fsyncPath(file: string, flags: string): void {
  const fd = fs.openSync(file, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function backupSqlite(
  source: string,
  target: string,
  opts: { force?: boolean; now?: () => number } = {},
): BackupResult {
  const now = opts.now ?? (() => performance.now());
  const started = now();
  const to = path.resolve(target);
  if (!fs.existsSync(source)) throw new BackupError(`No database at ${source}.`);
  if (to === path.resolve(source))
    throw new BackupError(`${to} is the database itself: name a file elsewhere for the backup.`);
  if (fs.existsSync(to) && opts.force !== true)
    throw new BackupError(`${to} already exists: choose another name or add --force to replace it.`);
  const dir = path.dirname(to);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(to)}.partial-${String(process.pid)}`);
  fs.rmSync(tmp, { force: true });
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    db.prepare('VACUUM INTO ?').run(tmp);
    db.close();
    fsyncPath(tmp, 'r');
    fs.renameSync(tmp, to);
    fsyncPath(dir, 'r');
  } catch (err) {
    if (db.open) db.close();
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return { target: to, bytes: fs.statSync(to).size, ms: now() - started };
}
