import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import { clinicSettings } from '../clinic/index.js';
import { escalationSettingsOf } from '../../../shared/alerts/escalation-settings.js';
import { assessmentEvent, isSafetyAlertType, type LifecycleEvent } from '../../../shared/alerts/lifecycle.js';
import * as lifecycleRepo from '../alerts/index.js';
import { withAlertAccess, applyAlertEvent } from '../alerts/index.js';
import type { Db } from '../../db/database.js';
import type { NewRiskAssessment, RiskAssessment } from '../../../shared/measures/schemas.js';
import * as repo from './measures.repository.js';
import { toRiskAssessment } from './measures.mapper.js';
import { firstOf } from '../../../shared/lists/limit-query.js';

const notOfPatient = (path: string) =>
  new AppError('validation_failed', 'That is not an answer or alert about this patient.', [
    { path, message: 'Not found for this patient' },
  ]);

/**
 * Applies the assessment to the open safety alerts it follows (the answer's self-harm alerts, or the named
 * alert), through the alert lifecycle (shared/alerts/lifecycle.ts): reached or an emergency hand-off
 * resolves them; not reached keeps them open with a follow-up due within the clinic-set time. Returns how
 * many alerts were resolved.
 */
async function applyToSafetyAlerts(
  deps: AppDeps,
  trx: Db,
  actor: Actor,
  patientId: string,
  subjectId: string | null,
  alertId: string | null,
  kind: 'assessment_reached' | 'emergency_handoff' | 'not_reached',
): Promise<number> {
  const open = (
    await lifecycleRepo.openSafetyAlertIds(trx, actor.clinicId, patientId, subjectId, alertId)
  ).filter((a) => isSafetyAlertType(a.type));
  const now = deps.clock.now();
  const settings = escalationSettingsOf(await clinicSettings(trx, actor.clinicId));
  let resolved = 0;
  for (const { id } of open) {
    const alert = await lifecycleRepo.alertCore(trx, actor.clinicId, id);
    if (!alert) continue;
    const event: LifecycleEvent =
      kind === 'not_reached'
        ? { kind, at: now, by: actor.userId, followUpHours: settings.safetyFollowUpHours }
        : { kind, at: now, by: actor.userId };
    const after = await applyAlertEvent(deps, trx, actor, alert, event);
    if (after.phase === 'resolved') resolved++;
  }
  return resolved;
}

/**
 * A clinician records the risk assessment that follows a self-harm answer: when and how the patient was
 * contacted, the outcome and the actions taken. In the same transaction it moves the open safety alerts
 * about that answer (or the named alert): resolved only when the patient was reached or an emergency
 * hand-off is documented; "not reached" keeps them open with a follow-up due (issue 12). A failed attempt
 * is no clinical contact (last-contact/last-contact.repository.ts). Idempotent on the client's id. Someone the
 * named alert was escalated to may record it off the care team (features/alerts/alert-access.ts).
 */
export function recordRiskAssessment(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: NewRiskAssessment,
): Promise<{ assessment: RiskAssessment; created: boolean }> {
  const what = { action: 'risk_assessment.create', resourceType: 'risk_assessment', resourceId: input.id };
  // The on-call clinician or clinical lead an alert was escalated to may record the assessment for that
  // alert even off the care team (issue 12); everyone else needs a place on the team.
  const access = <T>(fn: (trx: Db) => Promise<T>) =>
    input.alertId === null
      ? withPatientRecord(deps, actor, patientId, what, fn)
      : withAlertAccess(deps, actor, { id: input.alertId, patient_id: patientId }, what, fn);
  return access(async (trx) => {
    const existing = await repo.findRiskAssessment(trx, actor.clinicId, input.id);
    if (existing) {
      if (existing.patient_id !== patientId || existing.recorded_by !== actor.userId)
        throw new AppError('conflict', 'This id is already used. Send a new id.');
      return { assessment: toRiskAssessment(existing), created: false };
    }
    const now = deps.clock.now();
    const meaning = assessmentEvent(input.method, input.outcome);
    if ('problem' in meaning)
      throw new AppError('validation_failed', meaning.problem, [
        { path: 'body.outcome', message: meaning.problem },
      ]);
    if (input.contactedAt > now)
      throw new AppError('validation_failed', 'The contact cannot be in the future.', [
        { path: 'body.contactedAt', message: 'This time is in the future: enter when the contact happened.' },
      ]);
    let subjectId = input.responseId;
    if (input.responseId !== null) {
      const response = await repo.findResponse(trx, actor.clinicId, input.responseId);
      if (response?.patient_id !== patientId) throw notOfPatient('body.responseId');
    }
    if (input.alertId !== null) {
      const alert = await repo.findAlertOfPatient(trx, actor.clinicId, patientId, input.alertId);
      if (!alert) throw notOfPatient('body.alertId');
      subjectId ??= alert.subject_id;
    }
    await repo.insertRiskAssessment(trx, {
      id: input.id,
      clinic_id: actor.clinicId,
      patient_id: patientId,
      response_id: subjectId,
      alert_id: input.alertId,
      contacted_at: input.contactedAt,
      method: input.method,
      outcome: input.outcome,
      actions: JSON.stringify(input.actions),
      actions_other: input.actionsOther,
      notes: input.notes,
      recorded_by: actor.userId,
      created_at: now,
    });
    const resolved = await applyToSafetyAlerts(
      deps,
      trx,
      actor,
      patientId,
      subjectId,
      input.alertId,
      meaning.kind,
    );
    const row = await repo.findRiskAssessment(trx, actor.clinicId, input.id);
    if (!row) throw new Error('risk assessment vanished inside its transaction');
    return { assessment: { ...toRiskAssessment(row), alertsResolved: resolved }, created: true };
  });
}

/** The patient's history of risk assessments, newest first (care team only). */
/** The latest `limit` assessments, newest first; `hasMore` when older ones exist (issue 19). */
export function riskAssessments(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  limit: number,
): Promise<{ assessments: RiskAssessment[]; hasMore: boolean }> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'risk_assessment.list', resourceType: 'risk_assessment' },
    async (trx) => {
      const { rows, hasMore } = firstOf(
        await repo.riskAssessmentsOf(trx, actor.clinicId, patientId, limit + 1),
        limit,
      );
      return { assessments: rows.map(toRiskAssessment), hasMore };
    },
  );
}
