import type { Db } from '../../db/database.js';
import type { QuestionnaireResponseTable } from '../../db/schema-measures.js';
import { refreshMeasureSummary } from './summaries.repository.js';
import { refreshLastContact } from '../last-contact/index.js';

/**
 * Inserts a response and brings the patient's summary row up to date (call inside the answer's
 * transaction); false when the id already exists (a retry, or an id someone else used). Kept apart from
 * measures.repository.ts, whose reads the summary uses, so the two repositories do not import each other.
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
