import { localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { emitEvent, supersedePendingEvents } from '../../platform/outbox/emit.js';
import { resolveAlertsForSubject } from '../alerts/index.js';
import { clinicSettings } from '../clinic/index.js';
import { missingForSignature, reviewDateFor, signingRoles } from '../../../shared/treatment-plans/rules.js';
import { PLAN_ATTESTATION, type PlanVersion } from '../../../shared/treatment-plans/api-schemas.js';
import * as repo from './plans.repository.js';
import { awaitingSigners, isValidSignature, parseContent, type Signer } from './plans.mapper.js';
import {
  recordHistory,
  reloadVersion,
  requireDraft,
  staleDraft,
  loadVersion,
  withPlan,
} from './plan-context.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

/** A version can be signed only when it says enough and the team has both a therapist and a prescriber. */
async function assertSignable(trx: Db, actor: Actor, draft: repo.VersionRow): Promise<Signer[]> {
  const missing = missingForSignature(parseContent(draft.content));
  if (missing.length > 0) throw new AppError('conflict', 'The plan is not ready to sign yet.', { missing });
  const team = await repo.signersOnTeam(trx, actor.clinicId, draft.patient_id);
  for (const role of signingRoles) {
    if (!team.some((m) => m.role === role))
      throw new AppError('conflict', `The care team needs a ${role} before the plan can be agreed.`);
  }
  return team;
}

const signatureRequestKey = (versionId: string) => `signature-requested:${versionId}:`;

async function requestSignatures(
  trx: Db,
  deps: AppDeps,
  actor: Actor,
  draft: repo.VersionRow,
  awaiting: Signer[],
): Promise<void> {
  const ids = awaiting.map((m) => m.user_id).sort();
  await emitEvent(trx, deps.clock, {
    type: 'plan.signature_requested',
    clinicId: actor.clinicId,
    patientId: draft.patient_id,
    payload: {
      planId: draft.plan_id,
      versionId: draft.id,
      versionNumber: draft.number,
      awaitingUserIds: ids,
    },
    // The same request for the same exact version is raised once, however often it is sent.
    dedupeKey: `${signatureRequestKey(draft.id)}${String(draft.version)}:${ids.join(',')}`,
  });
}

/** Sends the draft to the therapist and the prescriber for signature. */
export function submitDraft(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  expectedVersion: number,
): Promise<PlanVersion> {
  return withPlan(deps, actor, patientId, 'plan.submit', async (trx) => {
    const { plan, draft } = await requireDraft(trx, actor, patientId);
    if (draft.version !== expectedVersion) throw staleDraft(await loadVersion(trx, actor.clinicId, draft));
    const team = await assertSignable(trx, actor, draft);
    const signatures = await repo.signaturesOf(trx, actor.clinicId, [draft.id]);
    await repo.setVersionState(trx, actor.clinicId, draft.id, {
      status: 'awaiting_signatures',
      submitted_at: deps.clock.now(),
    });
    await recordHistory(trx, deps, actor, { planId: plan.id, versionId: draft.id, action: 'submitted' });
    await requestSignatures(trx, deps, actor, draft, awaitingSigners(draft, signatures, team));
    return (await reloadVersion(trx, actor.clinicId, plan.id, draft.number)).dto;
  });
}

/**
 * Signs the exact version the clinician read (If-Match). When the therapist and the prescriber have
 * both signed this version it becomes the agreed plan and the previous agreed version is superseded.
 */
export function signDraft(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  expectedVersion: number,
  input: { attested?: boolean | undefined },
): Promise<PlanVersion> {
  // Product policy (issue 15): no signature without the signer confirming the attestation statement.
  if (input.attested !== true)
    return Promise.reject(
      new AppError('validation_failed', 'Confirm the statement before you sign.', [
        {
          path: 'body.attested',
          message: 'Tick the statement to confirm it: a plan is signed only with it.',
        },
      ]),
    );
  return withPlan(deps, actor, patientId, 'plan.sign', async (trx) => {
    const { plan, draft } = await requireDraft(trx, actor, patientId);
    if (draft.version !== expectedVersion) throw staleDraft(await loadVersion(trx, actor.clinicId, draft));
    const team = await assertSignable(trx, actor, draft);
    const existing = await repo.signaturesOf(trx, actor.clinicId, [draft.id]);
    if (existing.some((s) => s.user_id === actor.userId && isValidSignature(s, draft)))
      return loadVersion(trx, actor.clinicId, draft);
    const now = deps.clock.now();
    await repo.insertSignature(trx, {
      id: newId(),
      clinic_id: actor.clinicId,
      version_id: draft.id,
      user_id: actor.userId,
      role: actor.role,
      signed_version: draft.version,
      signed_at: now,
      invalidated_at: null,
      attestation: PLAN_ATTESTATION,
      attested_at: now,
    });
    // The history keeps the statement the signer confirmed (shown beside "signed").
    await recordHistory(trx, deps, actor, {
      planId: plan.id,
      versionId: draft.id,
      action: 'signed',
      reason: PLAN_ATTESTATION,
    });
    // A request not yet delivered names a signer who has now signed: withdraw it before the alerts about
    // this version are resolved below (a fresh request names whoever is still to sign).
    await supersedePendingEvents(trx, deps.clock, {
      clinicId: actor.clinicId,
      dedupeKeyPrefix: signatureRequestKey(draft.id),
    });
    const signatures = await repo.signaturesOf(trx, actor.clinicId, [draft.id]);
    const awaiting = awaitingSigners(draft, signatures, team);
    if (awaiting.length === 0) {
      await agree(trx, deps, actor, draft);
    } else {
      await repo.setVersionState(trx, actor.clinicId, draft.id, {
        status: 'awaiting_signatures',
        submitted_at: draft.submitted_at ?? now,
      });
      await resolveAlertsForSubject(trx, deps, {
        clinicId: actor.clinicId,
        subjectId: draft.id,
        note: 'Signed; waiting for the other signature.',
        byUserId: actor.userId,
      });
      await requestSignatures(trx, deps, actor, draft, awaiting);
    }
    return (await reloadVersion(trx, actor.clinicId, plan.id, draft.number)).dto;
  });
}

async function agree(trx: Db, deps: AppDeps, actor: Actor, draft: repo.VersionRow): Promise<void> {
  const now = deps.clock.now();
  const previous = (await repo.versionsOf(trx, actor.clinicId, draft.plan_id)).filter(
    (v) => v.status === 'agreed',
  );
  for (const v of previous) {
    await repo.setVersionState(trx, actor.clinicId, v.id, { status: 'superseded', review_date: null });
    await resolveAlertsForSubject(trx, deps, {
      clinicId: actor.clinicId,
      subjectId: v.id,
      note: `Superseded by version ${String(draft.number)}.`,
      byUserId: actor.userId,
    });
  }
  const settings = await clinicSettings(trx, actor.clinicId);
  const zone = (await patientBasics(trx, actor.clinicId, draft.patient_id))?.timeZone ?? 'UTC';
  await repo.setVersionState(trx, actor.clinicId, draft.id, {
    status: 'agreed',
    agreed_at: now,
    review_date: reviewDateFor(parseContent(draft.content), localDate(now, zone), settings.planReviewWeeks),
  });
  await recordHistory(trx, deps, actor, { planId: draft.plan_id, versionId: draft.id, action: 'agreed' });
  await resolveAlertsForSubject(trx, deps, {
    clinicId: actor.clinicId,
    subjectId: draft.id,
    note: 'Agreed: the therapist and the prescriber have both signed.',
    byUserId: actor.userId,
  });
}
