import { sql, type Kysely } from 'kysely';

// Each patient's baseline and latest scored questionnaire per instrument, kept in step with
// questionnaire_responses in the same transaction as every answer (issue 5): the registry and the
// treat-to-target check read one row per patient instead of seeking through two years of answers.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('measure_summaries')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('first_id', 'text', (c) => c.notNull())
    .addColumn('first_total', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'bigint', (c) => c.notNull())
    .addColumn('first_day', 'text', (c) => c.notNull())
    .addColumn('last_id', 'text', (c) => c.notNull())
    .addColumn('last_total', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'bigint', (c) => c.notNull())
    .addColumn('last_day', 'text', (c) => c.notNull())
    .addColumn('scored_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('measure_summaries_pk', ['patient_id', 'instrument'])
    .execute();
  await db.schema
    .createIndex('measure_summaries_clinic')
    .on('measure_summaries')
    .columns(['clinic_id', 'patient_id'])
    .execute();
  await backfill(db);
}

/** Fills the summaries from the answers already stored (portable SQL: correlated ordered lookups). */
export async function backfill(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into measure_summaries (clinic_id, patient_id, instrument, first_id, first_total, first_at, first_day,
      last_id, last_total, last_at, last_day, scored_count)
    select g.clinic_id, g.patient_id, g.instrument,
      f.id, f.total, f.answered_at, f.answered_day, l.id, l.total, l.answered_at, l.answered_day, g.n
    from (
      select clinic_id, patient_id, instrument, count(*) as n,
        (select q.id from questionnaire_responses q where q.patient_id = r.patient_id and q.instrument = r.instrument
          and q.total is not null order by q.answered_at, q.id limit 1) as first_id,
        (select q.id from questionnaire_responses q where q.patient_id = r.patient_id and q.instrument = r.instrument
          and q.total is not null order by q.answered_at desc, q.id desc limit 1) as last_id
      from questionnaire_responses r
      where r.total is not null
      group by clinic_id, patient_id, instrument
    ) g
    join questionnaire_responses f on f.id = g.first_id
    join questionnaire_responses l on l.id = g.last_id`.execute(db);
}
