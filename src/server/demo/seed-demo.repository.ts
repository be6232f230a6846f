import type { Db } from '../db/database.js';

export async function clinicCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('clinics')
    // COUNT is a bigint on PostgreSQL and an integer on SQLite; read it as either.
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
