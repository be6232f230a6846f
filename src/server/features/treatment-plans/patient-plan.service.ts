import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Role } from '../../../shared/access/roles.js';
import { buildPatientView } from '../../../shared/treatment-plans/patient-view.js';
import type { PatientView, PlanVersion } from '../../../shared/treatment-plans/api-schemas.js';
import type { PlanContent } from '../../../shared/treatment-plans/schemas.js';
import * as repo from './plans.repository.js';
import * as records from './plan-records.repository.js';
import { parseContent } from './plans.mapper.js';
import {
  latestAgreedOf,
  loadVersion,
  recordHistory,
  reloadVersion,
  readPlan,
  requirePlan,
  withPlan,
} from './plan-context.js';
import { visibleTo } from './plan-reads.service.js';
import { withLinkedMedications } from '../medications/index.js';
import { differencesOf, medicationRecordsNow } from './plan-medications.js';

/** The patient confirms they have read the agreed plan. */
export function acknowledgePlan(deps: AppDeps, actor: Actor, patientId: string): Promise<PlanVersion> {
  return withPlan(deps, actor, patientId, 'plan.acknowledge', async (trx) => {
    const plan = await repo.findPlanOfPatient(trx, actor.clinicId, patientId);
    const agreed = plan ? await latestAgreedOf(trx, actor.clinicId, plan.id) : undefined;
    if (!plan || !agreed) throw new AppError('conflict', 'There is no agreed plan to acknowledge yet.');
    if (agreed.acknowledged_at !== null) return loadVersion(trx, actor.clinicId, agreed);
    await repo.setVersionState(trx, actor.clinicId, agreed.id, {
      acknowledged_at: deps.clock.now(),
      acknowledged_by: actor.userId,
    });
    await recordHistory(trx, deps, actor, { planId: plan.id, versionId: agreed.id, action: 'acknowledged' });
    return (await reloadVersion(trx, actor.clinicId, plan.id, agreed.number)).dto;
  });
}

/** A version the patient can see (comments are the patient's thread with the team on an agreed version). */
async function commentableVersion(trx: Db, actor: Actor, patientId: string, number: number) {
  const plan = await requirePlan(trx, actor, patientId);
  const row = await repo.findVersion(trx, actor.clinicId, plan.id, number);
  if (!row || !visibleTo(actor, row)) throw new AppError('not_found', 'Plan version not found');
  if (!visibleTo({ ...actor, role: 'patient' }, row))
    throw new AppError('conflict', 'Comments are for agreed versions, which the patient can see.');
  return row;
}

const toComment = (number: number) => (c: Awaited<ReturnType<typeof records.commentsOf>>[number]) => ({
  id: c.id,
  versionNumber: number,
  author: { userId: c.author_id, name: c.name, role: c.role as Role },
  body: c.body,
  createdAt: c.created_at,
});

/** The latest `limit` comments on one version, oldest first; `hasMore` when older ones exist (issue 19). */
export function listComments(deps: AppDeps, actor: Actor, patientId: string, number: number, limit: number) {
  return readPlan(deps, actor, patientId, 'plan.read_comments', async (trx) => {
    const row = await commentableVersion(trx, actor, patientId, number);
    const found = await records.commentsOf(trx, actor.clinicId, row.id, limit + 1);
    // Oldest first: one beyond the limit is the oldest, left out.
    const hasMore = found.length > limit;
    return { comments: (hasMore ? found.slice(1) : found).map(toComment(number)), hasMore };
  });
}

/** The patient asks or comments about their plan; clinicians on the team answer in the same thread. */
export function addComment(deps: AppDeps, actor: Actor, patientId: string, number: number, body: string) {
  return withPlan(deps, actor, patientId, 'plan.comment', async (trx) => {
    const row = await commentableVersion(trx, actor, patientId, number);
    const id = newId();
    await records.insertComment(trx, {
      id,
      clinic_id: actor.clinicId,
      plan_id: row.plan_id,
      version_id: row.id,
      author_id: actor.userId,
      body,
      created_at: deps.clock.now(),
    });
    // The comment just added is among the newest (created now; 50 leaves room for ties in one millisecond).
    const latest = (await records.commentsOf(trx, actor.clinicId, row.id, 50)).map(toComment(number));
    const created = latest.find((c) => c.id === id);
    if (!created) throw new AppError('internal', 'Comment not stored');
    return created;
  });
}

/** The agreed plan explained in plain language, or null while there is no agreed plan. */
export function patientView(deps: AppDeps, actor: Actor, patientId: string): Promise<PatientView | null> {
  return readPlan(deps, actor, patientId, 'plan.patient_view', async (trx) => {
    const plan = await repo.findPlanOfPatient(trx, actor.clinicId, patientId);
    const agreed = plan ? await latestAgreedOf(trx, actor.clinicId, plan.id) : undefined;
    if (!agreed) return null;
    const content = parseContent(agreed.content);
    const view = buildPatientView(content, {
      versionNumber: agreed.number,
      agreedAt: agreed.agreed_at,
      acknowledgedAt: agreed.acknowledged_at,
      reviewDate: agreed.review_date,
    });
    // The medication part shows the real regimen of the linked medication records (issue 4).
    const ids = content.medication.medicationIds;
    const shown = await withLinkedMedications(trx, actor.clinicId, patientId, ids, deps.clock.now(), view);
    // Issue 15: when the medicines changed after the plan was agreed, the patient is told so in plain words.
    const differs = differencesOf(content, await medicationRecordsNow(trx, deps, actor.clinicId, patientId));
    return {
      ...shown,
      medicationNotice:
        differs.length === 0
          ? null
          : 'Your medicines have changed since this plan was agreed. Your medication list shows what to take ' +
            'now; your care team will update the plan.',
    };
  });
}

/** The safety plan of the agreed plan, in one call, so the patient always reaches it. */
export function safetyPlan(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
): Promise<{
  versionNumber: number | null;
  agreedAt: number | null;
  safetyPlan: PlanContent['safetyPlan'] | null;
}> {
  return readPlan(deps, actor, patientId, 'safety_plan.read', async (trx) => {
    const plan = await repo.findPlanOfPatient(trx, actor.clinicId, patientId);
    const agreed = plan ? await latestAgreedOf(trx, actor.clinicId, plan.id) : undefined;
    if (!agreed) return { versionNumber: null, agreedAt: null, safetyPlan: null };
    return {
      versionNumber: agreed.number,
      agreedAt: agreed.agreed_at,
      safetyPlan: parseContent(agreed.content).safetyPlan,
    };
  });
}
