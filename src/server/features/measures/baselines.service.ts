import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import type { InstrumentId } from '../../../shared/measures/instruments.js';
import type { BaselineHistory, ChooseBaseline } from '../../../shared/measures/schemas.js';
import * as repo from './measures.repository.js';
import * as baselines from './baselines.repository.js';
import { refreshMeasureSummary } from './summaries.repository.js';

async function history(trx: Db, clinicId: string, patientId: string): Promise<BaselineHistory> {
  const [current, chosen, changes] = await Promise.all([
    repo.baselinesOf(trx, clinicId, patientId),
    baselines.chosenBaselines(trx, clinicId, patientId),
    baselines.baselineChanges(trx, clinicId, patientId),
  ]);
  const versionOf = new Map(chosen.map((c) => [c.instrument, c.version]));
  return {
    baselines: [...current].map(([instrument, b]) => ({
      instrument,
      responseId: b.id,
      chosen: b.chosen,
      version: versionOf.get(instrument) ?? 0,
    })),
    changes: changes.map((c) => ({
      id: c.id,
      instrument: c.instrument,
      responseId: c.response_id,
      previousResponseId: c.previous_response_id,
      reason: c.reason,
      chosenBy: { userId: c.chosen_by, name: c.chosen_by_name },
      chosenAt: c.chosen_at,
    })),
  };
}

/** Each questionnaire's baseline and every clinician choice of one (the history the patient page shows). */
export function baselineHistory(deps: AppDeps, actor: Actor, patientId: string): Promise<BaselineHistory> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'measure.baseline.read', resourceType: 'measure_baseline' },
    (trx) => history(trx, actor.clinicId, patientId),
  );
}

/**
 * "Use as baseline" (issue 12): the baseline changes only by this explicit choice of a clinician on the
 * team, with a reason, kept in the history and the audit trail. If-Match carries the baseline's version
 * (0 while no clinician has chosen one). The summaries the registry reads follow in the same transaction.
 */
export function chooseBaseline(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  instrument: InstrumentId,
  input: ChooseBaseline,
  expectedVersion: number,
): Promise<BaselineHistory> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'measure.baseline.choose', resourceType: 'measure_baseline', resourceId: input.responseId },
    async (trx) => {
      const response = await repo.findResponse(trx, actor.clinicId, input.responseId);
      if (response?.patient_id !== patientId || response.instrument !== instrument)
        throw new AppError(
          'validation_failed',
          'That is not an answer to this questionnaire of this patient.',
          [{ path: 'body.responseId', message: 'Not found for this patient and questionnaire' }],
        );
      if (response.total === null)
        throw new AppError('validation_failed', 'An incomplete questionnaire has no total to start from.', [
          { path: 'body.responseId', message: 'Has no total' },
        ]);
      const before = await repo.baselineOf(trx, actor.clinicId, patientId, instrument);
      const now = deps.clock.now();
      const ok = await baselines.setChosenBaseline(
        trx,
        {
          clinic_id: actor.clinicId,
          patient_id: patientId,
          instrument,
          response_id: input.responseId,
          chosen_by: actor.userId,
          chosen_at: now,
        },
        expectedVersion,
      );
      if (!ok)
        throw new AppError(
          'precondition_failed',
          'The baseline was changed from somewhere else. Review it and try again.',
          {
            current: await history(trx, actor.clinicId, patientId),
          },
        );
      await baselines.insertBaselineChange(trx, {
        id: newId(),
        clinic_id: actor.clinicId,
        patient_id: patientId,
        instrument,
        response_id: input.responseId,
        previous_response_id: before?.id ?? null,
        reason: input.reason,
        chosen_by: actor.userId,
        chosen_at: now,
      });
      await refreshMeasureSummary(trx, actor.clinicId, patientId, instrument);
      return history(trx, actor.clinicId, patientId);
    },
  );
}
