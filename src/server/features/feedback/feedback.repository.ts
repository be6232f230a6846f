import type { Db } from '../../db/database.js';
import type {
  SessionFeedbackTable,
  TreatmentRatingItemTable,
  TreatmentRatingTable,
} from '../../db/schema-feedback.js';

/** Inserts an answer; false when the id, or the session, already has one (a retry or a second device). */
export async function insertSessionFeedback(db: Db, row: SessionFeedbackTable): Promise<boolean> {
  const result = await db
    .insertInto('session_feedback')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** By id within the clinic only: the caller checks it is this patient's. */
export async function findSessionFeedback(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('session_feedback')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
}
export type SessionFeedbackRow = SessionFeedbackTable;

export async function feedbackForSession(db: Db, clinicId: string, appointmentId: string) {
  return db
    .selectFrom('session_feedback')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('appointment_id', '=', appointmentId)
    .executeTakeFirst();
}

/** A patient's answers in the order of the sessions (oldest first, as the trend reads them). */
/** The latest `limit` by session, newest first (issue 19: a bound leaves out the oldest). */
export async function feedbackOfPatient(db: Db, clinicId: string, patientId: string, limit: number) {
  return db
    .selectFrom('session_feedback')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .orderBy('session_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertTreatmentRating(
  db: Db,
  row: TreatmentRatingTable,
  items: readonly TreatmentRatingItemTable[],
): Promise<boolean> {
  const result = await db
    .insertInto('treatment_ratings')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
  if (items.length > 0)
    await db
      .insertInto('treatment_rating_items')
      .values([...items])
      .execute();
  return true;
}

export async function findTreatmentRating(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('treatment_ratings')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A patient's rating rounds, oldest first, with their items. */
/** The latest `limit` rounds, answered oldest first, with their items. */
export async function treatmentRatingsOfPatient(db: Db, clinicId: string, patientId: string, limit: number) {
  const rounds = (
    await db
      .selectFrom('treatment_ratings')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('patient_id', '=', patientId)
      .orderBy('rated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute()
  ).reverse();
  const items = await ratingItems(
    db,
    clinicId,
    rounds.map((r) => r.id),
  );
  return { rounds, items };
}

/** The day of the patient's first rating round ever (null: none yet). */
export async function firstRatedDay(db: Db, clinicId: string, patientId: string): Promise<string | null> {
  const row = await db
    .selectFrom('treatment_ratings')
    .select('rated_day')
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .orderBy('rated_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.rated_day ?? null;
}

export async function ratingItems(db: Db, clinicId: string, ratingIds: readonly string[]) {
  if (ratingIds.length === 0) return [];
  return db
    .selectFrom('treatment_rating_items')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('rating_id', 'in', ratingIds)
    .orderBy('position')
    .execute();
}

export async function clinicIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('clinics').select('id').execute()).map((r) => r.id);
}

/** Sessions already nudged by email, of these. */
export async function nudgedSessions(db: Db, clinicId: string, appointmentIds: readonly string[]) {
  if (appointmentIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('feedback_nudges')
    .select('appointment_id')
    .where('clinic_id', '=', clinicId)
    .where('appointment_id', 'in', appointmentIds)
    .execute();
  return new Set(rows.map((r) => r.appointment_id));
}

export async function insertNudge(
  db: Db,
  row: { clinic_id: string; appointment_id: string; patient_id: string; sent_at: number },
): Promise<boolean> {
  const result = await db
    .insertInto('feedback_nudges')
    .values(row)
    .onConflict((oc) => oc.columns(['clinic_id', 'appointment_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Which of these sessions have an answer. */
export async function answeredSessions(db: Db, clinicId: string, appointmentIds: readonly string[]) {
  if (appointmentIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('session_feedback')
    .select('appointment_id')
    .where('clinic_id', '=', clinicId)
    .where('appointment_id', 'in', appointmentIds)
    .execute();
  return new Set(rows.map((r) => r.appointment_id));
}
