import type { Db } from '../../db/database.js';

/**
 * The worklist's own SQL (issue 15): what the registry rows do not carry, each a set-based query over one
 * clinician's caseload (the patients whose care team they are on), never one query per patient. Reads only;
 * reading other features' tables is allowed, writing them is not. Every query is scoped by clinic.
 */
const num = (v: unknown): number => Number(v);

const caseloadOf = (db: Db, clinicId: string, userId: string) =>
  db
    .selectFrom('care_team_members as ctm')
    .select('ctm.patient_id')
    .where('ctm.clinic_id', '=', clinicId)
    .where('ctm.user_id', '=', userId);

function appointmentColumns(db: Db, clinicId: string) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 'a.clinician_id').on('u.clinic_id', '=', clinicId))
    .select([
      'a.id',
      'a.patient_id',
      'a.starts_at',
      'a.ends_at',
      'a.time_zone',
      'a.type',
      'a.mode',
      'a.status',
      'a.clinician_id',
      'u.name as clinician_name',
    ])
    .where('a.clinic_id', '=', clinicId);
}
export type WorklistAppointmentRow = Awaited<
  ReturnType<ReturnType<typeof appointmentColumns>['execute']>
>[number];

/**
 * Each caseload patient's next scheduled appointment with anyone (one not yet ended at `now`): the earliest
 * start per patient, then its row. Two rows at the same start come back both; the caller keeps one.
 */
export function nextAppointments(db: Db, clinicId: string, userId: string, now: number) {
  const firsts = db
    .selectFrom('appointments as n')
    .select(['n.patient_id', (eb) => eb.fn.min('n.starts_at').as('first_start')])
    .where('n.clinic_id', '=', clinicId)
    .where('n.status', '=', 'scheduled')
    .where('n.ends_at', '>', now)
    .where('n.patient_id', 'in', caseloadOf(db, clinicId, userId))
    .groupBy('n.patient_id')
    .as('f');
  return appointmentColumns(db, clinicId)
    .innerJoin(firsts, (j) =>
      j.onRef('f.patient_id', '=', 'a.patient_id').onRef('f.first_start', '=', 'a.starts_at'),
    )
    .where('a.status', '=', 'scheduled')
    .orderBy('a.id')
    .execute();
}

/** The viewer's own appointments (not cancelled) starting in [from, to): their day. */
export function myAppointmentsBetween(db: Db, clinicId: string, userId: string, from: number, to: number) {
  return appointmentColumns(db, clinicId)
    .where('a.clinician_id', '=', userId)
    .where('a.status', '!=', 'cancelled')
    .where('a.starts_at', '>=', from)
    .where('a.starts_at', '<', to)
    .where('a.patient_id', 'in', caseloadOf(db, clinicId, userId))
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .execute();
}

/** Per caseload patient: messages by others in the patient's conversations that the viewer has not read. */
export async function unreadMessageCounts(db: Db, clinicId: string, userId: string) {
  const rows = await db
    .selectFrom('messages as m')
    .leftJoin('message_reads as r', (j) => j.onRef('r.message_id', '=', 'm.id').on('r.user_id', '=', userId))
    .select(['m.patient_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('m.clinic_id', '=', clinicId)
    .where('m.patient_id', 'in', caseloadOf(db, clinicId, userId))
    .where('m.author_id', '!=', userId)
    .where('r.message_id', 'is', null)
    .groupBy('m.patient_id')
    .execute();
  return new Map(rows.map((r) => [r.patient_id, num(r.n)]));
}

/**
 * Per caseload patient: completed practice entries since `since` that the viewer may read (shared with the
 * team, or with the therapist when the viewer is the patient's therapist: shared/practice/sharing.ts) and
 * that have no comment yet.
 */
export async function practiceToReviewCounts(db: Db, clinicId: string, userId: string, since: number) {
  const rows = await db
    .selectFrom('practice_entries as e')
    .innerJoin('care_team_members as m', (j) =>
      j
        .onRef('m.patient_id', '=', 'e.patient_id')
        .on('m.user_id', '=', userId)
        .on('m.clinic_id', '=', clinicId),
    )
    .select(['e.patient_id', (eb) => eb.fn.count<number | string>('e.id').distinct().as('n')])
    .where('e.clinic_id', '=', clinicId)
    .where('e.status', '=', 'done')
    .where('e.completed_at', '>=', since)
    .where((eb) => eb.or([eb('e.sharing', '=', 'team'), eb('m.role', '=', 'therapist')]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('practice_comments as c')
            .select('c.id')
            .whereRef('c.entry_id', '=', 'e.id')
            .where('c.clinic_id', '=', clinicId),
        ),
      ),
    )
    .groupBy('e.patient_id')
    .execute();
  return new Map(rows.map((r) => [r.patient_id, num(r.n)]));
}

/**
 * Per caseload patient and questionnaire (PHQ-9, GAD-7): the latest scored total and the scored total
 * before it, from the per-patient summary (migration 014) and one lookup by the responses' index.
 */
export async function latestAndPrevious(db: Db, clinicId: string, userId: string) {
  const rows = await db
    .selectFrom('measure_summaries as s')
    .select((eb) => [
      's.patient_id',
      's.instrument',
      's.last_total',
      's.last_day',
      eb
        .selectFrom('questionnaire_responses as q')
        .select('q.total')
        .where('q.clinic_id', '=', clinicId)
        .whereRef('q.patient_id', '=', 's.patient_id')
        .whereRef('q.instrument', '=', 's.instrument')
        .whereRef('q.answered_at', '<', 's.last_at')
        .where('q.total', 'is not', null)
        .orderBy('q.answered_at', 'desc')
        .limit(1)
        .as('previous_total'),
    ])
    .where('s.clinic_id', '=', clinicId)
    .where('s.instrument', 'in', ['phq9', 'gad7'])
    .where('s.patient_id', 'in', caseloadOf(db, clinicId, userId))
    .execute();
  return rows.map((r) => ({
    patientId: r.patient_id,
    instrument: r.instrument,
    latest: r.last_total,
    latestDay: r.last_day,
    previous: r.previous_total === null ? null : num(r.previous_total),
  }));
}

/** Each caseload patient's own time zone. */
export async function patientZones(db: Db, clinicId: string, userId: string) {
  const rows = await db
    .selectFrom('patients as p')
    .select(['p.id', 'p.time_zone'])
    .where('p.clinic_id', '=', clinicId)
    .where('p.id', 'in', caseloadOf(db, clinicId, userId))
    .execute();
  return new Map(rows.map((r) => [r.id, r.time_zone]));
}
