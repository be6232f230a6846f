import { sql, type Kysely } from 'kysely';

// Issue 12: answer dates, the baseline chosen by a clinician, relapse against the best recent score and
// self-harm outside questionnaires.
// - questionnaire_responses.backdate_reason: why an in-session answer is dated in the past (required then);
// - measure_baselines: the baseline a clinician chose ("use as baseline"), one per patient and instrument,
//   and measure_baseline_changes: every such choice (the history the patient page shows);
// - measure_summaries.recent_best_total / safety_same_day: the lowest total of the 12 weeks before the latest
//   answer, and whether the latest answer's day also had a positive item 9 or a self-harm entry;
// - practice_entries.risk: the reasons a completed entry showed a risk of self-harm (JSON array), or null.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('questionnaire_responses').addColumn('backdate_reason', 'text').execute();
  await db.schema.alterTable('practice_entries').addColumn('risk', 'text').execute();
  await db.schema.alterTable('measure_summaries').addColumn('recent_best_total', 'integer').execute();
  await db.schema
    .alterTable('measure_summaries')
    .addColumn('safety_same_day', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('measure_baselines')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('response_id', 'text', (c) => c.notNull().references('questionnaire_responses.id'))
    .addColumn('chosen_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('chosen_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('measure_baselines_pk', ['patient_id', 'instrument'])
    .execute();
  await db.schema
    .createTable('measure_baseline_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('response_id', 'text', (c) => c.notNull().references('questionnaire_responses.id'))
    .addColumn('previous_response_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('chosen_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('chosen_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('measure_baseline_changes_patient')
    .on('measure_baseline_changes')
    .columns(['clinic_id', 'patient_id', 'chosen_at'])
    .execute();
  await backfill(db);
}

/** Fills the new summary columns from the answers already stored (portable SQL; 84 days = 12 weeks). */
export async function backfill(db: Kysely<unknown>): Promise<void> {
  await sql`
    update measure_summaries set
      recent_best_total = (select min(q.total) from questionnaire_responses q
        where q.patient_id = measure_summaries.patient_id and q.instrument = measure_summaries.instrument
          and q.total is not null and q.id <> measure_summaries.last_id
          and q.answered_at >= measure_summaries.last_at - ${84 * 86_400_000}
          and q.answered_at <= measure_summaries.last_at),
      safety_same_day = case when exists (select 1 from questionnaire_responses q
        where q.patient_id = measure_summaries.patient_id and q.answered_day = measure_summaries.last_day
          and q.item9 > 0) then 1 else 0 end`.execute(db);
}
