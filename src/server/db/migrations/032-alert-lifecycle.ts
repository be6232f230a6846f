import type { Kysely } from 'kysely';
import { backfill } from './024-last-clinician-contacts.js';

// Alert lifecycle (issue 12): a row per alert that has moved beyond "open" (escalations, the pause an
// acknowledgement buys, a follow-up after "not reached"), and the alert's history, one row per step.
// Also rebuilds the last clinician contacts: a risk assessment that did not reach the patient is no
// contact (the backfill in 024 now leaves those out).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alert_lifecycle')
    .addColumn('alert_id', 'text', (c) => c.primaryKey().references('alerts.id'))
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('escalation_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_escalated_at', 'bigint')
    .addColumn('paused_until', 'bigint')
    .addColumn('follow_up_due_at', 'bigint')
    .addColumn('follow_up_overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('alert_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('target_user_id', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('alert_history_alert')
    .on('alert_history')
    .columns(['clinic_id', 'alert_id', 'at'])
    .execute();
  await db.deleteFrom('last_clinician_contacts' as never).execute();
  await backfill(db);
}
