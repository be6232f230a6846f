import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupSqlite } from './backup.js';
import { makeDuetDatabase, tempDir, verifyWithTestKeys } from './backup-fixture.test-kit.js';
import { RestoreRefused, restoreSqlite } from './restore.js';

const NOW = Date.UTC(2026, 11, 7, 6, 30);

async function setup(): Promise<{ dir: string; live: string; backup: string }> {
  const dir = tempDir('restore');
  const live = path.join(dir, 'data', 'duet.sqlite');
  fs.mkdirSync(path.dirname(live));
  await makeDuetDatabase(live, 5);
  const backup = path.join(dir, 'backup.sqlite');
  const source = path.join(dir, 'source.sqlite');
  await makeDuetDatabase(source, 12);
  backupSqlite(source, backup);
  return { dir, live, backup };
}

function auditCount(file: string): number {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.prepare('select count(*) as c from audit_events').get() as { c: number }).c;
  } finally {
    db.close();
  }
}

const restore = (backup: string, live: string) =>
  restoreSqlite(backup, live, { verifyAudit: verifyWithTestKeys, nowMs: NOW });

/** The live database and its directory as they were: nothing replaced, no copy left behind. */
function expectUntouched(live: string, before: string[]): void {
  expect(fs.readdirSync(path.dirname(live)).sort()).toEqual(before);
  expect(auditCount(live)).toBe(5);
}

describe('restoreSqlite', () => {
  it('keeps the current database as before-restore-<time> and moves the checked copy in', async () => {
    const { live, backup } = await setup();
    const result = await restore(backup, live);
    expect(result.keptAs).toBe(`${live}.before-restore-2026-12-07T06-30-00-000Z`);
    expect(auditCount(live)).toBe(12);
    expect(auditCount(result.keptAs ?? '')).toBe(5);
    expect(result.pendingMigrations).toBe(0);
    expect(fs.readdirSync(path.dirname(live)).sort()).toEqual([
      'duet.sqlite',
      'duet.sqlite.before-restore-2026-12-07T06-30-00-000Z',
    ]);
  });

  it('refuses a file that is not SQLite', async () => {
    const { dir, live } = await setup();
    const before = fs.readdirSync(path.dirname(live)).sort();
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'hello '.repeat(2000));
    await expect(restore(junk, live)).rejects.toThrow(/is not a SQLite database/);
    expectUntouched(live, before);
  });

  it('refuses a corrupted file (PRAGMA integrity_check)', async () => {
    const { live, backup } = await setup();
    const before = fs.readdirSync(path.dirname(live)).sort();
    // Overwrite pages in the middle of the file, keeping the header: SQLite opens it, the check fails.
    const bytes = fs.readFileSync(backup);
    bytes.fill(0x5a, 4096 * 3, 4096 * 8);
    fs.writeFileSync(backup, bytes);
    const err: unknown = await restore(backup, live).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RestoreRefused);
    expect((err as Error).message).toMatch(/integrity_check|not a SQLite database|malformed/);
    expectUntouched(live, before);
  });

  it('refuses a SQLite file that is not a Duet database', async () => {
    const { dir, live } = await setup();
    const before = fs.readdirSync(path.dirname(live)).sort();
    const other = path.join(dir, 'other.sqlite');
    const db = new SQLite(other);
    db.exec('create table notes (body text)');
    db.close();
    await expect(restore(other, live)).rejects.toThrow(/is not a Duet database/);
    expectUntouched(live, before);
  });

  it('refuses a schema newer than this code', async () => {
    const { live, backup } = await setup();
    const before = fs.readdirSync(path.dirname(live)).sort();
    const db = new SQLite(backup);
    db.prepare("insert into kysely_migration (name, timestamp) values ('999-from-the-future', 'x')").run();
    db.close();
    await expect(restore(backup, live)).rejects.toThrow(/newer schema .*999-from-the-future/);
    expectUntouched(live, before);
  });

  it('refuses a backup whose audit chain does not verify', async () => {
    const { live, backup } = await setup();
    const before = fs.readdirSync(path.dirname(live)).sort();
    const db = new SQLite(backup);
    for (const t of db.prepare("select name from sqlite_master where type = 'trigger'").all() as {
      name: string;
    }[])
      db.exec(`drop trigger "${t.name}"`);
    db.prepare("update audit_events set action = 'patient.erased' where seq = 3").run();
    db.close();
    await expect(restore(backup, live)).rejects.toThrow(/broken audit chain/);
    expectUntouched(live, before);
  });

  it('refuses while the server holds the database', async () => {
    const { live, backup } = await setup();
    const server = new SQLite(live);
    server.pragma('journal_mode = WAL');
    server.prepare('select count(*) from audit_events').get();
    try {
      await expect(restore(backup, live)).rejects.toThrow(/in use \(is the Duet server running\?\)/);
    } finally {
      server.close();
    }
    expect(auditCount(live)).toBe(5);
    expect(fs.readdirSync(path.dirname(live)).filter((f) => f.includes('restor'))).toEqual([]);
  });
});
