import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import type { PlanVersion } from '../../../shared/treatment-plans/api-schemas.js';
import * as repo from './plans.repository.js';
import { isOpen, toPlanVersion } from './plans.mapper.js';

type PlanRow = NonNullable<Awaited<ReturnType<typeof repo.findPlanOfPatient>>>;

/**
 * Runs a plan use case on one patient's record (relationship check + audit in one transaction, see
 * withPatientRecord). A clinician on the team who is refused a plan action (a part they do not own) gets
 * 403, and withPatientRecord audits the refusal after the rollback.
 */
export function withPlan<T>(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  action: string,
  fn: (trx: Db) => Promise<T>,
): Promise<T> {
  return withPatientRecord(deps, actor, patientId, { action, resourceType: 'treatment_plan' }, fn);
}

/**
 * A plan use case that only reads, on the one path for audited reads (readPatientRecord, issue 19): no write
 * transaction of its own, its audit event in the shared commit. `fn` must not insert or update anything.
 */
export function readPlan<T>(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  action: string,
  fn: (db: Db) => Promise<T>,
): Promise<T> {
  return readPatientRecord(deps, actor, patientId, { action, resourceType: 'treatment_plan' }, fn);
}

export async function requirePlan(trx: Db, actor: Actor, patientId: string): Promise<PlanRow> {
  const plan = await repo.findPlanOfPatient(trx, actor.clinicId, patientId);
  if (!plan) throw new AppError('not_found', 'This patient has no treatment plan yet.');
  return plan;
}

/** The one open draft of a plan (draft or awaiting signatures), if any. */
export async function openDraftOf(trx: Db, clinicId: string, planId: string) {
  return (await repo.versionsOf(trx, clinicId, planId)).find((v) => isOpen(v.status));
}

export async function latestAgreedOf(trx: Db, clinicId: string, planId: string) {
  return (await repo.versionsOf(trx, clinicId, planId)).find((v) => v.status === 'agreed');
}

/** The open draft; without one (or without any plan yet) the action does not fit the plan's state: 409. */
export async function requireDraft(trx: Db, actor: Actor, patientId: string) {
  const plan = await repo.findPlanOfPatient(trx, actor.clinicId, patientId);
  const draft = plan ? await openDraftOf(trx, actor.clinicId, plan.id) : undefined;
  if (!plan || !draft)
    throw new AppError('conflict', 'There is no draft: start the plan or a new version of it first.');
  return { plan, draft };
}

/** Loads one version as the API shows it: with its signatures and who still has to sign. */
export async function loadVersion(trx: Db, clinicId: string, row: repo.VersionRow): Promise<PlanVersion> {
  const [signatures, team] = await Promise.all([
    repo.signaturesOf(trx, clinicId, [row.id]),
    repo.signersOnTeam(trx, clinicId, row.patient_id),
  ]);
  return toPlanVersion(row, signatures, team);
}

export async function reloadVersion(trx: Db, clinicId: string, planId: string, number: number) {
  const row = await repo.findVersion(trx, clinicId, planId, number);
  if (!row) throw new AppError('not_found', 'Plan version not found');
  return { row, dto: await loadVersion(trx, clinicId, row) };
}

export const staleDraft = (current: PlanVersion) =>
  new AppError(
    'precondition_failed',
    'Someone else changed this draft after you opened it. Review their change and try again.',
    { current },
  );

/** Appends to the plan's own history: who did what to which version, when and why. */
export async function recordHistory(
  trx: Db,
  deps: AppDeps,
  actor: Actor,
  entry: { planId: string; versionId: string; action: string; sections?: string[]; reason?: string | null },
): Promise<void> {
  await repo.insertPlanEvent(trx, {
    id: newId(),
    clinic_id: actor.clinicId,
    plan_id: entry.planId,
    version_id: entry.versionId,
    action: entry.action,
    user_id: actor.userId,
    sections: JSON.stringify(entry.sections ?? []),
    reason: entry.reason ?? null,
    at: deps.clock.now(),
  });
}
