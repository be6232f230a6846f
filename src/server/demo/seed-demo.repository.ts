import { sql } from 'kysely';
import type { Db, Engine } from '../db/database.js';

export async function clinicCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('clinics')
    // COUNT is a bigint on PostgreSQL and an integer on SQLite; read it as either.
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Any number, the same in every instance: the demo seed's PostgreSQL advisory lock. */
const DEMO_SEED_LOCK = 4_242_019;

/**
 * Serialises demo seeding between instances starting together on one empty database (issue 19): on
 * PostgreSQL an advisory lock held until the transaction ends; on SQLite the write transaction itself
 * (BEGIN IMMEDIATE) already lets one process in at a time.
 */
export async function lockDemoSeed(trx: Db, engine: Engine): Promise<void> {
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`.execute(trx);
}
