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

// Migrating takes ~130 ms on SQLite and ~230 ms on PostgreSQL per database (43 migrations), paid by every
// test file (issue 18: CI under 8 minutes). Each test process migrates one template once and copies it: a
// file copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL (the same copy PostgreSQL makes of
// template1 for a plain CREATE DATABASE). The copies are what a fresh migration gives: the template is never
// written after its migration.
let sqliteTemplatePath: Promise<string> | null = null;
let postgresTemplateName: Promise<string> | null = null;

function sqliteTemplate(): Promise<string> {
  sqliteTemplatePath ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duet-test-template-'));
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'duet.sqlite');
    const database = openSqlite(file);
    await migrateToLatest(database);
    // Closing checkpoints the write-ahead log into the file, so the file alone is the whole database.
    await database.close();
    return file;
  })();
  return sqliteTemplatePath;
}

function postgresTemplate(url: string): Promise<string> {
  postgresTemplateName ??= (async () => {
    const name = 'duet_tpl_' + randomDatabaseSuffix();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const templateUrl = new URL(url);
    templateUrl.pathname = '/' + name;
    const database = openPostgres(templateUrl.toString(), 1);
    await migrateToLatest(database);
    // A template database must have no open connection while it is copied.
    await database.close();
    // Dropped after the run by the vitest global setup (drop-test-templates.ts).
    return name;
  })();
  return postgresTemplateName;
}

const randomDatabaseSuffix = () =>
  newSecretToken()
    .replace(/[^a-z0-9]/gi, '')
    .slice(0, 16)
    .toLowerCase();

/**
 * A fresh, migrated database per test file: a temp SQLite file, or — when DUET_TEST_DATABASE_URL is a
 * postgres URL — a new database created on that server and dropped afterwards.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duet-test-'));
    const sqlitePath = path.join(dir, 'duet.sqlite');
    fs.copyFileSync(await sqliteTemplate(), sqlitePath);
    const database = openSqlite(sqlitePath);
    // A no-op on the migrated copy; kept so a database is never handed out unmigrated.
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
  const name = 'duet_t_' + randomDatabaseSuffix();
  const template = await postgresTemplate(url);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
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
