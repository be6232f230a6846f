import { localDate } from '../../../shared/time/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { notifyByEmail } from '../../platform/notify/notify.js';
import { FEEDBACK_OPEN_DAYS, feedbackWindow } from '../../../shared/feedback/rules.js';
import * as repo from './feedback.repository.js';
import * as sources from './sources.js';
import { timeSlices } from '../../platform/single-flight.js';

const DAY_MS = 86_400_000;

/**
 * The feedback nudge (issue 6): once per attended session whose form is open and unanswered, the patient
 * gets one email — "Your care team would like your feedback in Duet" and a sign-in link, never which
 * session or with whom. The in-app prompt is the card on the patient's home. The nudge is recorded
 * (feedback_nudges) in the same transaction as the email's outbox row, and the email goes only when that
 * record is new, so reruns and a second instance never send twice.
 */
export async function checkFeedbackNudges(deps: AppDeps): Promise<void> {
  // Issue 19: a turn for the event loop whenever a slice has run 8 ms; each commit flushed off the loop.
  const slices = timeSlices();
  const db = deps.database.db;
  const now = deps.clock.now();
  for (const clinicId of await repo.clinicIds(db)) {
    const sessions = await sources.attendedSessionsOfClinic(
      db,
      clinicId,
      now - (FEEDBACK_OPEN_DAYS + 2) * DAY_MS,
      now + 1,
    );
    if (sessions.length === 0) continue;
    const ids = sessions.map((s) => s.id);
    const answered = await repo.answeredSessions(db, clinicId, ids);
    const nudged = await repo.nudgedSessions(db, clinicId, ids);
    for (const s of sessions) {
      if (answered.has(s.id) || nudged.has(s.id)) continue;
      if (feedbackWindow(s.starts_at, s.local_day, now, localDate(now, s.time_zone)) !== 'open') continue;
      await slices.maybeYield();
      await deps.database.durableTransaction(async (trx) => {
        const fresh = await repo.insertNudge(trx, {
          clinic_id: clinicId,
          appointment_id: s.id,
          patient_id: s.patient_id,
          sent_at: now,
        });
        if (fresh) await notifyByEmail(trx, deps, clinicId, [s.user_id], 'feedback');
      });
    }
  }
}
