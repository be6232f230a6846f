import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { withPatientRecord } from '../../platform/access/patient-access.js';
import type {
  MedicationCatalogueTable,
  MedicationTable,
  MonitoringResultTable,
} from '../../db/schema-medications.js';
import { localDay } from '../../../shared/medications/local-time.js';
import { nextDue, testsForPrograms } from '../../../shared/medications/monitoring.js';
import {
  monitoringResultInputSchema,
  type MonitoringItem,
  type MonitoringResult,
  type MonitoringResultInput,
  type MonitoringView,
} from '../../../shared/medications/schemas.js';
import * as repo from './medications.repository.js';
import { toCatalogueEntry, toResult } from './medications.mapper.js';
import { findMedicationForPatient, requirePrescriber } from './medications.service.js';

/**
 * Monitoring due items of one patient's medications: each test of each monitoring program of the medication's
 * catalogue entry, due dates counted from the medication's start (shared/medications/monitoring.ts).
 * A result of a test counts for every medication that needs that test.
 */
export function monitoringItems(
  medications: MedicationTable[],
  catalogue: Map<string, MedicationCatalogueTable>,
  results: Pick<MonitoringResultTable, 'test' | 'taken_on'>[],
  today: string,
): MonitoringItem[] {
  const items: MonitoringItem[] = [];
  for (const m of medications) {
    if (m.status === 'stopped' || !m.catalogue_id) continue;
    const entry = catalogue.get(m.catalogue_id);
    if (!entry) continue;
    for (const test of testsForPrograms(toCatalogueEntry(entry).monitoringPrograms)) {
      const days = results.filter((r) => r.test === test.code).map((r) => r.taken_on);
      const due = nextDue(test, m.start_date, m.end_date, days, today);
      items.push({ medicationId: m.id, medicationName: m.name, ...due });
    }
  }
  const rank = { overdue: 0, due_soon: 1, scheduled: 2, none: 3 } as const;
  return items.sort(
    (a, b) => rank[a.status] - rank[b.status] || (a.dueOn ?? '').localeCompare(b.dueOn ?? ''),
  );
}

async function viewOf(trx: Db, deps: AppDeps, actor: Actor, patientId: string): Promise<MonitoringView> {
  const zone = await repo.patientZone(trx, actor.clinicId, patientId);
  if (zone === null) throw notFound('Patient');
  const today = localDay(deps.clock.now(), zone);
  const meds = await repo.medicationsOfPatient(trx, actor.clinicId, patientId);
  const entries = await repo.catalogueEntriesByIds(
    trx,
    actor.clinicId,
    meds.flatMap((m) => (m.catalogue_id ? [m.catalogue_id] : [])),
  );
  const results = await repo.resultsOfPatient(trx, actor.clinicId, patientId);
  const names = await repo.userNames(
    trx,
    actor.clinicId,
    results.map((r) => r.recorded_by),
  );
  return {
    today,
    items: monitoringItems(meds, new Map(entries.map((e) => [e.id, e])), results, today),
    results: results.map((r) => toResult(r, names)),
  };
}

/** What is due, overdue and recorded (the care team's view). */
export function monitoringView(deps: AppDeps, actor: Actor, patientId: string): Promise<MonitoringView> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'medication_monitoring.read', resourceType: 'monitoring_result' },
    (trx) => viewOf(trx, deps, actor, patientId),
  );
}

/** The prescriber records a result (test, value, unit, day). Idempotent on the client's id. */
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
      await requirePrescriber(trx, actor, patientId);
      if (
        input.medicationId !== null &&
        !(await findMedicationForPatient(trx, actor.clinicId, patientId, input.medicationId))
      )
        throw new AppError('validation_failed', 'This medication is not one of the patient’s.', [
          { path: 'body.medicationId', message: 'Unknown medication' },
        ]);
      const zone = await repo.patientZone(trx, actor.clinicId, patientId);
      if (zone !== null && input.takenOn > localDay(deps.clock.now(), zone))
        throw new AppError('validation_failed', 'The result cannot be from the future.', [
          { path: 'body.takenOn', message: 'In the future' },
        ]);
      const created = await repo.insertResult(trx, {
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
      });
      const row = await repo.findResult(trx, actor.clinicId, input.id);
      if (row?.patient_id !== patientId)
        throw new AppError('conflict', 'This result id is already used. Send a new id.', [
          { path: 'body.id', message: 'Already used' },
        ]);
      const names = await repo.userNames(trx, actor.clinicId, [row.recorded_by]);
      return { result: toResult(row, names), view: await viewOf(trx, deps, actor, patientId), created };
    },
  );
}
