import { addDays } from '../../../shared/time/index.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { resolveAlertsForSubject } from '../alerts/index.js';
import { clinicSettings } from '../clinic/index.js';
import type { PlanReview, PlanVersion } from '../../../shared/treatment-plans/api-schemas.js';
import type { z } from 'zod';
import type { newReviewSchema } from '../../../shared/treatment-plans/api-schemas.js';
import * as repo from './plans.repository.js';
import * as records from './plan-records.repository.js';
import { parseContent, toReview } from './plans.mapper.js';
import { latestAgreedOf, openDraftOf, readPlan, recordHistory, withPlan } from './plan-context.js';
import { startRevision } from './drafts.service.js';
import { firstOf } from '../../../shared/lists/limit-query.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

type NewReview = z.infer<typeof newReviewSchema>;

const decisionWords = { continue: 'continue', adjust: 'adjust', step_up: 'step up', step_down: 'step down' };

async function reviewsWithNames(
  trx: Parameters<typeof records.reviewsOf>[0],
  clinicId: string,
  planId: string,
  limit?: number,
) {
  const rows = await records.reviewsOf(trx, clinicId, planId, limit);
  const ids = [...new Set(rows.flatMap((r) => JSON.parse(r.participant_ids) as string[]))];
  const people = new Map((await records.usersNamed(trx, clinicId, ids)).map((u) => [u.id, u]));
  return rows.map((r) => toReview(r, people));
}

/**
 * Records a review of the agreed plan. "continue" moves the review date on; adjust / step up / step
 * down start the next draft (or join the draft already open), with the review as its reason.
 */
export function recordReview(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: NewReview,
): Promise<{ review: PlanReview; nextDraft: PlanVersion | null }> {
  return withPlan(deps, actor, patientId, 'plan.review', async (trx) => {
    const plan = await repo.findPlanOfPatient(trx, actor.clinicId, patientId);
    const agreed = plan ? await latestAgreedOf(trx, actor.clinicId, plan.id) : undefined;
    if (!plan || !agreed) throw new AppError('conflict', 'There is no agreed plan to review yet.');
    const basics = await patientBasics(trx, actor.clinicId, patientId);
    const team = new Set((basics?.careTeam ?? []).map((m) => m.userId));
    const problems = [
      ...input.participantUserIds
        .map((id, i) => ({ id, i }))
        .filter(({ id }) => !team.has(id))
        .map(({ i }) => ({ path: `body.participantUserIds.${String(i)}`, message: 'Not on the care team' })),
      ...input.goalProgress
        .map((g, i) => ({ g, i }))
        .filter(({ g }) => !parseContent(agreed.content).goals.some((x) => x.id === g.goalId))
        .map(({ i }) => ({
          path: `body.goalProgress.${String(i)}.goalId`,
          message: 'Not a goal of the plan',
        })),
    ];
    if (problems.length > 0)
      throw new AppError('validation_failed', 'The review names unknown people or goals.', problems);

    let nextDraft: PlanVersion | null = null;
    let nextReviewDate: string | null = null;
    if (input.decision === 'continue') {
      const weeks = (await clinicSettings(trx, actor.clinicId)).planReviewWeeks;
      nextReviewDate = input.nextReviewDate ?? addDays(input.heldOn, weeks * 7);
    } else {
      const open = await openDraftOf(trx, actor.clinicId, plan.id);
      const reason = `Review on ${input.heldOn}: ${decisionWords[input.decision]}. ${input.notes}`;
      // A draft already open is where the change goes; otherwise the review starts one.
      if (!open) nextDraft = await startRevision(trx, deps, actor, patientId, reason);
    }
    const nextVersionId = nextDraft?.id ?? (await openDraftOf(trx, actor.clinicId, plan.id))?.id ?? null;
    await repo.setVersionState(trx, actor.clinicId, agreed.id, {
      review_date: nextReviewDate,
      review_cycle: agreed.review_cycle + 1,
    });
    const id = newId();
    await records.insertReview(trx, {
      id,
      clinic_id: actor.clinicId,
      plan_id: plan.id,
      version_id: agreed.id,
      held_on: input.heldOn,
      participant_ids: JSON.stringify(input.participantUserIds),
      patient_took_part: input.patientTookPart ? 1 : 0,
      goal_progress: JSON.stringify(input.goalProgress),
      decision: input.decision,
      notes: input.notes,
      next_version_id: nextVersionId,
      next_review_date: nextReviewDate,
      recorded_by: actor.userId,
      created_at: deps.clock.now(),
    });
    await recordHistory(trx, deps, actor, {
      planId: plan.id,
      versionId: agreed.id,
      action: 'reviewed',
      reason: decisionWords[input.decision],
    });
    await resolveAlertsForSubject(trx, deps, {
      clinicId: actor.clinicId,
      subjectId: agreed.id,
      note: 'Review recorded.',
      byUserId: actor.userId,
    });
    const review = (await reviewsWithNames(trx, actor.clinicId, plan.id)).find((r) => r.id === id);
    if (!review) throw new AppError('internal', 'Review not stored');
    return { review, nextDraft };
  });
}

/** The latest `limit` reviews, newest first; `hasMore` when older ones exist (issue 19). */
export function listReviews(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  limit: number,
): Promise<{ reviews: PlanReview[]; hasMore: boolean }> {
  return readPlan(deps, actor, patientId, 'plan.read_reviews', async (trx) => {
    const plan = await repo.findPlanOfPatient(trx, actor.clinicId, patientId);
    if (!plan) return { reviews: [], hasMore: false };
    const { rows, hasMore } = firstOf(await reviewsWithNames(trx, actor.clinicId, plan.id, limit + 1), limit);
    return { reviews: rows, hasMore };
  });
}
