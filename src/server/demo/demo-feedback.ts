import { localDate } from '../../shared/time/index.js';
import type { AppDeps } from '../platform/deps.js';
import type { Actor } from '../platform/auth/actor.js';
import { newId } from '../platform/ids.js';
import { DEFAULT_LOW_RATING, isLowRating } from '../../shared/feedback/rules.js';
import { listAttendedSessions } from '../features/appointments/index.js';
import * as repo from '../features/feedback/feedback.repository.js';
import { submitSessionFeedback } from '../features/feedback/feedback.service.js';
import { treatmentParts } from '../features/feedback/treatment-parts.js';
import { patientBasics } from '../platform/patients/patient-basics.js';

const DAY_MS = 86_400_000;

/** What demo patients say after sessions, oldest first; the ratings rise as therapy settles in. */
const ANSWERS = [
  { goals: 6, heard: 7, helped: 'Naming what happens before a bad evening.', notHelped: '', change: '' },
  {
    goals: 7,
    heard: 8,
    helped: 'Planning two small things for the weekend.',
    notHelped: 'Talking about work took most of the time.',
    change: 'Leave time at the end for next week.',
  },
  { goals: 8, heard: 9, helped: 'Going over the thought record together.', notHelped: '', change: '' },
  {
    goals: 8,
    heard: 8,
    helped: 'The breathing exercise before a hard conversation.',
    notHelped: '',
    change: '',
  },
];

/** The low rating the therapist should see in the inbox: sent through the real service (alert included). */
const LOW = {
  goals: 3,
  heard: 4,
  helped: '',
  notHelped: 'I felt rushed and did not get to what was on my mind.',
  change: 'Could we start with what I bring, before the homework?',
};

function patientActor(clinicId: string, p: { patientId: string; userId: string }): Actor {
  return {
    userId: p.userId,
    role: 'patient',
    clinicId,
    patientId: p.patientId,
    sessionIdHash: '',
    csrfToken: '',
  };
}

/**
 * Demo feedback (issue 6), after the appointments and practice demos: answers on the demo patients'
 * attended sessions — Sam leaves the latest one open (the home card asks "How was your session?"), Tom's
 * latest carries a low rating (a routine alert to the therapist) — and two rounds of four-weekly ratings
 * of each part of the treatment, 50 and 22 days ago.
 */
export async function seedDemoFeedback(
  deps: AppDeps,
  clinicId: string,
  patients: { patientId: string; userId: string }[],
): Promise<void> {
  const db = deps.database.db;
  const now = deps.clock.now();
  for (const [index, p] of patients.entries()) {
    const basics = await patientBasics(db, clinicId, p.patientId);
    if (!basics) continue;
    const sessions = (await listAttendedSessions(db, clinicId, p.patientId)).filter((s) => s.startsAt <= now);
    const isSam = index === 0;
    const isTom = index === 2;
    const history = isSam ? sessions.slice(0, -1) : isTom ? sessions.slice(0, -1) : sessions;
    for (const [i, s] of history.entries()) {
      const a = ANSWERS[i % ANSWERS.length];
      if (!a) continue;
      await repo.insertSessionFeedback(db, {
        id: newId(),
        clinic_id: clinicId,
        patient_id: p.patientId,
        appointment_id: s.appointmentId,
        session_at: s.startsAt,
        session_day: s.day,
        helped: a.helped,
        not_helped: a.notHelped,
        goals_rating: a.goals,
        heard_rating: a.heard,
        change_request: a.change,
        low: isLowRating(a.goals, a.heard, DEFAULT_LOW_RATING) ? 1 : 0,
        submitted_by: p.userId,
        created_at: Math.min(now, s.startsAt + 5 * 3_600_000),
      });
    }
    const latest = sessions.at(-1);
    if (isTom && latest && now - latest.startsAt < 10 * DAY_MS) {
      await submitSessionFeedback(deps, patientActor(clinicId, p), p.patientId, {
        id: newId(),
        appointmentId: latest.appointmentId,
        helped: LOW.helped,
        notHelped: LOW.notHelped,
        goalsRating: LOW.goals,
        heardRating: LOW.heard,
        change: LOW.change,
      });
    }

    // Two rounds of ratings: medication and practice climbing, sessions steady.
    const parts = await treatmentParts(db, clinicId, p.patientId);
    for (const [round, daysAgo] of [50, 22].entries()) {
      const ratedAt = now - daysAgo * DAY_MS;
      const id = newId();
      await repo.insertTreatmentRating(
        db,
        {
          id,
          clinic_id: clinicId,
          patient_id: p.patientId,
          rated_at: ratedAt,
          rated_day: localDate(ratedAt, basics.timeZone),
          submitted_by: p.userId,
          created_at: ratedAt,
        },
        parts.map((part, position) => ({
          rating_id: id,
          clinic_id: clinicId,
          part_kind: part.kind,
          part_key: part.key,
          label: part.label,
          score:
            part.kind === 'sessions'
              ? 8
              : part.kind === 'medication'
                ? 4 + round * 2 + (index % 2)
                : round === 0 && index === 1
                  ? null
                  : 5 + round * 2,
          position,
        })),
      );
    }
  }
}
