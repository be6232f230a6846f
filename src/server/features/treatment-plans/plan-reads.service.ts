import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { diffPlans } from '../../../shared/treatment-plans/diff.js';
import type { HistoryEntry, PlanOverview, PlanVersion } from '../../../shared/treatment-plans/api-schemas.js';
import * as repo from './plans.repository.js';
import { isOpen, parseContent, toHistoryEntry, toPlanVersion, toSummary } from './plans.mapper.js';
import { readPlan, requirePlan } from './plan-context.js';
import { firstOf } from '../../../shared/lists/limit-query.js';
import { differencesOf, medicationRecordsNow } from './plan-medications.js';

/** Patients see the versions that were agreed (the one in force and the ones before it), never drafts. */
export const visibleTo = (actor: Actor, row: { status: string }): boolean =>
  actor.role !== 'patient' || row.status === 'agreed' || row.status === 'superseded';

/** The plan at a glance: the agreed version, the open draft (clinicians), and the list of versions. */
export function getPlan(deps: AppDeps, actor: Actor, patientId: string): Promise<PlanOverview | null> {
  return readPlan(deps, actor, patientId, 'plan.read', async (trx) => {
    const plan = await repo.findPlanOfPatient(trx, actor.clinicId, patientId);
    if (!plan) return null;
    const versions = (await repo.versionsOf(trx, actor.clinicId, plan.id)).filter((v) => visibleTo(actor, v));
    const agreed = versions.find((v) => v.status === 'agreed');
    const draft = actor.role === 'patient' ? undefined : versions.find((v) => isOpen(v.status));
    const shown = [agreed, draft].filter((v) => v !== undefined);
    const [signatures, team] = await Promise.all([
      repo.signaturesOf(
        trx,
        actor.clinicId,
        shown.map((v) => v.id),
      ),
      repo.signersOnTeam(trx, actor.clinicId, patientId),
    ]);
    // Issue 15: computed on read, so the notice shows until the plan is updated.
    const meds = await medicationRecordsNow(trx, deps, actor.clinicId, patientId);
    return {
      planId: plan.id,
      patientId,
      agreed: agreed ? toPlanVersion(agreed, signatures, team) : null,
      draft: draft ? toPlanVersion(draft, signatures, team) : null,
      versions: versions.map(toSummary),
      agreedMedicationDifferences: agreed ? differencesOf(parseContent(agreed.content), meds) : [],
      draftMedicationDifferences: draft ? differencesOf(parseContent(draft.content), meds) : [],
    };
  });
}

export function getVersion(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  number: number,
): Promise<PlanVersion> {
  return readPlan(deps, actor, patientId, 'plan.read_version', async (trx) => {
    const plan = await requirePlan(trx, actor, patientId);
    const row = await repo.findVersion(trx, actor.clinicId, plan.id, number);
    if (!row || !visibleTo(actor, row)) throw new AppError('not_found', 'Plan version not found');
    const [signatures, team] = await Promise.all([
      repo.signaturesOf(trx, actor.clinicId, [row.id]),
      repo.signersOnTeam(trx, actor.clinicId, patientId),
    ]);
    return toPlanVersion(row, signatures, team);
  });
}

/** Who changed what, when and why, newest first: the latest `limit` entries, `hasMore` when cut (issue 19). */
export function planHistory(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  limit: number,
): Promise<{ entries: HistoryEntry[]; hasMore: boolean }> {
  return readPlan(deps, actor, patientId, 'plan.read_history', async (trx) => {
    const plan = await repo.findPlanOfPatient(trx, actor.clinicId, patientId);
    if (!plan) return { entries: [], hasMore: false };
    const { rows, hasMore } = firstOf(await repo.historyOf(trx, actor.clinicId, plan.id, limit + 1), limit);
    return { entries: rows.map(toHistoryEntry), hasMore };
  });
}

/** Field-level difference between two versions of the plan (computed by the shared diffPlans). */
export function diffVersions(deps: AppDeps, actor: Actor, patientId: string, from: number, to: number) {
  return readPlan(deps, actor, patientId, 'plan.diff', async (trx) => {
    const plan = await requirePlan(trx, actor, patientId);
    const [a, b] = await Promise.all([
      repo.findVersion(trx, actor.clinicId, plan.id, from),
      repo.findVersion(trx, actor.clinicId, plan.id, to),
    ]);
    if (!a || !b) throw new AppError('not_found', 'Plan version not found');
    return { from, to, changes: diffPlans(parseContent(a.content), parseContent(b.content)) };
  });
}
