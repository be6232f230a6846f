import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createAuditLog } from './platform/audit/audit.js';
import { loadAuditKeys } from './platform/audit/audit-keys.js';
import { createLoginThrottle } from './platform/auth/login-throttle.js';
import { createPasswordHasher } from './platform/auth/passwords.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { AppDeps } from './platform/deps.js';
import { createMailer } from './platform/mail/mailer.js';
import { inlineReads, startReadPool, type ReadRunner } from './reads/read-pool.js';
import { startWorker } from './platform/worker-entry.js';
import { raiseAlert } from './features/alerts/index.js';
import { linkMedicationsByName } from './features/medications/index.js';
import { setEmailOfAccount } from './features/patients/index.js';
import { pushRequester, queuePushFromEvent } from './features/push/index.js';

/** Wires the real parts together. Tests call this too, with their own clock and database. */
export function createDeps(config: Config, database: Database, clock: Clock = systemClock): AppDeps {
  const serverKeys = loadAuditKeys(config);
  return {
    config,
    database,
    clock,
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, clock }),
    audit: createAuditLog(database, clock, serverKeys),
    passwords: createPasswordHasher(config.argon2MemoryKib),
    loginThrottle: createLoginThrottle(database, clock, {
      perAccountAndClient: config.loginMaxFailures,
      perClient: config.loginClientMaxFailures,
      perAccount: config.loginAccountMaxFailures,
    }),
    reads: inlineReads(database),
    raiseAlert,
    linkMedicationsByName,
    setPatientEmail: setEmailOfAccount,
    requestPush: pushRequester(clock),
    onOutboxEvent: queuePushFromEvent,
    serverKeys,
  };
}

/**
 * `server`: the long-running server (main.ts), whose SQLite writer checkpoints the WAL on a thread of its own
 * (issue 19, db/checkpointer.ts); the command line and tests keep SQLite's own checkpoints.
 */
export async function openAndMigrate(
  config: Config,
  opts: { server?: boolean; onProblem?: (message: string, err?: unknown) => void } = {},
): Promise<Database> {
  const database = openDatabase(
    config,
    opts.server
      ? { checkpointsOffThread: { startWorker }, ...(opts.onProblem ? { onProblem: opts.onProblem } : {}) }
      : {},
  );
  await migrateToLatest(database);
  return database;
}

/**
 * The server's read workers (config.readWorkers; none for an in-memory database, which another thread
 * cannot open). Tests keep the inline runner createDeps gives.
 */
export async function startReads(
  config: Config,
  database: Database,
  onProblem: (message: string, err?: unknown) => void,
): Promise<ReadRunner> {
  if (config.readWorkers === 0 || (database.engine === 'sqlite' && config.sqlitePath === ':memory:'))
    return inlineReads(database);
  return startReadPool({
    size: config.readWorkers,
    database,
    data: { databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath },
    onProblem,
  });
}
