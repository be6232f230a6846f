import type { Kysely } from 'kysely';

// Issue 15: a case-review recommendation is assigned to a team member with a due date and tracked until it is
// done or declined (with a reason), under a version for If-Match; earlier recommendations stay open and
// unassigned. Care-manager contacts are logged per patient (mode, reached or not, minutes, note); the
// registry sums their minutes per calendar month. SQLite adds one column per statement.
export async function up(db: Kysely<unknown>): Promise<void> {
  const columns: [string, 'text' | 'bigint' | 'integer', 'open' | 1 | null][] = [
    ['assigned_to', 'text', null],
    ['due_date', 'text', null],
    ['status', 'text', 'open'],
    ['closed_reason', 'text', null],
    ['closed_by', 'text', null],
    ['closed_at', 'bigint', null],
    ['version', 'integer', 1],
  ];
  for (const [name, type, fallback] of columns) {
    await db.schema
      .alterTable('case_review_recommendations')
      .addColumn(name, type, (c) => (fallback === null ? c : c.notNull().defaultTo(fallback)))
      .execute();
  }
  await db.schema
    .createIndex('case_review_recommendations_assignee')
    .on('case_review_recommendations')
    .columns(['clinic_id', 'assigned_to', 'status'])
    .execute();

  await db.schema
    .createTable('care_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.notNull())
    .addColumn('by_role', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('reached', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('contacted_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('care_contacts_patient')
    .on('care_contacts')
    .columns(['clinic_id', 'patient_id', 'contacted_at'])
    .execute();
  await db.schema
    .createIndex('care_contacts_clinic_month')
    .on('care_contacts')
    .columns(['clinic_id', 'contacted_at'])
    .execute();
}
