import { sql, type Kysely } from 'kysely';

// Issue 13 (V4): the access report reads one patient's events a local day at a time (by instant), and a burst
// of refused attempts by one account is counted over its refusals only. Security alerts go to the clinic's
// admins (they are about an account, not a patient, so they are not care-team alerts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('audit_events_patient_at')
    .on('audit_events')
    .columns(['clinic_id', 'patient_id', 'at'])
    .execute();
  await db.schema
    .createIndex('audit_events_refusals_by_actor')
    .on('audit_events')
    .columns(['clinic_id', 'actor_id', 'at'])
    .where(sql<boolean>`outcome = 'denied'`)
    .execute();

  // One row per burst of refused attempts by one account: the alert is raised once per burst.
  await db.schema
    .createTable('refusal_bursts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('last_refusal_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('refusal_bursts_actor')
    .on('refusal_bursts')
    .columns(['clinic_id', 'actor_id', 'last_refusal_at'])
    .execute();

  await db.schema
    .createTable('security_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('source_event_id', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('security_alerts_clinic')
    .on('security_alerts')
    .columns(['clinic_id', 'created_at'])
    .execute();
}
