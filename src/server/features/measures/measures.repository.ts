import type { Db } from '../../db/database.js';
import type { QuestionnaireResponseTable, RiskAssessmentTable } from '../../db/schema-measures.js';
import { refreshMeasureSummary } from './summaries.repository.js';
import { refreshLastContact } from '../registry/last-contact.repository.js';

/**
 * Inserts a response and brings the patient's summary row up to date (call inside the answer's
 * transaction); false when the id already exists (a retry, or an id someone else used).
 */
export async function insertResponse(db: Db, row: QuestionnaireResponseTable): Promise<boolean> {
  const result = await db
    .insertInto('questionnaire_responses')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  const inserted = Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  if (inserted && row.total !== null)
    await refreshMeasureSummary(db, row.clinic_id, row.patient_id, row.instrument);
  // Answers given in a session are a clinician contact.
  if (inserted && row.source === 'in_session') await refreshLastContact(db, row.clinic_id, row.patient_id);
  return inserted;
}

function responsesWithAuthor(db: Db) {
  return db
    .selectFrom('questionnaire_responses as r')
    .innerJoin('users as u', 'u.id', 'r.entered_by')
    .selectAll('r')
    .select(['u.name as entered_by_name', 'u.role as entered_by_role']);
}
export type ResponseRow = Awaited<ReturnType<typeof findResponse>> & object;

/** By id within the clinic only: the caller checks it is this patient's (an id is never reused). */
export async function findResponse(db: Db, clinicId: string, responseId: string) {
  return responsesWithAuthor(db)
    .where('r.clinic_id', '=', clinicId)
    .where('r.id', '=', responseId)
    .executeTakeFirst();
}

/** A patient's responses in the order answered (oldest first, as charts read them). */
export async function responsesOfPatient(db: Db, clinicId: string, patientId: string, instrument?: string) {
  let q = responsesWithAuthor(db).where('r.clinic_id', '=', clinicId).where('r.patient_id', '=', patientId);
  if (instrument) q = q.where('r.instrument', '=', instrument);
  return q.orderBy('r.answered_at').orderBy('r.id').execute();
}

/**
 * The baseline: the patient's first complete response of the instrument (Duet has one treatment episode
 * per patient, from enrolment; see docs/api.md "Questionnaires and the safety path").
 */
export async function baselineOf(db: Db, clinicId: string, patientId: string, instrument: string) {
  return db
    .selectFrom('questionnaire_responses')
    .select(['id', 'total', 'answered_at', 'answered_day'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('instrument', '=', instrument)
    .where('total', 'is not', null)
    .orderBy('answered_at')
    .orderBy('id')
    .executeTakeFirst();
}

/** The scored response answered just before `answeredAt` (what the patient's previous result was). */
export async function previousScored(
  db: Db,
  clinicId: string,
  patientId: string,
  instrument: string,
  answeredAt: number,
  excludeId: string,
) {
  return db
    .selectFrom('questionnaire_responses')
    .select(['id', 'total'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('instrument', '=', instrument)
    .where('total', 'is not', null)
    .where('answered_at', '<=', answeredAt)
    .where('id', '!=', excludeId)
    .orderBy('answered_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function patientBasics(db: Db, clinicId: string, patientIds: readonly string[]) {
  if (patientIds.length === 0) return [];
  return db
    .selectFrom('patients')
    .select(['id', 'time_zone', 'created_at'])
    .where('clinic_id', '=', clinicId)
    .where('id', 'in', patientIds)
    .execute();
}

/** First and last day of complete answers per patient and instrument (the schedule's inputs). */
export async function answeredDays(db: Db, clinicId: string, patientIds: readonly string[]) {
  if (patientIds.length === 0) return [];
  return db
    .selectFrom('questionnaire_responses')
    .select((eb) => [
      'patient_id',
      'instrument',
      eb.fn.min('answered_day').as('first_day'),
      eb.fn.max('answered_day').as('last_day'),
    ])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', 'in', patientIds)
    .where('total', 'is not', null)
    .groupBy(['patient_id', 'instrument'])
    .execute();
}

/** The content of each patient's agreed plan version (at most one per plan is 'agreed'). */
export async function agreedPlanContents(db: Db, clinicId: string, patientIds: readonly string[]) {
  if (patientIds.length === 0) return [];
  return db
    .selectFrom('treatment_plan_versions')
    .select(['patient_id', 'content', 'number'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', 'in', patientIds)
    .where('status', '=', 'agreed')
    .orderBy('number', 'desc')
    .execute();
}

export async function clinicSettingsJson(db: Db, clinicId: string): Promise<string | null> {
  const row = await db.selectFrom('clinics').select('settings').where('id', '=', clinicId).executeTakeFirst();
  return row?.settings ?? null;
}

/** Inserts a risk assessment; the contact it records becomes the patient's last contact when it is the latest. */
export async function insertRiskAssessment(db: Db, row: RiskAssessmentTable): Promise<boolean> {
  const result = await db
    .insertInto('risk_assessments')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  const inserted = Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  if (inserted) await refreshLastContact(db, row.clinic_id, row.patient_id);
  return inserted;
}

function assessmentsWithAuthor(db: Db) {
  return db
    .selectFrom('risk_assessments as a')
    .innerJoin('users as u', 'u.id', 'a.recorded_by')
    .selectAll('a')
    .select(['u.name as recorded_by_name', 'u.role as recorded_by_role']);
}
export type RiskAssessmentRow = Awaited<ReturnType<typeof findRiskAssessment>> & object;

export async function findRiskAssessment(db: Db, clinicId: string, id: string) {
  return assessmentsWithAuthor(db)
    .where('a.clinic_id', '=', clinicId)
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export async function riskAssessmentsOf(db: Db, clinicId: string, patientId: string) {
  return assessmentsWithAuthor(db)
    .where('a.clinic_id', '=', clinicId)
    .where('a.patient_id', '=', patientId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

/** An alert about this patient, for a risk assessment that names the alert rather than the answer. */
export async function findAlertOfPatient(db: Db, clinicId: string, patientId: string, alertId: string) {
  return db
    .selectFrom('alerts')
    .select(['id', 'subject_id', 'type'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('id', '=', alertId)
    .executeTakeFirst();
}

/** Open self-harm alerts about one answer (other rules may also name the answer as their subject). */
export async function openSelfHarmAlerts(db: Db, clinicId: string, patientId: string, responseId: string) {
  return db
    .selectFrom('alerts')
    .select(['id', 'version'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('subject_id', '=', responseId)
    .where('type', '=', 'self_harm_answer')
    .where('state', '!=', 'resolved')
    .execute();
}
