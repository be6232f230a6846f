import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { resolveAlertsForSubject } from '../alerts/index.js';
import { isClinician } from '../../../shared/access/roles.js';
import { changedSections } from '../../../shared/treatment-plans/diff.js';
import { blankPlan, crisisLinesForPlan } from '../../../shared/treatment-plans/defaults.js';
import { crisisResourcesIn } from '../crisis/index.js';
import { forbiddenSections } from '../../../shared/treatment-plans/rules.js';
import {
  planContentSchema,
  type PlanContent,
  type PlanEdit,
} from '../../../shared/treatment-plans/schemas.js';
import type { PlanVersion } from '../../../shared/treatment-plans/api-schemas.js';
import * as repo from './plans.repository.js';
import * as records from './plan-records.repository.js';
import { parseContent } from './plans.mapper.js';
import { withSnapshots } from './plan-medications.js';
import {
  latestAgreedOf,
  loadVersion,
  openDraftOf,
  recordHistory,
  reloadVersion,
  requireDraft,
  staleDraft,
  withPlan,
} from './plan-context.js';

/** Inserts version `number` of a plan as a draft and records who started it and why. */
export async function insertDraft(
  trx: Db,
  deps: AppDeps,
  actor: Actor,
  draft: {
    planId: string;
    patientId: string;
    number: number;
    content: PlanContent;
    reason: string | null;
    templateId: string | null;
    basedOnNumber: number | null;
  },
): Promise<PlanVersion> {
  const now = deps.clock.now();
  const id = newId();
  await repo.insertVersion(trx, {
    id,
    clinic_id: actor.clinicId,
    plan_id: draft.planId,
    patient_id: draft.patientId,
    number: draft.number,
    status: 'draft',
    version: 1,
    content: JSON.stringify(draft.content),
    reason: draft.reason,
    template_id: draft.templateId,
    based_on_number: draft.basedOnNumber,
    created_by: actor.userId,
    created_at: now,
    updated_by: actor.userId,
    updated_at: now,
    submitted_at: null,
    agreed_at: null,
    review_date: null,
    review_cycle: 0,
    acknowledged_at: null,
    acknowledged_by: null,
  });
  await recordHistory(trx, deps, actor, {
    planId: draft.planId,
    versionId: id,
    action: 'started',
    reason: draft.reason,
  });
  return (await reloadVersion(trx, actor.clinicId, draft.planId, draft.number)).dto;
}

/** Starts a patient's plan: version 1, blank or from one of the clinic's templates. */
export function startPlan(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: { templateId?: string | undefined },
): Promise<PlanVersion> {
  return withPlan(deps, actor, patientId, 'plan.start', async (trx) => {
    if (await repo.findPlanOfPatient(trx, actor.clinicId, patientId)) {
      throw new AppError(
        'conflict',
        'This patient already has a treatment plan: start a new version instead.',
      );
    }
    // The safety plan starts with the patient's own country's crisis lines (issue 12; shared/crisis).
    const crisis = await crisisResourcesIn(trx, actor.clinicId, patientId, 'self_harm');
    let content = blankPlan(crisisLinesForPlan(crisis.resources));
    if (input.templateId !== undefined) {
      const template = await records.findTemplate(trx, actor.clinicId, input.templateId);
      if (!template)
        throw new AppError('validation_failed', 'Unknown template.', [
          { path: 'body.templateId', message: 'Not a template of this clinic' },
        ]);
      content = parseContent(template.content);
      // A template names no patient's medication records: the prescriber links this patient's own.
      content.medication = { ...content.medication, medicationIds: [], linked: [] };
      if (content.safetyPlan.professionalsAndCrisisLines.length === 0)
        content.safetyPlan.professionalsAndCrisisLines = crisisLinesForPlan(crisis.resources);
    }
    const planId = newId();
    await repo.insertPlan(trx, {
      id: planId,
      clinic_id: actor.clinicId,
      patient_id: patientId,
      created_by: actor.userId,
      created_at: deps.clock.now(),
    });
    return insertDraft(trx, deps, actor, {
      planId,
      patientId,
      number: 1,
      content,
      reason: null,
      templateId: input.templateId ?? null,
      basedOnNumber: null,
    });
  });
}

/** Any change to an agreed plan starts a new draft from it, with the reason for the change. */
export async function startRevision(
  trx: Db,
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  reason: string,
): Promise<PlanVersion> {
  const plan = await repo.findPlanOfPatient(trx, actor.clinicId, patientId);
  if (!plan) throw new AppError('conflict', 'This patient has no plan yet: start one first.');
  if (await openDraftOf(trx, actor.clinicId, plan.id))
    throw new AppError('conflict', 'A draft is already open: edit that one.');
  const agreed = await latestAgreedOf(trx, actor.clinicId, plan.id);
  if (!agreed) throw new AppError('conflict', 'The plan has not been agreed yet: edit the draft.');
  const versions = await repo.versionsOf(trx, actor.clinicId, plan.id);
  return insertDraft(trx, deps, actor, {
    planId: plan.id,
    patientId,
    number: (versions[0]?.number ?? 0) + 1,
    content: parseContent(agreed.content),
    reason,
    templateId: agreed.template_id,
    basedOnNumber: agreed.number,
  });
}

export function newDraft(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  reason: string,
): Promise<PlanVersion> {
  return withPlan(deps, actor, patientId, 'plan.new_draft', (trx) =>
    startRevision(trx, deps, actor, patientId, reason),
  );
}

/**
 * Edits the open draft. Each clinician changes only their own part (therapy: therapist, medication:
 * prescriber); the shared parts are anyone's on the team. Any edit invalidates the signatures given so far.
 */
export function editDraft(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  expectedVersion: number,
  edit: PlanEdit,
): Promise<PlanVersion> {
  return withPlan(deps, actor, patientId, 'plan.edit', async (trx) => {
    const { plan, draft } = await requireDraft(trx, actor, patientId);
    if (draft.version !== expectedVersion) throw staleDraft(await loadVersion(trx, actor.clinicId, draft));
    const before = parseContent(draft.content);
    const after = planContentSchema.parse({ ...before, ...edit });
    // The linked medications carry the server's snapshot of each record (issue 15), never the client's.
    if (edit.medication !== undefined)
      after.medication = await withSnapshots(
        trx,
        deps,
        actor.clinicId,
        patientId,
        after.medication,
        before.medication,
      );
    const sections = changedSections(before, after);
    if (sections.length === 0) return loadVersion(trx, actor.clinicId, draft);
    if (!isClinician(actor.role)) throw new AppError('forbidden', 'Only the care team edits the plan.');
    const refused = forbiddenSections(actor.role, sections);
    if (refused.length > 0) {
      throw new AppError(
        'forbidden',
        `Only the ${refused.includes('therapy') ? 'therapist' : 'prescriber'} changes that part of the plan.`,
        {
          sections: refused,
        },
      );
    }
    const now = deps.clock.now();
    const ok = await repo.updateVersionIfCurrent(trx, actor.clinicId, draft.id, expectedVersion, {
      content: JSON.stringify(after),
      status: 'draft',
      submitted_at: null,
      updated_by: actor.userId,
      updated_at: now,
    });
    if (!ok) throw staleDraft((await reloadVersion(trx, actor.clinicId, plan.id, draft.number)).dto);
    await recordHistory(trx, deps, actor, {
      planId: plan.id,
      versionId: draft.id,
      action: 'edited',
      sections,
    });
    if ((await repo.invalidateSignatures(trx, actor.clinicId, draft.id, now)) > 0) {
      await recordHistory(trx, deps, actor, {
        planId: plan.id,
        versionId: draft.id,
        action: 'signatures_invalidated',
        sections,
      });
    }
    // The draft has to be submitted or signed again; the old "awaiting signature" alerts no longer apply.
    if (draft.status === 'awaiting_signatures' || draft.submitted_at !== null) {
      await resolveAlertsForSubject(trx, deps, {
        clinicId: actor.clinicId,
        subjectId: draft.id,
        note: 'The draft changed after it was sent for signature.',
        byUserId: actor.userId,
      });
    }
    return (await reloadVersion(trx, actor.clinicId, plan.id, draft.number)).dto;
  });
}
