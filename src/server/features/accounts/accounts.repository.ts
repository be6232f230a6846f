import type { Db } from '../../db/database.js';
import type { InviteTable, UserTable } from '../../db/schema.js';
import { seedCatalogueForClinic } from '../medications/index.js';
import { insertClinicRow } from '../clinic/index.js';

export async function findUserByEmail(db: Db, email: string): Promise<UserTable | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUser(db: Db, clinicId: string, userId: string): Promise<UserTable | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function findUsers(db: Db, clinicId: string, userIds: string[]): Promise<UserTable[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('users')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', 'in', userIds)
    .execute();
}

export async function listStaff(db: Db, clinicId: string): Promise<UserTable[]> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('role', '!=', 'patient')
    .orderBy('name')
    .execute();
}

export async function listActiveClinicians(db: Db, clinicId: string): Promise<UserTable[]> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('role', 'in', ['therapist', 'prescriber', 'care_manager'])
    .where('status', '=', 'active')
    .orderBy('name')
    .execute();
}

export async function insertUser(db: Db, row: UserTable): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(
  db: Db,
  clinicId: string,
  userId: string,
  fields: Partial<Pick<UserTable, 'status' | 'password_hash' | 'last_login_at' | 'name'>>,
  now: number,
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ ...fields, updated_at: now, version: eb('version', '+', 1) }))
    .where('clinic_id', '=', clinicId)
    .where('id', '=', userId)
    .execute();
}

export async function recordLogin(db: Db, userId: string, now: number): Promise<void> {
  await db.updateTable('users').set({ last_login_at: now }).where('id', '=', userId).execute();
}

export async function findClinicName(db: Db, clinicId: string): Promise<string> {
  const row = await db.selectFrom('clinics').select('name').where('id', '=', clinicId).executeTakeFirst();
  return row?.name ?? '';
}

export async function insertInvite(db: Db, row: InviteTable): Promise<void> {
  await db.insertInto('invites').values(row).execute();
}

export async function revokeOpenInvites(db: Db, userId: string, now: number): Promise<void> {
  await db
    .updateTable('invites')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function findInviteByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('invites as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .innerJoin('clinics as c', 'c.id', 'i.clinic_id')
    .select([
      'i.id',
      'i.clinic_id',
      'i.user_id',
      'i.expires_at',
      'i.used_at',
      'i.revoked_at',
      'u.email',
      'u.name',
      'u.role',
      'u.status',
      'c.name as clinic_name',
    ])
    .where('i.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks an invite used only if it still is open: the one-time guarantee holds under concurrent accepts. */
export async function useInvite(db: Db, inviteId: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('invites')
    .set({ used_at: now })
    .where('id', '=', inviteId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sets the first password of an invited account; false when the account is not (any more) invited. */
export async function activateInvitedUser(
  db: Db,
  clinicId: string,
  userId: string,
  passwordHash: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set((eb) => ({
      password_hash: passwordHash,
      status: 'active',
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('clinic_id', '=', clinicId)
    .where('id', '=', userId)
    .where('status', '=', 'invited')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function patientIdOfUser(db: Db, userId: string): Promise<string | null> {
  const row = await db.selectFrom('patients').select('id').where('user_id', '=', userId).executeTakeFirst();
  return row?.id ?? null;
}

/** Clinics with exactly this name (case-insensitive), at most `limit`. */
export async function findClinicIdsByName(db: Db, name: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('clinics')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Up to `limit` clinic ids, oldest first. */
export async function clinicIds(db: Db, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('clinics').select('id').orderBy('created_at').limit(limit).execute();
  return rows.map((r) => r.id);
}

export async function firstClinicId(db: Db): Promise<string | null> {
  const row = await db.selectFrom('clinics').select('id').orderBy('created_at').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

export async function insertClinic(
  db: Db,
  row: { id: string; name: string; settings: string; created_at: number },
): Promise<void> {
  await insertClinicRow(db, row);
  // Every clinic starts with the medication catalogue (issue 4).
  await seedCatalogueForClinic(db, row.id, row.created_at);
}
