import type { Db } from '../../db/database.js';
import { compiledOnce } from '../../db/compiled-query.js';

/**
 * The worklist's own SQL (issue 15): what the registry rows do not carry, each a set-based query over one
 * clinician's caseload (the patients whose care team they are on), never one query per patient. Reads only;
 * reading other features' tables is allowed, writing them is not. Every query is scoped by clinic, built and
 * compiled once and bound per request (db/compiled-query.ts; issue 19: building costs more than running).
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

const nextAppointmentsQuery = compiledOnce((db: Db, clinicId: string, userId: string, now: number) => {
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
    .orderBy('a.id');
});

/**
 * Each caseload patient's next scheduled appointment with anyone (one not yet ended at `now`): the earliest
 * start per patient, then its row. Two rows at the same start come back both; the caller keeps one.
 */
export function nextAppointments(
  db: Db,
  clinicId: string,
  userId: string,
  now: number,
): Promise<WorklistAppointmentRow[]> {
  return nextAppointmentsQuery(db, clinicId, userId, now);
}

const myAppointmentsQuery = compiledOnce(
  (db: Db, clinicId: string, userId: string, from: number, to: number) =>
    appointmentColumns(db, clinicId)
      .where('a.clinician_id', '=', userId)
      .where('a.status', '!=', 'cancelled')
      .where('a.starts_at', '>=', from)
      .where('a.starts_at', '<', to)
      .where('a.patient_id', 'in', caseloadOf(db, clinicId, userId))
      .orderBy('a.starts_at')
      .orderBy('a.id'),
);

/** The viewer's own appointments (not cancelled) starting in [from, to): their day. */
export function myAppointmentsBetween(
  db: Db,
  clinicId: string,
  userId: string,
  from: number,
  to: number,
): Promise<WorklistAppointmentRow[]> {
  return myAppointmentsQuery(db, clinicId, userId, from, to);
}

const unreadQuery = compiledOnce((db: Db, clinicId: string, userId: string) =>
  db
    .selectFrom('messages as m')
    .leftJoin('message_reads as r', (j) => j.onRef('r.message_id', '=', 'm.id').on('r.user_id', '=', userId))
    .select(['m.patient_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('m.clinic_id', '=', clinicId)
    .where('m.patient_id', 'in', caseloadOf(db, clinicId, userId))
    .where('m.author_id', '!=', userId)
    .where('r.message_id', 'is', null)
    .groupBy('m.patient_id'),
);

/** Per caseload patient: messages by others in the patient's conversations that the viewer has not read. */
export async function unreadMessageCounts(db: Db, clinicId: string, userId: string) {
  const rows = await unreadQuery(db, clinicId, userId);
  return new Map(rows.map((r) => [r.patient_id, num(r.n)]));
}

// Driven from the viewer's care-team rows, so each patient's entries are found by (clinic, patient): SQLite
// otherwise starts from the entries and reads every entry of the clinic. A cross join keeps SQLite's join order
// as written; with the conditions below it is the inner join (PostgreSQL plans it as one).
const practiceQuery = compiledOnce((db: Db, clinicId: string, userId: string, since: number) =>
  db
    .selectFrom('care_team_members as m')
    .crossJoin('practice_entries as e')
    .whereRef('e.clinic_id', '=', 'm.clinic_id')
    .whereRef('e.patient_id', '=', 'm.patient_id')
    .select(['e.patient_id', (eb) => eb.fn.count<number | string>('e.id').distinct().as('n')])
    .where('m.clinic_id', '=', clinicId)
    .where('m.user_id', '=', userId)
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
    .groupBy('e.patient_id'),
);

/**
 * Per caseload patient: completed practice entries since `since` that the viewer may read (shared with the
 * team, or with the therapist when the viewer is the patient's therapist: shared/practice/sharing.ts) and
 * that have no comment yet.
 */
export async function practiceToReviewCounts(db: Db, clinicId: string, userId: string, since: number) {
  const rows = await practiceQuery(db, clinicId, userId, since);
  return new Map(rows.map((r) => [r.patient_id, num(r.n)]));
}

const scoresQuery = compiledOnce((db: Db, clinicId: string, userId: string) =>
  db
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
    .where('s.patient_id', 'in', caseloadOf(db, clinicId, userId)),
);

/**
 * Per caseload patient and questionnaire (PHQ-9, GAD-7): the latest scored total and the scored total
 * before it, from the per-patient summary (migration 014) and one lookup by the responses' index.
 */
export async function latestAndPrevious(db: Db, clinicId: string, userId: string) {
  const rows = await scoresQuery(db, clinicId, userId);
  return rows.map((r) => ({
    patientId: r.patient_id,
    instrument: r.instrument,
    latest: r.last_total,
    latestDay: r.last_day,
    previous: r.previous_total === null ? null : num(r.previous_total),
  }));
}

// From the viewer's care-team rows to each patient by (clinic_id, id). Without planner statistics SQLite
// otherwise reads every patient of the clinic (through (clinic_id, updated_at)) and looks each up in the
// care team; the cross join keeps the written order on SQLite (PostgreSQL plans it as the inner join).
const zonesQuery = compiledOnce((db: Db, clinicId: string, userId: string) =>
  db
    .selectFrom('care_team_members as m')
    .crossJoin('patients as p')
    .whereRef('p.id', '=', 'm.patient_id')
    .whereRef('p.clinic_id', '=', 'm.clinic_id')
    .select(['p.id', 'p.time_zone'])
    .where('m.clinic_id', '=', clinicId)
    .where('m.user_id', '=', userId),
);

/** Each caseload patient's own time zone. */
export async function patientZones(db: Db, clinicId: string, userId: string) {
  const rows = await zonesQuery(db, clinicId, userId);
  return new Map(rows.map((r) => [r.id, r.time_zone]));
}

const vacanciesQuery = compiledOnce((db: Db, clinicId: string, userId: string) =>
  db
    .selectFrom('care_team_changes as c')
    .select(['c.patient_id', 'c.role', 'c.reason', 'c.at'])
    .where('c.clinic_id', '=', clinicId)
    .where('c.patient_id', 'in', caseloadOf(db, clinicId, userId))
    .where('c.change', '=', 'removed')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('care_team_members as m')
            .select('m.user_id')
            .whereRef('m.clinic_id', '=', 'c.clinic_id')
            .whereRef('m.patient_id', '=', 'c.patient_id')
            .whereRef('m.role', '=', 'c.role'),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('care_team_changes as l')
            .select('l.id')
            .whereRef('l.clinic_id', '=', 'c.clinic_id')
            .whereRef('l.patient_id', '=', 'c.patient_id')
            .whereRef('l.role', '=', 'c.role')
            .where('l.change', '=', 'removed')
            .whereRef('l.at', '>', 'c.at'),
        ),
      ),
    )
    .orderBy('c.patient_id')
    .orderBy('c.at', 'desc')
    .orderBy('c.id', 'desc'),
);

/**
 * Per caseload patient: the latest removal of each role nobody holds now (issue 15), newest first; the
 * caller keeps those a departure left with a reason (shared/patients/vacancy.ts).
 */
export async function removalsOfEmptyRoles(db: Db, clinicId: string, userId: string) {
  const rows = await vacanciesQuery(db, clinicId, userId);
  const byPatient = new Map<string, { role: string; reason: string | null; at: number }[]>();
  for (const r of rows) {
    const list = byPatient.get(r.patient_id) ?? [];
    list.push({ role: r.role, reason: r.reason ?? null, at: r.at });
    byPatient.set(r.patient_id, list);
  }
  return byPatient;
}
