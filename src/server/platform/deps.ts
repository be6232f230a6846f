import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { AuditLog } from './audit/audit.js';
import type { AuditKeyRing } from './audit/audit-keys.js';
import type { PasswordHasher } from './auth/passwords.js';
import type { LoginThrottle } from './auth/login-throttle.js';
import type { Clock } from './clock.js';
import type { Mailer } from './mail/mailer.js';
import type { ReadRunner } from './reads.js';
import type { Db } from '../db/database.js';
import type { AlertSpec } from '../../shared/alerts/alert.js';
import type { DomainEvent } from '../../shared/alerts/events.js';

/** Everything a service needs, passed explicitly (design §4): tests swap the clock, the rest is real. */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  mailer: Mailer;
  audit: AuditLog;
  passwords: PasswordHasher;
  loginThrottle: LoginThrottle;
  /** The server keys kept outside the database (the audit key ring); they also seal stored TOTP keys. */
  serverKeys: AuditKeyRing;
  /** Where the heaviest reads run: read worker threads in the server, the main thread in tests. */
  reads: ReadRunner;
  /**
   * Stores an alert an outbox rule asked for, in the delivery transaction. The outbox only delivers events;
   * the alerts feature does the raising and is wired in here by the composition root (bootstrap.ts, issue 18).
   */
  raiseAlert: AlertRaiser;
}

/** The alerts feature's `raiseAlert`, as the outbox worker calls it; resolves to the new alert's id or null. */
export type AlertRaiser = (
  trx: Db,
  deps: AppDeps,
  event: DomainEvent,
  spec: AlertSpec,
  key: string,
) => Promise<string | null>;
