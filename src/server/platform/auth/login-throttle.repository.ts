import type { Db } from '../../db/database.js';

export async function findThrottles(db: Db, keys: string[]) {
  return db.selectFrom('login_throttle').selectAll().where('key', 'in', keys).execute();
}

export async function saveThrottle(
  db: Db,
  key: string,
  failures: number,
  lockedUntil: number,
  now: number,
): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values({ key, failures, locked_until: lockedUntil, updated_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ failures, locked_until: lockedUntil, updated_at: now }),
    )
    .execute();
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
