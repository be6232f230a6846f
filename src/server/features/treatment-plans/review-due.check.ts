import { localDate } from '../../../shared/time/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import * as records from './plan-records.repository.js';
import { timeSlices } from '../../platform/single-flight.js';

// The earliest time zone on Earth (UTC+14): no patient's "today" is later than today there.
const AHEAD_ZONE = 'Pacific/Kiritimati';

/** The dedupe key of one review cycle of one version: emitted once however often the check runs. */
export const reviewDueKey = (versionId: string, cycle: number): string =>
  cycle === 0 ? `review-due:${versionId}` : `review-due:${versionId}:${String(cycle)}`;

/**
 * Scheduled check: an agreed plan whose review date has come (in the patient's time zone) emits
 * plan.review_due; the alert rule routes it to the therapist and the prescriber.
 */
export async function checkPlanReviewsDue(deps: AppDeps): Promise<number> {
  // Issue 19: a turn for the event loop whenever a slice has run 8 ms; each commit flushed off the loop.
  const slices = timeSlices();
  const now = deps.clock.now();
  const candidates = await records.reviewsFallingDue(deps.database.db, localDate(now, AHEAD_ZONE));
  let emitted = 0;
  for (const v of candidates) {
    if (v.review_date === null || localDate(now, v.time_zone) < v.review_date) continue;
    const reviewDate = v.review_date;
    await slices.maybeYield();
    await deps.database.durableTransaction((trx) =>
      emitEvent(trx, deps.clock, {
        type: 'plan.review_due',
        clinicId: v.clinic_id,
        patientId: v.patient_id,
        payload: { planId: v.plan_id, versionId: v.id, reviewDate },
        dedupeKey: reviewDueKey(v.id, v.review_cycle),
      }),
    );
    emitted++;
  }
  return emitted;
}
