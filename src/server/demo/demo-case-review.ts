import type { AppDeps } from '../platform/deps.js';
import { newId } from '../platform/ids.js';
import * as repo from '../features/case-review/case-review.repository.js';
import { addDays, localDate } from '../../shared/time/index.js';
import { DEMO_CLINICIAN_ZONE, weekdayOnOrAfter } from './demo-hours.js';

/**
 * Demo clinic: the patient who is not improving at week 11 (the third demo patient) is marked for case
 * review by the care manager, and a case review with the prescriber is scheduled three days from now (the
 * Monday after when that is a weekend, in the clinicians' zone).
 */
export async function seedDemoCaseReview(
  deps: AppDeps,
  clinicId: string,
  staff: { careManager: string; prescriber: string },
  patients: { patientId: string }[],
): Promise<void> {
  const stalled = patients[2];
  if (!stalled) return;
  const now = deps.clock.now();
  await deps.database.transaction(async (trx) => {
    await repo.upsertMark(trx, {
      clinic_id: clinicId,
      patient_id: stalled.patientId,
      reason: 'PHQ-9 has fallen only 30% by week 11: discuss a change of treatment.',
      marked_by: staff.careManager,
      marked_at: now,
    });
    await repo.insertSession(trx, {
      id: newId(),
      clinic_id: clinicId,
      review_date: weekdayOnOrAfter(addDays(localDate(now, DEMO_CLINICIAN_ZONE), 3)),
      created_by: staff.careManager,
      participant_ids: JSON.stringify([staff.prescriber]),
      created_at: now,
    });
  });
}
