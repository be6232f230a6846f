import type { Db } from '../../db/database.js';
import type { PasswordResetTable } from '../../db/schema-account-recovery.js';

export async function insertPasswordReset(db: Db, row: PasswordResetTable): Promise<void> {
  await db.insertInto('password_resets').values(row).execute();
}

/** Kills every open reset link of the account (a new one is issued, or the password was just changed). */
export async function revokeOpenPasswordResets(db: Db, userId: string, now: number): Promise<void> {
  await db
    .updateTable('password_resets')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function findPasswordResetByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('password_resets as r')
    .innerJoin('users as u', (j) =>
      j.onRef('u.id', '=', 'r.user_id').onRef('u.clinic_id', '=', 'r.clinic_id'),
    )
    .select([
      'r.id',
      'r.clinic_id',
      'r.user_id',
      'r.expires_at',
      'r.used_at',
      'r.revoked_at',
      'u.email',
      'u.name',
      'u.role',
      'u.status',
    ])
    .where('r.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Uses a link only while it is still open: of two concurrent completions, one wins. */
export async function usePasswordReset(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sets a new password on an account that is still active; false when it is not (deactivated meanwhile). */
export async function setPasswordOfActiveUser(
  db: Db,
  clinicId: string,
  userId: string,
  passwordHash: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set((eb) => ({ password_hash: passwordHash, updated_at: now, version: eb('version', '+', 1) }))
    .where('clinic_id', '=', clinicId)
    .where('id', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
