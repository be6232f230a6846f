import type { Db } from '../../db/database.js';
import { baselineOf, safetyConcernOnDay, scoredTotalsBetween } from './measures.repository.js';
import { RELAPSE_WINDOW_DAYS } from '../../../shared/measures/interpretation.js';

const DAY_MS = 86_400_000;

/**
 * measure_summaries: each patient's baseline (the chosen one, else the first scored answer recorded; issue 12)
 * and latest scored answer per instrument, with the count of scored answers, the lowest total of the 12 weeks
 * before the latest (relapse) and whether the latest answer's day had a safety concern. Refreshed in the same transaction as every stored answer, so readers (the
 * registry, the treat-to-target check) never see it out of step with questionnaire_responses.
 */
const scored = (db: Db, clinicId: string, patientId: string, instrument: string) =>
  db
    .selectFrom('questionnaire_responses')
    .select(['id', 'total', 'answered_at', 'answered_day'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('instrument', '=', instrument)
    .where('total', 'is not', null);

export async function refreshMeasureSummary(
  db: Db,
  clinicId: string,
  patientId: string,
  instrument: string,
): Promise<void> {
  const [first, last, count] = await Promise.all([
    baselineOf(db, clinicId, patientId, instrument),
    scored(db, clinicId, patientId, instrument)
      .orderBy('answered_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst(),
    db
      .selectFrom('questionnaire_responses')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('clinic_id', '=', clinicId)
      .where('patient_id', '=', patientId)
      .where('instrument', '=', instrument)
      .where('total', 'is not', null)
      .executeTakeFirstOrThrow(),
  ]);
  if (!first || !last || first.total === null || last.total === null) return;
  const lastAt = last.answered_at;
  const [recent, concern] = await Promise.all([
    scoredTotalsBetween(
      db,
      clinicId,
      patientId,
      instrument,
      lastAt - RELAPSE_WINDOW_DAYS * DAY_MS,
      lastAt,
      last.id,
    ),
    safetyConcernOnDay(db, clinicId, patientId, last.answered_day),
  ]);
  const row = {
    first_id: first.id,
    first_total: first.total,
    first_at: first.answered_at,
    first_day: first.answered_day,
    last_id: last.id,
    last_total: last.total,
    last_at: last.answered_at,
    last_day: last.answered_day,
    scored_count: Number(count.n),
    recent_best_total: recent.length > 0 ? Math.min(...recent) : null,
    safety_same_day: concern ? 1 : 0,
  };
  await db
    .insertInto('measure_summaries')
    .values({ clinic_id: clinicId, patient_id: patientId, instrument, ...row })
    .onConflict((oc) => oc.columns(['patient_id', 'instrument']).doUpdateSet(row))
    .execute();
}

/** Rebuilds every summary of a clinic (after bulk loads that bypass the measures service). */
/** Refreshes every summary of one patient (after a safety signal that may change "same day"). */
export async function refreshPatientSummaries(db: Db, clinicId: string, patientId: string): Promise<void> {
  for (const instrument of ['phq9', 'gad7']) await refreshMeasureSummary(db, clinicId, patientId, instrument);
}

export async function rebuildMeasureSummaries(db: Db, clinicId: string): Promise<void> {
  const pairs = await db
    .selectFrom('questionnaire_responses')
    .select(['patient_id', 'instrument'])
    .where('clinic_id', '=', clinicId)
    .where('total', 'is not', null)
    .groupBy(['patient_id', 'instrument'])
    .execute();
  for (const p of pairs) await refreshMeasureSummary(db, clinicId, p.patient_id, p.instrument);
}
