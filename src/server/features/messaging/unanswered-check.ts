import type { AppDeps } from '../../platform/deps.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import { UNANSWERED_AFTER_WORKING_DAYS, workingDaysElapsed } from '../../../shared/messaging/working-days.js';
import * as conversations from './conversations.repository.js';
import { timeSlices } from '../../platform/single-flight.js';

const DAY_MS = 86_400_000;
const BATCH = 200;

/**
 * Scheduled check: a patient's message with no clinician answer after 2 working days (Mon–Fri, UTC days
 * for now) raises `message.unanswered`, once per waiting message (dedupe key `unanswered:<messageId>`).
 * Only the first unanswered message of a run counts: one alert per wait, not one per message.
 */
export async function checkUnansweredMessages(deps: AppDeps): Promise<void> {
  // Issue 19: a turn for the event loop whenever a slice has run 8 ms; each commit flushed off the loop.
  const slices = timeSlices();
  const now = deps.clock.now();
  // N working days always span at least N calendar days, so older candidates are the only ones worth reading.
  const candidates = await conversations.awaitingAnswer(
    deps.database.db,
    now - UNANSWERED_AFTER_WORKING_DAYS * DAY_MS,
    BATCH,
  );
  for (const c of candidates) {
    if (c.awaiting_message_id === null || c.awaiting_since === null) continue;
    if (!workingDaysElapsed(c.awaiting_since, now)) continue;
    const messageId = c.awaiting_message_id;
    const sentAt = c.awaiting_since;
    await slices.maybeYield();
    await deps.database.durableTransaction(async (trx) => {
      await emitEvent(trx, deps.clock, {
        type: 'message.unanswered',
        clinicId: c.clinic_id,
        patientId: c.patient_id,
        payload: { conversationId: c.id, messageId, sentAt },
        dedupeKey: `unanswered:${messageId}`,
      });
      await conversations.markUnansweredEmitted(trx, c.clinic_id, c.id, messageId);
    });
  }
}
