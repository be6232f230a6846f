import type { Db } from '../../db/database.js';
import type { QuestionnaireResponse } from '../../../shared/measures/schemas.js';
import { safetyDaysAmong } from './measures.repository.js';

/**
 * Issue 12: an answer given on a safety day (PHQ-9 item 9 above 0 that day, a self-harm practice entry or a
 * message flagged "I'm not safe") is never read as remission or response, whatever its total: nothing says
 * good news, "Remission" or "well done" beside it (the mapper already does this for the answer's own
 * item 9). Only answers that would read as good news are looked up.
 */
export async function quietOnSafetyDays(
  trx: Db,
  clinicId: string,
  patientId: string,
  responses: QuestionnaireResponse[],
): Promise<QuestionnaireResponse[]> {
  const hopeful = responses.filter((r) => r.interpretation.remission || r.interpretation.response);
  if (hopeful.length === 0) return responses;
  const days = await safetyDaysAmong(
    trx,
    clinicId,
    patientId,
    hopeful.map((r) => r.answeredDay),
  );
  return responses.map((r) =>
    days.has(r.answeredDay)
      ? { ...r, interpretation: { ...r.interpretation, remission: false, response: false } }
      : r,
  );
}
