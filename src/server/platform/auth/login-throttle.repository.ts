import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * Reserves one attempt on a throttle key in one statement (an upsert whose update only happens while the key
 * is not locked). Answers the attempt count after the reservation, or undefined when the key is locked.
 * Same SQL on SQLite (3.35+) and PostgreSQL: the conflicting row is locked and the WHERE is evaluated on its
 * latest committed version, so concurrent reservations for one key cannot both pass a lock.
 * A key untouched since `staleBefore` and not locked starts again at 1.
 */
export async function reserveAttempt(
  db: Db,
  key: string,
  now: number,
  staleBefore: number,
): Promise<number | undefined> {
  const row = await db
    .insertInto('login_throttle')
    .values({ key, failures: 1, locked_until: 0, updated_at: now })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          failures: sql<number>`case when login_throttle.updated_at < ${staleBefore} and login_throttle.locked_until <= ${now} then 1 else login_throttle.failures + 1 end`,
          updated_at: now,
        })
        .where('login_throttle.locked_until', '<=', now),
    )
    .returning('failures')
    .executeTakeFirst();
  return row?.failures;
}

export async function setLock(db: Db, key: string, lockedUntil: number): Promise<void> {
  await db.updateTable('login_throttle').set({ locked_until: lockedUntil }).where('key', '=', key).execute();
}

export async function findThrottle(db: Db, key: string) {
  return db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Gives one reserved attempt back (a successful one); lifts the lock when the count falls under the limit. */
export async function refundAttempt(db: Db, key: string, limit: number): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({
      failures: sql<number>`failures - 1`,
      locked_until: sql<number>`case when failures - 1 >= ${limit} then locked_until else 0 end`,
    })
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

/** Rows neither locked nor touched since `before` carry no information any more. */
export async function purgeStale(db: Db, before: number, now: number): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('updated_at', '<', before)
    .where('locked_until', '<=', now)
    .execute();
}
