import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { FakeClock } from '../platform/clock.js';
import { keyRingFrom } from '../platform/audit/audit-keys.js';
import { createAuditLog, verifyAuditChain } from '../platform/audit/audit.js';
import { openSqlite, type Db } from './database.js';
import { migrateToLatest } from './migrate.js';
import type { AuditCheck } from './restore.js';

/** A real Duet SQLite database in a temp dir, with an audit chain, for the backup and restore tests. */
export const BACKUP_TEST_KEYS = keyRingFrom('backup-test-audit-key-not-secret');

export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `duet-${name}-`));
}

export async function makeDuetDatabase(file: string, auditEvents = 20): Promise<void> {
  const database = openSqlite(file);
  try {
    await migrateToLatest(database);
    const audit = createAuditLog(database, new FakeClock(Date.UTC(2026, 11, 7)), BACKUP_TEST_KEYS);
    await database.transaction(async (trx) => {
      for (let i = 0; i < auditEvents; i++)
        await audit.record(trx, 'clinic-backup', null, {
          action: 'patient.read',
          resourceType: 'patient',
          resourceId: `patient-${String(i)}`,
          patientId: `patient-${String(i)}`,
          outcome: 'allowed',
        });
    });
    // Two probe tables a writer fills in step (one row in each per transaction): a consistent copy has
    // as many rows in one as in the other.
    await sql`create table backup_probe_a (n integer not null)`.execute(database.db);
    await sql`create table backup_probe_b (n integer not null)`.execute(database.db);
  } finally {
    await database.close();
  }
}

export const verifyWithTestKeys: AuditCheck = async (db: Db) => {
  const report = await verifyAuditChain(db, BACKUP_TEST_KEYS, null);
  return report.ok ? { ok: true } : { ok: false, reason: `event #${String(report.seq)}: ${report.reason}` };
};
