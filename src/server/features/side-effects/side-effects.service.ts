import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { withPatientRecord } from '../../platform/access/patient-access.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import { localDay } from '../../../shared/medications/local-time.js';
import { guideByKey } from '../../../shared/medication-guides/guides.js';
import { crisisResourcesFrom } from '../../../shared/measures/crisis.js';
import type {
  NewSideEffectReport,
  ReportForm,
  SideEffectReport,
  SubmitReportResult,
} from '../../../shared/side-effects/schemas.js';
import { isUrgentReport, urgentSymptomsOf } from '../../../shared/side-effects/urgency.js';
import { symptomCodes } from '../../../shared/side-effects/symptoms.js';
import * as repo from './side-effects.repository.js';
import { doseText, toReport } from './side-effects.mapper.js';
import { suspectableMedications } from './current-medications.js';

async function todayOf(trx: Db, clinicId: string, patientId: string, now: number): Promise<string> {
  const patient = await repo.patientZone(trx, clinicId, patientId);
  if (!patient) throw notFound('Patient');
  return localDay(now, patient.time_zone);
}

/** One report with its answers; clinicians also get the medication changes they can link as an answer. */
export async function loadReports(trx: Db, actor: Actor, patientId: string, only?: string) {
  const rows = only
    ? [await repo.findReport(trx, actor.clinicId, patientId, only)].filter((r) => r !== undefined)
    : await repo.reportsOfPatient(trx, actor.clinicId, patientId);
  const answers = await repo.answersOfReports(
    trx,
    actor.clinicId,
    rows.map((r) => r.id),
  );
  const open = rows.filter((r) => r.state === 'open' && r.medication_id !== null);
  const changes =
    actor.role === 'patient' || open.length === 0
      ? []
      : await repo.changesSince(
          trx,
          actor.clinicId,
          patientId,
          [...new Set(open.map((r) => r.medication_id as string))],
          Math.min(...open.map((r) => r.reported_at)),
        );
  return rows.map((r) =>
    toReport(
      r,
      answers,
      r.state !== 'open'
        ? []
        : changes
            .filter(
              (c) =>
                c.medication_id === r.medication_id &&
                c.changed_at >= r.reported_at &&
                (c.side_effect_report_id === null || c.side_effect_report_id === r.id),
            )
            .map((c) => ({
              id: c.id,
              kind: c.kind,
              summary: c.summary,
              effectiveOn: c.effective_on,
              changedAt: c.changed_at,
            })),
    ),
  );
}

/** The form's choices: the patient's current medications, each with today's dose. */
export function reportForm(deps: AppDeps, actor: Actor, patientId: string): Promise<ReportForm> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'side_effect.form', resourceType: 'medication' },
    async (trx) => {
      const today = await todayOf(trx, actor.clinicId, patientId, deps.clock.now());
      const meds = await suspectableMedications(trx, actor.clinicId, patientId, today);
      return { medications: meds.map(({ urgentSymptoms: _u, ...m }) => m) };
    },
  );
}

async function adviceFor(
  trx: Db,
  clinicId: string,
  report: SideEffectReport,
): Promise<SubmitReportResult['advice']> {
  const guide = report.medication ? guideByKey(report.medication.guideKey) : null;
  const resources = report.urgent
    ? crisisResourcesFrom((await repo.clinicSettingsJson(trx, clinicId))?.settings)
    : [];
  return {
    urgent: report.urgent,
    // Not sure which medication: the safe default is still "do not stop suddenly".
    doNotStopSuddenly: guide ? guide.doNotStopSuddenly : true,
    resources,
    guideKey: guide?.key ?? null,
  };
}

/**
 * The patient reports side effects (their own form: care-rules.md "Side effects"). Idempotent on the
 * client's id. The dose in effect that day is copied onto the report. In the same transaction:
 * `side_effect.reported`, which the alert rule turns into an urgent or routine alert to the prescriber.
 */
export function submitReport(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: NewSideEffectReport,
): Promise<SubmitReportResult & { created: boolean }> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'side_effect.report', resourceType: 'side_effect_report', resourceId: input.id },
    async (trx) => {
      if (actor.role !== 'patient')
        throw new AppError('forbidden', 'Side effects are reported by the patient themself.');
      const retry = async () => {
        const existing = await repo.findReportById(trx, input.id);
        if (existing?.patient_id !== patientId || existing.clinic_id !== actor.clinicId)
          throw new AppError('conflict', 'This report id is already used. Send a new id.', [
            { path: 'body.id', message: 'Already used' },
          ]);
        const [report] = await loadReports(trx, actor, patientId, input.id);
        if (!report) throw new Error('report vanished inside its transaction');
        return { report, advice: await adviceFor(trx, actor.clinicId, report), created: false };
      };
      if (await repo.findReportById(trx, input.id)) return retry();

      const now = deps.clock.now();
      const today = await todayOf(trx, actor.clinicId, patientId, now);
      let medication = null;
      if (input.medicationId !== null) {
        medication =
          (await suspectableMedications(trx, actor.clinicId, patientId, today)).find(
            (m) => m.id === input.medicationId,
          ) ?? null;
        if (!medication)
          throw new AppError('validation_failed', 'Choose one of your current medications, or "not sure".', [
            { path: 'body.medicationId', message: 'Not one of your current medications' },
          ]);
      }
      const symptoms = symptomCodes.filter((c) => input.symptoms.includes(c));
      const urgentSymptoms = urgentSymptomsOf(symptoms, medication?.urgentSymptoms ?? []);
      const urgent = isUrgentReport({
        severity: input.severity,
        wantsToStop: input.wantsToStop,
        urgentSymptoms,
      });
      const inserted = await repo.insertReport(trx, {
        id: input.id,
        clinic_id: actor.clinicId,
        patient_id: patientId,
        medication_id: medication?.id ?? null,
        medication_name: medication?.name ?? null,
        guide_key: medication?.guideKey ?? null,
        dose_amount: medication?.doseAmount ?? null,
        dose_unit: medication?.doseUnit ?? null,
        symptoms: JSON.stringify(symptoms),
        urgent_symptoms: JSON.stringify(urgentSymptoms),
        other_text: input.otherText,
        severity: input.severity,
        interference: input.interference,
        wants_to_stop: input.wantsToStop ? 1 : 0,
        urgent: urgent ? 1 : 0,
        reported_by: actor.userId,
        reported_at: now,
        reported_day: today,
        state: 'open',
        answered_at: null,
        version: 1,
      });
      if (!inserted) return retry(); // a concurrent retry won the race

      await emitEvent(trx, deps.clock, {
        type: 'side_effect.reported',
        clinicId: actor.clinicId,
        patientId,
        payload: {
          reportId: input.id,
          medicationId: medication?.id ?? null,
          medicationName: medication?.name ?? null,
          doseText: doseText(medication?.doseAmount ?? null, medication?.doseUnit ?? null),
          severity: input.severity,
          interference: input.interference,
          wantsToStop: input.wantsToStop,
          symptoms,
          urgentSymptoms,
        },
      });
      const [report] = await loadReports(trx, actor, patientId, input.id);
      if (!report) throw new Error('report vanished inside its transaction');
      return { report, advice: await adviceFor(trx, actor.clinicId, report), created: true };
    },
  );
}

/** The patient's reports, newest first, with what the prescriber did about each. */
export function listReports(deps: AppDeps, actor: Actor, patientId: string): Promise<SideEffectReport[]> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'side_effect.list', resourceType: 'side_effect_report' },
    (trx) => loadReports(trx, actor, patientId),
  );
}
