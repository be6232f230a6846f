import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSqlite, type Database, type Db } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { DB } from '../../db/schema.js';
import { accessEventRows } from './documents.repository.js';

// Issue 19 (migration 051): a patient's audit events have one per-patient index, (clinic_id, patient_id, at).
// The documents' access trail reads them in chain order by sorting the patient's rows (`seq + 0`), never by
// walking the clinic's whole chain on its primary key (clinic_id, seq). SQLite's plan, on the real schema.

let database: Database;
let raw: SQLite.Database;
let captured: { sql: string; parameters: readonly unknown[] }[];
let db: Db;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duet-plans-'));
  const file = path.join(dir, 'duet.sqlite');
  database = openSqlite(file);
  await migrateToLatest(database);
  raw = new SQLite(file, { readonly: true });
  captured = [];
  db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: new SQLite(file, { readonly: true }) }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
});

afterAll(async () => {
  await db.destroy();
  raw.close();
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function planOf(run: () => Promise<unknown>): Promise<string> {
  captured = [];
  await run();
  const q = captured.at(-1);
  if (!q) throw new Error('no query ran');
  const rows = raw.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as {
    detail: string;
  }[];
  return rows.map((r) => r.detail).join(' | ');
}

it("the documents' access trail reads the patient's events through (clinic_id, patient_id, at)", async () => {
  const plan = await planOf(() => accessEventRows(db, 'c1', 'p1', 'u9'));
  expect(plan).toContain('audit_events_patient_at (clinic_id=? AND patient_id=?)');
  expect(plan).not.toMatch(/sqlite_autoindex_audit_events_\d \(clinic_id=\?\)|SCAN a\b/);
});
