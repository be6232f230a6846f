import { localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import type { RiskAssessmentTable } from '../../db/schema-measures.js';
import { refreshLastContact } from '../last-contact/index.js';
import { notSafeMessageKey } from '../../../shared/practice/risk.js';

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
/** The latest `limit` responses, oldest first, and whether older ones exist (the list's bound, issue 19). */
export async function latestResponsesOfPatient(
  db: Db,
  clinicId: string,
  patientId: string,
  limit: number,
  instrument?: string,
) {
  let q = responsesWithAuthor(db).where('r.clinic_id', '=', clinicId).where('r.patient_id', '=', patientId);
  if (instrument) q = q.where('r.instrument', '=', instrument);
  const rows = await q
    .orderBy('r.answered_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit + 1)
    .execute();
  return { rows: rows.slice(0, limit).reverse(), hasMore: rows.length > limit };
}

/**
 * The baseline (issue 12): the answer a clinician chose with "use as baseline" (measure_baselines), else the
 * patient's first complete response of the instrument in the order it was recorded. A later answer dated
 * earlier never takes the baseline's place on its own (docs/clinical-rules.md "Answer dates and the baseline").
 */
export async function baselineOf(db: Db, clinicId: string, patientId: string, instrument: string) {
  return (await baselinesOf(db, clinicId, patientId, instrument)).get(instrument);
}

export interface BaselineRef {
  id: string;
  total: number | null;
  answered_at: number;
  answered_day: string;
  chosen: boolean;
}

/** Each instrument's baseline of one patient (one instrument when given). */
export async function baselinesOf(
  db: Db,
  clinicId: string,
  patientId: string,
  instrument?: string,
): Promise<Map<string, BaselineRef>> {
  let chosenQ = db
    .selectFrom('measure_baselines as b')
    .innerJoin('questionnaire_responses as r', 'r.id', 'b.response_id')
    .select(['b.instrument', 'r.id', 'r.total', 'r.answered_at', 'r.answered_day'])
    .where('b.clinic_id', '=', clinicId)
    .where('b.patient_id', '=', patientId);
  if (instrument) chosenQ = chosenQ.where('b.instrument', '=', instrument);
  let firstQ = db
    .selectFrom('questionnaire_responses')
    .select(['instrument', 'id', 'total', 'answered_at', 'answered_day', 'created_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('total', 'is not', null);
  if (instrument) firstQ = firstQ.where('instrument', '=', instrument);
  const [chosen, scored] = await Promise.all([
    chosenQ.execute(),
    firstQ.orderBy('created_at').orderBy('id').execute(),
  ]);
  const out = new Map<string, BaselineRef>();
  for (const c of chosen)
    out.set(c.instrument, {
      id: c.id,
      total: c.total,
      answered_at: c.answered_at,
      answered_day: c.answered_day,
      chosen: true,
    });
  for (const r of scored)
    if (!out.has(r.instrument))
      out.set(r.instrument, {
        id: r.id,
        total: r.total,
        answered_at: r.answered_at,
        answered_day: r.answered_day,
        chosen: false,
      });
  return out;
}

/** Scored totals of one instrument answered in [from, before), one answer excluded (relapse's window). */
export async function scoredTotalsBetween(
  db: Db,
  clinicId: string,
  patientId: string,
  instrument: string,
  from: number,
  before: number,
  excludeId: string,
): Promise<number[]> {
  const rows = await db
    .selectFrom('questionnaire_responses')
    .select('total')
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('instrument', '=', instrument)
    .where('total', 'is not', null)
    .where('answered_at', '>=', from)
    .where('answered_at', '<=', before)
    .where('id', '!=', excludeId)
    .execute();
  return rows.flatMap((r) => (r.total === null ? [] : [r.total]));
}

const DAY_MS = 86_400_000;

/**
 * Which of these days (the patient's own calendar days) carry a safety concern (issue 12): a PHQ-9 with
 * item 9 above 0, a completed practice entry at risk of self-harm (diary card or thought record), or a
 * message the patient flagged "I'm not safe". A flagged message is known by its outbox event, keyed by the
 * message (shared/practice/risk.ts notSafeMessageKey), so only the patient's messages around those days
 * are read. No good news, remission or "well done" on such a day.
 */
export async function safetyDaysAmong(
  db: Db,
  clinicId: string,
  patientId: string,
  days: readonly string[],
): Promise<Set<string>> {
  const wanted = [...new Set(days)].sort();
  const found = new Set<string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500);
    const [answers, entries] = await Promise.all([
      db
        .selectFrom('questionnaire_responses')
        .select('answered_day as day')
        .where('clinic_id', '=', clinicId)
        .where('patient_id', '=', patientId)
        .where('answered_day', 'in', chunk)
        .where('item9', '>', 0)
        .execute(),
      db
        .selectFrom('practice_entries')
        .select('day')
        .where('clinic_id', '=', clinicId)
        .where('patient_id', '=', patientId)
        .where('day', 'in', chunk)
        .where('status', '=', 'done')
        .where('risk', 'is not', null)
        .execute(),
    ]);
    for (const r of [...answers, ...entries]) found.add(r.day);
  }
  const first = wanted[0];
  const last = wanted[wanted.length - 1];
  if (first === undefined || last === undefined) return found;
  for (const day of await notSafeMessageDays(db, clinicId, patientId, first, last))
    if (wanted.includes(day)) found.add(day);
  return found;
}

/** The patient's days (from `first` to `last`) with a message flagged "I'm not safe". */
async function notSafeMessageDays(db: Db, clinicId: string, patientId: string, first: string, last: string) {
  // A calendar day somewhere on earth lies within a day either side of the same UTC day.
  const messages = await db
    .selectFrom('messages')
    .select(['id', 'created_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('created_at', '>=', Date.parse(`${first}T00:00:00Z`) - DAY_MS)
    .where('created_at', '<', Date.parse(`${last}T00:00:00Z`) + 2 * DAY_MS)
    .execute();
  if (messages.length === 0) return [];
  const flagged = new Set<string>();
  for (let i = 0; i < messages.length; i += 500) {
    const keys = messages.slice(i, i + 500).map((m) => notSafeMessageKey(m.id));
    const rows = await db
      .selectFrom('outbox_events')
      .select('dedupe_key')
      .where('dedupe_key', 'in', keys)
      .execute();
    for (const r of rows) if (r.dedupe_key) flagged.add(r.dedupe_key);
  }
  if (flagged.size === 0) return [];
  const patient = await db
    .selectFrom('patients')
    .select('time_zone')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .executeTakeFirst();
  const zone = patient?.time_zone ?? 'UTC';
  return messages
    .filter((m) => flagged.has(notSafeMessageKey(m.id)))
    .map((m) => localDate(m.created_at, zone));
}

/**
 * Whether the patient's day had a positive PHQ-9 item 9 (any answer that day), a completed self-harm
 * entry (diary card or thought record) or a message flagged "not safe": no good news that day (issue 12).
 */
export async function safetyConcernOnDay(db: Db, clinicId: string, patientId: string, day: string) {
  return (await safetyDaysAmong(db, clinicId, patientId, [day])).has(day);
}

/** Open "good news" alerts of the patient, with the instrument of the answer each is about. */
export async function openGoodNewsAlerts(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('alerts as a')
    .leftJoin('questionnaire_responses as r', 'r.id', 'a.subject_id')
    .select(['a.id', 'a.version', 'a.title', 'r.instrument'])
    .where('a.clinic_id', '=', clinicId)
    .where('a.patient_id', '=', patientId)
    .where('a.type', '=', 'good_news')
    .where('a.state', '!=', 'resolved')
    .execute();
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

/** Many patients' zones and enrolment times at once (the due schedule of a caseload). */
export async function zonesAndEnrolment(db: Db, clinicId: string, patientIds: readonly string[]) {
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

export async function riskAssessmentsOf(db: Db, clinicId: string, patientId: string, limit: number) {
  return assessmentsWithAuthor(db)
    .where('a.clinic_id', '=', clinicId)
    .where('a.patient_id', '=', patientId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
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
