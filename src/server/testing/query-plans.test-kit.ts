import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { openSqlite, type Db } from '../db/database.js';
import { InlineLimitsPlugin } from '../db/inline-limits.js';
import { migrateToLatest } from '../db/migrate.js';
import type { DB } from '../db/schema.js';

/**
 * SQLite's query plan of what a repository function runs, on the real (migrated, empty) schema: `planOf` runs
 * the function against `db`, takes the last query it sent and asks SQLite how it would run it. The queries are
 * built as the app builds them (the same LIMIT plugin as `openSqlite`).
 */
export interface PlanProbe {
  db: Db;
  /** A read-only connection to the same file, for other questions about the schema. */
  raw: SQLite.Database;
  planOf(run: () => Promise<unknown>): Promise<string>;
  close(): Promise<void>;
}

export async function openPlanProbe(): Promise<PlanProbe> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duet-plans-'));
  const file = path.join(dir, 'duet.sqlite');
  const database = openSqlite(file);
  await migrateToLatest(database);
  const raw = new SQLite(file, { readonly: true });
  let captured: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: new SQLite(file, { readonly: true }) }),
    plugins: [new InlineLimitsPlugin()],
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  return {
    db,
    raw,
    async planOf(run) {
      captured = [];
      await run();
      const q = captured.at(-1);
      if (!q) throw new Error('no query ran');
      const rows = raw.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as {
        detail: string;
      }[];
      return rows.map((r) => r.detail).join(' | ');
    },
    async close() {
      await db.destroy();
      raw.close();
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
