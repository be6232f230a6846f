import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createAuditLog } from './platform/audit/audit.js';
import { createLoginThrottle } from './platform/auth/login-throttle.js';
import { createPasswordHasher } from './platform/auth/passwords.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { AppDeps } from './platform/deps.js';
import { createMailer } from './platform/mail/mailer.js';

/** Wires the real parts together. Tests call this too, with their own clock and database. */
export function createDeps(config: Config, database: Database, clock: Clock = systemClock): AppDeps {
  return {
    config,
    database,
    clock,
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, clock }),
    audit: createAuditLog(database, clock),
    passwords: createPasswordHasher(config.argon2MemoryKib),
    loginThrottle: createLoginThrottle(database, clock, config.loginMaxFailures),
  };
}

export async function openAndMigrate(config: Config): Promise<Database> {
  const database = openDatabase(config);
  await migrateToLatest(database);
  return database;
}
