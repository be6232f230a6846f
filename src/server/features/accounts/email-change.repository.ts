import type { Db } from '../../db/database.js';
import type { EmailChangeTable } from '../../db/schema-account-recovery.js';
import type { UserTable } from '../../db/schema.js';
import { compiledOnce } from '../../db/compiled-query.js';

export async function insertEmailChange(db: Db, row: EmailChangeTable): Promise<void> {
  await db.insertInto('email_changes').values(row).execute();
}

/** Cancels every open change of the account (a newer one replaces it, or the password was reset). */
export async function revokeOpenEmailChanges(db: Db, userId: string, now: number): Promise<void> {
  await db
    .updateTable('email_changes')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

// Part of every patient overview (the pending address): compiled once, bound per call (issue 19).
const openEmailChangeQuery = compiledOnce((db: Db, clinicId: string, userId: string, now: number) =>
  db
    .selectFrom('email_changes')
    .select(['id', 'new_email', 'expires_at'])
    .where('clinic_id', '=', clinicId)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .limit(1),
);

/** The open (not used, not revoked, not expired) change of an account, if any. */
export async function findOpenEmailChange(db: Db, clinicId: string, userId: string, now: number) {
  const [row] = await openEmailChangeQuery(db, clinicId, userId, now);
  return row;
}

export async function findEmailChangeByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('email_changes as c')
    .innerJoin('users as u', (j) =>
      j.onRef('u.id', '=', 'c.user_id').onRef('u.clinic_id', '=', 'c.clinic_id'),
    )
    .select([
      'c.id',
      'c.clinic_id',
      'c.user_id',
      'c.new_email',
      'c.expires_at',
      'c.used_at',
      'c.revoked_at',
      'u.email',
      'u.name',
      'u.role',
      'u.status',
    ])
    .where('c.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function useEmailChange(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('email_changes')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The account's sign-in address (email-change.service.ts setAccountEmail also updates a patient's record). */
export async function setEmailOfUser(
  db: Db,
  clinicId: string,
  userId: string,
  email: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ email, updated_at: now, version: eb('version', '+', 1) }))
    .where('clinic_id', '=', clinicId)
    .where('id', '=', userId)
    .execute();
}

/** The account of a patient record (its sign-in address is the one that changes). */
export async function findUserOfPatient(
  db: Db,
  clinicId: string,
  patientId: string,
): Promise<UserTable | undefined> {
  return db
    .selectFrom('patients as p')
    .innerJoin('users as u', (j) =>
      j.onRef('u.id', '=', 'p.user_id').onRef('u.clinic_id', '=', 'p.clinic_id'),
    )
    .selectAll('u')
    .where('p.clinic_id', '=', clinicId)
    .where('p.id', '=', patientId)
    .executeTakeFirst();
}
