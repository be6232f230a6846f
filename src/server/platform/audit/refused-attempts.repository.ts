import type { Db } from '../../db/database.js';

/** The account's latest burst of refused attempts (migration 039), if any. */
export async function latestBurstOf(
  db: Db,
  clinicId: string,
  actorId: string,
): Promise<{ id: string; last_refusal_at: number } | undefined> {
  return db
    .selectFrom('refusal_bursts')
    .select(['id', 'last_refusal_at'])
    .where('clinic_id', '=', clinicId)
    .where('actor_id', '=', actorId)
    .orderBy('last_refusal_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function extendBurst(db: Db, clinicId: string, id: string, at: number): Promise<void> {
  await db
    .updateTable('refusal_bursts')
    .set({ last_refusal_at: at })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .execute();
}

export async function startBurst(
  db: Db,
  row: { id: string; clinic_id: string; actor_id: string; started_at: number; last_refusal_at: number },
): Promise<void> {
  await db.insertInto('refusal_bursts').values(row).execute();
}

export async function accountName(db: Db, clinicId: string, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('name')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.name;
}
