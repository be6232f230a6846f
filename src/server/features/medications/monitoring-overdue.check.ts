import { localDate } from '../../../shared/time/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import type { EventPayload } from '../../../shared/alerts/events.js';
import { everyClinicSettings } from '../clinic/index.js';
import {
  MONITORING_OVERDUE_HIGH_AFTER_DAYS,
  overdueSeverity,
} from '../../../shared/medications/monitoring.js';
import * as repo from './medications.repository.js';
import * as checks from './monitoring-check.repository.js';
import { monitoringItems, periodsOfPatients } from './monitoring.service.js';
import { timeSlices } from '../../platform/single-flight.js';

interface Pending {
  clinicId: string;
  patientId: string;
  payload: EventPayload<'medication.monitoring_overdue'>;
  dedupeKey: string;
}

/**
 * Scheduled check (issue 4): a monitoring check past its due date (any day late) → `medication.monitoring_overdue`
 * routine, once per medication, test and due date; when it is still overdue after more than the clinic's
 * `monitoringOverdueHighDays` (product default 14) a second event at high severity. Dedupe keys make reruns harmless.
 */
export async function checkMonitoringOverdue(deps: AppDeps): Promise<void> {
  // Issue 19: a turn for the event loop whenever a slice has run 8 ms; each commit flushed off the loop.
  const slices = timeSlices();
  const db = deps.database.db;
  const now = deps.clock.now();
  for (const clinic of await everyClinicSettings(db)) {
    const highAfter = clinic.settings.monitoringOverdueHighDays ?? MONITORING_OVERDUE_HIGH_AFTER_DAYS;
    const meds = await checks.monitoredMedications(db, clinic.id);
    if (meds.length === 0) continue;
    const entries = await repo.catalogueEntriesByIds(
      db,
      clinic.id,
      meds.flatMap((m) => (m.catalogue_id ? [m.catalogue_id] : [])),
    );
    const catalogue = new Map(entries.map((e) => [e.id, e]));
    const results = await checks.resultsOfPatients(
      db,
      clinic.id,
      meds.map((m) => m.patient_id),
    );
    // Dose periods: the lithium level falls due 5-7 days after a dose change (issue 11).
    const periods = await periodsOfPatients(
      db,
      clinic.id,
      meds.map((m) => m.patient_id),
    );
    const pending: Pending[] = [];
    for (const m of meds) {
      await slices.maybeYield();
      const today = localDate(now, m.time_zone);
      const own = results.filter((r) => r.patient_id === m.patient_id);
      for (const item of monitoringItems([m], catalogue, own, today, periods)) {
        if (item.status !== 'overdue' || item.dueOn === null) continue;
        const severity = overdueSeverity(item.daysOverdue, highAfter);
        pending.push({
          clinicId: clinic.id,
          patientId: m.patient_id,
          dedupeKey: `medication-monitoring-overdue:${m.id}:${item.code}:${item.dueOn}:${severity}`,
          payload: {
            medicationId: m.id,
            medicationName: m.name,
            test: item.code,
            testLabel: item.label,
            dueOn: item.dueOn,
            daysOverdue: item.daysOverdue,
            severity,
            prescriberId: m.prescribed_by,
          },
        });
      }
    }
    const seen = await checks.existingDedupeKeys(
      db,
      pending.map((p) => p.dedupeKey),
    );
    const fresh = pending.filter((p) => !seen.has(p.dedupeKey));
    for (let i = 0; i < fresh.length; i += 200) {
      const batch = fresh.slice(i, i + 200);
      await slices.maybeYield();
      await deps.database.durableTransaction(async (trx) => {
        for (const e of batch)
          await emitEvent(trx, deps.clock, { type: 'medication.monitoring_overdue', ...e });
      });
    }
  }
}
