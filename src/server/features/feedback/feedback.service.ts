import { addDays, localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import { clinicSettings } from '../clinic/index.js';
import {
  DEFAULT_LOW_RATING,
  FEEDBACK_OPEN_DAYS,
  feedbackClosesOn,
  feedbackWindow,
  isLowRating,
} from '../../../shared/feedback/rules.js';
import type {
  AwaitingFeedback,
  NewSessionFeedback,
  SessionFeedback,
  SessionFeedbackForm,
  SessionFeedbackList,
} from '../../../shared/feedback/schemas.js';
import * as repo from './feedback.repository.js';
import * as sources from './sources.js';
import { toSessionFeedback } from './feedback.mapper.js';
import { SESSION_FEEDBACK_MAX } from '../../../shared/lists/limits.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

const DAY_MS = 86_400_000;

async function patientOf(trx: Db, clinicId: string, patientId: string) {
  const patient = await patientBasics(trx, clinicId, patientId);
  if (!patient) throw notFound('Patient');
  return patient;
}

async function lowThreshold(trx: Db, clinicId: string): Promise<number> {
  return (await clinicSettings(trx, clinicId)).feedbackLowRating ?? DEFAULT_LOW_RATING;
}

/** Attended sessions whose form is open (held, within the window) and not yet answered, newest first. */
export async function awaitingFeedback(
  trx: Db,
  clinicId: string,
  patient: { id: string; timeZone: string },
  now: number,
): Promise<AwaitingFeedback[]> {
  // The window is counted in the patient's days: a margin here, then the exact test per session.
  const sessions = await sources.attendedSessionsSince(
    trx,
    clinicId,
    patient.id,
    now - (FEEDBACK_OPEN_DAYS + 2) * DAY_MS,
  );
  const answered = await repo.answeredSessions(
    trx,
    clinicId,
    sessions.map((s) => s.appointmentId),
  );
  const today = localDate(now, patient.timeZone);
  return sessions
    .filter((s) => !answered.has(s.appointmentId) && feedbackWindow(s.startsAt, s.day, now, today) === 'open')
    .map((s) => ({
      appointmentId: s.appointmentId,
      sessionAt: s.startsAt,
      sessionDay: s.day,
      closesOn: feedbackClosesOn(s.day),
    }))
    .reverse();
}

/** Every answer of the patient (oldest first) and the sessions still waiting for one. */
export function listSessionFeedback(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
): Promise<SessionFeedbackList> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'feedback.list', resourceType: 'session_feedback' },
    async (trx) => {
      const patient = await patientOf(trx, actor.clinicId, patientId);
      const found = await repo.feedbackOfPatient(trx, actor.clinicId, patientId, SESSION_FEEDBACK_MAX + 1);
      const rows = found.slice(0, SESSION_FEEDBACK_MAX).reverse();
      return {
        feedback: rows.map(toSessionFeedback),
        hasMore: found.length > rows.length,
        awaiting: await awaitingFeedback(trx, actor.clinicId, patient, deps.clock.now()),
        lowRatingThreshold: await lowThreshold(trx, actor.clinicId),
      };
    },
  );
}

/** One session's form: open, already answered, or closed. Unknown, unattended or future sessions: 404. */
export function sessionFeedbackForm(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  appointmentId: string,
): Promise<SessionFeedbackForm> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'feedback.read', resourceType: 'session_feedback', resourceId: appointmentId },
    async (trx) => {
      const patient = await patientOf(trx, actor.clinicId, patientId);
      const session = await sources.attendedSession(trx, actor.clinicId, patientId, appointmentId);
      const now = deps.clock.now();
      if (!session || session.startsAt > now) throw notFound('Attended session');
      const sessionDay = session.day;
      const existing = await repo.feedbackForSession(trx, actor.clinicId, appointmentId);
      const window = feedbackWindow(session.startsAt, sessionDay, now, localDate(now, patient.timeZone));
      return {
        appointmentId,
        sessionAt: session.startsAt,
        sessionDay,
        closesOn: feedbackClosesOn(sessionDay),
        state: existing ? 'answered' : window === 'open' ? 'open' : 'closed',
        feedback: existing ? toSessionFeedback(existing) : null,
      };
    },
  );
}

/**
 * The patient's feedback on one attended session. Idempotent on the client's id; one answer per session
 * (a second id for an answered session is a 409). Open from the session's start until 14 days after its
 * day. In the same transaction: `feedback.session_rated`, which raises a routine alert to the therapist
 * when a rating is at or below the clinic's threshold.
 */
export function submitSessionFeedback(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: NewSessionFeedback,
): Promise<{ feedback: SessionFeedback; created: boolean }> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'feedback.submit', resourceType: 'session_feedback', resourceId: input.id },
    async (trx) => {
      const retry = async () => {
        const existing = await repo.findSessionFeedback(trx, actor.clinicId, input.id);
        if (existing?.patient_id === patientId && existing.appointment_id === input.appointmentId)
          return { feedback: toSessionFeedback(existing), created: false };
        if (existing)
          throw new AppError('conflict', 'This feedback id is already used. Send a new id.', [
            { path: 'body.id', message: 'Already used' },
          ]);
        throw new AppError('conflict', 'You have already given feedback on this session.', [
          { path: 'body.appointmentId', message: 'Already answered' },
        ]);
      };
      if (await repo.findSessionFeedback(trx, actor.clinicId, input.id)) return retry();

      const patient = await patientOf(trx, actor.clinicId, patientId);
      const session = await sources.attendedSession(trx, actor.clinicId, patientId, input.appointmentId);
      const now = deps.clock.now();
      // Not this patient's, not attended, or not yet held: the same answer as an unknown session.
      if (!session || session.startsAt > now) throw notFound('Attended session');
      const sessionDay = session.day;
      if (feedbackWindow(session.startsAt, sessionDay, now, localDate(now, patient.timeZone)) === 'closed')
        throw new AppError(
          'validation_failed',
          `Feedback on a session is open for ${String(FEEDBACK_OPEN_DAYS)} days after it.`,
          [{ path: 'body.appointmentId', message: `Closed on ${addDays(sessionDay, FEEDBACK_OPEN_DAYS)}` }],
        );
      if (await repo.feedbackForSession(trx, actor.clinicId, input.appointmentId)) return retry();

      const threshold = await lowThreshold(trx, actor.clinicId);
      const low = isLowRating(input.goalsRating, input.heardRating, threshold);
      const inserted = await repo.insertSessionFeedback(trx, {
        id: input.id,
        clinic_id: actor.clinicId,
        patient_id: patientId,
        appointment_id: input.appointmentId,
        session_at: session.startsAt,
        session_day: sessionDay,
        helped: input.helped,
        not_helped: input.notHelped,
        goals_rating: input.goalsRating,
        heard_rating: input.heardRating,
        change_request: input.change,
        low: low ? 1 : 0,
        submitted_by: actor.userId,
        created_at: now,
      });
      if (!inserted) return retry();
      await emitEvent(trx, deps.clock, {
        type: 'feedback.session_rated',
        clinicId: actor.clinicId,
        patientId,
        payload: {
          feedbackId: input.id,
          appointmentId: input.appointmentId,
          sessionDay,
          goalsRating: input.goalsRating,
          heardRating: input.heardRating,
          lowThreshold: threshold,
        },
      });
      const row = await repo.findSessionFeedback(trx, actor.clinicId, input.id);
      if (!row) throw new Error('feedback vanished inside its transaction');
      return { feedback: toSessionFeedback(row), created: true };
    },
  );
}
