// The two database engines the benchmark runs on: SQLite in a temp DATA_DIR, and PostgreSQL either in a
// throwaway cluster (scripts/pg-throwaway.mjs) or, with BENCH_DATABASE_URL, in a fresh database created on
// that server and dropped afterwards. Each is filled with the synthetic clinic before the server starts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config.js';
import { createDeps, openAndMigrate } from '../src/server/bootstrap.js';
import { verifyAuditChain } from '../src/server/platform/audit/audit.js';
import { loadAuditKeys } from '../src/server/platform/audit/audit-keys.js';
import { openDatabase } from '../src/server/db/database.js';
import { BENCH_PASSWORD, generateClinic, type GeneratedClinic } from './generate-clinic.js';
import { onExit } from './processes.js';

export type EngineName = 'sqlite' | 'postgres';

export interface PreparedEngine {
  engine: EngineName;
  /** What the server process gets: DATA_DIR always, DATABASE_URL for PostgreSQL. */
  serverEnv: { DATA_DIR: string; DATABASE_URL?: string };
  clinic: GeneratedClinic;
  version: string;
  /** Checks the audit chain the server extended under load; returns how many events it holds. */
  verifyAudit(): Promise<number>;
  teardown(): Promise<void>;
}

interface Throwaway {
  url: string;
  /** The same cluster through its Unix socket. */
  socketUrl: string;
  stop(): Promise<void>;
  stopSync(): void;
}

async function startThrowaway(log: (line: string) => void, durable: boolean): Promise<Throwaway> {
  // A plain .mjs without type declarations: import it by URL and describe the one function used.
  const href = new URL('../scripts/pg-throwaway.mjs', import.meta.url).href;
  const mod = (await import(href)) as {
    startThrowawayPostgres(opts: { log: (l: string) => void; durable?: boolean }): Promise<Throwaway>;
  };
  return mod.startThrowawayPostgres({ log, durable });
}

/** A fresh database on a server we do not own (BENCH_DATABASE_URL), dropped on teardown. */
async function freshDatabaseOn(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = 'duet_bench_' + randomBytes(6).toString('hex');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = '/' + name;
  return {
    url: dbUrl.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function prepareEngine(
  engine: EngineName,
  opts: {
    patients: number;
    benchDatabaseUrl: string | null;
    log: (line: string) => void;
    /** The throwaway cluster with fsync and synchronous_commit on (default), like a real server. */
    pgFsync?: boolean;
    /** The server reaches the throwaway cluster through its Unix socket instead of TCP on 127.0.0.1. */
    pgSocket?: boolean;
  },
): Promise<PreparedEngine> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `duet-bench-${engine}-`));
  const removeDir = onExit(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const stops: (() => Promise<void>)[] = [];
  let databaseUrl: string | null = null;
  try {
    if (engine === 'postgres') {
      if (opts.benchDatabaseUrl) {
        const fresh = await freshDatabaseOn(opts.benchDatabaseUrl);
        databaseUrl = fresh.url;
        stops.push(() => fresh.drop());
      } else {
        const cluster = await startThrowaway(opts.log, opts.pgFsync ?? true);
        const removeCluster = onExit(() => cluster.stopSync());
        databaseUrl = opts.pgSocket ? cluster.socketUrl : cluster.url;
        stops.push(async () => {
          await cluster.stop();
          removeCluster();
        });
      }
    }
    const config = loadConfig({
      DATA_DIR: dataDir,
      DUET_DEMO: '0',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    });
    const database = await openAndMigrate(config);
    let clinic: GeneratedClinic;
    let version: string;
    try {
      const deps = createDeps(config, database);
      // One argon2 hash, reused for every account: hashing thousands would take minutes by design.
      const hash = await deps.passwords.hash(BENCH_PASSWORD);
      clinic = await generateClinic(database, hash, { patients: opts.patients, log: opts.log });
      const row =
        engine === 'sqlite'
          ? await sql<{ v: string }>`select 'SQLite ' || sqlite_version() as v`.execute(database.db)
          : await sql<{ v: string }>`select version() as v`.execute(database.db);
      version = row.rows[0]?.v ?? engine;
    } finally {
      await database.close();
    }
    return {
      engine,
      serverEnv: { DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
      clinic,
      version,
      async verifyAudit() {
        const db = openDatabase(config);
        try {
          const report = await verifyAuditChain(db.db, loadAuditKeys(config));
          if (!report.ok)
            throw new Error(`${engine}: audit chain broken at seq ${String(report.seq)}: ${report.reason}`);
          return report.events;
        } finally {
          await db.close();
        }
      },
      async teardown() {
        for (const stop of stops.reverse()) await stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
        removeDir();
      },
    };
  } catch (err) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw err;
  }
}
