import type { Kysely } from 'kysely';

// Issue 15: a plan signature keeps the attestation statement the signer confirmed, as it was worded then, and
// when they confirmed it. Signatures given before this migration have neither (null).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('treatment_plan_signatures').addColumn('attestation', 'text').execute();
  await db.schema.alterTable('treatment_plan_signatures').addColumn('attested_at', 'bigint').execute();
}
