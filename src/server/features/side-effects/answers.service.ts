import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { withPatientRecord } from '../../platform/access/patient-access.js';
import { resolveAlertsForSubject } from '../alerts/index.js';
import { linkChangeToReport } from '../medications/index.js';
import type { NewAnswer, SideEffectReport } from '../../../shared/side-effects/schemas.js';
import * as conversations from '../messaging/index.js';
import { postInConversation } from '../messaging/index.js';
import * as repo from './side-effects.repository.js';
import { loadReports } from './side-effects.service.js';

const resolutionNotes = {
  message: 'Answered: message to the patient',
  dose_change: 'Answered: dose change',
  advice: 'Answered: advice / no change',
} as const;

/**
 * The prescriber on the care team answers a report (issue 4): a message to the patient (a new
 * conversation through the messaging service), a dose change (a medication change from the medication's
 * history, linked both ways), or advice / no change with a note. The first answer marks the report
 * answered and resolves its alert, in the same transaction. Idempotent on the client's answer id.
 * Therapist and care manager read reports but do not answer (403).
 */
export function answerReport(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  reportId: string,
  input: NewAnswer,
): Promise<{ report: SideEffectReport; created: boolean }> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'side_effect.answer', resourceType: 'side_effect_report', resourceId: reportId },
    async (trx) => {
      const report = await repo.findReport(trx, actor.clinicId, patientId, reportId);
      if (!report) throw notFound('Side-effect report');

      const reload = async (created: boolean) => {
        const [fresh] = await loadReports(trx, actor, patientId, reportId);
        if (!fresh) throw new Error('report vanished inside its transaction');
        return { report: fresh, created };
      };
      const replay = async () => {
        const first = await repo.findAnswerById(trx, input.id);
        if (first?.report_id !== reportId || first.answered_by !== actor.userId)
          throw new AppError('conflict', 'This answer id is already used. Send a new id.', [
            { path: 'body.id', message: 'Already used' },
          ]);
        return reload(false);
      };
      if (await repo.findAnswerById(trx, input.id)) return replay();

      let changeId: string | null = null;
      if (input.kind === 'dose_change') {
        const change = await repo.findChange(trx, actor.clinicId, patientId, input.medicationChangeId ?? '');
        if (!change || (change.side_effect_report_id !== null && change.side_effect_report_id !== reportId))
          throw new AppError('validation_failed', 'Choose a change from this patient’s medication history.', [
            {
              path: 'body.medicationChangeId',
              message: change ? 'Already answers another report' : 'Not a change of this patient',
            },
          ]);
        changeId = change.id;
      }
      const now = deps.clock.now();
      // The answer row first: a concurrent retry waits on its key and then replays, so the message below is
      // never sent twice.
      const inserted = await repo.insertAnswer(trx, {
        id: input.id,
        clinic_id: actor.clinicId,
        patient_id: patientId,
        report_id: reportId,
        kind: input.kind,
        note: input.note,
        conversation_id: null,
        medication_change_id: changeId,
        answered_by: actor.userId,
        answered_at: now,
      });
      if (!inserted) return replay();

      if (changeId) await linkChangeToReport(trx, actor.clinicId, changeId, reportId);
      if (input.kind === 'message') {
        const conversationId = newId();
        await conversations.insertConversation(trx, {
          id: conversationId,
          clinic_id: actor.clinicId,
          patient_id: patientId,
          kind: 'patient',
          team_key: null,
          subject: 'About your side-effect report',
          started_by: actor.userId,
          created_at: now,
          last_message_at: null,
          awaiting_message_id: null,
          awaiting_since: null,
          unanswered_emitted_for: null,
        });
        const row = await conversations.findConversation(trx, actor.clinicId, patientId, conversationId);
        if (!row) throw new Error('conversation vanished inside its transaction');
        await postInConversation(trx, deps, actor, row, { id: newId(), body: input.note, mentions: [] });
        await repo.setAnswerConversation(trx, actor.clinicId, input.id, conversationId);
      }
      if (report.state === 'open') await repo.markAnswered(trx, actor.clinicId, reportId, now);
      await resolveAlertsForSubject(trx, deps, {
        clinicId: actor.clinicId,
        subjectId: reportId,
        note: resolutionNotes[input.kind],
        byUserId: actor.userId,
      });
      return reload(true);
    },
  );
}
