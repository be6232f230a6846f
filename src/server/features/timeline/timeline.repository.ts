// The timeline's reads. For speed the timeline selects from the tables of the features it shows (measures,
// medications, doses, appointments, side effects, practice, feedback, treatment plans) in one read-only
// repository, rather than calling each feature's face (which would audit and shape each answer again).
// Reading another feature's table is allowed (docs/architecture.md, "Boundaries"); this file never
// writes one. Every query is scoped by clinic_id and patient_id and bounded by the window's days, so the
// indexes on (clinic_id, patient_id, <day>) serve it. Psychotherapy notes (table notes) are never read.
import type { Db } from '../../db/database.js';

export interface Window {
  from: string;
  to: string;
  /** The window as instants: [fromAt, toAt) for tables that keep only instants. */
  fromAt: number;
  toAt: number;
}

export function scoreRows(db: Db, clinicId: string, patientId: string, w: Window) {
  return db
    .selectFrom('questionnaire_responses')
    .select(['id', 'instrument', 'answered_day', 'answered_at', 'total', 'severity', 'item9'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('answered_day', '>=', w.from)
    .where('answered_day', '<=', w.to)
    .orderBy('answered_at')
    .orderBy('id')
    .execute();
}

/**
 * The baseline total of each instrument: the answer a clinician chose as baseline ("Use as baseline",
 * issue 12) when there is one, else the first scored answer (the measures feature's summary).
 */
export function baselineRows(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('measure_summaries as s')
    .leftJoin('measure_baselines as b', (j) =>
      j
        .onRef('b.clinic_id', '=', 's.clinic_id')
        .onRef('b.patient_id', '=', 's.patient_id')
        .onRef('b.instrument', '=', 's.instrument'),
    )
    .leftJoin('questionnaire_responses as r', (j) =>
      j.onRef('r.id', '=', 'b.response_id').onRef('r.clinic_id', '=', 'b.clinic_id'),
    )
    .select(['s.instrument', 's.first_total', 'r.total as chosen_total'])
    .where('s.clinic_id', '=', clinicId)
    .where('s.patient_id', '=', patientId)
    .execute();
}

/** Medication records overlapping the window (a stopped one ends on end_date). */
export function medicationRows(db: Db, clinicId: string, patientId: string, w: Window) {
  return db
    .selectFrom('medications')
    .select(['id', 'name', 'start_date', 'end_date', 'status'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('start_date', '<=', w.to)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', w.from)]))
    .orderBy('start_date')
    .orderBy('id')
    .execute();
}

export function medicationChangeRows(db: Db, clinicId: string, patientId: string, w: Window) {
  return db
    .selectFrom('medication_changes')
    .select(['id', 'medication_id', 'kind', 'summary', 'reason', 'effective_on', 'changed_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('effective_on', '>=', w.from)
    .where('effective_on', '<=', w.to)
    .where('kind', '!=', 'details_changed')
    .orderBy('effective_on')
    .orderBy('changed_at')
    .execute();
}

/** Logs of scheduled doses in the window (as-needed doses have no key and no schedule to miss). */
export function doseLogRows(db: Db, clinicId: string, patientId: string, w: Window) {
  return db
    .selectFrom('dose_logs')
    .select(['dose_key', 'status'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('local_date', '>=', w.from)
    .where('local_date', '<=', w.to)
    .where('dose_key', 'is not', null)
    .execute();
}

export function sessionRows(db: Db, clinicId: string, patientId: string, w: Window) {
  return db
    .selectFrom('appointments')
    .select(['id', 'type', 'local_day', 'starts_at', 'status'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('local_day', '>=', w.from)
    .where('local_day', '<=', w.to)
    .orderBy('starts_at')
    .execute();
}

export function sideEffectRows(db: Db, clinicId: string, patientId: string, w: Window) {
  return db
    .selectFrom('side_effect_reports')
    .select(['id', 'reported_day', 'severity', 'medication_name', 'symptoms'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('reported_day', '>=', w.from)
    .where('reported_day', '<=', w.to)
    .orderBy('reported_at')
    .execute();
}

/**
 * Completed practice entries in the window that this reader may read: 'own' (the patient: every done
 * entry), 'therapist' (team and therapist-only), 'team' (shared with the whole team only). Drafts never.
 */
export function practiceRows(
  db: Db,
  clinicId: string,
  patientId: string,
  w: Window,
  visibility: 'own' | 'therapist' | 'team',
) {
  let q = db
    .selectFrom('practice_entries')
    .select(['id', 'assignment_id', 'type', 'day', 'sharing'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('status', '=', 'done')
    .where('day', '>=', w.from)
    .where('day', '<=', w.to);
  if (visibility === 'team') q = q.where('sharing', '=', 'team');
  return q.orderBy('day').orderBy('id').execute();
}

/** The first completed entry of each practice type, ever (when the patient started it). */
export function practiceStartRows(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('practice_entries')
    .select(['type', (eb) => eb.fn.min('day').as('first_day')])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('status', '=', 'done')
    .groupBy('type')
    .execute();
}

export function sessionRatingRows(db: Db, clinicId: string, patientId: string, w: Window) {
  return db
    .selectFrom('session_feedback')
    .select(['id', 'appointment_id', 'session_day', 'goals_rating', 'heard_rating'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('session_day', '>=', w.from)
    .where('session_day', '<=', w.to)
    .orderBy('session_at')
    .execute();
}

/** "What helps" rounds in the window with their parts (one join, ordered for grouping). */
export function whatHelpsRows(db: Db, clinicId: string, patientId: string, w: Window) {
  return db
    .selectFrom('treatment_ratings as r')
    .innerJoin('treatment_rating_items as i', (j) =>
      j.onRef('i.rating_id', '=', 'r.id').onRef('i.clinic_id', '=', 'r.clinic_id'),
    )
    .select(['r.id', 'r.rated_day', 'i.part_kind', 'i.label', 'i.score', 'i.position'])
    .where('r.clinic_id', '=', clinicId)
    .where('r.patient_id', '=', patientId)
    .where('r.rated_day', '>=', w.from)
    .where('r.rated_day', '<=', w.to)
    .orderBy('r.rated_at')
    .orderBy('r.id')
    .orderBy('i.position')
    .execute();
}

/** Plan versions created, or agreed, in the window (instants: the plan keeps no local days). */
export function planVersionRows(db: Db, clinicId: string, patientId: string, w: Window) {
  return db
    .selectFrom('treatment_plan_versions')
    .select(['id', 'number', 'status', 'created_at', 'agreed_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('created_at', '<', w.toAt)
    .where((eb) => eb.or([eb('created_at', '>=', w.fromAt), eb('agreed_at', '>=', w.fromAt)]))
    .orderBy('number')
    .execute();
}

export function planReviewRows(db: Db, clinicId: string, patientId: string, w: Window) {
  return db
    .selectFrom('treatment_plan_reviews as r')
    .innerJoin('treatment_plans as p', (j) =>
      j.onRef('p.id', '=', 'r.plan_id').onRef('p.clinic_id', '=', 'r.clinic_id'),
    )
    .select(['r.id', 'r.held_on', 'r.decision'])
    .where('r.clinic_id', '=', clinicId)
    .where('p.patient_id', '=', patientId)
    .where('r.held_on', '>=', w.from)
    .where('r.held_on', '<=', w.to)
    .orderBy('r.held_on')
    .execute();
}
