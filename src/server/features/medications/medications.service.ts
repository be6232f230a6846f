import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { firstOf } from '../../../shared/lists/limit-query.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import type { MedicationTable } from '../../db/schema-medications.js';
import type { DosePeriod } from '../../../shared/medications/schedule.js';
import {
  startMedicationSchema,
  type Medication,
  type MedicationDetail,
  type MedicationList,
  type StartMedicationInput,
} from '../../../shared/medications/schemas.js';
import * as repo from './medications.repository.js';
import { periodRows, periodText, stepPeriods, stepsText } from './medication-periods.js';
import { toChange, toMedication } from './medications.mapper.js';
import { enforcePrescribingChecks, loadPrescribingFacts, resolveToCatalogue } from './prescribing-checks.js';
import { todayOf } from './patient-today.js';

/**
 * A patient's medication records (issue 4). Only the prescriber on the patient's care team starts, changes,
 * pauses, resumes or stops a medication; everyone else on the team and the patient read. Every change keeps
 * a row in medication_changes with its reason. Duet records what was prescribed; it does not send
 * prescriptions to pharmacies.
 */

// todayOf lives in patient-today.ts (prescribing-checks.ts uses it too, without importing this file).
export { todayOf };

/** Reads medication records of one patient as the API shape (with catalogue facts and names). */
export async function medicationViews(
  trx: Db,
  clinicId: string,
  rows: MedicationTable[],
  today: string,
): Promise<Medication[]> {
  const periods = await repo.periodsOf(
    trx,
    rows.map((r) => r.id),
  );
  const catalogue = await repo.catalogueEntriesByIds(
    trx,
    clinicId,
    rows.flatMap((r) => (r.catalogue_id ? [r.catalogue_id] : [])),
  );
  const byId = new Map(catalogue.map((c) => [c.id, c]));
  const names = await repo.userNames(
    trx,
    clinicId,
    rows.map((r) => r.prescribed_by),
  );
  return rows.map((r) =>
    toMedication(r, periods, r.catalogue_id ? byId.get(r.catalogue_id) : undefined, names, today),
  );
}

/** The medication record when it belongs to this patient (else undefined): other features use this. */
export async function findMedicationForPatient(
  db: Db,
  clinicId: string,
  patientId: string,
  medicationId: string,
) {
  const row = await repo.findMedication(db, clinicId, medicationId);
  return row?.patient_id === patientId ? row : undefined;
}

export async function detailOf(
  trx: Db,
  clinicId: string,
  row: MedicationTable,
  today: string,
): Promise<MedicationDetail> {
  const [medication] = await medicationViews(trx, clinicId, [row], today);
  if (!medication) throw new Error('medication vanished inside its transaction');
  const changes = await repo.changesOf(trx, clinicId, row.id);
  const names = await repo.userNames(
    trx,
    clinicId,
    changes.map((c) => c.changed_by),
  );
  return { today, medication, changes: changes.map((c) => toChange(c, names)) };
}

/**
 * Starts a medication (with optional titration steps planned at once). Idempotent on the client's id: a
 * retry returns the first record. Usable from seeds: `startMedication(deps, prescriberActor, patientId, input)`.
 */
export function startMedication(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  raw: StartMedicationInput,
): Promise<MedicationDetail & { created: boolean }> {
  const input = startMedicationSchema.parse(raw);
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'medication.start', resourceType: 'medication', resourceId: input.id },
    async (trx) => {
      const { today } = await todayOf(trx, deps, actor.clinicId, patientId);
      const retry = async () => {
        const existing = await repo.findMedication(trx, actor.clinicId, input.id);
        if (existing?.patient_id !== patientId)
          throw new AppError('conflict', 'This medication id is already used. Send a new id.', [
            { path: 'body.id', message: 'Already used' },
          ]);
        return { ...(await detailOf(trx, actor.clinicId, existing, today)), created: false };
      };
      if (await repo.findMedication(trx, actor.clinicId, input.id)) return retry();

      let name = input.name ?? '';
      let drugClass: string | null = null;
      const now = deps.clock.now();
      const facts = await loadPrescribingFacts(trx, actor.clinicId, patientId, today, now, null);
      // A brand or salt typed as free text means the catalogue entry (issue 11), so its checks,
      // monitoring, guide and urgent symptoms apply.
      const catalogueId = input.catalogueId ?? resolveToCatalogue(facts.catalogue, name)?.id ?? null;
      const entryFacts = catalogueId === null ? undefined : facts.catalogue.byId.get(catalogueId);
      if (catalogueId !== null) {
        if (!entryFacts || entryFacts.active !== 1)
          throw new AppError('validation_failed', 'This medication is not in the clinic’s catalogue.', [
            { path: 'body.catalogueId', message: 'Unknown or inactive entry' },
          ]);
        name =
          name.length > 0
            ? name
            : entryFacts.generic_name.charAt(0).toUpperCase() + entryFacts.generic_name.slice(1);
        drugClass = entryFacts.drug_class;
      } else if (!input.monitoringAnswer)
        throw new AppError('validation_failed', `Duet does not know “${name}”.`, [
          {
            path: 'body.monitoringAnswer',
            message: `“${name}” is not in the catalogue, nor a brand or salt of a catalogue medicine. Say whether it needs monitoring (blood levels, blood counts, ECG …).`,
          },
        ]);
      const checks = enforcePrescribingChecks(facts, {
        entry: entryFacts,
        name,
        form: input.form,
        doses: [
          {
            path: 'body.doseAmount',
            unitPath: 'body.doseUnit',
            label: 'The dose',
            amount: input.doseAmount,
            unit: input.doseUnit,
            schedule: input.schedule,
          },
          ...input.steps.map((s, i) => ({
            path: `body.steps.${String(i)}.doseAmount`,
            unitPath: `body.steps.${String(i)}.doseUnit`,
            label: `Step ${String(i + 1)}`,
            amount: s.doseAmount,
            unit: s.doseUnit,
            schedule:
              s.schedule ??
              input.steps
                .slice(0, i)
                .reverse()
                .find((x) => x.schedule)?.schedule ??
              input.schedule,
          })),
        ],
        steps: input.steps,
        stepsAfter: input.startDate,
        overMaximumReason: input.overMaximumReason,
        safetyAnswers: input.safetyAnswers,
      });
      const first: DosePeriod = {
        from: input.startDate,
        doseAmount: input.doseAmount,
        doseUnit: input.doseUnit,
        schedule: input.schedule,
        paused: false,
      };
      const steps = stepPeriods(first, input.steps);
      if (input.endDate !== null && steps.some((s) => s.from > (input.endDate ?? '')))
        throw new AppError('validation_failed', 'A step starts after the end date.', [
          { path: 'body.steps', message: 'After the end date' },
        ]);
      const inserted = await repo.insertMedication(trx, {
        id: input.id,
        clinic_id: actor.clinicId,
        patient_id: patientId,
        catalogue_id: catalogueId,
        name,
        drug_class: drugClass,
        form: input.form,
        route: input.route,
        instructions: input.instructions,
        start_date: input.startDate,
        end_date: input.endDate,
        status: 'active',
        prescribed_by: actor.userId,
        monitoring_answer:
          catalogueId === null && input.monitoringAnswer ? JSON.stringify(input.monitoringAnswer) : null,
        created_at: now,
        updated_at: now,
        version: 1,
      });
      if (!inserted) return retry();
      const changeId = newId();
      await repo.insertChange(trx, {
        id: changeId,
        clinic_id: actor.clinicId,
        patient_id: patientId,
        medication_id: input.id,
        kind: 'started',
        summary:
          `Started ${name} ${periodText(first)} from ${input.startDate}` +
          (steps.length > 0 ? `; then ${stepsText(steps)}` : '') +
          (input.endDate ? `; until ${input.endDate}` : ''),
        reason: input.reason,
        effective_on: input.startDate,
        changed_by: actor.userId,
        changed_at: now,
        side_effect_report_id: null,
        over_maximum: checks.overMaximum ? JSON.stringify(checks.overMaximum) : null,
        safety_answers: checks.answers.length > 0 ? JSON.stringify(checks.answers) : null,
      });
      const overPaths = ['body.doseAmount', ...steps.map((_, i) => `body.steps.${String(i)}.doseAmount`)];
      await repo.insertPeriods(
        trx,
        periodRows(actor.clinicId, input.id, changeId, [first, ...steps], now).map((row, i) => ({
          ...row,
          over_maximum_reason: checks.overPaths.has(overPaths[i] ?? '')
            ? (checks.overMaximum?.reason ?? null)
            : null,
        })),
      );
      const row = await repo.findMedication(trx, actor.clinicId, input.id);
      if (!row) throw new Error('medication vanished inside its transaction');
      return { ...(await detailOf(trx, actor.clinicId, row, today)), created: true };
    },
  );
}

/** All of a patient's medications (current and past) with today's dose and upcoming steps. */
/** Every current medication, then the latest stopped ones, at most `limit`; `hasMore` when cut (issue 19). */
export function listMedications(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  limit: number,
): Promise<MedicationList> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'medication.list', resourceType: 'medication' },
    async (trx) => {
      const { zone, today } = await todayOf(trx, deps, actor.clinicId, patientId);
      const found = await repo.medicationsToList(trx, actor.clinicId, patientId, limit + 1);
      const { rows, hasMore } = firstOf(found, limit);
      // Answered latest start first, as before the bound.
      rows.sort(
        (a, b) =>
          (a.start_date < b.start_date ? 1 : a.start_date > b.start_date ? -1 : 0) || (a.id < b.id ? -1 : 1),
      );
      const medications = await medicationViews(trx, actor.clinicId, rows, today);
      return { today, timeZone: zone, medications, hasMore };
    },
  );
}

/** One medication with its full change history. */
export function getMedication(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  medicationId: string,
): Promise<MedicationDetail> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'medication.read', resourceType: 'medication', resourceId: medicationId },
    async (trx) => {
      const row = await findMedicationForPatient(trx, actor.clinicId, patientId, medicationId);
      if (!row) throw notFound('Medication');
      const { today } = await todayOf(trx, deps, actor.clinicId, patientId);
      return detailOf(trx, actor.clinicId, row, today);
    },
  );
}
