import type { FhirResourceType } from '../../../../shared/fhir/scopes.js';
import { findInstrument, instrumentList } from '../../../../shared/measures/instruments.js';
import type { Answers } from '../../../../shared/measures/scoring.js';
import { toPatient } from '../../../../shared/fhir/mappings/patient.js';
import { toCareTeam } from '../../../../shared/fhir/mappings/care-team.js';
import { observationParts } from '../../../../shared/fhir/mappings/observation.js';
import type { ScoredAnswerInput } from '../../../../shared/fhir/mappings/questionnaire-response.js';
import { toQuestionnaire } from '../../../../shared/fhir/mappings/questionnaire.js';
import { toMedicationRequest } from '../../../../shared/fhir/mappings/medication-request.js';
import { toAppointment } from '../../../../shared/fhir/mappings/appointment.js';
import { toPractitioner } from '../../../../shared/fhir/mappings/practitioner.js';
import { toOrganization } from '../../../../shared/fhir/mappings/organization.js';
import { toPractitionerRole } from '../../../../shared/fhir/mappings/practitioner-role.js';
import { toEncounter } from '../../../../shared/fhir/mappings/encounter.js';
import { doseScheduleSchema } from '../../../../shared/medications/schemas.js';
import * as fhirRepo from '../fhir.repository.js';
import { clinicianRoles } from '../fhir-clinical-records.repository.js';
import * as repo from './export.repository.js';
import { observationJson, questionnaireResponseText } from './export-json.js';
import { emitIf, groupBy, reaches, type ExportRun } from './export-run.js';
import {
  exportAccess,
  exportAllergies,
  exportDoses,
  exportMessages,
  exportPlans,
} from './export-care-records.js';

export type { ExportRun } from './export-run.js';

/** The clinic, its clinicians and the questionnaires (no patient data). */
export async function exportDirectory(run: ExportRun): Promise<boolean> {
  if (run.wants('Organization')) {
    const clinic = await fhirRepo.clinicById(run.db, run.clinicId);
    if (clinic)
      await emitIf(
        run,
        toOrganization({ id: clinic.id, name: clinic.name, createdAt: clinic.created_at }),
        null,
      );
  }
  if (run.wants('Practitioner'))
    for (const u of await fhirRepo.cliniciansOfClinic(run.db, run.clinicId))
      await emitIf(
        run,
        toPractitioner({
          id: u.id,
          name: u.name,
          active: u.status === 'active',
          version: u.version,
          updatedAt: u.updated_at,
        }),
        null,
      );
  if (run.wants('Questionnaire'))
    for (const i of instrumentList) await emitIf(run, toQuestionnaire(i, run), null);
  if (run.wants('PractitionerRole'))
    for (const u of await clinicianRoles(run.db, run.clinicId, null))
      await emitIf(
        run,
        toPractitionerRole({
          id: u.id,
          clinicId: u.clinic_id,
          name: u.name,
          role: u.role,
          active: u.status === 'active',
          version: u.version,
          updatedAt: u.updated_at,
        }),
        null,
      );
  return run.afterPage('Organization');
}

/** Patients and their care teams (one CareTeam per patient, its id the patient's). */
export async function exportPatients(run: ExportRun): Promise<boolean> {
  let after = '';
  for (;;) {
    const rows = await repo.patientsPage(run.db, run.clinicId, after, run.batch);
    const last = rows.at(-1);
    if (!last) return true;
    const members = run.wants('CareTeam')
      ? await repo.careTeamsOfRange(run.db, run.clinicId, after, last.id)
      : [];
    const teams = groupBy(members, (x) => x.patient_id);
    for (const p of rows) {
      if (!reaches(run, p.id)) continue;
      const own = teams.get(p.id) ?? [];
      if (run.wants('Patient'))
        await emitIf(
          run,
          toPatient(
            {
              id: p.id,
              clinicId: p.clinic_id,
              givenName: p.given_name,
              familyName: p.family_name,
              birthDate: p.birth_date,
              email: p.email,
              phone: p.phone,
              medicalRecordNumber: p.medical_record_number,
              version: p.version,
              updatedAt: p.updated_at,
            },
            run,
          ),
          p.id,
        );
      if (run.wants('CareTeam'))
        await emitIf(
          run,
          toCareTeam({
            patientId: p.id,
            clinicId: p.clinic_id,
            version: p.care_team_version,
            updatedAt: Math.max(p.updated_at, ...own.map((o) => o.added_at)),
            members: own.map((o) => ({ userId: o.user_id, name: o.name, role: o.role })),
          }),
          p.id,
        );
    }
    if (!(await run.afterPage(run.wants('Patient') ? 'Patient' : 'CareTeam'))) return false;
    if (rows.length < run.batch) return true;
    after = last.id;
  }
}

/** The stored answers, read without a schema library on the hot path (checked by hand; a bad one is named). */
function answersOf(text: string): Answers | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { items, functional } = parsed as { items?: unknown; functional?: unknown };
  const okValue = (v: unknown) => v === null || v === undefined || typeof v === 'number';
  if (!Array.isArray(items) || !items.every(okValue) || !okValue(functional)) return null;
  return { items: items, functional: functional };
}

function answerInput(row: repo.ExportAnswerRow, clinicians: ReadonlySet<string>): ScoredAnswerInput | null {
  const instrument = findInstrument(row.instrument);
  const answers = answersOf(row.answers);
  if (!instrument || !answers) return null;
  return {
    id: row.id,
    patientId: row.patient_id,
    instrument,
    answers,
    total: row.total,
    item9: row.item9,
    source: row.source,
    // An answer entered in session names its clinician (a Practitioner); the patient's own or an integration's none.
    enteredBy: clinicians.has(row.entered_by) ? row.entered_by : null,
    answeredAt: row.answered_at,
    createdAt: row.created_at,
  };
}

/** Questionnaire answers as QuestionnaireResponses and their scores as Observations, in one pass. */
export async function exportAnswers(run: ExportRun): Promise<boolean> {
  const qr = run.wants('QuestionnaireResponse');
  const obs = run.wants('Observation');
  // The clinic's clinicians (one query, instead of a join per answer).
  const clinicians = new Set((await fhirRepo.cliniciansOfClinic(run.db, run.clinicId)).map((u) => u.id));
  let after = '';
  for (;;) {
    const rows = await repo.answersPage(run.db, run.clinicId, after, run.since ?? -1, run.until, run.batch);
    const last = rows.at(-1);
    if (!last) return true;
    for (const row of rows) {
      if (!reaches(run, row.patient_id)) continue;
      const input = answerInput(row, clinicians);
      if (!input) {
        await run.unreadable(qr ? 'QuestionnaireResponse' : 'Observation', row.id);
        continue;
      }
      if (qr) {
        const json = questionnaireResponseText(input, run);
        const pending = run.emitJson('QuestionnaireResponse', json, row.patient_id);
        if (pending) await pending;
      }
      if (obs)
        for (const part of observationParts) {
          const json = observationJson(input, part);
          const pending = json === null ? undefined : run.emitJson('Observation', json, row.patient_id);
          if (pending) await pending;
        }
    }
    if (!(await run.afterPage(qr ? 'QuestionnaireResponse' : 'Observation'))) return false;
    if (rows.length < run.batch) return true;
    after = last.id;
  }
}

/** Prescriptions with their regimen (each dose period a dosage instruction). */
export async function exportMedications(run: ExportRun): Promise<boolean> {
  let after = '';
  for (;;) {
    const rows = await repo.medicationsPage(run.db, run.clinicId, after, run.batch);
    const last = rows.at(-1);
    if (!last) return true;
    const periods = await repo.periodsOfRange(run.db, run.clinicId, after, last.id);
    const regimens = groupBy(periods, (x) => x.medication_id);
    for (const m of rows) {
      if (!reaches(run, m.patient_id)) continue;
      const own = regimens.get(m.id) ?? [];
      const schedules = own.map((o) => doseScheduleSchema.safeParse(JSON.parse(o.schedule)));
      if (schedules.some((s) => !s.success)) {
        await run.unreadable('MedicationRequest', m.id);
        continue;
      }
      await emitIf(
        run,
        toMedicationRequest({
          id: m.id,
          patientId: m.patient_id,
          name: m.name,
          rxnormCode: m.rxnorm_code,
          route: m.route,
          instructions: m.instructions,
          startDate: m.start_date,
          endDate: m.end_date,
          status: m.status,
          prescribedBy: m.prescribed_by,
          version: m.version,
          updatedAt: m.updated_at,
          periods: own.flatMap((o, i) => {
            const s = schedules[i];
            return s?.success
              ? [
                  {
                    from: o.starts_on,
                    doseAmount: o.dose_amount,
                    doseUnit: o.dose_unit,
                    schedule: s.data,
                    paused: Boolean(o.paused),
                  },
                ]
              : [];
          }),
        }),
        m.patient_id,
      );
    }
    if (!(await run.afterPage('MedicationRequest'))) return false;
    if (rows.length < run.batch) return true;
    after = last.id;
  }
}

/** Appointments, and those that took place (attended) as finished Encounters (the Encounter's id is theirs). */
export async function exportAppointments(run: ExportRun): Promise<boolean> {
  const appointments = run.wants('Appointment');
  const encounters = run.wants('Encounter');
  let after = '';
  for (;;) {
    const rows = await repo.appointmentsPage(run.db, run.clinicId, after, run.batch);
    const last = rows.at(-1);
    if (!last) return true;
    for (const r of rows) {
      if (!reaches(run, r.patient_id)) continue;
      if (appointments)
        await emitIf(
          run,
          toAppointment({
            id: r.id,
            patientId: r.patient_id,
            clinicianId: r.clinician_id,
            type: r.type,
            status: r.status,
            mode: r.mode,
            startsAt: r.starts_at,
            endsAt: r.ends_at,
            durationMinutes: r.duration_minutes,
            cancelReason: r.cancel_reason,
            createdAt: r.created_at,
            updatedAt: r.updated_at,
            version: r.version,
          }),
          r.patient_id,
        );
      if (encounters && r.status === 'attended')
        await emitIf(
          run,
          toEncounter({
            id: r.id,
            patientId: r.patient_id,
            clinicianId: r.clinician_id,
            type: r.type,
            mode: r.mode,
            startsAt: r.starts_at,
            endsAt: r.ends_at,
            clinicId: run.clinicId,
            updatedAt: r.updated_at,
            version: r.version,
          }),
          r.patient_id,
        );
    }
    if (!(await run.afterPage(appointments ? 'Appointment' : 'Encounter'))) return false;
    if (rows.length < run.batch) return true;
    after = last.id;
  }
}

/** The sources in file order, with the types each one writes. */
export const exportSources: readonly {
  types: readonly FhirResourceType[];
  run: (run: ExportRun) => Promise<boolean>;
}[] = [
  { types: ['Organization', 'Practitioner', 'Questionnaire', 'PractitionerRole'], run: exportDirectory },
  { types: ['Patient', 'CareTeam'], run: exportPatients },
  { types: ['QuestionnaireResponse', 'Observation'], run: exportAnswers },
  { types: ['MedicationRequest'], run: exportMedications },
  { types: ['Appointment', 'Encounter'], run: exportAppointments },
  { types: ['CarePlan', 'Goal', 'Condition'], run: exportPlans },
  { types: ['MedicationStatement'], run: exportDoses },
  { types: ['AllergyIntolerance'], run: exportAllergies },
  { types: ['Communication'], run: exportMessages },
  { types: ['AuditEvent'], run: exportAccess },
];
