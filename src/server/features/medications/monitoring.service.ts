import { localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import type { MedicationCatalogueTable, MedicationTable } from '../../db/schema-medications.js';
import { clinicSettings } from '../clinic/index.js';
import type { DosePeriod } from '../../../shared/medications/schedule.js';
import { nextDue, testsForPrograms, withEarlierDue } from '../../../shared/medications/monitoring.js';
import { interpretLabResult, isLabTest, unitChoices } from '../../../shared/medication-safety/labs.js';
import {
  followUpAfterResult,
  lithiumLevelAfterDoseChange,
} from '../../../shared/medication-safety/lab-follow-up.js';
import {
  monitoringResultInputSchema,
  type MonitoringItem,
  type MonitoringResult,
  type MonitoringResultInput,
  type MonitoringView,
} from '../../../shared/medications/schemas.js';
import * as repo from './medications.repository.js';
import * as labs from './lab-results.repository.js';
import { loadRegimens } from './regimens.repository.js';
import { toCatalogueEntry } from './medications.mapper.js';
import { storedInterpretation, toLabProfile, toMonitoringResult } from './lab-results.mapper.js';
import { findMedicationForPatient } from './medications.service.js';
import { clinicLabThresholds } from '../clinic-safety-data/index.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

export interface ResultForDue {
  test: string;
  taken_on: string;
  recorded_at?: number;
  interpretation?: string | null;
}

/**
 * Monitoring due items of one patient's medications: each test of each monitoring program of the medication's
 * catalogue entry, due dates counted from the medication's start (shared/medications/monitoring.ts), brought
 * forward by the label's follow-up after the latest result (ANC 3 times weekly / daily) and, for the lithium
 * level, 5-7 days after starting or any dose change (read from the medication's dose periods; issue 11).
 * A result of a test counts for every medication that needs that test.
 */
export function monitoringItems(
  medications: MedicationTable[],
  catalogue: Map<string, MedicationCatalogueTable>,
  results: ResultForDue[],
  today: string,
  periodsByMedication: Map<string, DosePeriod[]> = new Map(),
): MonitoringItem[] {
  const items: MonitoringItem[] = [];
  for (const m of medications) {
    if (m.status === 'stopped' || !m.catalogue_id) continue;
    const entry = catalogue.get(m.catalogue_id);
    if (!entry) continue;
    for (const test of testsForPrograms(toCatalogueEntry(entry).monitoringPrograms)) {
      // Latest first; two results of one day recorded at the same instant: the shorter follow-up first.
      const followUp = (r: ResultForDue) =>
        storedInterpretation(r.interpretation ?? null)?.followUpDays ?? Number.MAX_SAFE_INTEGER;
      const own = results
        .filter((r) => r.test === test.code)
        .sort(
          (a, b) =>
            b.taken_on.localeCompare(a.taken_on) ||
            (b.recorded_at ?? 0) - (a.recorded_at ?? 0) ||
            followUp(a) - followUp(b),
        );
      const days = own.map((r) => r.taken_on);
      let due = nextDue(test, m.start_date, m.end_date, days, today);
      const latest = own[0];
      const meaning = latest ? storedInterpretation(latest.interpretation ?? null) : null;
      if (latest && meaning)
        due = withEarlierDue(
          due,
          followUpAfterResult({
            takenOn: latest.taken_on,
            followUpDays: meaning.followUpDays,
            followUpText: meaning.followUpText,
          }),
          today,
        );
      if (test.code === 'lithium_level')
        due = withEarlierDue(
          due,
          lithiumLevelAfterDoseChange(periodsByMedication.get(m.id) ?? [], days, today),
          today,
        );
      items.push({ medicationId: m.id, medicationName: m.name, ...due, unitChoices: unitChoices(test.code) });
    }
  }
  const rank = { overdue: 0, due_soon: 1, scheduled: 2, none: 3 } as const;
  return items.sort(
    (a, b) => rank[a.status] - rank[b.status] || (a.dueOn ?? '').localeCompare(b.dueOn ?? ''),
  );
}

/** Dose periods of the patient's medications (the medications feature's regimens), by medication id. */
export async function periodsOfPatients(
  db: Db,
  clinicId: string,
  patientIds: string[],
): Promise<Map<string, DosePeriod[]>> {
  const out = new Map<string, DosePeriod[]>();
  for (const list of (await loadRegimens(db, clinicId, patientIds)).values())
    for (const r of list) out.set(r.medicationId, r.periods);
  return out;
}

async function viewOf(trx: Db, deps: AppDeps, actor: Actor, patientId: string): Promise<MonitoringView> {
  const zone = (await patientBasics(trx, actor.clinicId, patientId))?.timeZone;
  if (zone === undefined) throw notFound('Patient');
  const today = localDate(deps.clock.now(), zone);
  const meds = await repo.medicationsOfPatient(trx, actor.clinicId, patientId);
  const entries = await repo.catalogueEntriesByIds(
    trx,
    actor.clinicId,
    meds.flatMap((m) => (m.catalogue_id ? [m.catalogue_id] : [])),
  );
  const results = await labs.labResultsOfPatient(trx, actor.clinicId, patientId);
  const names = await repo.userNames(
    trx,
    actor.clinicId,
    results.map((r) => r.recorded_by),
  );
  const periods = await periodsOfPatients(trx, actor.clinicId, [patientId]);
  const items = monitoringItems(meds, new Map(entries.map((e) => [e.id, e])), results, today, periods);
  const profiles = new Map(
    (await labs.labProfilesOfPatient(trx, actor.clinicId, patientId)).map((p) => [p.medication_id, p]),
  );
  const ancMedications = [...new Set(items.filter((i) => i.code === 'anc').map((i) => i.medicationId))];
  return {
    today,
    items,
    results: results.map((r) => toMonitoringResult(r, names)),
    labProfiles: ancMedications.map((id) => toLabProfile(id, profiles.get(id))),
    clinicUpperLimits: await clinicUpperLimits(trx, actor.clinicId),
    clinicLabThresholds: await clinicLabThresholds(trx, actor.clinicId),
  };
}

/** What is due, overdue and recorded (the care team's view). */
export function monitoringView(deps: AppDeps, actor: Actor, patientId: string): Promise<MonitoringView> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'medication_monitoring.read', resourceType: 'monitoring_result' },
    (trx) => viewOf(trx, deps, actor, patientId),
  );
}

/** Clozapine ANC: the benign-ethnic-neutropenia table applies when the record of the medication says so. */
async function benignEthnicNeutropenia(
  trx: Db,
  clinicId: string,
  patientId: string,
  medicationId: string | null,
): Promise<boolean> {
  const profiles = await labs.labProfilesOfPatient(trx, clinicId, patientId);
  const own = profiles.filter((p) => medicationId === null || p.medication_id === medicationId);
  return own.some((p) => p.benign_ethnic_neutropenia === 1);
}

/** ALT / AST upper limits of normal the clinic admin set (clinic settings), when any. */
async function clinicUpperLimits(trx: Db, clinicId: string): Promise<{ alt?: number; ast?: number }> {
  const settings = await clinicSettings(trx, clinicId);
  return {
    ...(settings.labAltUpperLimit !== undefined ? { alt: settings.labAltUpperLimit } : {}),
    ...(settings.labAstUpperLimit !== undefined ? { ast: settings.labAstUpperLimit } : {}),
  };
}

/**
 * The prescriber records a result (test, value, unit, day). Idempotent on the client's id. A laboratory result
 * is interpreted as it is recorded (shared/medication-safety/labs.ts) and stored with its interpretation; one
 * that cannot be interpreted is refused at its field. Outside the range → `lab.result_flagged` in the same
 * transaction (critical: urgent to the prescriber and the team; high: the prescriber today).
 */
export function recordMonitoringResult(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  raw: MonitoringResultInput,
): Promise<{ result: MonitoringResult; view: MonitoringView; created: boolean }> {
  const input = monitoringResultInputSchema.parse(raw);
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'medication_monitoring.record', resourceType: 'monitoring_result', resourceId: input.id },
    async (trx) => {
      const medication =
        input.medicationId === null
          ? null
          : await findMedicationForPatient(trx, actor.clinicId, patientId, input.medicationId);
      if (input.medicationId !== null && !medication)
        throw new AppError('validation_failed', 'This medication is not one of the patient’s.', [
          { path: 'body.medicationId', message: 'Unknown medication' },
        ]);
      const zone = (await patientBasics(trx, actor.clinicId, patientId))?.timeZone;
      if (zone !== undefined && input.takenOn > localDate(deps.clock.now(), zone))
        throw new AppError('validation_failed', 'The result cannot be from the future.', [
          { path: 'body.takenOn', message: 'This day is in the future: enter the day the sample was taken.' },
        ]);
      const existing = await labs.findLabResult(trx, actor.clinicId, input.id);
      if (existing) {
        if (existing.patient_id !== patientId)
          throw new AppError('conflict', 'This result id is already used. Send a new id.', [
            { path: 'body.id', message: 'Already used' },
          ]);
        const names = await repo.userNames(trx, actor.clinicId, [existing.recorded_by]);
        return {
          result: toMonitoringResult(existing, names),
          view: await viewOf(trx, deps, actor, patientId),
          created: false,
        };
      }
      if (!isLabTest(input.test) && input.upperLimitOfNormal !== null)
        throw new AppError('validation_failed', 'An upper limit of normal applies to ALT and AST only.', [
          {
            path: 'body.upperLimitOfNormal',
            message: 'An upper limit of normal applies to ALT and AST only.',
          },
        ]);
      const reading = isLabTest(input.test)
        ? interpretLabResult(input.test, input.value, input.unit, {
            benignEthnicNeutropenia:
              input.test === 'anc' &&
              (await benignEthnicNeutropenia(trx, actor.clinicId, patientId, input.medicationId)),
            upperLimitOfNormal: input.upperLimitOfNormal,
            clinicUpperLimitOfNormal: await clinicUpperLimits(trx, actor.clinicId),
            // The clinic's own thresholds where its admin changed them (issue 11), else the reference.
            clinicThresholds: await clinicLabThresholds(trx, actor.clinicId),
          })
        : null;
      if (reading && !reading.ok)
        throw new AppError(
          'validation_failed',
          reading.errors[0]?.message ?? 'This result cannot be interpreted.',
          reading.errors.map((e) => ({ path: `body.${e.field}`, message: e.message })),
        );
      const meaning = reading?.ok ? reading.interpretation : null;
      await labs.insertLabResult(trx, {
        id: input.id,
        clinic_id: actor.clinicId,
        patient_id: patientId,
        medication_id: input.medicationId,
        test: input.test,
        value: input.value,
        unit: input.unit,
        taken_on: input.takenOn,
        note: input.note,
        recorded_by: actor.userId,
        recorded_at: deps.clock.now(),
        interpretation: meaning ? JSON.stringify(meaning) : null,
        tier: meaning?.tier ?? null,
        upper_limit_of_normal: input.upperLimitOfNormal,
      });
      const row = await labs.findLabResult(trx, actor.clinicId, input.id);
      if (!row) throw notFound('Result');
      const view = await viewOf(trx, deps, actor, patientId);
      if (meaning && meaning.tier !== 'normal') {
        const item =
          view.items.find((i) => i.code === input.test && i.medicationId === input.medicationId) ??
          view.items.find((i) => i.code === input.test);
        await emitEvent(trx, deps.clock, {
          type: 'lab.result_flagged',
          clinicId: actor.clinicId,
          patientId,
          dedupeKey: `lab-result-flagged:${row.id}`,
          payload: {
            resultId: row.id,
            medicationId: medication?.id ?? item?.medicationId ?? null,
            medicationName: medication?.name ?? item?.medicationName ?? null,
            test: input.test,
            testLabel: item?.label ?? input.test,
            valueText: `${input.value} ${meaning.unit}`,
            takenOn: input.takenOn,
            tier: meaning.tier,
            label: meaning.label,
            action: meaning.action,
            interrupt: meaning.interrupt,
            emergencyAdvice: meaning.emergencyAdvice,
            nextDueOn: item?.dueOn ?? null,
            nextDueReason: item?.reason ?? null,
          },
        });
      }
      const names = await repo.userNames(trx, actor.clinicId, [row.recorded_by]);
      return { result: toMonitoringResult(row, names), view, created: true };
    },
  );
}
