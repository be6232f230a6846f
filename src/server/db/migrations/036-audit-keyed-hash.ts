import type { Kysely } from 'kysely';

// Tamper-evident audit trail (issue 13): which key made an event's HMAC-SHA-256 chain hash. Null marks an event
// written before keyed hashing (its hash is the plain SHA-256 and is verified as such).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('hash_key_id', 'text').execute();
}
