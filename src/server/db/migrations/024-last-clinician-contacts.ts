import { sql, type Kysely } from 'kysely';

// Each patient's latest clinician contact (issue 5's registry column "last clinician contact"), kept in step
// with its sources in the same transaction as every write to them: a clinician's message in a conversation
// with the patient (not the team's own thread), a questionnaire entered in a session, a risk assessment, an
// attended appointment. The registry reads one row per patient instead of grouping over two years of
// messages and answers on every request.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('last_clinician_contacts')
    .addColumn('patient_id', 'text', (c) => c.primaryKey().references('patients.id'))
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('contacted_at', 'bigint', (c) => c.notNull())
    .execute();
  await backfill(db);
}

/**
 * The contacts already stored, one row per patient (portable SQL). The same union as
 * features/last-contact/last-contact.repository.ts, which refreshes one patient; its test checks both agree.
 */
export async function backfill(db: Kysely<unknown>, clinicId: string | null = null): Promise<void> {
  const inClinic = clinicId === null ? sql`` : sql`where c.clinic_id = ${clinicId}`;
  await sql`
    insert into last_clinician_contacts (patient_id, clinic_id, contacted_at)
    select c.patient_id, min(c.clinic_id), max(c.at)
    from (
      select m.patient_id, m.clinic_id, m.created_at as at
        from messages m
        join conversations k on k.id = m.conversation_id
        join users u on u.id = m.author_id
        where k.kind = 'patient' and u.role <> 'patient'
      union all
      select q.patient_id, q.clinic_id, q.answered_at from questionnaire_responses q where q.source = 'in_session'
      union all
      select r.patient_id, r.clinic_id, r.contacted_at from risk_assessments r
        where r.method <> 'could_not_reach' and r.outcome <> 'not_reached_follow_up_planned'
      union all
      select a.patient_id, a.clinic_id, a.starts_at from appointments a where a.status = 'attended'
    ) c
    ${inClinic}
    group by c.patient_id
    on conflict (patient_id) do update set contacted_at = excluded.contacted_at`.execute(db);
}
