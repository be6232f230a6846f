import type { Kysely } from 'kysely';

// Issue 12: the country a patient lives in (ISO 3166-1 alpha-2) chooses the crisis and emergency numbers they
// are shown. Null means "the clinic's country" (the default), so existing patients keep what they saw.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('patients').addColumn('country', 'text').execute();
}
