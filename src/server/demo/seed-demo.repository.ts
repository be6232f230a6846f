import type { Db } from '../db/database.js';

export async function clinicCount(db: Db): Promise<number> {
  const row = await db.selectFrom('clinics').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertClinic(db: Db, id: string, name: string, now: number): Promise<void> {
  await db.insertInto('clinics').values({ id, name, settings: '{}', created_at: now }).execute();
}
