import type { z } from 'zod';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import type {
  markInputSchema,
  recommendationInputSchema,
  sessionInputSchema,
} from '../../../shared/registry/case-review.js';
import * as repo from './case-review.repository.js';
import { CASE_REVIEW_SESSIONS_MAX } from '../../../shared/lists/limits.js';
import { toMark, toRecommendation, toSession } from './case-review.mapper.js';
import { checkAssignment } from './recommendations.service.js';

/** The patient's case-review record: the current mark and every recommendation, newest first. */
export function patientCaseReview(deps: AppDeps, actor: Actor, patientId: string) {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'case_review.read', resourceType: 'case_review' },
    async (trx) => {
      const mark = await repo.markOf(trx, actor.clinicId, patientId);
      const recs = await repo.recommendationsOfPatient(trx, actor.clinicId, patientId);
      return { mark: mark ? toMark(mark) : null, recommendations: recs.map(toRecommendation) };
    },
  );
}

/** The care manager marks a patient "discuss at case review" (marking again re-words the reason). */
export function markForCaseReview(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: z.infer<typeof markInputSchema>,
) {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'case_review.mark', resourceType: 'case_review' },
    async (trx) => {
      await repo.upsertMark(trx, {
        clinic_id: actor.clinicId,
        patient_id: patientId,
        reason: input.reason,
        marked_by: actor.userId,
        marked_at: deps.clock.now(),
      });
      const mark = await repo.markOf(trx, actor.clinicId, patientId);
      if (!mark) throw notFound('Mark');
      return toMark(mark);
    },
  );
}

export function unmarkForCaseReview(deps: AppDeps, actor: Actor, patientId: string) {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'case_review.unmark', resourceType: 'case_review' },
    async (trx) => {
      await repo.deleteMark(trx, actor.clinicId, patientId);
    },
  );
}

/**
 * The psychiatric consultant (a prescriber on the patient's team) records a recommendation: kept on the
 * record, sent to the team's inbox through the outbox (same transaction), and the patient's mark is cleared
 * (discussed). A retry with the same id returns the first recommendation and emits nothing.
 */
export function recommend(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: z.infer<typeof recommendationInputSchema>,
) {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'case_review.recommend', resourceType: 'case_review_recommendation', resourceId: input.id },
    async (trx) => {
      if (input.sessionId && !(await repo.sessionById(trx, actor.clinicId, input.sessionId)))
        throw new AppError('validation_failed', 'No such case-review session.', [
          { path: 'body.sessionId', message: 'No such case-review session.' },
        ]);
      await checkAssignment(trx, actor, patientId, deps.clock.now(), input);
      const created = await repo.insertRecommendationOnce(trx, {
        id: input.id,
        clinic_id: actor.clinicId,
        patient_id: patientId,
        session_id: input.sessionId,
        by_user_id: actor.userId,
        priority: input.priority,
        summary: input.summary,
        details: input.details,
        created_at: deps.clock.now(),
        assigned_to: input.assignedTo,
        due_date: input.dueDate,
        status: 'open',
        closed_reason: null,
        closed_by: null,
        closed_at: null,
        version: 1,
      });
      const row = await repo.recommendationById(trx, actor.clinicId, input.id);
      if (!row || row.patient_id !== patientId)
        throw new AppError('conflict', 'This id is already used by another recommendation.');
      if (created) {
        await emitEvent(trx, deps.clock, {
          type: 'case_review.recommendation',
          clinicId: actor.clinicId,
          patientId,
          payload: {
            recommendationId: input.id,
            byUserId: actor.userId,
            summary: input.summary,
            priority: input.priority,
          },
          dedupeKey: `case-review-recommendation:${input.id}`,
        });
        await repo.deleteMark(trx, actor.clinicId, patientId);
      }
      return { created, recommendation: toRecommendation(row) };
    },
  );
}

async function sessionView(deps: AppDeps, actor: Actor, row: Awaited<ReturnType<typeof repo.sessionById>>) {
  if (!row) throw notFound('Case review');
  const ids = [row.created_by, ...(JSON.parse(row.participant_ids) as string[])];
  const people = await repo.cliniciansAmong(deps.database.db, actor.clinicId, [...new Set(ids)]);
  return toSession(row, people);
}

/** A care manager schedules a case review with participants (clinicians of the clinic). */
export async function createSession(deps: AppDeps, actor: Actor, input: z.infer<typeof sessionInputSchema>) {
  const participants = [...new Set(input.participantIds.filter((id) => id !== actor.userId))];
  const found = await repo.cliniciansAmong(deps.database.db, actor.clinicId, participants);
  if (found.length !== participants.length)
    throw new AppError('validation_failed', 'Participants must be clinicians of this clinic.');
  const id = newId();
  await deps.database.transaction(async (trx) => {
    await repo.insertSession(trx, {
      id,
      clinic_id: actor.clinicId,
      review_date: input.reviewDate,
      created_by: actor.userId,
      participant_ids: JSON.stringify(participants),
      created_at: deps.clock.now(),
    });
    await deps.audit.record(trx, actor.clinicId, actor, {
      action: 'case_review.session_create',
      resourceType: 'case_review_session',
      resourceId: id,
      patientId: null,
      outcome: 'allowed',
    });
  });
  return sessionView(deps, actor, await repo.sessionById(deps.database.db, actor.clinicId, id));
}

const takesPart = (row: { created_by: string; participant_ids: string }, userId: string) =>
  row.created_by === userId || (JSON.parse(row.participant_ids) as string[]).includes(userId);

/** Sessions the caller created or takes part in, latest date first; at most CASE_REVIEW_SESSIONS_MAX (issue 19). */
export async function mySessions(deps: AppDeps, actor: Actor) {
  const found = (
    await repo.recentSessionsOf(deps.database.db, actor.clinicId, actor.userId, CASE_REVIEW_SESSIONS_MAX + 1)
  ).filter((r) => takesPart(r, actor.userId));
  const rows = found.slice(0, CASE_REVIEW_SESSIONS_MAX);
  const sessions = await Promise.all(rows.map((r) => sessionView(deps, actor, r)));
  return { sessions, hasMore: found.length > rows.length };
}

/**
 * One session to walk through: the marked patients on the caller's caseload (Duet's access rule: a clinician
 * sees only patients whose team they are on) and the recommendations already recorded in it. One audit
 * event for the agenda, like the caseload list.
 */
export async function sessionDetail(deps: AppDeps, actor: Actor, sessionId: string) {
  const row = await repo.sessionById(deps.database.db, actor.clinicId, sessionId);
  if (!row || !takesPart(row, actor.userId)) throw notFound('Case review');
  const session = await sessionView(deps, actor, row);
  return deps.database.transaction(async (trx) => {
    const agenda = await repo.markedOnCaseload(trx, actor.clinicId, actor.userId);
    const recs = await repo.recommendationsOfSession(trx, actor.clinicId, sessionId, actor.userId);
    await deps.audit.record(trx, actor.clinicId, actor, {
      action: 'case_review.agenda_read',
      resourceType: 'case_review_session',
      resourceId: sessionId,
      patientId: null,
      outcome: 'allowed',
    });
    return {
      ...session,
      agenda: agenda.map((a) => ({
        patientId: a.id,
        givenName: a.given_name,
        familyName: a.family_name,
        mark: toMark(a),
      })),
      recommendations: recs.map(toRecommendation),
    };
  });
}
