import { localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import { guideByKey } from '../../../shared/medication-guides/guides.js';
import type {
  NewSideEffectReport,
  ReportForm,
  SideEffectReport,
  SubmitReportResult,
} from '../../../shared/side-effects/schemas.js';
import { reportAlertSeverity } from '../../../shared/side-effects/urgency.js';
import { symptomCodes } from '../../../shared/side-effects/symptoms.js';
import { ageOnDay } from '../../../shared/medication-safety/age.js';
import {
  assessUrgentSymptoms,
  type UrgentAssessment,
} from '../../../shared/medication-safety/urgent-symptoms.js';
import * as repo from './side-effects.repository.js';
import { doseText, toReport } from './side-effects.mapper.js';
import { suspectableMedications, type SuspectableMedication } from './current-medications.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';
import { SIDE_EFFECT_REPORTS_MAX } from '../../../shared/lists/limits.js';

/** The patient's local day and age on it (the antidepressant row of section 4 reads the age). */
async function todayOf(
  trx: Db,
  clinicId: string,
  patientId: string,
  now: number,
): Promise<{ today: string; ageYears: number | null }> {
  const patient = await patientBasics(trx, clinicId, patientId);
  if (!patient) throw notFound('Patient');
  const today = localDate(now, patient.timeZone);
  const ageYears = /^\d{4}-\d{2}-\d{2}$/.test(patient.birthDate) ? ageOnDay(patient.birthDate, today) : null;
  return { today, ageYears };
}

/** The advice for a report's symptoms over every medication the patient takes (medication-safety.md §4). */
function assess(
  meds: readonly SuspectableMedication[],
  report: Pick<SideEffectReport, 'symptoms' | 'severity'>,
  day: { today: string; ageYears: number | null },
): UrgentAssessment {
  return assessUrgentSymptoms({
    medications: meds,
    ageYears: day.ageYears,
    today: day.today,
    symptoms: report.symptoms,
    severity: report.severity,
  });
}

/** One report with its answers; clinicians also get the medication changes they can link as an answer. */
export async function loadReports(trx: Db, actor: Actor, patientId: string, only?: string) {
  const rows = only
    ? [await repo.findReport(trx, actor.clinicId, patientId, only)].filter((r) => r !== undefined)
    : await repo.reportsOfPatient(trx, actor.clinicId, patientId, SIDE_EFFECT_REPORTS_MAX + 1);
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

/** The form's choices: the patient's current medications, each with today's dose and its urgent symptoms. */
export function reportForm(deps: AppDeps, actor: Actor, patientId: string): Promise<ReportForm> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'side_effect.form', resourceType: 'medication' },
    async (trx) => {
      const day = await todayOf(trx, actor.clinicId, patientId, deps.clock.now());
      const meds = await suspectableMedications(trx, actor.clinicId, patientId, day.today, day.ageYears);
      return {
        medications: meds.map((m) => ({
          id: m.id,
          name: m.name,
          doseAmount: m.doseAmount,
          doseUnit: m.doseUnit,
          guideKey: m.guideKey,
          urgentSymptoms: m.urgentSymptoms,
        })),
      };
    },
  );
}

/**
 * What the patient reads at once: the advice items of section 4, most urgent first; which crisis
 * resources to show (emergency first for a physical emergency, the crisis line first for suicidal
 * thoughts); and "do not stop suddenly" only where no advice says to stop or to call for help.
 */
function adviceFor(report: SideEffectReport, assessment: UrgentAssessment): SubmitReportResult['advice'] {
  const guide = report.medication ? guideByKey(report.medication.guideKey) : null;
  const kinds = assessment.items.map((i) => i.kind);
  const resourcesFor = kinds.includes('emergency')
    ? 'physical_emergency'
    : kinds.includes('crisis_line')
      ? 'self_harm'
      : report.urgent
        ? 'physical_emergency'
        : null;
  return {
    urgent: report.urgent,
    alert: reportAlertSeverity({
      severity: report.severity,
      wantsToStop: report.wantsToStop,
      urgentSymptoms: report.urgentSymptoms,
      symptomAlert: assessment.alert,
    }),
    items: assessment.items.map((i) => ({
      kind: i.kind,
      medicationId: i.medicationId,
      medicationName: i.medicationName,
      symptoms: i.symptoms,
      text: i.text,
      why: i.why,
      source: i.source,
    })),
    resourcesFor,
    // Not sure which medication: the safe default is still "do not stop suddenly" (unless told to stop).
    doNotStopSuddenly: !assessment.overridesDoNotStopSuddenly && (guide ? guide.doNotStopSuddenly : true),
    guideKey: guide?.key ?? null,
  };
}

/**
 * The patient reports side effects (their own form: care-rules.md "Side effects"). Idempotent on the
 * client's id. The dose in effect that day is copied onto the report. The reported symptoms are read
 * against every medication the patient takes (medication-safety.md section 4, catalogue and free-text
 * names alike): the report's urgency, the prescriber's alert and the patient's advice all come from that
 * one assessment. In the same transaction: `side_effect.reported` (the prescriber's alert, naming each
 * medication and its urgent symptoms) and, for suicidal thoughts, `side_effect.self_harm_reported` (the
 * self-harm path, to the whole care team).
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
      const now = deps.clock.now();
      const day = await todayOf(trx, actor.clinicId, patientId, now);
      const meds = await suspectableMedications(trx, actor.clinicId, patientId, day.today, day.ageYears);

      const retry = async () => {
        const existing = await repo.findReportById(trx, input.id);
        if (existing?.patient_id !== patientId || existing.clinic_id !== actor.clinicId)
          throw new AppError('conflict', 'This report id is already used. Send a new id.', [
            { path: 'body.id', message: 'Already used' },
          ]);
        const [report] = await loadReports(trx, actor, patientId, input.id);
        if (!report) throw new Error('report vanished inside its transaction');
        return { report, advice: adviceFor(report, assess(meds, report, day)), created: false };
      };
      if (await repo.findReportById(trx, input.id)) return retry();

      let medication: SuspectableMedication | null = null;
      if (input.medicationId !== null) {
        medication = meds.find((m) => m.id === input.medicationId) ?? null;
        if (!medication)
          throw new AppError('validation_failed', 'Choose one of your current medications, or "not sure".', [
            { path: 'body.medicationId', message: 'Not one of your current medications' },
          ]);
      }
      const symptoms = symptomCodes.filter((c) => input.symptoms.includes(c));
      const assessment = assess(meds, { symptoms, severity: input.severity }, day);
      const urgency = {
        severity: input.severity,
        wantsToStop: input.wantsToStop,
        urgentSymptoms: assessment.urgentSymptoms,
        symptomAlert: assessment.alert,
      };
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
        urgent_symptoms: JSON.stringify(assessment.urgentSymptoms),
        other_text: input.otherText,
        severity: input.severity,
        interference: input.interference,
        wants_to_stop: input.wantsToStop ? 1 : 0,
        urgent: reportAlertSeverity(urgency) === 'urgent' ? 1 : 0,
        reported_by: actor.userId,
        reported_at: now,
        reported_day: day.today,
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
          urgentSymptoms: assessment.urgentSymptoms,
          symptomAlert: assessment.alert,
          advice: assessment.items.map((i) => ({
            kind: i.kind,
            medicationName: i.medicationName,
            symptoms: i.symptoms,
            text: i.text,
          })),
        },
      });
      if (assessment.selfHarm)
        await emitEvent(trx, deps.clock, {
          type: 'side_effect.self_harm_reported',
          clinicId: actor.clinicId,
          patientId,
          payload: { reportId: input.id, medicationNames: meds.map((m) => m.name), severity: input.severity },
        });
      const [report] = await loadReports(trx, actor, patientId, input.id);
      if (!report) throw new Error('report vanished inside its transaction');
      return { report, advice: adviceFor(report, assessment), created: true };
    },
  );
}

/**
 * The patient's reports, newest first, with what the prescriber did about each: bounded (issue 19) to
 * SIDE_EFFECT_REPORTS_MAX, every open one kept, `hasMore` when older ones are not listed.
 */
export function listReports(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
): Promise<{ reports: SideEffectReport[]; hasMore: boolean }> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'side_effect.list', resourceType: 'side_effect_report' },
    async (trx) => {
      const reports = await loadReports(trx, actor, patientId);
      if (reports.length <= SIDE_EFFECT_REPORTS_MAX) return { reports, hasMore: false };
      // One more than the maximum came back: leave out the oldest report that is not open.
      const notOpen = reports.findLastIndex((r) => r.state !== 'open');
      const drop = notOpen >= 0 ? notOpen : reports.length - 1;
      return { reports: reports.filter((_, i) => i !== drop), hasMore: true };
    },
  );
}
