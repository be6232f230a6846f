import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { AuditLog } from './audit/audit.js';
import type { PasswordHasher } from './auth/passwords.js';
import type { LoginThrottle } from './auth/login-throttle.js';
import type { Clock } from './clock.js';
import type { Mailer } from './mail/mailer.js';
import type { ReadRunner } from '../reads/read-pool.js';

/** Everything a service needs, passed explicitly (design §4): tests swap the clock, the rest is real. */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  mailer: Mailer;
  audit: AuditLog;
  passwords: PasswordHasher;
  loginThrottle: LoginThrottle;
  /** Where the heaviest reads run: read worker threads in the server, the main thread in tests. */
  reads: ReadRunner;
}
