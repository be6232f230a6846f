import type { Database } from '../../db/database.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { hashToken } from '../ids.js';
import * as repo from './login-throttle.repository.js';

/**
 * Sign-in throttling (docs/security.md "Sign-in throttling"), kept in the database so every app instance sees it.
 *
 * Every attempt RESERVES a slot on three keys before the password is checked (one transaction, one
 * conditional upsert per key), so a burst of concurrent guesses checks at most the limit; the rest get 429:
 * - account + client: `perAccountAndClient` failures, then locked 30 s, 60 s, 2 min … up to 1 hour;
 * - client across accounts: `perClient` (high: a clinic NAT is one client), then locked the same way;
 * - account from anywhere: `perAccount`, then every further attempt waits a progressive delay
 *   (30 s, 60 s … at most 5 minutes): it slows a distributed attack but never locks the owner out for long.
 * A successful attempt clears its account + client key and gives its slot back on the other two.
 * Keys untouched for 15 minutes and not locked start again.
 */
export interface LoginThrottle {
  /**
   * Reserves one attempt, or throws rate_limited (429, Retry-After) when any key is locked. `accountUnderAttack`
   * is true for the one attempt that brings the account to its account-wide limit (the owner is told).
   */
  reserve(
    email: string,
    client: string,
    options?: ReserveOptions,
  ): Promise<{ accountUnderAttack: boolean; accountDelayPassed?: boolean }>;
  /** The reserved attempt was right: forgive this client's failures on the account, give the slots back. */
  recordSuccess(email: string, client: string, options?: { accountDelayPassed?: boolean }): Promise<void>;
  /** Forgets rows that carry no lock and no recent attempt. */
  purge(): Promise<void>;
}

export interface ReserveOptions {
  /**
   * Issue 13: the owner passes the account-wide delay (from a known device, or because a second factor must
   * follow the password). The per account + client and per client limits still apply.
   */
  ownerMayPass?: boolean;
}

export interface ThrottleLimits {
  perAccountAndClient: number;
  perClient: number;
  perAccount: number;
}

const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 60 * 60_000;
const MAX_ACCOUNT_DELAY_MS = 5 * 60_000;
const FORGET_AFTER_MS = 15 * 60_000;

// Keys hold hashes, not the email or address themselves: the throttle table is not a log of who tried to sign in.
const accountKey = (email: string) => 'account:' + hashToken(email.toLowerCase());
const clientKey = (client: string) => 'ip:' + hashToken(client);
const pairKey = (email: string, client: string) => 'pair:' + hashToken(email.toLowerCase() + '\n' + client);

export function lockDuration(failures: number, maxFailures: number, maxLockMs = MAX_LOCK_MS): number {
  if (failures < maxFailures) return 0;
  return Math.min(BASE_LOCK_MS * 2 ** (failures - maxFailures), maxLockMs);
}

interface Rule {
  key: string;
  limit: number;
  maxLockMs: number;
}

function rulesFor(email: string, client: string, limits: ThrottleLimits): Rule[] {
  const rules: Rule[] = [
    { key: pairKey(email, client), limit: limits.perAccountAndClient, maxLockMs: MAX_LOCK_MS },
    { key: clientKey(client), limit: limits.perClient, maxLockMs: MAX_LOCK_MS },
    { key: accountKey(email), limit: limits.perAccount, maxLockMs: MAX_ACCOUNT_DELAY_MS },
  ];
  // One order everywhere, so two transactions never wait on each other's rows (PostgreSQL deadlock).
  return rules.sort((a, b) => (a.key < b.key ? -1 : 1));
}

const limited = (seconds: number) =>
  new AppError(
    'rate_limited',
    'Too many failed sign-in attempts. Try again later.',
    { retryAfterSeconds: seconds },
    { 'retry-after': String(seconds) },
  );

export function createLoginThrottle(database: Database, clock: Clock, limits: ThrottleLimits): LoginThrottle {
  return {
    async reserve(email, client, options = {}) {
      const now = clock.now();
      const account = accountKey(email);
      return database.transaction(async (trx) => {
        let accountUnderAttack = false;
        let accountDelayPassed = false;
        for (const rule of rulesFor(email, client, limits)) {
          const attempts = await repo.reserveAttempt(trx, rule.key, now, now - FORGET_AFTER_MS);
          if (attempts === undefined && rule.key === account && options.ownerMayPass) {
            accountDelayPassed = true;
            continue;
          }
          if (attempts === undefined) {
            // Locked: throwing rolls back the slots this attempt already took on the other keys.
            const row = await repo.findThrottle(trx, rule.key);
            throw limited(Math.max(1, Math.ceil(((row?.locked_until ?? now) - now) / 1000)));
          }
          const lock = lockDuration(attempts, rule.limit, rule.maxLockMs);
          if (lock > 0) await repo.setLock(trx, rule.key, now + lock);
          if (rule.key === account && attempts === rule.limit) accountUnderAttack = true;
        }
        return { accountUnderAttack, ...(accountDelayPassed ? { accountDelayPassed } : {}) };
      });
    },
    async recordSuccess(email, client, options = {}) {
      const pair = pairKey(email, client);
      const account = accountKey(email);
      await database.transaction(async (trx) => {
        // The same key order as reserve(), so the two never deadlock on PostgreSQL.
        for (const rule of rulesFor(email, client, limits)) {
          if (rule.key === pair) await repo.clearThrottle(trx, rule.key);
          // An attempt that passed the account-wide delay took no slot there: nothing to give back.
          else if (rule.key === account && options.accountDelayPassed) continue;
          else await repo.refundAttempt(trx, rule.key, rule.limit);
        }
      });
    },
    async purge() {
      const now = clock.now();
      await repo.purgeStale(database.db, now - FORGET_AFTER_MS, now);
    },
  };
}
