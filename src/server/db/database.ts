import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { createRequire } from 'node:module';
import type pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { DB } from './schema.js';
import { InlineLimitsPlugin } from './inline-limits.js';
import { preparedStatementsClient } from './pg-prepared.js';
import { startWalCheckpoints, type WalCheckpointOptions, type WalCheckpoints } from './checkpointer.js';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;

export interface Database {
  engine: Engine;
  db: Db;
  /** Runs fn in one transaction; on SQLite a write (IMMEDIATE) transaction so a second process waits, never fails mid-way. */
  transaction<T>(fn: (trx: Db) => Promise<T>): Promise<T>;
  /**
   * Runs fn, which only reads, without taking the write lock (issue 19: audited reads): on SQLite in one
   * deferred transaction (one snapshot, no commit to flush); on PostgreSQL straight on the pool (read
   * committed, as a transaction there would be).
   */
  read<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /**
   * A write transaction that resolves once it is durable, with the disk flush off the main thread where the
   * engine allows (issue 19: the shared commit of audited reads). SQLite: committed with
   * `synchronous=NORMAL` (no fsync in line, which would stop the event loop), then the WAL file is flushed
   * with fdatasync on a libuv thread before this resolves; every other transaction stays `synchronous=FULL`.
   * PostgreSQL: a transaction (its server flushes the commit; the pool never blocks the event loop).
   */
  durableTransaction<T>(fn: (trx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The PostgreSQL driver, loaded when a PostgreSQL database is opened (issue 19, start: an embedded server
 * never loads it; importing it probes the runtime through the global `Response`, which loads Node's fetch).
 */
let pgModule: typeof pg | undefined;
function loadPg(): typeof pg {
  if (!pgModule) {
    pgModule = createRequire(import.meta.url)('pg') as typeof pg;
    // PostgreSQL returns bigint (int8) as string; our instants are epoch ms, well inside 2^53.
    pgModule.types.setTypeParser(pgModule.types.builtins.INT8, (v) => Number(v));
  }
  return pgModule;
}

/**
 * Kysely's SQLite driver prepares every query anew; compiling the SQL is a real part of a short query's cost.
 * Keep the most recently used statements by their SQL text (a statement is reusable once a query has run;
 * one still being iterated is never handed out again, a fresh one is prepared instead).
 *
 * `afterCommit` (the WAL checkpoints off the main thread, db/checkpointer.ts): called after every statement
 * that may have ended in a commit, a write or a COMMIT run outside a transaction (autocommit); Kysely uses
 * `reader`, `all`, `run` and `iterate` of what `prepare` returns.
 */
function withStatementCache(raw: SQLite.Database, size = 500, afterCommit?: () => void) {
  const cache = new Map<string, SQLite.Statement>();
  const watched = new WeakMap<SQLite.Statement, SQLite.Statement>();
  const watch = (text: string, statement: SQLite.Statement): SQLite.Statement => {
    if (!afterCommit) return statement;
    let wrapper = watched.get(statement);
    if (!wrapper && statement.readonly && !/^\s*(commit|end)\b/i.test(text)) {
      wrapper = statement; // a read: never a commit
      watched.set(statement, wrapper);
    }
    if (!wrapper) {
      const after = () => {
        if (!raw.inTransaction) afterCommit();
      };
      const reader = statement.reader;
      const runs = {
        reader,
        all: (...params: unknown[]) => {
          try {
            return statement.all(...params);
          } finally {
            after();
          }
        },
        run: (...params: unknown[]) => {
          try {
            return statement.run(...params);
          } finally {
            after();
          }
        },
        iterate: (...params: unknown[]) => statement.iterate(...params),
      };
      wrapper = runs as unknown as SQLite.Statement;
      watched.set(statement, wrapper);
    }
    return wrapper;
  };
  return {
    close: () => raw.close(),
    prepare(text: string): SQLite.Statement {
      const hit = cache.get(text);
      if (hit && !hit.busy) {
        cache.delete(text); // re-inserted below: the Map's order is the recency order
        cache.set(text, hit);
        return watch(text, hit);
      }
      const statement = raw.prepare(text);
      if (!hit) {
        cache.set(text, statement);
        if (cache.size > size) cache.delete(cache.keys().next().value ?? '');
      }
      return watch(text, statement);
    },
  };
}

export interface SqliteOptions {
  readonly?: boolean;
  /**
   * The server's writing connection (issue 19): WAL checkpoints on a thread of their own instead of inside
   * the main thread's COMMITs (db/checkpointer.ts). Off by default: tests, the command line and `:memory:`
   * keep SQLite's own auto-checkpoint.
   */
  checkpointsOffThread?: WalCheckpointOptions;
  onProblem?: (message: string, err?: unknown) => void;
}

export function openSqlite(
  file: string,
  opts: SqliteOptions = {},
): Database & { checkpoints: WalCheckpoints | null } {
  const readonly = opts.readonly === true;
  if (file !== ':memory:' && !readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new SQLite(file, readonly ? { readonly: true, fileMustExist: true } : {});
  // WAL for concurrent readers, FULL so a commit survives power loss, FKs on, wait for the other writer.
  // (A read-only connection inherits WAL from the file.)
  if (!readonly) raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 10000');
  const offThread = opts.checkpointsOffThread;
  const checkpoints =
    offThread && !readonly && file !== ':memory:'
      ? startWalCheckpoints(raw, file, {
          ...offThread,
          ...(opts.onProblem ? { onProblem: opts.onProblem } : {}),
        })
      : null;
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({
      database: withStatementCache(raw, 500, checkpoints ? () => checkpoints.afterCommit() : undefined),
    }),
    plugins: [new InlineLimitsPlugin()],
  });
  // Statements run around every read and every shared audit commit: built once (issue 19).
  const begin = CompiledQuery.raw('begin');
  const beginImmediate = CompiledQuery.raw('begin immediate');
  const commit = CompiledQuery.raw('commit');
  let syncStatements: { normal: SQLite.Statement; full: SQLite.Statement } | null = null;
  const synchronous = (level: 'normal' | 'full') => {
    syncStatements ??= {
      normal: raw.prepare('pragma synchronous = NORMAL'),
      full: raw.prepare('pragma synchronous = FULL'),
    };
    syncStatements[level].run();
  };
  const inTransaction = <T>(conn: Db, fn: (trx: Db) => Promise<T>) =>
    (async () => {
      // A reader takes a snapshot at its first read (deferred); a writer takes the write lock at once.
      await conn.executeQuery(readonly ? begin : beginImmediate);
      try {
        const result = await fn(conn);
        await conn.executeQuery(commit);
        return result;
      } catch (err) {
        if (raw.inTransaction) await sql`rollback`.execute(conn);
        throw err;
      }
    })();
  // The WAL file, opened once for flushing it from a libuv thread (fdatasync flushes the file, whatever fd).
  let walFd: Promise<number> | null = null;
  const flushWal = async (): Promise<void> => {
    if (file === ':memory:') return;
    walFd ??= new Promise<number>((resolve, reject) => {
      fs.open(`${file}-wal`, 'r+', (err, fd) => (err ? reject(err) : resolve(fd)));
    });
    const fd = await walFd;
    await new Promise<void>((resolve, reject) => {
      fs.fdatasync(fd, (err) => (err ? reject(err) : resolve()));
    });
  };
  return {
    engine: 'sqlite',
    db,
    checkpoints,
    transaction(fn) {
      return db.connection().execute((conn) => inTransaction(conn, fn));
    },
    async durableTransaction(fn) {
      const result = await db.connection().execute(async (conn) => {
        synchronous('normal');
        try {
          return await inTransaction(conn, fn);
        } finally {
          synchronous('full');
        }
      });
      // Committed to the WAL; durable once the WAL is on disk. The answer waits for this, the event loop not.
      await flushWal();
      return result;
    },
    read(fn) {
      return db.connection().execute(async (conn) => {
        await conn.executeQuery(begin);
        try {
          return await fn(conn);
        } finally {
          if (raw.inTransaction) await conn.executeQuery(commit);
        }
      });
    },
    async close() {
      if (checkpoints) {
        // The thread stops; the last checkpoint runs here and leaves the WAL empty (TRUNCATE waits for readers).
        await checkpoints.stop();
        raw.pragma('wal_checkpoint(TRUNCATE)');
      }
      await db.destroy();
      if (walFd) fs.closeSync(await walFd);
    },
  };
}

export function openPostgres(url: string, poolSize = 10, opts: { readonly?: boolean } = {}): Database {
  const driver = loadPg();
  const pool = new driver.Pool({
    connectionString: url,
    // Registered hot texts run as named prepared statements (pg-prepared.ts, issue 19).
    Client: preparedStatementsClient(driver),
    max: poolSize,
    // A read worker's connections refuse writes at the server, whatever a job tries.
    ...(opts.readonly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  // An idle connection dropped by the server (restart, failover) must not crash the app: the pool
  // discards it and opens a new one for the next query.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    db,
    transaction: (fn) => db.transaction().execute(fn),
    durableTransaction: (fn) => db.transaction().execute(fn),
    read: (fn) => fn(db),
    async close() {
      await db.destroy();
    },
  };
}

export function openDatabase(
  opts: { databaseUrl: string | null; sqlitePath: string },
  sqlite: Pick<SqliteOptions, 'checkpointsOffThread' | 'onProblem'> = {},
): Database {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openSqlite(opts.sqlitePath, sqlite);
}

/** A second, read-only way into the same database (a read worker's own connection). */
export function openReadOnlyDatabase(opts: { databaseUrl: string | null; sqlitePath: string }): Database {
  return opts.databaseUrl
    ? openPostgres(opts.databaseUrl, 2, { readonly: true })
    : openSqlite(opts.sqlitePath, { readonly: true });
}
