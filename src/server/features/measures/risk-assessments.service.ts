import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { withPatientRecord } from '../../platform/access/patient-access.js';
import { updateAlertState } from '../../platform/outbox/alerts.repository.js';
import type { Db } from '../../db/database.js';
import type { NewRiskAssessment, RiskAssessment } from '../../../shared/measures/schemas.js';
import * as repo from './measures.repository.js';
import { toRiskAssessment } from './measures.mapper.js';

const notOfPatient = (path: string) =>
  new AppError('validation_failed', 'That is not an answer or alert about this patient.', [
    { path, message: 'Not found for this patient' },
  ]);

/**
 * Resolves the open self-harm alerts about one answer (like resolveAlertsForSubject, but only this type:
 * the treat-to-target rules may name the same answer as their subject and stay open).
 */
async function resolveSelfHarmAlerts(
  deps: AppDeps,
  trx: Db,
  actor: Actor,
  patientId: string,
  responseId: string,
  outcome: string,
): Promise<number> {
  const open = await repo.openSelfHarmAlerts(trx, actor.clinicId, patientId, responseId);
  const now = deps.clock.now();
  for (const alert of open) {
    await updateAlertState(trx, actor.clinicId, alert.id, alert.version, {
      state: 'resolved',
      resolved_at: now,
      resolved_by: actor.userId,
      resolution_note: `Risk assessment recorded (${outcome.replaceAll('_', ' ')})`,
    });
    await deps.audit.record(trx, actor.clinicId, actor, {
      action: 'alert.resolve',
      resourceType: 'alert',
      resourceId: alert.id,
      patientId,
      outcome: 'allowed',
    });
  }
  return open.length;
}

/**
 * A clinician records the risk assessment that follows a self-harm answer: when and how the patient was
 * contacted, the outcome and the actions taken. It resolves the open alerts about that answer (subject =
 * response id, type self_harm_answer) in the same transaction. Idempotent on the client's id.
 */
export function recordRiskAssessment(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: NewRiskAssessment,
): Promise<{ assessment: RiskAssessment; created: boolean }> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'risk_assessment.create', resourceType: 'risk_assessment', resourceId: input.id },
    async (trx) => {
      const existing = await repo.findRiskAssessment(trx, actor.clinicId, input.id);
      if (existing) {
        if (existing.patient_id !== patientId || existing.recorded_by !== actor.userId)
          throw new AppError('conflict', 'This id is already used. Send a new id.');
        return { assessment: toRiskAssessment(existing), created: false };
      }
      const now = deps.clock.now();
      if (input.contactedAt > now)
        throw new AppError('validation_failed', 'The contact cannot be in the future.', [
          { path: 'body.contactedAt', message: 'In the future' },
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
      const resolved = subjectId
        ? await resolveSelfHarmAlerts(deps, trx, actor, patientId, subjectId, input.outcome)
        : 0;
      const row = await repo.findRiskAssessment(trx, actor.clinicId, input.id);
      if (!row) throw new Error('risk assessment vanished inside its transaction');
      return { assessment: { ...toRiskAssessment(row), alertsResolved: resolved }, created: true };
    },
  );
}

/** The patient's history of risk assessments, newest first (care team only). */
export function riskAssessments(deps: AppDeps, actor: Actor, patientId: string): Promise<RiskAssessment[]> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'risk_assessment.list', resourceType: 'risk_assessment' },
    async (trx) => (await repo.riskAssessmentsOf(trx, actor.clinicId, patientId)).map(toRiskAssessment),
  );
}
