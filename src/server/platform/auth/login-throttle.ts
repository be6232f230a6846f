import type { Database } from '../../db/database.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { hashToken } from '../ids.js';
import * as repo from './login-throttle.repository.js';

/**
 * Login throttling per account and per IP address, kept in the database so every app instance sees it.
 * After `maxFailures` failures the key is locked; each further failure doubles the lock
 * (30 s, 60 s, 2 min … capped at 1 hour). Failures older than 15 minutes are forgotten.
 */
export interface LoginThrottle {
  assertAllowed(email: string, ip: string): Promise<void>;
  recordFailure(email: string, ip: string): Promise<void>;
  recordSuccess(email: string): Promise<void>;
}

const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 60 * 60_000;
const FORGET_AFTER_MS = 15 * 60_000;

// Keys hold hashes, not the email or IP themselves: the throttle table is not a log of who tried to sign in.
const accountKey = (email: string) => 'account:' + hashToken(email.toLowerCase());
const ipKey = (ip: string) => 'ip:' + hashToken(ip);

export function lockDuration(failures: number, maxFailures: number): number {
  if (failures < maxFailures) return 0;
  return Math.min(BASE_LOCK_MS * 2 ** (failures - maxFailures), MAX_LOCK_MS);
}

export function createLoginThrottle(database: Database, clock: Clock, maxFailures: number): LoginThrottle {
  return {
    async assertAllowed(email, ip) {
      const now = clock.now();
      const rows = await repo.findThrottles(database.db, [accountKey(email), ipKey(ip)]);
      const until = Math.max(0, ...rows.map((r) => r.locked_until));
      if (until > now) {
        const seconds = Math.ceil((until - now) / 1000);
        throw new AppError(
          'rate_limited',
          'Too many failed sign-in attempts. Try again later.',
          { retryAfterSeconds: seconds },
          {
            'retry-after': String(seconds),
          },
        );
      }
    },
    async recordFailure(email, ip) {
      const now = clock.now();
      await database.transaction(async (trx) => {
        const keys = [accountKey(email), ipKey(ip)];
        const rows = await repo.findThrottles(trx, keys);
        for (const key of keys) {
          const row = rows.find((r) => r.key === key);
          const stale = !row || (row.updated_at + FORGET_AFTER_MS < now && row.locked_until < now);
          const failures = (stale ? 0 : row.failures) + 1;
          const lock = lockDuration(failures, maxFailures);
          await repo.saveThrottle(trx, key, failures, lock ? now + lock : 0, now);
        }
      });
    },
    async recordSuccess(email) {
      await repo.clearThrottle(database.db, accountKey(email));
    },
  };
}
