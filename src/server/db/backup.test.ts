import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupError, backupSqlite } from './backup.js';
import { makeDuetDatabase, tempDir, verifyWithTestKeys } from './backup-fixture.test-kit.js';
import { restoreSqlite } from './restore.js';

// A writer in another process: one row into each probe table per transaction, as fast as it can, until killed.
const WRITER = `
const SQLite = require('better-sqlite3');
const db = new SQLite(process.argv[1]);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 10000');
const a = db.prepare('insert into backup_probe_a (n) values (?)');
const b = db.prepare('insert into backup_probe_b (n) values (?)');
const both = db.transaction((n) => { a.run(n); b.run(n); });
let n = 0;
const tick = () => { for (let i = 0; i < 20; i++) both(++n); if (n === 200) process.stdout.write('ready\\n'); setImmediate(tick); };
tick();
`;

let writer: ChildProcess | null = null;
afterEach(() => {
  writer?.kill();
  writer = null;
});

function count(file: string, table: string): number {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.prepare(`select count(*) as c from ${table}`).get() as { c: number }).c;
  } finally {
    db.close();
  }
}

describe('backupSqlite (VACUUM INTO, then an atomic rename)', () => {
  it('copies a consistent snapshot while another process keeps writing, and the copy restores', async () => {
    const dir = tempDir('backup');
    const live = path.join(dir, 'data', 'duet.sqlite');
    fs.mkdirSync(path.dirname(live));
    await makeDuetDatabase(live);
    const proc = spawn(process.execPath, ['-e', WRITER, live], { cwd: process.cwd() });
    writer = proc;
    await new Promise<void>((resolve, reject) => {
      proc.stdout.on('data', () => {
        resolve();
      });
      proc.on('exit', (code) => {
        reject(new Error(`writer exited ${String(code)}`));
      });
    });

    const target = path.join(dir, 'backups', 'duet-1.sqlite');
    const result = backupSqlite(live, target);
    const inCopyA = count(target, 'backup_probe_a');
    // The writer went on during and after the backup.
    await new Promise((r) => setTimeout(r, 100));
    proc.kill();
    writer = null;

    expect(result.target).toBe(target);
    expect(result.bytes).toBe(fs.statSync(target).size);
    expect(inCopyA).toBeGreaterThanOrEqual(200);
    // One point in time: both tables end after the same transaction.
    expect(count(target, 'backup_probe_b')).toBe(inCopyA);
    expect(count(live, 'backup_probe_a')).toBeGreaterThan(inCopyA);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['duet-1.sqlite']);

    const restoredLive = path.join(dir, 'restored', 'duet.sqlite');
    const restored = await restoreSqlite(target, restoredLive, { verifyAudit: verifyWithTestKeys, nowMs: 0 });
    expect(restored.keptAs).toBeNull();
    expect(count(restoredLive, 'backup_probe_a')).toBe(inCopyA);
    expect(count(restoredLive, 'audit_events')).toBe(20);
  });

  it('refuses to overwrite an existing backup unless forced', async () => {
    const dir = tempDir('backup');
    const live = path.join(dir, 'duet.sqlite');
    await makeDuetDatabase(live);
    const target = path.join(dir, 'copy.sqlite');
    fs.writeFileSync(target, 'an older backup');
    expect(() => backupSqlite(live, target)).toThrow(BackupError);
    expect(fs.readFileSync(target, 'utf8')).toBe('an older backup');
    backupSqlite(live, target, { force: true });
    expect(count(target, 'audit_events')).toBe(20);
    // Not even forced onto the database itself.
    expect(() => backupSqlite(live, live, { force: true })).toThrow(/is the database itself/);
    expect(count(live, 'audit_events')).toBe(20);
  });

  it('removes the whole temp copy when the last step (the rename onto the target) fails', async () => {
    const dir = tempDir('backup');
    const live = path.join(dir, 'duet.sqlite');
    await makeDuetDatabase(live);
    const out = path.join(dir, 'out');
    // The target name is taken by a non-empty directory: VACUUM INTO completes, the rename cannot.
    fs.mkdirSync(path.join(out, 'copy.sqlite'), { recursive: true });
    fs.writeFileSync(path.join(out, 'copy.sqlite', 'keep'), 'x');
    expect(() => backupSqlite(live, path.join(out, 'copy.sqlite'), { force: true })).toThrow();
    expect(fs.readdirSync(out)).toEqual(['copy.sqlite']);
    expect(fs.readdirSync(path.join(out, 'copy.sqlite'))).toEqual(['keep']);
  });

  it('leaves nothing in the target directory when VACUUM INTO itself fails', () => {
    const dir = tempDir('backup');
    const live = path.join(dir, 'duet.sqlite');
    fs.writeFileSync(live, 'not a database '.repeat(1000));
    const target = path.join(dir, 'out', 'copy.sqlite');
    expect(() => backupSqlite(live, target)).toThrow(/not a database/);
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);
  });
});
