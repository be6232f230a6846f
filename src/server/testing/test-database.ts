import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { testDatabaseUrl } from '../config.js';
import { openPostgres, openSqlite, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { newSecretToken } from '../platform/ids.js';

export interface TestDatabase {
  database: Database;
  /** The URL or file this database lives at, for a second app instance or a child process. */
  location: { databaseUrl: string | null; sqlitePath: string };
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database per test file: a temp SQLite file, or — when DUET_TEST_DATABASE_URL is a
 * postgres URL — a new database created on that server and dropped afterwards.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duet-test-'));
    const sqlitePath = path.join(dir, 'duet.sqlite');
    const database = openSqlite(sqlitePath);
    await migrateToLatest(database);
    return {
      database,
      location: { databaseUrl: null, sqlitePath },
      async drop() {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name =
    'duet_t_' +
    newSecretToken()
      .replace(/[^a-z0-9]/gi, '')
      .slice(0, 16)
      .toLowerCase();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = '/' + name;
  const database = openPostgres(dbUrl.toString(), 5);
  await migrateToLatest(database);
  return {
    database,
    location: { databaseUrl: dbUrl.toString(), sqlitePath: '' },
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      c.on('error', () => undefined);
      await c.connect();
      // Without FORCE: the pool above has ended, and a backend that is still closing just needs a moment.
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(`drop database if exists ${name}`);
          break;
        } catch (err) {
          if (attempt >= 50) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await c.end();
    },
  };
}
