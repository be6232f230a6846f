// How long the online backup takes on a large SQLite database while the server keeps writing (issue 19:
// "consistent online backup of a 200 MB database in < 10 s while 100 writes/s continue").
//
//   npx tsx bench/backup.ts [--mb 200] [--rate 100]
//
// Builds a fresh, migrated Duet database grown with filler rows to about --mb MB, starts a writer in a child
// process that commits --rate durable single-row transactions a second (WAL, synchronous=FULL, as the
// server), times `backupSqlite` (VACUUM INTO + fsync + rename) under those writes, counts the writes that
// landed during the backup, then restores the copy with every check (`restoreSqlite`) and compares rows.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { backupSqlite } from '../src/server/db/backup.js';
import { openSqlite } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { restoreSqlite } from '../src/server/db/restore.js';
import { keyRingFrom } from '../src/server/platform/audit/audit-keys.js';
import { verifyAuditChain } from '../src/server/platform/audit/audit.js';
import { benchArgs } from './args.js';

const { int } = benchArgs(process.argv.slice(2));
const mb = int('--mb', 200, 10_000);
const rate = int('--rate', 100, 10_000);

const WRITER = `
const SQLite = require('better-sqlite3');
const db = new SQLite(process.argv[1]);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 10000');
const insert = db.prepare('insert into bench_writes (at) values (?)');
const rate = Number(process.argv[2]);
const start = Date.now();
let done = 0;
setInterval(() => {
  const due = Math.floor(((Date.now() - start) * rate) / 1000);
  while (done < due) { insert.run(Date.now()); done++; }
}, 2);
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duet-backup-bench-'));
const live = path.join(dir, 'data', 'duet.sqlite');
try {
  const database = openSqlite(live);
  await migrateToLatest(database);
  await database.close();
  const raw = new SQLite(live);
  raw.pragma('journal_mode = WAL');
  raw.exec('create table bench_filler (id integer primary key, body blob not null)');
  raw.exec('create table bench_writes (id integer primary key, at integer not null)');
  const fill = raw.prepare('insert into bench_filler (body) values (randomblob(4000))');
  const batch = raw.transaction((n: number) => {
    for (let i = 0; i < n; i++) fill.run();
  });
  const fillStart = performance.now();
  // Each batch is checkpointed into the main file, so its size is the database's size.
  while (fs.statSync(live).size < mb * 1e6) {
    batch(5_000);
    raw.pragma('wal_checkpoint(TRUNCATE)');
  }
  const fillerRows = (raw.prepare('select count(*) as c from bench_filler').get() as { c: number }).c;
  raw.close();
  const size = fs.statSync(live).size;
  console.log(
    `Database: ${(size / 1e6).toFixed(0)} MB (${String(fillerRows)} filler rows) built in ` +
      `${((performance.now() - fillStart) / 1000).toFixed(1)} s.`,
  );

  const writer = spawn(process.execPath, ['-e', WRITER, live, String(rate)], { stdio: 'inherit' });
  await new Promise((r) => setTimeout(r, 3000)); // the writer reaches its pace
  const load = os.loadavg();
  const target = path.join(dir, 'backups', 'duet.sqlite');
  const wallStart = Date.now();
  const result = backupSqlite(live, target);
  const wallEnd = Date.now();
  await new Promise((r) => setTimeout(r, 1000));
  writer.kill();
  await new Promise((r) => writer.once('exit', r));

  const check = new SQLite(live, { readonly: true });
  const during = (
    check
      .prepare('select count(*) as c from bench_writes where at >= ? and at <= ?')
      .get(wallStart, wallEnd) as {
      c: number;
    }
  ).c;
  check.close();
  const seconds = result.ms / 1000;
  console.log(
    `Backup: ${(result.bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(2)} s; ${String(during)} writes committed ` +
      `meanwhile (${(during / Math.max(seconds, 0.001)).toFixed(0)}/s, target ${String(rate)}/s); load average ` +
      `${load.map((l) => l.toFixed(2)).join(' ')}.`,
  );

  const restored = path.join(dir, 'restored', 'duet.sqlite');
  const restoreStart = performance.now();
  const keys = keyRingFrom('bench-backup-key');
  await restoreSqlite(target, restored, {
    nowMs: wallEnd,
    verifyAudit: async (db) => {
      const report = await verifyAuditChain(db, keys, null);
      return report.ok ? { ok: true } : { ok: false, reason: report.reason };
    },
  });
  const copy = new SQLite(restored, { readonly: true });
  const restoredRows = (copy.prepare('select count(*) as c from bench_filler').get() as { c: number }).c;
  copy.close();
  console.log(
    `Restore with checks: ${((performance.now() - restoreStart) / 1000).toFixed(2)} s; filler rows ` +
      `${String(restoredRows)} of ${String(fillerRows)}${restoredRows === fillerRows ? ' (match)' : ' (MISMATCH)'}.`,
  );
  if (restoredRows !== fillerRows) process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
