import type { z } from 'zod';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import { withPatientRecord } from '../../platform/access/patient-access.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import { resolveAlertsForSubject } from '../alerts/index.js';
import { localDate } from '../../../shared/time/index.js';
import {
  isOverdue,
  type closeRecommendationSchema,
  type MyRecommendation,
} from '../../../shared/case-review/recommendations.js';
import * as repo from './case-review.repository.js';
import * as recs from './recommendations.repository.js';
import { toRecommendation } from './case-review.mapper.js';
import { MY_RECOMMENDATIONS_MAX } from '../../../shared/lists/limits.js';

/**
 * Checks the assignee and due day of a new recommendation (issue 15): the assignee must be on the patient's
 * care team and the due day must not have passed on the patient's calendar. Field errors for the form.
 */
export async function checkAssignment(
  trx: Db,
  actor: Actor,
  patientId: string,
  now: number,
  input: { assignedTo: string | null; dueDate: string | null },
): Promise<void> {
  const patient = await patientBasics(trx, actor.clinicId, patientId);
  if (!patient) throw notFound('Patient');
  const problems: { path: string; message: string }[] = [];
  if (input.assignedTo !== null && !patient.careTeam.some((m) => m.userId === input.assignedTo))
    problems.push({ path: 'body.assignedTo', message: "Assign it to someone on the patient's care team." });
  const today = localDate(now, patient.timeZone);
  if (input.dueDate !== null && input.dueDate < today)
    problems.push({ path: 'body.dueDate', message: `The due date has passed; choose ${today} or later.` });
  if (problems.length > 0)
    throw new AppError('validation_failed', problems.map((p) => p.message).join(' '), problems);
}

/**
 * Marks a recommendation done or declined (with the reason). Allowed for the assignee and the consultant who
 * wrote it; an unassigned one (the whole team's) for anyone on the team. If-Match: the version the person saw.
 */
export function closeRecommendation(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  recommendationId: string,
  expectedVersion: number,
  input: z.output<typeof closeRecommendationSchema>,
) {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    {
      action: `case_review.recommendation_${input.outcome}`,
      resourceType: 'case_review_recommendation',
      resourceId: recommendationId,
    },
    async (trx) => {
      const row = await repo.recommendationById(trx, actor.clinicId, recommendationId);
      if (row?.patient_id !== patientId) throw notFound('Recommendation');
      const mayClose =
        row.assigned_to === null || row.assigned_to === actor.userId || row.by_user_id === actor.userId;
      if (!mayClose)
        throw new AppError(
          'forbidden',
          `Only ${row.assigned_to_name ?? 'the assignee'} or ${row.by_name} can close this recommendation.`,
        );
      if (row.status !== 'open')
        throw new AppError('conflict', `This recommendation is already marked ${row.status}.`, {
          current: toRecommendation(row),
        });
      const closed = await recs.closeRecommendation(trx, actor.clinicId, recommendationId, expectedVersion, {
        status: input.outcome,
        reason: input.reason,
        by: actor.userId,
        at: deps.clock.now(),
      });
      if (!closed)
        throw new AppError(
          'precondition_failed',
          'Someone changed this recommendation after you opened it. Review it and try again.',
          { current: toRecommendation(row) },
        );
      await emitEvent(trx, deps.clock, {
        type: 'case_review.recommendation_closed',
        clinicId: actor.clinicId,
        patientId,
        payload: {
          recommendationId,
          outcome: input.outcome,
          byUserId: actor.userId,
          summary: row.summary,
          reason: input.reason,
        },
        dedupeKey: `case-review-recommendation-closed:${recommendationId}`,
      });
      // The team's inbox alert about it has done its work.
      await resolveAlertsForSubject(trx, deps, {
        clinicId: actor.clinicId,
        subjectId: recommendationId,
        note: input.outcome === 'done' ? 'Recommendation done.' : `Recommendation declined: ${input.reason}`,
        byUserId: actor.userId,
      });
      const after = await repo.recommendationById(trx, actor.clinicId, recommendationId);
      if (!after) throw notFound('Recommendation');
      return toRecommendation(after);
    },
  );
}

/**
 * "My recommendations": the open ones assigned to the caller, oldest first, overdue marked on each patient's
 * calendar. One read event per patient shown (the list appears in each one's access report).
 */
export async function myRecommendations(
  deps: AppDeps,
  actor: Actor,
): Promise<{ recommendations: MyRecommendation[]; hasMore: boolean }> {
  const now = deps.clock.now();
  const found = await openRecommendationsAssignedTo(
    deps.database.db,
    actor.clinicId,
    actor.userId,
    now,
    MY_RECOMMENDATIONS_MAX + 1,
  );
  const rows = found.slice(0, MY_RECOMMENDATIONS_MAX);
  // One list event naming the patients shown (issue 19: in each one's access report).
  await deps.audit.recordListRead(actor.clinicId, actor, {
    action: 'case_review.my_recommendations_read',
    resourceType: 'case_review_recommendation',
    resourceId: null,
    patientIds: rows.map((r) => r.patientId),
  });
  return { recommendations: rows, hasMore: found.length > rows.length };
}

/**
 * The open recommendations assigned to a clinician (for the worklist: it only reads; the caller audits the
 * patients it shows, as myRecommendations does).
 */
export async function openRecommendationsAssignedTo(
  db: Db,
  clinicId: string,
  userId: string,
  now: number,
  limit: number = MY_RECOMMENDATIONS_MAX,
): Promise<MyRecommendation[]> {
  const rows = await recs.openAssignedTo(db, clinicId, userId, limit);
  return rows
    .map((r) => {
      const rec = toRecommendation(r);
      return {
        ...rec,
        patientGivenName: r.given_name,
        patientFamilyName: r.family_name,
        overdue: isOverdue(rec, localDate(now, r.time_zone)),
      };
    })
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.createdAt - b.createdAt);
}
